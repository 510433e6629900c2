"""Statistikdatabasen's Excel export (.xlsx) read into a `Cube`.

The layout, as in SCB's exports (e.g. 000005FM_20240813-153407.xlsx): row 1 holds the table
title, whose variables after "efter" are the stub variables (the first columns of each data
row) followed by the heading variables (one header row each, above the values, a value
written once where it spans several columns); the data rows follow, the first carrying every
stub value and later rows leaving a repeated one empty; after a blank row comes the footer:
footnotes, then labelled sections ("Senaste uppdatering:", "Källa:", "Kontaktperson:",
"Sort:", "Datatyp:", "Referenstid:", "Officiell statistik", "Databas:", "Intern
referenskod:" and the matrix id). A file without title or matrix id is not an export; one
whose footer is missing was cut short. The workbook is read in openpyxl's read-only mode and
the cells are reshaped with numpy/pandas, not cell by cell.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from dashboard.ingest.scb_file_cube import (
    CONTENT,
    MISSING,
    Cube,
    ScbFileError,
    exported_from,
    split_title,
)

SECTIONS = ("Senaste uppdatering:", "Källa:", "Kontaktperson:", "Sort:", "Datatyp:",
            "Referenstid:", "Officiell statistik", "Databas:", "Intern referenskod:")
LINK_RE = re.compile(r"<a\s+href\s*=\s*'([^']*)'\s*>(.*?)</a>", re.IGNORECASE)


def _rows(path: Path) -> list[tuple[Any, ...]]:
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise ScbFileError(path, None, None, "is not a readable Excel workbook (.xlsx); "
                           f"expected a Statistikdatabasen export ({error})") from error
    try:
        sheet = workbook.worksheets[0]
        return [tuple(row) for row in sheet.iter_rows(values_only=True)]
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, EOFError) as error:
        raise ScbFileError(path, None, None, "the workbook cannot be read to the end (a "
                           f"damaged or cut-short file?): {error}") from error
    finally:
        workbook.close()


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _blank(row: tuple[Any, ...]) -> bool:
    return all(v is None or _text(v) == "" for v in row)


def plain(text: str) -> str:
    """A footnote without SCB's HTML links: '<a href='u'>t</a>' -> 't (u)'."""
    return LINK_RE.sub(lambda m: f"{m.group(2)} ({m.group(1)})", text).strip()


def _footer(path: Path, rows: list[tuple[Any, ...]],
            start: int) -> tuple[str, str, dict[str, str], str]:
    """(matrix, footnotes, sorts, source) from the footer beginning at index `start`."""
    lines = [_text(r[0]) for r in rows[start:] if r and _text(r[0])]
    notes: list[str] = []
    section, matrix, label, source = "", "", "", ""
    sorts: dict[str, str] = {}
    for line in lines:
        if line in SECTIONS:
            section, label = line, ""
            continue
        if not section:
            notes.append(plain(line))
        elif section == "Intern referenskod:" and not matrix:
            matrix = line
        elif section == "Källa:" and not source:
            source = line
        elif section == "Sort:":
            if line.endswith(":"):
                label = line[:-1].strip()
            else:
                sorts[label] = line
    if not matrix:
        raise ScbFileError(path, len(rows), None, "the footer has no 'Intern referenskod:' "
                           "with the table's matrix id: the file is cut short or is not a "
                           "Statistikdatabasen export")
    return matrix, "\n".join(notes), sorts, source


def _header(path: Path, rows: list[tuple[Any, ...]]) -> tuple[str, list[int], int]:
    """(title, indices of the header rows, index of the first data row)."""
    title = _text(rows[0][0]) if rows and rows[0] else ""
    if " efter " not in title:
        raise ScbFileError(path, 1, "A", "expected SCB's table title ('... efter region, år "
                           f"...') in the first cell; found {title[:60]!r}: not a "
                           "Statistikdatabasen export")
    headers: list[int] = []
    for index in range(1, len(rows)):
        row = rows[index]
        if _blank(row):
            if headers:
                break
            continue
        if row[0] is not None:
            return title, headers, index
        headers.append(index)
    raise ScbFileError(path, len(rows), None, "expected data rows (a region in the first "
                       "columns) after the title and header rows; found none")


def _values(path: Path, raw: np.ndarray, rows: np.ndarray,
            columns: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Cells as (values, symbols); a cell neither a number nor an SCB symbol is refused."""
    series = pd.Series(raw, dtype=object)
    texts = series.map(lambda v: v.strip() if isinstance(v, str) else None)
    numbers = pd.to_numeric(series.where(texts.isna(), None), errors="coerce")
    symbol = texts.where(texts.isin(MISSING))
    bad = numbers.isna() & symbol.isna()
    if bad.any():
        at = int(np.argmax(bad.to_numpy()))
        found = raw[at]
        raise ScbFileError(path, int(rows[at]), str(columns[at]),
                           f"expected a number or one of SCB's symbols "
                           f"({', '.join(sorted(MISSING))}); found "
                           f"{'an empty cell' if found is None else repr(found)}")
    return numbers.to_numpy(dtype=float), symbol.to_numpy(dtype=object)


def read_xlsx(path: Path) -> Cube:
    """Read one Statistikdatabasen Excel export."""
    rows = _rows(path)
    if not rows:
        raise ScbFileError(path, None, None, "the workbook is empty; expected a "
                           "Statistikdatabasen export")
    title, headers, first = _header(path, rows)
    width = max(len(r) for r in rows)
    rows = [tuple(r) + (None,) * (width - len(r)) for r in rows]
    end = next((i for i in range(first, len(rows)) if _blank(rows[i])), len(rows))
    matrix, footnotes, sorts, source = _footer(path, rows, end)
    statistic, names = split_title(title)
    if not headers:
        raise ScbFileError(path, first + 1, None, "expected header rows naming each column "
                           "between the title and the data")
    grid = pd.DataFrame([rows[i] for i in headers], dtype=object)
    stub = int(min(grid.iloc[r].first_valid_index() for r in range(len(grid))))
    heading = names[stub:]
    if len(names) < stub or len(heading) != len(headers):
        raise ScbFileError(path, headers[0] + 1, None,
                           f"expected {max(len(names) - stub, 0)} header row(s) for the "
                           f"variables {', '.join(heading) or '(none)'} named in the title "
                           f"after the {stub} region column(s); found {len(headers)}")
    grid = grid.iloc[:, stub:].ffill(axis=1)
    value_cols = [stub + j for j in range(grid.shape[1]) if rows[headers[-1]][stub + j]
                  is not None]
    data = pd.DataFrame(rows[first:end], dtype=object)
    stubs = data.iloc[:, :stub].ffill()
    n, k = len(data), len(value_cols)
    cells: dict[str, Any] = {}
    for j, name in enumerate(names[:stub]):
        cells[name] = np.repeat(stubs.iloc[:, j].map(_text).to_numpy(dtype=object), k)
    for h, name in enumerate(heading):
        labels = [_text(grid.iat[h, c - stub]) for c in value_cols]
        cells[name] = np.tile(np.array(labels, dtype=object), n)
    line = np.repeat(np.arange(first + 1, first + 1 + n), k)
    letters = np.tile(np.array([get_column_letter(c + 1) for c in value_cols]), n)
    raw = data.iloc[:, value_cols].to_numpy(dtype=object).ravel()
    values, symbols = _values(path, raw, line, letters)
    frame = pd.DataFrame(cells)
    if CONTENT not in frame:
        frame[CONTENT] = statistic
    frame["value"], frame["symbol"], frame["row"], frame["column"] = (values, symbols, line,
                                                                    letters)
    exported = exported_from(path)
    variables = tuple(dict.fromkeys([*names, CONTENT]))
    return Cube(path, title, matrix, exported, footnotes, frame, variables, sorts, source)
