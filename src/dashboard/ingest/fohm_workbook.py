"""Folkhälsomyndigheten's DeSO vaccination workbooks, read cell by cell (no meaning yet).

The layout, as in the six Skåne workbooks of 2021-22 (../shared/data/raw/
fohm_vaccination_deso_2021/):
- sheet `Innehåll`: column B holds "Sammanställd per : YYYY-MM-DD hh:mm:ss", the title
  "Vaccinationstäckning i Skåne län, per demografiskt statistikområde (DeSO)", a contact,
  and after "Information" the publisher's notes, one per line;
- data sheets (`Per DeSO`, `Per DeSO och ålderskategori`, `Per DeSO och kön`, `Per DeSO 80+`):
  row 1 a title ending in the data's date as "dd/mm", row 2 the header (`DeSO-kod`, then
  `Ålder` or `Kön` where the sheet is split, then one column per dose), data from row 3.
The files declare a one-cell size and name drawings they do not hold, so they are read in
openpyxl's read-only mode with the size reset.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError

import openpyxl
from openpyxl.utils.exceptions import InvalidFileException

from dashboard.core.problems import DatasetError, Problem

CONTENTS = "Innehåll"
TITLE_RE = re.compile(r"^Vaccinationstäckning i (?P<region>.+?), per demografiskt "
                      r"statistikområde \(DeSO\)$")
COMPILED_RE = re.compile(r"^Sammanställd per\s*:\s*(?P<date>\d{4}-\d{2}-\d{2})")
SHEET_DATE_RE = re.compile(r",\s*(?P<day>\d{1,2})/(?P<month>\d{1,2})\s*$")
INFORMATION = "Information"
FIRST_DATA_ROW = 3


class FohmFileError(DatasetError):
    """A workbook refused: not Folkhälsomyndigheten's DeSO workbook, damaged, or holding a
    cell that cannot be read; each problem names the file, the sheet and the row."""


def refuse(path: Path, sheet: str | None, row: int | None, column: str | None, message: str,
           code: str, **params: str) -> FohmFileError:
    """The error for one problem at file, sheet, row and column."""
    where = f"{path}, sheet '{sheet}'" if sheet else str(path)
    return FohmFileError([Problem(where, row, column, message, code=code,
                                  params=tuple(params.items()))])


@dataclass(frozen=True)
class Sheet:
    """A data sheet: its title, header and data rows (with their row numbers in Excel)."""

    name: str
    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[int, tuple[Any, ...]], ...]


@dataclass(frozen=True)
class Workbook:
    """One workbook's contents sheet and data sheets."""

    path: Path
    title: str
    region: str
    compiled: date
    notes: tuple[str, ...]
    sheets: tuple[Sheet, ...]


def _cells(ws: Any) -> list[tuple[Any, ...]]:
    ws.reset_dimensions()
    return [tuple(row) for row in ws.iter_rows(values_only=True)]


def _column_b(rows: list[tuple[Any, ...]]) -> list[str]:
    return [str(r[1]).strip() for r in rows if len(r) > 1 and r[1] is not None]


def _contents(path: Path, rows: list[tuple[Any, ...]]) -> tuple[str, str, date, tuple[str, ...]]:
    lines = _column_b(rows)
    title = next((m for m in map(TITLE_RE.match, lines) if m), None)
    if title is None:
        raise refuse(path, CONTENTS, None, "B", "does not carry Folkhälsomyndigheten's title "
                     "'Vaccinationstäckning i … län, per demografiskt statistikområde (DeSO)'",
                     "not_fohm_workbook")
    compiled = next((m for m in map(COMPILED_RE.match, lines) if m), None)
    if compiled is None:
        raise refuse(path, CONTENTS, None, "B", "has no line 'Sammanställd per : YYYY-MM-DD'",
                     "not_fohm_workbook")
    notes = lines[lines.index(INFORMATION) + 1:] if INFORMATION in lines else []
    return (title.group(0), title.group("region"),
            date.fromisoformat(compiled.group("date")), tuple(notes))


def _sheet(path: Path, name: str, rows: list[tuple[Any, ...]]) -> Sheet:
    if len(rows) < FIRST_DATA_ROW or not rows[0] or rows[0][0] is None:
        raise refuse(path, name, None, None, "has no title, header and data rows",
                     "sheet_empty")
    header = tuple("" if c is None else str(c).strip() for c in rows[1])
    data = tuple((n, r) for n, r in enumerate(rows[FIRST_DATA_ROW - 1:], FIRST_DATA_ROW)
                 if any(c is not None for c in r))
    return Sheet(name, str(rows[0][0]).strip(), header, data)


def read_workbook(path: Path) -> Workbook:
    """Read a workbook's cells; refuse what is not one of Folkhälsomyndigheten's DeSO
    vaccination workbooks, or cannot be read."""
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        try:
            cells = {ws.title: _cells(ws) for ws in book.worksheets}
        finally:
            book.close()
    except (zipfile.BadZipFile, zlib.error, InvalidFileException, KeyError, EOFError,
            ParseError, ValueError) as error:
        raise refuse(path, None, None, None, f"cannot be read as an Excel workbook; it may be "
                     f"truncated or damaged ({type(error).__name__}: {error})",
                     "file_damaged") from error
    if CONTENTS not in cells:
        raise refuse(path, None, None, None, f"is not a Folkhälsomyndigheten DeSO vaccination "
                     f"workbook: it has no sheet '{CONTENTS}' (sheets: {', '.join(cells)})",
                     "not_fohm_workbook")
    title, region, compiled, notes = _contents(path, cells[CONTENTS])
    sheets = tuple(_sheet(path, name, rows) for name, rows in cells.items() if name != CONTENTS)
    if not sheets:
        raise refuse(path, None, None, None, "has no data sheets beside 'Innehåll'",
                     "not_fohm_workbook")
    return Workbook(path, title, region, compiled, notes, sheets)


def sheet_date(path: Path, sheet: Sheet, compiled: date) -> date:
    """The data's date in the sheet's title ('…, 28/09'), in the year it was compiled (the
    year before, where the month lies after the compilation's)."""
    found = SHEET_DATE_RE.search(sheet.title)
    if found is None:
        raise refuse(path, sheet.name, 1, "A", f"the title {sheet.title!r} does not end in the "
                     "data's date as dd/mm", "no_sheet_date")
    day, month = int(found.group("day")), int(found.group("month"))
    year = compiled.year - (1 if month > compiled.month else 0)
    try:
        return date(year, month, day)
    except ValueError as error:
        raise refuse(path, sheet.name, 1, "A", f"the title's date {found.group(0)!r} is not a "
                     "date", "no_sheet_date") from error
