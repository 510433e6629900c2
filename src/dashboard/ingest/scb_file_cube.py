"""What every Statistikdatabasen export holds once read: a cube of cells and its metadata.

The readers (Excel in `scb_file_xlsx`, CSV in `scb_file_csv`, PX in `scb_file_px`) each turn
one export into a `Cube`; `scb_file` turns a cube into the project's tidy tables. A problem
in a file is a `ScbFileError` naming the file, the row (and column) and what was expected.

SCB's words used here are those of its exports: the table title lists the variables after
"efter" (stub first, then heading), the statistic is the variable "tabellinnehåll", the
time variable is "år" (or "kvartal", "månad", "halvår"), sex is "kön" with the values
"totalt", "män", "kvinnor". Cells SCB does not publish carry one of the PX file format's
symbols for missing values (PX file format specification, Statistics Sweden 2013,
keywords DATASYMBOL1-6 and DATASYMBOLNIL: "." to "......" and "-"); they are kept as rows
with an empty value and the flag `suppressed`, so the gap shows rather than vanishes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

from dashboard.core.problems import DatasetError, Problem

CONTENT = "tabellinnehåll"
REGION = "region"
SEX = "kön"
TIME_NAMES = ("år", "kvartal", "månad", "halvår", "tid")
MISSING = frozenset({".", "..", "...", "....", ".....", "......", "-", "–"})
STAMP_RE = re.compile(r"(\d{8})-(\d{6})")
MATRIX_RE = re.compile(r"^[0-9A-Z]{8}$")


class ScbFileError(DatasetError):
    """A file that is not a readable Statistikdatabasen export; nothing of it is used."""

    def __init__(self, path: Path | str, row: int | None, column: str | None, message: str):
        super().__init__([Problem(str(path), row, column, message)])


@dataclass(frozen=True)
class Cube:
    """One export: its cells, one column per variable (SCB's names, lower case) plus
    `value` (float, NaN where SCB publishes a symbol), `symbol` (that symbol, else None),
    `row` (the file's row or line) and `column` (the file's column label). `sorts` gives
    each statistic's kind or unit as the file states it ("antal", "tusentals kronor"; key ''
    for all), `publisher` the authority the file names as its source ("Källa:")."""

    path: Path
    title: str
    matrix: str
    exported: str
    footnotes: str
    cells: pd.DataFrame
    variables: tuple[str, ...]
    sorts: dict[str, str] = field(default_factory=dict)
    publisher: str = ""


def exported_from(path: Path, stamp: str | None = None) -> str:
    """The export time (ISO): the file name's stamp (000005FM_20240813-153407), else a
    stamp the file gives (CCYYMMDD-hhmmss), else the file's modification time (UTC)."""
    match = STAMP_RE.search(path.stem) or (STAMP_RE.search(stamp) if stamp else None)
    if match:
        return datetime.strptime("".join(match.groups()), "%Y%m%d%H%M%S").isoformat()
    modified = datetime.fromtimestamp(path.stat().st_mtime, UTC)
    return modified.isoformat(timespec="seconds")


def matrix_from_name(path: Path) -> str:
    """The matrix id at the start of an export's file name (000005FM_...), else ''."""
    head = path.stem.split("_")[0]
    return head if MATRIX_RE.match(head) else ""


def split_title(title: str) -> tuple[str, list[str]]:
    """SCB's table title as (statistic, variables): 'Folkmängden per region efter region,
    år och kön' -> ('Folkmängden per region', ['region', 'år', 'kön'])."""
    head, sep, tail = title.rpartition(" efter ")
    if not sep:
        return title.strip(), []
    first, _, last = tail.strip().rpartition(" och ")
    names = [n.strip() for n in first.split(",") if n.strip()] + [last.strip()]
    return head.strip(), [n.casefold() for n in names if n]


def is_time(name: str) -> bool:
    return name.casefold() in TIME_NAMES
