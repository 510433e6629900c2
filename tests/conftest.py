"""Shared fixtures: the embedded dataset, the ../shared folder and its reference vectors
(skipped where absent)."""

from __future__ import annotations

import csv
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

from dashboard.app.settings import DEFAULT_DATA
from dashboard.store.dataset import Dataset, read_dataset
from tests.services import postgres_url, redis_url

__all__ = ["postgres_url", "redis_url"]  # fixtures for every test module

# Each test process draws figures with a browser of its own: renderer slots are shared by
# the processes of one runtime folder (export/renderer.py), and test processes are not one
# server's workers.
os.environ.setdefault("DASHBOARD_RUNTIME_DIR", tempfile.mkdtemp(prefix="dashboard-runtime-"))

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def shared_path(*parts: str) -> Path:
    """A file under ../shared, or skip the test with the reason when it is not there."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"needs ../shared/{'/'.join(parts)} (the team's shared reference files), "
                    "which is not beside this checkout")
    return path


GOLDEN = SHARED / "golden"


@pytest.fixture(scope="session")
def golden() -> Path:
    """The shared reference folder; tests using it skip with a reason when it is missing."""
    if not GOLDEN.is_dir():
        pytest.skip(f"reference vectors not found at {GOLDEN} (expected ../shared/golden)")
    return GOLDEN


def _cell(text: str) -> float | str:
    if text == "NA":
        return float("nan")
    try:
        return float(text)
    except ValueError:
        return text


@pytest.fixture(scope="session")
def golden_table(golden: Path) -> Callable[[str], list[dict[str, float | str]]]:
    """Read a reference CSV (path relative to the golden folder); NA becomes NaN."""

    def read(name: str) -> list[dict[str, float | str]]:
        with (golden / name).open(newline="", encoding="utf-8") as stream:
            return [{k: _cell(v) for k, v in row.items()} for row in csv.DictReader(stream)]

    return read


@pytest.fixture(scope="session")
def dataset() -> Dataset:
    """The embedded default dataset as shipped (package data, src/dashboard/data/default)."""
    return read_dataset(DEFAULT_DATA)


@pytest.fixture()
def csv_dataset(tmp_path: Path, dataset: Dataset) -> Path:
    """The embedded dataset written as the project's tidy CSVs, ready to be spoiled by a test."""
    folder = tmp_path / "csvdata"
    folder.mkdir()
    for name in ("observations", "indicators", "areas", "groups", "sources"):
        dataset.table(name).to_csv(folder / f"{name}.csv", index=False)
    return folder
