"""Loading refuses bad data with a message naming file, row and column, and loads nothing."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from dashboard.core.problems import DatasetError
from dashboard.store.dataset import read_dataset


def spoil(folder: Path, table: str, row: int, column: str, value: str) -> None:
    frame = pd.read_csv(folder / f"{table}.csv", dtype=str, keep_default_na=False)
    frame.loc[row, column] = value
    frame.to_csv(folder / f"{table}.csv", index=False)


def refused(folder: Path) -> DatasetError:
    with pytest.raises(DatasetError) as info:
        read_dataset(folder)
    return info.value


def test_clean_csv_dataset_loads(csv_dataset: Path, dataset) -> None:
    loaded = read_dataset(csv_dataset)
    assert len(loaded.observations) == len(dataset.observations)
    assert loaded.observations["value"].dtype == "float64"


def test_missing_column_is_named(csv_dataset: Path) -> None:
    frame = pd.read_csv(csv_dataset / "observations.csv", dtype=str)
    frame.drop(columns=["source_id"]).to_csv(csv_dataset / "observations.csv", index=False)
    err = refused(csv_dataset)
    problem = err.problems[0]
    assert problem.file.endswith("observations.csv")
    assert problem.column == "source_id"
    assert "missing" in problem.message


def test_wrong_type_names_row_line_and_column(csv_dataset: Path) -> None:
    spoil(csv_dataset, "observations", 4, "value", "sjuttiosju")
    err = refused(csv_dataset)
    [problem] = err.problems
    assert (problem.row, problem.line, problem.column) == (5, 6, "value")
    assert "'sjuttiosju' is not a number" in str(problem)
    assert "observations.csv, row 5 (line 6), column 'value'" in str(err)


@pytest.mark.parametrize(("column", "value", "what"), [
    ("area_code", "1280SD99", "area"),
    ("indicator_id", "lifespan", "indicator"),
    ("source_id", "src-nowhere", "source"),
])
def test_unknown_codes_are_refused(csv_dataset: Path, column: str, value: str,
                                   what: str) -> None:
    spoil(csv_dataset, "observations", 10, column, value)
    [problem] = refused(csv_dataset).problems
    assert (problem.row, problem.column) == (11, column)
    assert f"not a known {what} code" in problem.message
    assert value in problem.message


def test_duplicate_key_is_refused(csv_dataset: Path) -> None:
    frame = pd.read_csv(csv_dataset / "observations.csv", dtype=str, keep_default_na=False)
    pd.concat([frame, frame.iloc[[3]]]).to_csv(csv_dataset / "observations.csv", index=False)
    [problem] = refused(csv_dataset).problems
    assert problem.row == len(frame) + 1
    assert "repeats the key" in problem.message


def test_negative_population_is_refused(csv_dataset: Path) -> None:
    spoil(csv_dataset, "observations", 0, "population", "-5")
    [problem] = refused(csv_dataset).problems
    assert (problem.row, problem.column) == (1, "population")
    assert "negative" in problem.message


def test_value_outside_unit_range_is_refused(csv_dataset: Path) -> None:
    frame = pd.read_csv(csv_dataset / "observations.csv", dtype=str, keep_default_na=False)
    row = int(frame.index[frame["indicator_id"] == "forvarvsfrekvens"][0])
    spoil(csv_dataset, "observations", row, "value", "104.5")
    [problem] = refused(csv_dataset).problems
    assert (problem.row, problem.column) == (row + 1, "value")
    assert "outside the range of its unit" in problem.message
    assert "percent: 0 to 100" in problem.message


def test_ci_must_surround_value_and_flags_must_be_known(csv_dataset: Path) -> None:
    spoil(csv_dataset, "observations", 0, "ci_low", "90")
    spoil(csv_dataset, "observations", 1, "flag", "dubious")
    problems = {(p.row, p.column) for p in refused(csv_dataset).problems}
    assert problems == {(1, "ci_low"), (2, "flag")}


def test_empty_value_needs_suppressed_flag(csv_dataset: Path, dataset) -> None:
    assert pd.notna(dataset.observations.loc[2, "value"])  # a row that has a value
    spoil(csv_dataset, "observations", 2, "value", "")
    [problem] = refused(csv_dataset).problems
    assert "suppressed" in problem.message
    spoil(csv_dataset, "observations", 2, "flag", "suppressed")
    empty = read_dataset(csv_dataset).observations["value"].isna()
    assert empty[2] and empty.sum() == dataset.observations["value"].isna().sum() + 1


def test_every_problem_is_reported_not_just_the_first(csv_dataset: Path) -> None:
    spoil(csv_dataset, "observations", 0, "value", "x")
    spoil(csv_dataset, "areas", 3, "level", "galaxy")
    spoil(csv_dataset, "indicators", 0, "polarity", "up")
    files = {Path(p.file).name for p in refused(csv_dataset).problems}
    assert files == {"observations.csv", "areas.csv", "indicators.csv"}


def test_unknown_parent_and_unit_are_refused(csv_dataset: Path) -> None:
    spoil(csv_dataset, "areas", 5, "parent_code", "9999")
    spoil(csv_dataset, "indicators", 1, "unit", "furlongs")
    problems = {(Path(p.file).name, p.column) for p in refused(csv_dataset).problems}
    assert problems == {("areas.csv", "parent_code"), ("indicators.csv", "unit")}


def test_not_a_dataset_folder(tmp_path: Path) -> None:
    err = refused(tmp_path)
    assert "has no observations.parquet or observations.csv" in str(err)


def test_damaged_parquet_is_refused(tmp_path: Path, dataset) -> None:
    from dashboard.store.dataset import write_dataset

    folder = write_dataset(dataset, tmp_path / "ds")
    (folder / "areas.parquet").write_bytes(b"not parquet at all")
    err = refused(folder)
    assert "areas.parquet" in str(err) and "cannot be read as Parquet" in str(err)


def test_store_written_before_ci_method_still_loads(tmp_path: Path, dataset) -> None:
    folder = tmp_path / "old"
    folder.mkdir()
    for name in ("observations", "indicators", "areas", "groups", "sources"):
        frame = dataset.table(name)
        if name == "observations":
            frame = frame.drop(columns=["ci_method", "ci_low", "ci_high"]).assign(
                ci_low=None, ci_high=None)
        frame.to_parquet(folder / f"{name}.parquet", index=False)
    loaded = read_dataset(folder)
    assert list(loaded.observations.columns) == list(dataset.observations.columns)
    assert loaded.observations["ci_method"].isna().all()


def test_ci_method_must_be_a_known_code_with_an_interval(csv_dataset: Path, dataset) -> None:
    derived = int(dataset.observations["ci_method"].notna().to_numpy().argmax())
    spoil(csv_dataset, "observations", derived, "ci_method", "bootstrap")
    assert "'bootstrap' is not one of wilson, exact, byars, dobson, chiang_ii" in str(
        refused(csv_dataset))
    spoil(csv_dataset, "observations", derived, "ci_method", "wilson")
    spoil(csv_dataset, "observations", derived, "ci_low", "")
    spoil(csv_dataset, "observations", derived, "ci_high", "")
    [problem] = refused(csv_dataset).problems
    assert (problem.row, problem.column) == (derived + 1, "ci_method")
    assert "names a method but the row has no interval" in problem.message
