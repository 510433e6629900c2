"""Folkhälsomyndigheten's COVID-19 vaccination coverage per DeSO as the five tidy tables.

Each workbook (read by `fohm_workbook`) gives, per DeSO (2018 codes), the share of people
vaccinated with at least 1 dose, at least 2 doses and (from December 2021) 3 doses:
- `Per DeSO`: people 18+, whole percent -> `value`;
- `Per DeSO och ålderskategori` (18-64, 65+), `Per DeSO och kön` (18+), `Per DeSO 80+`:
  bands such as "75-80" (10 points wide in August 2021) -> `value` is the band's midpoint,
  `band_low`/`band_high` the band, flag `banded`; ages go to the groups table (dimension
  `age`), sex to the `sex` column.
- An empty cell is masked by the publisher (few people): no value, flag `suppressed`.
- Where the publisher's notes say shares above 99 % were set to 99 % (and below 1 % to 1 %),
  a value of exactly 99 (or 1) means "99 or more" ("1 or less"): it is kept as published
  with flag `rounded` and a note saying so, the nearest flag the data model has for a value
  made coarser by the publisher.
- The period is the data's date in the sheet's title ("…, 18/01" -> 2022-01-18); the
  source's `retrieved` is the date the workbook was compiled ("Sammanställd per").
- Areas: a DeSO the given areas know is kept; a DeSO of a kommun they know is kept and added
  as an area named by its code (SCB's DeSO have no names), with the kommun as parent; other
  DeSO are left out (the dashboard holds the kommuner it was built for). '-NA-' (people
  without a matched DeSO, in the publisher's words) is left out. A code that is not a DeSO
  code is an error naming file, sheet and row.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from dashboard.core.schema import AREAS, GROUPS, INDICATORS, OBSERVATIONS, SOURCES, TOTAL
from dashboard.ingest.fohm_workbook import (
    FohmFileError,
    Sheet,
    Workbook,
    read_workbook,
    refuse,
    sheet_date,
)

__all__ = ["FohmFileError", "FohmRead", "read_fohm", "read_fohm_workbook",
           "read_fohm_workbooks"]

PUBLISHER = "Folkhälsomyndigheten"
CITE = "Folkhälsomyndigheten, Nationella vaccinationsregistret och SCB"
LICENCE_SV = ("Allmän handling från Folkhälsomyndigheten, lämnad ut på begäran; arbetsboken "
              f"anger ingen licens. Ange källa: {CITE}.")
LICENCE_EN = ("Public document of Folkhälsomyndigheten, released on request; the workbook "
              f"states no licence. Cite: {CITE}.")
CODE_COLUMN = "DeSO-kod"
UNMATCHED = "-NA-"
DESO_RE = re.compile(r"^\d{4}[A-C]\d{4}$")
BAND_RE = re.compile(r"^\s*(\d{1,3})\s*-\s*(\d{1,3})\s*$")
CAP_RE = re.compile(r"Andelar\s*(?P<side>[<>])\s*(?P<limit>\d+)\s*%\s*har justerats till\s*"
                    r"(?P<to>\d+)\s*%")
SEXES = {"kvinna": "female", "man": "male"}
AGE = "age"


@dataclass(frozen=True)
class Dose:
    """One indicator: the publisher's column headings for it and its words."""

    id: str
    headings: tuple[str, ...]
    title_sv: str
    title_en: str
    definition_sv: str
    definition_en: str


_DEFINITION_SV = ("Vaccinationstäckning bland individer 18+ per demografiskt statistikområde "
                  "(DeSO), Folkhälsomyndighetens kolumn ”{heading}”: andel i procent av "
                  "befolkningen i SCB:s register som enligt Nationella vaccinationsregistret "
                  "(NVR) fått {doses} mot covid-19.")
_DEFINITION_EN = ("Vaccination coverage among individuals aged 18+ per demographic statistical "
                  "area (DeSO), Folkhälsomyndigheten's column '{heading}': the percentage of "
                  "the population in SCB's registers who, according to the national "
                  "vaccination register (NVR), have received {doses} of a COVID-19 vaccine.")

DOSES = (
    Dose("vaccination_covid19_dos1", ("Minst 1 dos %",),
         "Vaccinerade mot covid-19, minst 1 dos", "Vaccinated against COVID-19, at least 1 dose",
         _DEFINITION_SV.format(heading="Minst 1 dos %", doses="minst 1 dos"),
         _DEFINITION_EN.format(heading="Minst 1 dos %", doses="at least 1 dose")),
    Dose("vaccination_covid19_dos2", ("Minst 2 doser %", "2 doser %"),
         "Vaccinerade mot covid-19, minst 2 doser",
         "Vaccinated against COVID-19, at least 2 doses",
         _DEFINITION_SV.format(heading="Minst 2 doser %", doses="minst 2 doser"),
         _DEFINITION_EN.format(heading="Minst 2 doser %", doses="at least 2 doses")),
    Dose("vaccination_covid19_dos3", ("3 doser %",),
         "Vaccinerade mot covid-19, 3 doser", "Vaccinated against COVID-19, 3 doses",
         _DEFINITION_SV.format(heading="3 doser %", doses="3 doser"),
         _DEFINITION_EN.format(heading="3 doser %", doses="3 doses")),
)
DOSE_BY_HEADING = {h: d for d in DOSES for h in d.headings}

CAVEATS_SV = (
    "Värden per ålder (18–64, 65+, 80+) och kön publiceras bara som intervall om 5 "
    "procentenheter (10 i augusti 2021); de visas som intervall. DeSO med få individer är "
    "maskerade. Från december 2021 har andelar över 99 % satts till 99 % och under 1 % till "
    "1 %. Ålder räknas per 31 december året före. Kolumnen ”Minst 2 doser %” hette ”2 doser %” "
    "i augusti och september 2021.")
CAVEATS_EN = (
    "Values by age (18–64, 65+, 80+) and sex are published only as bands 5 percentage points "
    "wide (10 in August 2021) and are shown as bands. DeSO with few individuals are masked. "
    "From December 2021 shares above 99 % were set to 99 % and below 1 % to 1 %. Age is "
    "counted at 31 December of the year before. The column 'Minst 2 doser %' was headed "
    "'2 doser %' in August and September 2021.")

AGE_GROUPS = {  # group: label_sv, label_en, order (the group's lowest age)
    "18-64": ("18–64 år", "18–64 years", 18.0),
    "65+": ("65 år och äldre", "65 years and older", 65.0),
    "80+": ("80 år och äldre", "80 years and older", 80.0),
}

# The publisher's notes (Innehåll) in English, line by line.
NOTE_TRANSLATIONS = (
    (re.compile(r"^Värdet '-NA-' för variabeln 'DeSO-kod' inkluderar individer med 'REST' i "
                r"(sin DeSO-kod|DeSO-koden),? samt individer från NVR som inte kunde matchas "
                r"mot SCBs register\.?$"),
     "The value '-NA-' of the variable 'DeSO-kod' covers individuals with 'REST' in their "
     "DeSO code and individuals in NVR who could not be matched to SCB's registers"),
    (re.compile(r"^Vaccinationstäckning för ev\. DeSO-koder med få individer har maskerats "
                r"till tomma värden\.?$"),
     "Coverage of any DeSO codes with few individuals has been masked to empty values"),
    (re.compile(r"^Vaccinationstäckning för ev\. DeSO-koder med färre än (\d+) individer har "
                r"maskerats till tomma värden\.?$"),
     "Coverage of any DeSO codes with fewer than {0} individuals has been masked to empty "
     "values"),
    (re.compile(r"^Andelar > (\d+) % har justerats till (\d+) %\.?$"),
     "Shares above {0} % have been set to {1} %"),
    (re.compile(r"^Andelar < (\d+) % har justerats till (\d+) %\.?$"),
     "Shares below {0} % have been set to {1} %"),
    (re.compile(r"^Vaccinationstäckning brutet på (ålderskategori och kön|ålderskategori) har "
                r"kategoriserats till (\d+) grupper\.?$"),
     "Coverage by {0} has been put into {1} bands"),
    (re.compile(r"^Datakällor: NVR, register från SCB\. Ålder beräknad utifrån: "
                r"(\d{4}-\d{2}-\d{2})\.?$"),
     "Data sources: NVR (the national vaccination register), registers of SCB. Age "
     "calculated as of {0}"),
)
SPLIT_EN = {"ålderskategori och kön": "age group and sex", "ålderskategori": "age group"}


@dataclass(frozen=True)
class FohmRead:
    """The tidy tables read from one or more workbooks, and the DeSO codes left out because
    the areas given know neither them nor their kommun."""

    tables: dict[str, pd.DataFrame]
    outside: frozenset[str]


@dataclass(frozen=True)
class _Cap:
    """A limit the publisher set shares to: above (side '>') or below ('<') `limit`."""

    side: str
    limit: float
    to: float


def _translate(line: str) -> str:
    for pattern, english in NOTE_TRANSLATIONS:
        found = pattern.match(line)
        if found:
            return english.format(*(SPLIT_EN.get(g, g) for g in found.groups()))
    return f"(in Swedish only) {line}"


def _sentences(lines: Iterable[str]) -> str:
    return " ".join(f"{line.rstrip('.')}." for line in lines)


def _source(book: Workbook, digest: str) -> dict[str, Any]:
    compiled = book.compiled.isoformat()
    region = re.sub(r"[^a-z0-9]+", "-", book.region.casefold().translate(
        str.maketrans("åäö", "aao"))).strip("-")
    file_sv = f"Läst ur {book.path.name} (sha256 {digest})."
    file_en = f"Read from {book.path.name} (sha256 {digest})."
    notes_sv = f"Sammanställd per {compiled}. {_sentences(book.notes)} {file_sv}"
    notes_en = (f"Compiled on {compiled}. {_sentences(map(_translate, book.notes))} "
                f"{file_en}")
    return {"id": f"fohm-deso-{region}-{compiled}", "publisher": PUBLISHER,
            "title": f"{book.title} ({compiled})", "url": book.path.resolve().as_uri(),
            "licence": LICENCE_EN, "retrieved": compiled, "notes": notes_en,
            "licence_sv": LICENCE_SV, "licence_en": LICENCE_EN,
            "notes_sv": notes_sv, "notes_en": notes_en}


def _caps(notes: Sequence[str]) -> tuple[_Cap, ...]:
    return tuple(_Cap(m["side"], float(m["limit"]), float(m["to"]))
                 for m in map(CAP_RE.search, notes) if m)


def _cap_note(cap: _Cap) -> tuple[str, str]:
    if cap.side == ">":
        return (f"Folkhälsomyndigheten har satt andelar över {cap.limit:g} % till {cap.to:g} %: "
                f"värdet betyder {cap.to:g} % eller mer.",
                f"Folkhälsomyndigheten set shares above {cap.limit:g} % to {cap.to:g} %: the "
                f"value means {cap.to:g} % or more.")
    return (f"Folkhälsomyndigheten har satt andelar under {cap.limit:g} % till {cap.to:g} %: "
            f"värdet betyder {cap.to:g} % eller mindre.",
            f"Folkhälsomyndigheten set shares below {cap.limit:g} % to {cap.to:g} %: the value "
            f"means {cap.to:g} % or less.")


class _Areas:
    """Which DeSO to keep, and the area rows to add for those the given areas lack."""

    def __init__(self, areas: pd.DataFrame):
        self.known = set(areas["code"].astype(str))
        self.added: dict[str, dict[str, Any]] = {}
        self.outside: set[str] = set()

    def keep(self, code: str) -> bool:
        if code in self.known:
            return True
        if code[:4] not in self.known:
            self.outside.add(code)
            return False
        self.added.setdefault(code, {"code": code, "name": code, "level": "deso",
                                     "parent_code": code[:4]})
        return True


@dataclass(frozen=True)
class _Layout:
    """How a sheet's columns map onto the data model."""

    split: str | None  # 'Ålder' or 'Kön', or None for a sheet of 18+ only
    doses: tuple[tuple[int, Dose], ...]


def _layout(path: Path, sheet: Sheet) -> _Layout:
    header = sheet.header
    if not header or header[0] != CODE_COLUMN:
        raise refuse(path, sheet.name, 2, "A", f"the first heading is {header[:1]!r}, expected "
                     f"'{CODE_COLUMN}'", "not_fohm_workbook")
    split = header[1] if len(header) > 1 and header[1] in ("Ålder", "Kön") else None
    first = 2 if split else 1
    doses = []
    for i, heading in enumerate(header[first:], first):
        dose = DOSE_BY_HEADING.get(heading)
        if dose is None:
            raise refuse(path, sheet.name, 2, heading or f"#{i + 1}", f"the heading {heading!r} "
                         f"is not one of {', '.join(DOSE_BY_HEADING)}", "unknown_heading",
                         name=repr(heading))
        doses.append((i, dose))
    if not doses:
        raise refuse(path, sheet.name, 2, None, "names no dose column", "not_fohm_workbook")
    return _Layout(split, tuple(doses))


def _cell(path: Path, sheet: Sheet, row: int, column: str, raw: Any) -> dict[str, Any]:
    """A cell as value, band and flag: masked, a whole percent, or a band '75-80'."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return {"value": math.nan, "flag": "suppressed"}
    if isinstance(raw, int | float) and not isinstance(raw, bool) and 0 <= raw <= 100:
        return {"value": float(raw)}
    band = BAND_RE.match(raw) if isinstance(raw, str) else None
    if band:
        low, high = float(band.group(1)), float(band.group(2))
        if 0 <= low < high <= 100:
            return {"value": (low + high) / 2, "band_low": low, "band_high": high,
                    "flag": "banded"}
    raise refuse(path, sheet.name, row, column, f"{raw!r} is neither a percentage from 0 to "
                 "100, a band such as '75-80', nor empty", "not_a_share", got=repr(raw))


def _capped(cell: dict[str, Any], caps: Sequence[_Cap]) -> dict[str, Any]:
    if "band_low" in cell or math.isnan(cell["value"]):
        return cell
    for cap in caps:
        if cell["value"] == cap.to:
            note_sv, note_en = _cap_note(cap)
            return cell | {"flag": "rounded", "note": note_en, "note_sv": note_sv,
                           "note_en": note_en}
    return cell


def _sheet_rows(book: Workbook, sheet: Sheet, scope: _Areas, source_id: str,
                caps: Sequence[_Cap], groups: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    path = book.path
    layout = _layout(path, sheet)
    period = sheet_date(path, sheet, book.compiled).isoformat()
    rows = []
    for number, cells in sheet.rows:
        code = "" if cells[0] is None else str(cells[0]).strip()
        if code == UNMATCHED:
            continue
        if not DESO_RE.match(code):
            raise refuse(path, sheet.name, number, CODE_COLUMN, f"{code!r} is not a DeSO code "
                         "(four digits, A, B or C, four digits, e.g. 1280C1010)", "not_deso",
                         name=repr(code))
        if not scope.keep(code):
            continue
        base = {"area_code": code, "period": period, "sex": TOTAL, "dimension": TOTAL,
                "group": TOTAL, "source_id": source_id}
        split = "" if layout.split is None or len(cells) < 2 or cells[1] is None \
            else str(cells[1]).strip()
        if layout.split == "Kön":
            if split not in SEXES:
                raise refuse(path, sheet.name, number, "Kön", f"{split!r} is not 'kvinna' or "
                             "'man'", "unknown_sex", name=repr(split))
            base["sex"] = SEXES[split]
        elif layout.split == "Ålder":
            if split not in AGE_GROUPS:
                raise refuse(path, sheet.name, number, "Ålder", f"{split!r} is not one of "
                             f"{', '.join(AGE_GROUPS)}", "unknown_age", name=repr(split))
            base["dimension"], base["group"] = AGE, split
            groups[split] = _group(split)
        for i, dose in layout.doses:
            raw = cells[i] if i < len(cells) else None
            cell = _capped(_cell(path, sheet, number, sheet.header[i], raw), caps)
            rows.append(base | {"indicator_id": dose.id} | cell)
    return rows


def _group(group: str) -> dict[str, Any]:
    label_sv, label_en, order = AGE_GROUPS[group]
    return {"dimension": AGE, "group": group, "label_sv": label_sv, "label_en": label_en,
            "dimension_sv": "Ålder", "dimension_en": "Age", "order": order}


def _indicator(dose: Dose, source_ids: Iterable[str]) -> dict[str, Any]:
    return {"id": dose.id, "topic": "health", "title_sv": dose.title_sv,
            "title_en": dose.title_en, "definition_sv": dose.definition_sv,
            "definition_en": dose.definition_en, "unit": "percent",
            "polarity": "higher_better", "scale": 100.0, "ci_method": None,
            "source_ids": ";".join(dict.fromkeys(source_ids)), "caveats_sv": CAVEATS_SV,
            "caveats_en": CAVEATS_EN, "sentence_sv": None, "sentence_en": None}


def _frame(rows: list[dict[str, Any]], columns: Sequence[str]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=list(columns))


def _one(path: Path, scope: _Areas) -> tuple[list[dict[str, Any]], dict[str, Any],
                                             dict[str, dict[str, Any]]]:
    book = read_workbook(path)
    source = _source(book, hashlib.sha256(path.read_bytes()).hexdigest())
    caps = _caps(book.notes)
    groups: dict[str, dict[str, Any]] = {}
    rows = [r for sheet in book.sheets
            for r in _sheet_rows(book, sheet, scope, source["id"], caps, groups)]
    return rows, source, groups


def _check_unique(parts: list[tuple[Path, list[dict[str, Any]]]]) -> None:
    """Refuse a workbook that repeats values another one gave (the same date twice)."""
    seen: dict[tuple[Any, ...], Path] = {}
    for path, rows in parts:
        keys = {tuple(row[c] for c in OBSERVATIONS.key) for row in rows}
        clash = next((k for k in keys if k in seen), None)
        if clash is not None:
            raise refuse(path, None, None, None, f"repeats the values for {clash[2]} of "
                         f"{seen[clash]} (the same date in two workbooks)", "repeats_date",
                         other=str(seen[clash]))
        seen |= dict.fromkeys(keys, path)


def read_fohm(paths: Iterable[str | Path], areas: pd.DataFrame) -> FohmRead:
    """Read workbooks of several dates into one set of tables, with the DeSO left out."""
    scope = _Areas(areas)
    rows: list[dict[str, Any]] = []
    sources: list[dict[str, Any]] = []
    groups: dict[str, dict[str, Any]] = {}
    parts: list[tuple[Path, list[dict[str, Any]]]] = []
    for path in map(Path, paths):
        got, source, found = _one(path, scope)
        rows += got
        sources.append(source)
        groups |= found
        parts.append((path, got))
    _check_unique(parts)
    cited: dict[str, list[str]] = {}
    for row in rows:
        cited.setdefault(row["indicator_id"], [])
        if row["source_id"] not in cited[row["indicator_id"]]:
            cited[row["indicator_id"]].append(row["source_id"])
    indicators = [_indicator(d, cited[d.id]) for d in DOSES if d.id in cited]
    tables = {
        "observations": _frame(rows, OBSERVATIONS.column_names),
        "indicators": _frame(indicators, INDICATORS.column_names),
        "areas": _frame(list(scope.added.values()), AREAS.column_names),
        "groups": _frame([groups[g] for g in AGE_GROUPS if g in groups], GROUPS.column_names),
        "sources": _frame(sources, SOURCES.column_names),
    }
    return FohmRead(tables, frozenset(scope.outside))


def read_fohm_workbooks(paths: Iterable[str | Path],
                        areas: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """The five tidy tables of several workbooks (dates); the same date twice is an error."""
    return read_fohm(paths, areas).tables


def read_fohm_workbook(path: Path, areas: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """The five tidy tables of one workbook, with the columns of core/schema.py.

    Raises FohmFileError (a ValueError) naming file, sheet and row for a file that is not
    one of Folkhälsomyndigheten's DeSO vaccination workbooks, is damaged, or holds a cell or
    code that cannot be read."""
    return read_fohm([path], areas).tables
