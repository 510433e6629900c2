"""`dashboard ingest tidy-csv` (issue 11, item 11): columns that may be empty may also be left
out of the files; every problem of every file is reported in one run."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from dashboard.cli import main
from dashboard.core.problems import DatasetError
from dashboard.ingest.files import read_tidy_folder
from dashboard.store.dataset import read_dataset

TIDY = Path(__file__).resolve().parents[1] / "live" / "fixtures" / "tidy_csv"
OPTIONAL = ["numerator", "denominator", "se", "ci_low", "ci_high", "ci_method", "population",
            "flag", "note"]


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "tidy"
    shutil.copytree(TIDY, target)
    return target


def _drop(path: Path, columns: list[str]) -> None:
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame.drop(columns=[c for c in columns if c in frame]).to_csv(path, index=False)


def test_ingest_without_the_optional_columns(folder: Path, tmp_path: Path, capsys) -> None:
    _drop(folder / "observations.csv", OPTIONAL)
    _drop(folder / "indicators.csv", ["ci_method", "caveats_sv", "caveats_en"])
    home = tmp_path / "home"
    assert main(["ingest", "tidy-csv", str(folder), "--home", str(home)]) == 0
    assert "3 observations" in capsys.readouterr().out
    obs = read_dataset(home / "store").observations
    mine = obs[obs["indicator_id"] == "fixture_screening"]
    assert sorted(mine["value"]) == [58.0, 71.5, 75.0]
    assert mine[["se", "ci_low", "ci_high", "numerator"]].isna().all().all()


def test_every_file_problem_is_reported_at_once(folder: Path) -> None:
    _drop(folder / "observations.csv", ["source_id"])
    _drop(folder / "indicators.csv", ["unit"])
    (folder / "sources.csv").write_bytes(b"id\n\xff\n")
    with pytest.raises(DatasetError) as caught:
        read_tidy_folder(folder)
    found = {(Path(p.file).name, p.column) for p in caught.value.problems}
    assert found == {("observations.csv", "source_id"), ("indicators.csv", "unit"),
                     ("sources.csv", None)}
