"""PC-Axis (PX) files read into a `Cube`, following Statistics Sweden's "PX file format
specification" (2013, https://www.scb.se/globalassets/vara-tjanster/px-programmen/
PX-file_format_specification_2013.pdf).

What is used of the specification:
- a file is a sequence of `KEYWORD[lang]("subkey")=value;` entries ending with DATA; an
  entry with a language other than the main one (`[en]`) is a translation and is skipped;
- a value is a quoted string, a list of them separated by commas, a number, YES/NO or a
  TLIST(...); a long text is several quoted strings in a row, joined;
- the character set: CODEPAGE names it; without it CHARSET="ANSI" means Windows-1252 and
  no CHARSET the DOS code page 437; a UTF-8 byte-order mark means UTF-8;
- MATRIX (the matrix id), TITLE, CONTENTS, UNITS (also per content value), STUB and HEADING
  (the variables in order), VALUES and CODES per variable, CONTVARIABLE (the variable
  holding the statistics), TIMEVAL (which variable is time), NOTE/NOTEX/VALUENOTE
  (footnotes), CREATION-DATE/LAST-UPDATED ("CCYYMMDD hh:mm");
- DATA holds the cells separated by blanks, tabs or line breaks, the stub variables
  varying slowest and the last heading variable fastest; a cell SCB does not publish is one
  of the quoted symbols "." to "......" (DATASYMBOL1-6) or "-" (DATASYMBOLNIL).
Keywords for keyed (sparse) data (KEYS) are refused: SCB's exports write the full cube.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd

from dashboard.ingest.scb_file_cube import (
    CONTENT,
    MISSING,
    REGION,
    Cube,
    ScbFileError,
    exported_from,
    is_time,
)

ENTRY_RE = re.compile(r'^\s*([A-Za-z0-9-]+)(?:\[([^\]]*)\])?(?:\(((?:"[^"]*"|[^)"])*)\))?'
                      r'\s*=\s*(.*)$', re.DOTALL)
TOKEN_RE = re.compile(r'"([^"]*)"|(,)|([^\s,"]+(?:\([^)]*\))?)')
CELL_RE = re.compile(r'"[^"]*"|[^\s,;"]+')
PX_START_RE = re.compile(rb'^\s*(?:\xef\xbb\xbf)?(CHARSET|AXIS-VERSION|CODEPAGE|LANGUAGE|'
                         rb'MATRIX|DECIMALS)\s*[=\[]')


def looks_like_px(head: bytes) -> bool:
    """Whether a file's first bytes open a PX file."""
    return bool(PX_START_RE.match(head))


def _decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    probe = data[:4000].decode("latin-1")
    page = re.search(r'CODEPAGE\s*=\s*"([^"]+)"', probe)
    if page:
        return data.decode(page.group(1), errors="replace")
    ansi = re.search(r'CHARSET\s*=\s*"ANSI"', probe)
    return data.decode("cp1252" if ansi else "cp437", errors="replace")


def _value(text: str) -> list[str]:
    """A keyword's value as a list: quoted strings (adjacent ones joined) or bare tokens."""
    items: list[str] = []
    joined = False
    for quoted, comma, bare in TOKEN_RE.findall(text):
        if comma:
            joined = False
        elif not bare:
            if joined and items:
                items[-1] += quoted
            else:
                items.append(quoted)
            joined = True
        else:
            items.append(bare)
            joined = False
    return items


def _split(text: str) -> list[tuple[str, int]]:
    """The entries (each ending with ';' outside quotes) with the line each starts on."""
    entries, start, quoted = [], 0, False
    for index, char in enumerate(text):
        if char == '"':
            quoted = not quoted
        elif char == ";" and not quoted:
            entry = text[start:index]
            first = start + len(entry) - len(entry.lstrip())
            entries.append((entry, text.count("\n", 0, first) + 1))
            start = index + 1
    return entries


def _keywords(path: Path, text: str) -> tuple[dict[tuple[str, str], list[str]], int]:
    """Keywords by (name, subkey) in the main language, and where DATA's values begin."""
    data = re.search(r'(?:^|;)\s*DATA\s*=', text)
    if data is None:
        raise ScbFileError(path, None, None, "has no DATA keyword; expected a PX file "
                           "(PX file format specification) with DATA= after its metadata")
    head = text[:data.start() + 1]
    language = re.search(r'(?:^|;)\s*LANGUAGE\s*=\s*"([^"]*)"', head)
    main = language.group(1) if language else ""
    found: dict[tuple[str, str], list[str]] = {}
    for entry, line in _split(head):
        match = ENTRY_RE.match(entry)
        if not match:
            if entry.strip():
                raise ScbFileError(path, line, None, f"expected KEYWORD=value; found "
                                   f"{entry.strip()[:40]!r}")
            continue
        name, lang, sub, value = match.groups()
        if lang and lang != main:
            continue
        found[(name.upper(), (sub or "").strip().strip('"'))] = _value(value)
    return found, data.end()


def _get(found: dict[tuple[str, str], list[str]], name: str, sub: str = "") -> list[str]:
    return found.get((name, sub), [])


def _exported(path: Path, found: dict[tuple[str, str], list[str]]) -> str:
    for name in ("CREATION-DATE", "LAST-UPDATED"):
        stamp = re.fullmatch(r"(\d{8}) (\d{2}):(\d{2})", " ".join(_get(found, name)).strip())
        if stamp:
            return exported_from(path, f"{stamp.group(1)}-{stamp.group(2)}{stamp.group(3)}00")
    return exported_from(path)


def read_px(path: Path) -> Cube:
    """Read one PX file."""
    text = _decode(path.read_bytes())
    found, offset = _keywords(path, text)
    data_line = text.count("\n", 0, offset) + 1
    if ";" not in text[offset:]:
        raise ScbFileError(path, data_line, "DATA", "DATA does not end with ';' as the "
                           "specification requires: the file is cut short")
    data = text[offset:].rsplit(";", 1)[0]
    for needed in ("MATRIX", "STUB"):
        if not _get(found, needed):
            raise ScbFileError(path, None, needed, f"the PX keyword {needed} is missing; "
                               "the specification makes it mandatory")
    if _get(found, "KEYS"):
        raise ScbFileError(path, None, "KEYS", "keyed (sparse) DATA is not read; expected "
                           "the full cube as SCB exports it")
    names = _get(found, "STUB") + _get(found, "HEADING")
    values = {}
    for name in names:
        labels = _get(found, "VALUES", name)
        if not labels:
            raise ScbFileError(path, None, f'VALUES("{name}")', "the variable has no "
                               "VALUES; expected one per variable of STUB and HEADING")
        values[name] = labels
    codes = {name: _get(found, "CODES", name) for name in names}
    sizes = [len(values[n]) for n in names]
    cells_text = list(CELL_RE.finditer(data))
    expected = int(np.prod(sizes))
    if len(cells_text) != expected:
        raise ScbFileError(path, data_line, "DATA", f"holds {len(cells_text)} values; the "
                           f"variables {', '.join(names)} ({' x '.join(map(str, sizes))}) "
                           f"need {expected}: the file is cut short or damaged")
    contvar = (_get(found, "CONTVARIABLE") or [""])[0]
    timevar = next((sub for (key, sub) in found if key == "TIMEVAL"), "")
    frame: dict[str, object] = {}
    stride = expected
    for name, size in zip(names, sizes, strict=True):
        stride //= size
        position = (np.arange(expected) // stride) % size
        labels = codes[name] if name.casefold() == REGION and len(codes[name]) == size \
            else values[name]
        key = name.casefold()
        if name == contvar:
            key = CONTENT
        elif name == timevar and not is_time(key):
            key = "år"
        frame[key] = np.array(labels, dtype=object)[position]
    if CONTENT not in frame:
        frame[CONTENT] = " ".join(_get(found, "CONTENTS")) or " ".join(_get(found, "TITLE"))
    tokens = pd.Series([m.group(0) for m in cells_text], dtype=object)
    quoted = tokens.str.startswith('"')
    symbol = tokens.where(quoted).str.strip('"').str.strip()
    numbers = pd.to_numeric(tokens.where(~quoted), errors="coerce")
    breaks = np.array([m.start() for m in re.finditer("\n", text)])
    starts = np.array([offset + m.start() for m in cells_text])
    lines = np.searchsorted(breaks, starts) + 1
    heading = _get(found, "HEADING")
    width = int(np.prod([len(values[h]) for h in heading])) if heading else 1
    columns = []
    for i in range(width):
        parts, rest = [], i
        for h in reversed(heading):
            parts.append(values[h][rest % len(values[h])])
            rest //= len(values[h])
        columns.append(" | ".join(reversed(parts)) or "DATA")
    column = np.tile(np.array(columns, dtype=object), expected // width)
    bad = (numbers.isna() & ~(quoted & symbol.isin(MISSING))).to_numpy()
    if bad.any():
        at = int(np.argmax(bad))
        raise ScbFileError(path, int(lines[at]), str(column[at]),
                           f"expected a number or one of the PX symbols "
                           f'({", ".join(sorted(MISSING))}, quoted); found {tokens[at]}')
    cube = pd.DataFrame(frame)
    cube["value"] = numbers.to_numpy(dtype=float)
    cube["symbol"] = symbol.where(quoted).to_numpy(dtype=object)
    cube["row"], cube["column"] = lines, column
    sorts = {sub: " ".join(v) for (key, sub), v in found.items() if key == "UNITS"}
    notes = [" ".join(v) for (key, _), v in found.items()
             if key in ("NOTE", "NOTEX", "VALUENOTE", "VALUENOTEX")]
    title = " ".join(_get(found, "TITLE"))
    variables = tuple(dict.fromkeys([*(k for k in frame if k != CONTENT), CONTENT]))
    return Cube(path, title, _get(found, "MATRIX")[0], _exported(path, found),
                "\n".join(notes), cube, variables, sorts, " ".join(_get(found, "SOURCE")))
