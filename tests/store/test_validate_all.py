"""`dashboard validate` reports every problem in one run (issue 11, item 11): problems of
types and allowed values, of references between tables, of unreadable or incomplete tables,
however many there are; and a store is checked at its live version, without falling back."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from dashboard.cli import main
from dashboard.store.dataset import commit_version


def spoil(folder: Path, table: str, row: int, column: str, value: str) -> None:
    frame = pd.read_csv(folder / f"{table}.csv", dtype=str, keep_default_na=False)
    frame.loc[row, column] = value
    frame.to_csv(folder / f"{table}.csv", index=False)


def test_five_problems_in_one_run(csv_dataset: Path, capsys) -> None:
    spoil(csv_dataset, "observations", 0, "value", "x")
    spoil(csv_dataset, "areas", 3, "level", "galaxy")
    spoil(csv_dataset, "indicators", 0, "polarity", "up")
    spoil(csv_dataset, "areas", 5, "parent_code", "9999")
    spoil(csv_dataset, "indicators", 1, "unit", "furlongs")
    assert main(["validate", str(csv_dataset)]) == 1
    err = capsys.readouterr().err
    assert "5 problem(s)" in err
    for where in ("observations.csv, row 1 (line 2), column 'value': 'x' is not a number",
                  "areas.csv, row 4 (line 5), column 'level': 'galaxy' is not one of",
                  "indicators.csv, row 1 (line 2), column 'polarity': 'up' is not one of",
                  "areas.csv, row 6 (line 7), column 'parent_code': '9999' is not a known",
                  "indicators.csv, row 2 (line 3), column 'unit': 'furlongs' is not a known"):
        assert where in err


def test_unreadable_and_incomplete_tables_do_not_hide_the_rest(csv_dataset: Path,
                                                               capsys) -> None:
    (csv_dataset / "sources.csv").write_bytes(b"id,publisher\n\xff\xfe broken\n")
    groups = pd.read_csv(csv_dataset / "groups.csv", dtype=str, keep_default_na=False)
    groups.drop(columns=["label_en"]).to_csv(csv_dataset / "groups.csv", index=False)
    spoil(csv_dataset, "observations", 2, "area_code", "1280SD99")
    spoil(csv_dataset, "areas", 5, "parent_code", "9999")
    assert main(["validate", str(csv_dataset)]) == 1
    err = capsys.readouterr().err
    assert "4 problem(s)" in err
    assert "sources.csv: cannot be read as UTF-8 CSV" in err
    assert "groups.csv, column 'label_en': required column is missing" in err
    assert "observations.csv, row 3 (line 4), column 'area_code': '1280SD99'" in err
    assert "areas.csv, row 6 (line 7), column 'parent_code'" in err


def test_every_problem_is_printed_even_beyond_the_summary(csv_dataset: Path,
                                                          capsys) -> None:
    for row in range(30):
        spoil(csv_dataset, "areas", row, "name", "")
        spoil(csv_dataset, "observations", row, "flag", "weird")
    assert main(["validate", str(csv_dataset)]) == 1
    err = capsys.readouterr().err
    assert err.count("is empty; a value is required") == 20
    assert err.count("is not a known flag") == 20
    assert err.count("10 more row(s) with the same problem") == 2


def test_store_is_validated_at_its_live_version(tmp_path: Path, dataset, capsys) -> None:
    root = tmp_path / "store"
    commit_version(dataset, root)
    assert main(["validate", str(root)]) == 0
    assert (f"OK: {len(dataset.observations)} observations, {len(dataset.indicators)} "
            f"indicators, {len(dataset.areas)} areas, {len(dataset.sources)} sources"
            ) in capsys.readouterr().out
    live = commit_version(dataset, root)
    (root / "versions" / live / "areas.parquet").write_bytes(b"broken")
    assert main(["validate", str(root)]) == 1
    err = capsys.readouterr().err
    assert f"versions/{live}/areas.parquet: cannot be read as Parquet" in err
