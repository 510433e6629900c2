"""Statistikdatabasen's CSV exports read into a `Cube`.

Statistikdatabasen offers its tables as comma-, semicolon- or tab-separated text, each with
or without a heading ("med rubrik": the table title on the first line, then a blank line).
The header row names the stub variables ("region", "kön", ...) and then one column per
heading combination, the statistic followed by the period ("Antal 2020", "Medelvärde för
samtliga, tkr 2022"); a layout with the time variable as a stub column ("år") and one column
per statistic is read too. The file is UTF-8 (with or without a byte-order mark) or, as older
exports are, Windows-1252. With ';' or tab as separator, a decimal comma is read as a point.
Lines after the first blank line below the data are SCB's footnotes. The exports hold no
matrix id: it is taken from the file name when that starts with one (000005FB_...), else
the file name stands for it.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import numpy as np
import pandas as pd

from dashboard.ingest.scb_file_cube import (
    CONTENT,
    MISSING,
    Cube,
    ScbFileError,
    exported_from,
    is_time,
    matrix_from_name,
)

PERIOD_RE = re.compile(r"^(?P<content>.*\S)\s+(?P<period>\d{4}(?:[KMH]\d{1,2})?)$")
SEPARATORS = (",", ";", "\t")


def _decode(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _fields(line: str, sep: str) -> list[str]:
    return next(csv.reader([line], delimiter=sep))


def _separator(line: str) -> str:
    return max(SEPARATORS, key=lambda s: len(_fields(line, s)))


def _numbers(path: Path, raw: np.ndarray, sep: str, lines: np.ndarray,
             columns: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    text = pd.Series(raw, dtype=object).fillna("").astype(str).str.strip()
    symbol = text.where(text.isin(MISSING))
    cleaned = text.str.replace("\u00a0", "", regex=False).str.replace(" ", "", regex=False)
    if sep != ",":
        cleaned = cleaned.str.replace(",", ".", regex=False)
    numbers = pd.to_numeric(cleaned.where(symbol.isna(), None), errors="coerce")
    bad = numbers.isna() & symbol.isna()
    if bad.any():
        at = int(np.argmax(bad.to_numpy()))
        raise ScbFileError(path, int(lines[at]), str(columns[at]),
                           f"expected a number or one of SCB's symbols "
                           f"({', '.join(sorted(MISSING))}); found {text.iloc[at]!r}")
    return numbers.to_numpy(dtype=float), symbol.to_numpy(dtype=object)


def read_csv(path: Path) -> Cube:
    """Read one Statistikdatabasen CSV export."""
    lines = _decode(path).replace("\r", "").split("\n")
    numbered = [(i + 1, line) for i, line in enumerate(lines)]
    while numbered and not numbered[0][1].strip():
        numbered.pop(0)
    if not numbered:
        raise ScbFileError(path, None, None, "the file is empty; expected a "
                           "Statistikdatabasen export")
    title = ""
    if len(numbered) > 2 and not numbered[1][1].strip() and "efter" in numbered[0][1]:
        title = _fields(numbered[0][1], _separator(numbered[0][1]))[0].strip()
        numbered = numbered[1:]
        while numbered and not numbered[0][1].strip():
            numbered.pop(0)
    header_line, header_text = numbered[0]
    sep = _separator(header_text)
    header = [h.strip() for h in _fields(header_text, sep)]
    body = []
    for number, line in numbered[1:]:
        if not line.strip():
            break
        body.append((number, _fields(line, sep)))
    footnotes = "\n".join(" ".join(f.strip() for f in _fields(line, sep) if f.strip())
                          for _, line in numbered[len(body) + 1:] if line.strip())
    if not body or len(header) < 2:
        raise ScbFileError(path, header_line, None, "expected a header row (region, "
                           "variables, 'statistic year' columns) and data rows; found "
                           f"{len(header)} column(s) and {len(body)} data row(s): not a "
                           "Statistikdatabasen CSV export")
    short = next(((n, len(f)) for n, f in body if len(f) != len(header)), None)
    if short:
        raise ScbFileError(path, short[0], None, f"expected {len(header)} fields as in the "
                           f"header; found {short[1]} (a cut or damaged line)")
    frame = pd.DataFrame([f for _, f in body], columns=range(len(header)), dtype=object)
    timed = [j for j, h in enumerate(header) if PERIOD_RE.match(h)]
    if timed:
        stub = [j for j in range(len(header)) if j not in timed]
        values = timed
    else:
        stub = [j for j, h in enumerate(header)
                if is_time(h) or pd.to_numeric(frame[j].str.replace(",", ".", regex=False),
                                               errors="coerce").isna().any()]
        values = [j for j in range(len(header)) if j not in stub]
        if not values or not any(is_time(header[j]) for j in stub):
            raise ScbFileError(path, header_line, None, "expected columns named by a "
                               "statistic and a year ('Antal 2022') or a time column (år); "
                               f"found {', '.join(header)}")
    n, k = len(frame), len(values)
    cells: dict[str, object] = {}
    for j in stub:
        cells[header[j].casefold()] = np.repeat(frame[j].str.strip().to_numpy(object), k)
    if timed:
        parts = [PERIOD_RE.match(header[j]) for j in values]
        cells[CONTENT] = np.tile(np.array([p.group("content") for p in parts if p]), n)
        cells["år"] = np.tile(np.array([p.group("period") for p in parts if p]), n)
    else:
        cells[CONTENT] = np.tile(np.array([header[j] for j in values], dtype=object), n)
    lines_at = np.repeat(np.array([number for number, _ in body]), k)
    labels = np.tile(np.array([header[j] for j in values], dtype=object), n)
    raw = frame[values].to_numpy(dtype=object).ravel()
    numbers, symbols = _numbers(path, raw, sep, lines_at, labels)
    cube_cells = pd.DataFrame(cells)
    cube_cells["value"], cube_cells["symbol"] = numbers, symbols
    cube_cells["row"], cube_cells["column"] = lines_at, labels
    matrix = matrix_from_name(path) or re.sub(r"[^0-9A-Za-z]+", "_", path.stem).strip("_")
    exported = exported_from(path)
    variables = tuple(dict.fromkeys([h.casefold() for h in (header[j] for j in stub)]
                                    + ([CONTENT, "år"] if timed else [CONTENT])))
    return Cube(path, title, matrix, exported, footnotes, cube_cells, variables, {})
