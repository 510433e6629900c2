"""Reference vectors in ../shared/golden for the indicator statistics (skipped when absent)."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import pytest

GOLDEN = Path(__file__).resolve().parents[2].parent / "shared" / "golden"


def _cell(text: str) -> float | str:
    if text == "NA":
        return float("nan")
    try:
        return float(text)
    except ValueError:
        return text


@pytest.fixture(scope="session")
def golden_table() -> Callable[[str], list[dict[str, float | str]]]:
    """Read a reference CSV (path relative to the golden folder); NA becomes NaN."""
    if not GOLDEN.is_dir():
        pytest.skip(f"reference vectors not found at {GOLDEN} (expected ../shared/golden)")

    def read(name: str) -> list[dict[str, float | str]]:
        with (GOLDEN / name).open(newline="", encoding="utf-8") as stream:
            return [{k: _cell(v) for k, v in row.items()} for row in csv.DictReader(stream)]

    return read
