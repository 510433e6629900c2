"""Fixtures of the measures tests: small files in the WHO HEAT Plus template."""

from __future__ import annotations

import csv
from pathlib import Path
from types import SimpleNamespace

import pytest
from openpyxl import Workbook

from dashboard.ingest.heat_template import COLUMNS

# Small files in the WHO HEAT Plus template, written by the tests into tmp_path.


def row(**values: object) -> dict[str, object]:
    base = {
        "setting": "Malmö", "year": 2012, "source": "VR", "indicator_abbr": "emp",
        "indicator_name": "Employment", "indicator_scale": 100, "dimension": "Education",
        "subgroup": "Low", "estimate": 50.0, "se": 2.0, "ci_lb": "", "ci_ub": "",
        "population": 1000, "flag": "", "setting_average": "", "iso3": "SWE",
        "favourable_indicator": 1, "ordered_dimension": 1, "subgroup_order": 1,
        "reference_subgroup": 0,
    }  # fmt: skip
    base.update(values)
    return base


def education() -> list[dict[str, object]]:
    names = ["Low", "Mid", "High"]
    return [
        row(subgroup=n, estimate=40.0 + 10 * i, subgroup_order=i + 1) for i, n in enumerate(names)
    ]


def districts() -> list[dict[str, object]]:
    names = ["Oxie", "Fosie", "Husie", "Rosengård"]
    return [
        row(
            indicator_abbr="le", indicator_name="Life expectancy", indicator_scale=1,
            dimension="District", subgroup=n, estimate=78.0 + i, se=0.4, ordered_dimension=0,
            subgroup_order="", reference_subgroup=int(i == 2), population=8000 + 1000 * i,
        )
        for i, n in enumerate(names)
    ]


def write_csv(path: Path, rows: list[dict[str, object]], delimiter: str = ",") -> Path:
    with path.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.DictWriter(stream, fieldnames=COLUMNS, delimiter=delimiter)
        writer.writeheader()
        writer.writerows(rows)
    return path


def write_xlsx(path: Path, rows: list[dict[str, object]]) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append(list(COLUMNS))
    for r in rows:
        sheet.append([None if r[c] == "" else r[c] for c in COLUMNS])
    book.save(path)
    return path


@pytest.fixture
def heat() -> SimpleNamespace:
    """Template rows (an ordered and a non-ordered stratum) and writers for CSV and XLSX."""
    return SimpleNamespace(
        row=row, education=education, districts=districts, csv=write_csv, xlsx=write_xlsx
    )
