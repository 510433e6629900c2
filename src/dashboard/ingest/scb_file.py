"""A Statistikdatabasen export, as a user downloads it from SCB, into the tidy tables.

`read_scb_file(path, areas)` reads an Excel (.xlsx), CSV or PX export of any table
(readers: scb_file_xlsx, scb_file_csv, scb_file_px) and maps it onto the data model:
- region -> area_code (scb_file_regions: codes by shape, names looked up in `areas`);
  the areas a file names, and their parents, are added where the store lacks them;
- the time variable (år, kvartal, ...) -> period, as SCB writes it;
- kön (totalt/män/kvinnor) -> sex (total/male/female);
- tabellinnehåll (or, for a table of one statistic, the title's words before "efter") and
  every variable holding one value only -> the indicator: id `scb_<matrix>_<statistic>_
  <values>` in lower-case ASCII (e.g. scb_000005FM_medianvarde_nettoinkomst), Swedish title
  from SCB's words, English from scb_file_units' glossary, unit from SCB's words;
- every other variable -> groups (dimension = the variable, group = the value; a total such
  as "totalt" is the group total); several such variables are joined into one dimension;
- cells SCB does not publish ("..", "-", ...) -> rows with an empty value, flag suppressed;
- one sources row: SCB's title with the matrix id, the publisher the file names ("Källa:",
  else SCB), the footnotes, the export time (from the file name's stamp, else the file),
  SCB's licence for its open data (CC0; SCB recommends
  "Källa: SCB": https://www.scb.se/vara-tjanster/oppna-data/) and Statistikdatabasen's start
  page (a table's own address needs its subject path, which the export does not hold).
Any problem raises `ScbFileError`, naming file, row and column; nothing is returned.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from dashboard.core.schema import GROUPS, INDICATORS, OBSERVATIONS, SOURCES, TOTAL
from dashboard.core.texts import t
from dashboard.ingest import scb_file_csv, scb_file_px, scb_file_xlsx
from dashboard.ingest.scb_file_cube import (
    CONTENT,
    REGION,
    SEX,
    Cube,
    ScbFileError,
    is_time,
    split_title,
)
from dashboard.ingest.scb_file_regions import (
    NameIndex,
    code_level,
    label_name,
    new_areas,
    resolve,
)
from dashboard.ingest.scb_file_units import english, topic_of, unit_of

__all__ = ["ScbFile", "ScbFileError", "read_scb_file"]

PUBLISHER = "SCB"
URL = "https://www.statistikdatabasen.scb.se/"
SEXES = {"totalt": TOTAL, "samtliga": TOTAL, "män och kvinnor": TOTAL, "båda könen": TOTAL,
         "män": "male", "kvinnor": "female"}
UNIT_WORDS = {"tkr", "procent", "kr"}
AGE_RE = re.compile(r"^(\d+)-(\d+) år$")


@dataclass(frozen=True)
class ScbFile:
    """One export read: the five tidy tables (not yet validated) and what SCB says of it."""

    tables: dict[str, pd.DataFrame]
    matrix: str
    title: str
    exported: str
    footnotes: str
    level: str


def ascii_slug(text: str) -> str:
    """Lower-case ASCII words joined by '_' ('Medianvärde, tkr' -> 'medianvarde_tkr')."""
    folded = unicodedata.normalize("NFKD", text.casefold()).encode("ascii", "ignore").decode()
    return re.sub(r"[^0-9a-z]+", "_", folded).strip("_")


def _is_total(value: str) -> bool:
    folded = value.strip().casefold()
    return folded in ("totalt", "total", "samtliga", "alla") or folded.startswith("totalt ")


def _group_id(value: str) -> str:
    age = AGE_RE.match(value.strip())
    return f"{age.group(1)}-{age.group(2)}" if age else ascii_slug(value) or "x"


def _first(cube: Cube, mask: pd.Series) -> tuple[int, str]:
    at = cube.cells.index[mask.to_numpy()][0]
    return int(cube.cells.at[at, "row"]), str(cube.cells.at[at, "column"])


def _areas(cube: Cube, areas: pd.DataFrame) -> tuple[pd.Series, dict[str, str]]:
    """Each cell's area code, and the names 'code name' labels give."""
    labels = cube.cells[REGION].astype(str)
    index = _Lazy(areas)
    codes: dict[str, str] = {}
    names: dict[str, str] = {}
    for label in labels.unique():
        code, why = resolve(label, index)
        if code is None:
            row, _ = _first(cube, labels == label)
            raise ScbFileError(cube.path, row, REGION,
                               f"the region {label!r} {why}; expected a DeSO (1280C1010), "
                               "RegSO (1280R001), kommun (1280), län (12) or riket (00) code, "
                               "with _DeSO2025/_RegSO2025 for the 2025 divisions, or the "
                               "name of a known area")
        codes[label] = code
        if label_name(label):
            names[code] = label_name(label)
    return labels.map(codes), names


def _sex(cube: Cube) -> pd.Series:
    if SEX not in cube.cells:
        return pd.Series(TOTAL, index=cube.cells.index, dtype=object)
    values = cube.cells[SEX].astype(str).str.strip().str.casefold()
    sex = values.map(SEXES)
    if sex.isna().any():
        row, column = _first(cube, sex.isna())
        raise ScbFileError(cube.path, row, column, f"kön {cube.cells[SEX][sex.isna()].iloc[0]!r}"
                           " is not one of SCB's values totalt, män, kvinnor")
    return sex


def _indicators(cube: Cube, fixed: list[str], groups: list[str],
                source_id: str) -> tuple[pd.DataFrame, dict[str, str]]:
    cells = cube.cells
    statistic, _ = split_title(cube.title)
    described = [str(cells[v].iloc[0]) for v in fixed if not _is_total(str(cells[v].iloc[0]))]
    by = f" efter {', '.join(groups)}" if groups else ""
    by_en = f" by {', '.join(english(g, capital=False) for g in groups)}" if groups else ""
    rows: list[dict[str, object]] = []
    ids: dict[str, str] = {}
    for content in cells[CONTENT].astype(str).unique():
        sort = cube.sorts.get(content) or cube.sorts.get("", "")
        unit = unit_of(content, sort, statistic, set(cube.variables))
        if unit is None:
            row, column = _first(cube, cells[CONTENT] == content)
            raise ScbFileError(cube.path, row, column, f"the unit of {content!r} is not "
                               "known: expected its header to say tkr, procent (or %), or a "
                               "count (antal) of persons or dwellings")
        words = [w for w in ascii_slug(content).split("_") if w not in UNIT_WORDS]
        base = "_".join(words + [ascii_slug(d) for d in described]) or "varde"
        ident = f"scb_{cube.matrix}_{base}"
        while ident in ids.values():
            ident += "_2"
        ids[content] = ident
        detail = f" ({', '.join(described)})" if described else ""
        detail_en = (f" ({', '.join(english(d, capital=False) for d in described)})"
                     if described else "")
        definition_sv = t("scb_file_definition", "sv", title=cube.title, matrix=cube.matrix)
        definition_en = t("scb_file_definition", "en", title=cube.title, matrix=cube.matrix)
        rows.append({"id": ident, "topic": topic_of(unit),
                     "title_sv": f"{content[:1].upper()}{content[1:]}{by}{detail}",
                     "title_en": f"{english(content)}{by_en}{detail_en}",
                     "definition_sv": definition_sv, "definition_en": definition_en,
                     "unit": unit, "polarity": "none",
                     "scale": 100.0 if unit == "percent" else 1.0, "ci_method": None,
                     "source_ids": source_id, "caveats_sv": None, "caveats_en": None,
                     "sentence_sv": None, "sentence_en": None})
    return pd.DataFrame(rows, columns=list(INDICATORS.column_names)), ids


def _groups(cube: Cube, names: list[str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Per cell (dimension, group), and the groups table."""
    total = {"dimension": TOTAL, "group": TOTAL, "label_sv": t("scb_file_all", "sv"),
             "label_en": t("scb_file_all", "en"), "dimension_sv": t("scb_file_total", "sv"),
             "dimension_en": t("scb_file_total", "en"), "order": 0.0}
    cells = cube.cells
    if not names:
        keys = pd.DataFrame({"dimension": TOTAL, "group": TOTAL}, index=cells.index)
        return keys, pd.DataFrame([total], columns=list(GROUPS.column_names))
    combos = cells[names].astype(str).drop_duplicates(ignore_index=True)
    dimension = "__".join(ascii_slug(n) for n in names)
    rows = [total]
    dims, groups = [], []
    for order, combo in enumerate(combos.itertuples(index=False, name=None), start=1):
        if all(_is_total(v) for v in combo):
            dims.append(TOTAL)
            groups.append(TOTAL)
            continue
        group = "__".join(TOTAL if _is_total(v) else _group_id(v) for v in combo)
        dims.append(dimension)
        groups.append(group)
        rows.append({"dimension": dimension, "group": group, "label_sv": ", ".join(combo),
                     "label_en": ", ".join(english(v) for v in combo),
                     "dimension_sv": ", ".join(n[:1].upper() + n[1:] for n in names),
                     "dimension_en": ", ".join(english(n) for n in names),
                     "order": float(order)})
    combos["dimension"], combos["group"] = dims, groups
    keys = cells[names].astype(str).merge(combos, on=names, how="left")
    table = pd.DataFrame(rows, columns=list(GROUPS.column_names)).drop_duplicates(
        ["dimension", "group"])
    return keys[["dimension", "group"]].set_axis(cells.index), table


def _source(cube: Cube, source_id: str) -> pd.DataFrame:
    fields = {"matrix": cube.matrix, "exported": cube.exported, "file": cube.path.name}
    notes = {lang: t("scb_file_notes", lang, **fields)
             + (f"\n{cube.footnotes}" if cube.footnotes else "") for lang in ("sv", "en")}
    licence = {lang: t("scb_file_licence", lang) for lang in ("sv", "en")}
    title = f"{cube.title} ({cube.matrix})" if cube.title else cube.matrix
    row = {"id": source_id, "publisher": cube.publisher or PUBLISHER, "title": title, "url": URL,
           "licence": licence["sv"], "retrieved": cube.exported, "notes": notes["sv"],
           "licence_sv": licence["sv"], "licence_en": licence["en"],
           "notes_sv": notes["sv"], "notes_en": notes["en"]}
    return pd.DataFrame([row], columns=list(SOURCES.column_names))


def tables_from_cube(cube: Cube, areas: pd.DataFrame) -> ScbFile:
    """The tidy tables of one export read into a cube."""
    cells = cube.cells
    if cells.empty:
        raise ScbFileError(cube.path, None, None, "holds no values; expected at least one "
                           "region row with a number")
    if REGION not in cells:
        raise ScbFileError(cube.path, None, None, "has no variable 'region'; expected SCB's "
                           f"region variable among {', '.join(cube.variables)}")
    time = next((v for v in cube.variables if is_time(v) and v in cells), None)
    if time is None:
        raise ScbFileError(cube.path, None, None, "has no time variable (år, kvartal, månad); "
                           f"expected one among {', '.join(cube.variables)}")
    codes, names = _areas(cube, areas)
    sex = _sex(cube)
    others = [v for v in cube.variables if v in cells and v not in (REGION, time, CONTENT, SEX)]
    fixed = [v for v in others if cells[v].nunique() == 1]
    grouped = [v for v in others if v not in fixed]
    source_id = f"scb-{cube.matrix.lower()}-file"
    indicators, ids = _indicators(cube, fixed, grouped, source_id)
    keys, groups = _groups(cube, grouped)
    symbol = cells["symbol"]
    marked = symbol.notna()
    note = {lang: symbol.map({s: t("scb_file_note_symbol", lang, symbol=s)
                              for s in symbol.dropna().unique()}).where(marked, None)
            for lang in ("sv", "en")}
    obs = pd.DataFrame({
        "indicator_id": cells[CONTENT].astype(str).map(ids), "area_code": codes,
        "period": cells[time].astype(str), "sex": sex, "dimension": keys["dimension"],
        "group": keys["group"], "value": cells["value"].astype(float),
        "flag": pd.Series("suppressed", index=cells.index).where(marked, None),
        "source_id": source_id,
        "note": note["en"], "note_sv": note["sv"], "note_en": note["en"]},
        index=cells.index).reindex(columns=list(OBSERVATIONS.column_names))
    key = list(OBSERVATIONS.key)
    twice = obs.duplicated(key, keep="first")
    if twice.any():
        row, column = _first(cube, twice)
        raise ScbFileError(cube.path, row, column, "repeats a cell already given (same "
                           "statistic, region, period, sex and group); expected each once")
    area_rows = new_areas(list(pd.unique(codes)), areas, names)
    levels = codes.map(lambda c: code_level(c) or "")
    title = cube.title or ", ".join(cells[CONTENT].astype(str).unique())
    return ScbFile(
        tables={"observations": obs.reset_index(drop=True), "indicators": indicators,
                "areas": area_rows, "groups": groups, "sources": _source(cube, source_id)},
        matrix=cube.matrix, title=title, exported=cube.exported,
        footnotes=cube.footnotes, level=str(levels.mode().iloc[0]))


class _Lazy(NameIndex):
    """The name index, built only when a label is not a code (a national file of codes
    never needs it)."""

    def __init__(self, areas: pd.DataFrame):
        self._areas = areas
        self._built = False

    def find(self, label: str) -> tuple[str | None, str]:
        if not self._built:
            super().__init__(self._areas)
            self._built = True
        return super().find(label)


def _reader(path: Path) -> Callable[[Path], Cube]:
    suffix = path.suffix.casefold()
    with path.open("rb") as stream:
        head = stream.read(512)
    if suffix in (".xlsx", ".xlsm") or head.startswith(b"PK"):
        return scb_file_xlsx.read_xlsx
    if suffix == ".px" or scb_file_px.looks_like_px(head):
        return scb_file_px.read_px
    return scb_file_csv.read_csv


def read_scb_file(path: Path, areas: pd.DataFrame) -> ScbFile:
    """Read one Statistikdatabasen export (.xlsx, .csv, .px) into the tidy tables; `areas`
    are the areas the store knows (region names are looked up there)."""
    path = Path(path)
    if not path.is_file():
        raise ScbFileError(path, None, None, "no such file; expected a Statistikdatabasen "
                           "export (.xlsx, .csv or .px)")
    if path.stat().st_size == 0:
        raise ScbFileError(path, None, None, "the file is empty; expected a "
                           "Statistikdatabasen export (.xlsx, .csv or .px)")
    return tables_from_cube(_reader(path)(path), areas)
