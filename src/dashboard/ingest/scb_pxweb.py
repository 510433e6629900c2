"""SCB's PxWebApi 2.0: DeSO and RegSO tables for Malmö (kommun 1280) as tidy tables.

The API (https://statistikdatabasen.scb.se/api/v2, PxWebApi 2.0):
- `GET /tables/{id}/metadata?lang=sv&codelist[Region]=vs_DeSO2025` answers JSON-stat 2.0
  with an empty `value`; `dimension.<id>.category.index` lists each variable's value codes.
- `POST /tables/{id}/data?lang=sv&outputFormat=json-stat2` with
  `{"selection": [{"variableCode", "valueCodes", "codelist"}, ...]}` answers JSON-stat 2.0:
  `id` and `size` name the dimensions in order, `dimension.<id>.category.index/label` their
  categories, `value` is flat and row-major (the last dimension varies fastest) and may hold
  nulls, and `status` marks special cells (e.g. "..").
- At most 150,000 cells per call and 30 calls per 10 seconds.
- DeSO 2025 and RegSO 2025 codes carry a `_DeSO2025` / `_RegSO2025` suffix. It is kept as
  part of the code and such areas are filed at the levels `deso2025` / `regso2025`, so they
  are never confused with the DeSO 2018 / RegSO 2020 areas of the same digits.

The metadata is read first: it turns the selection expressions (`*`, `1280*`, `top(1)`,
explicit codes) into exact code lists, proves each requested code exists (a wrong code is
named with the ones that do), and gives the cell count, so a large selection is split into
calls of at most 150,000 cells. A share is not computed here: its row carries numerator and
denominator, and the derive stage adds the value with its Wilson interval. The tables
fetched are defined below as data: table id, variables and how each maps onto the data
model, and the indicators with their Swedish and English titles, unit and polarity.
Parsing is separate from fetching and pure.
"""

from __future__ import annotations

import fnmatch
import itertools
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal
from urllib.parse import urlencode

import pandas as pd

from dashboard.core.problems import DatasetError, Problem
from dashboard.core.schema import AREAS, GROUPS, INDICATORS, OBSERVATIONS, SOURCES, TOTAL
from dashboard.ingest.http import HttpClient, RateLimiter, Request, parse_json
from dashboard.ingest.snapshots import Fetcher

BASE_URL = "https://statistikdatabasen.scb.se/api/v2"
SOURCE = "scb"
PUBLISHER = "SCB (Statistiska centralbyrån)"
LICENCE = "CC0 1.0"
ATTRIBUTION = "Källa: SCB"
MAX_CELLS = 150_000
CALLS_PER_PERIOD = 30
PERIOD_SECONDS = 10.0
KOMMUN = "1280"
REGION = "Region"
TIME = "Tid"
CONTENTS = "ContentsCode"
SEX_CODES = {"1": "male", "2": "female", "1+2": TOTAL}
TOTAL_CODES = {"totalt", "tot", "total", "samtliga"}
DESO_RE = re.compile(r"^\d{4}[A-C]\d{4}$")
REGSO_RE = re.compile(r"^\d{4}R\d{3}$")
KOMMUN_RE = re.compile(r"^\d{4}$")
SUFFIX_RE = re.compile(r"_(DeSO|RegSO)\d{4}$")
DESO2025_RE = re.compile(r"^\d{4}[A-C]\d{4}_DeSO2025$")
REGSO2025_RE = re.compile(r"^\d{4}R\d{3}_RegSO2025$")

Stat = tuple[float | None, str | None]  # a cell's value and status symbol
Group = tuple[str, str, str, str]  # dimension, group, label_sv, label_en


@dataclass(frozen=True)
class Level:
    """A geographic level SCB publishes: its codelist and the shape of its codes."""

    name: Literal["deso", "regso"]
    codelist: str
    pattern: re.Pattern[str]


LEVELS = {
    "deso": Level("deso", "vs_DeSO2025", DESO_RE),
    "regso": Level("regso", "vs_RegSO2025", REGSO_RE),
}


@dataclass(frozen=True)
class IndicatorDef:
    """An indicator's metadata, as the indicators table wants it."""

    id: str
    topic: str
    title_sv: str
    title_en: str
    definition_sv: str
    definition_en: str
    unit: str
    polarity: str
    scale: float
    caveats_sv: str | None = None
    caveats_en: str | None = None

    def row(self, source_ids: str) -> dict[str, Any]:
        return {"id": self.id, "topic": self.topic, "title_sv": self.title_sv,
                "title_en": self.title_en, "definition_sv": self.definition_sv,
                "definition_en": self.definition_en, "unit": self.unit,
                "polarity": self.polarity, "scale": self.scale, "source_ids": source_ids,
                "caveats_sv": self.caveats_sv, "caveats_en": self.caveats_en}


@dataclass(frozen=True)
class Measure:
    """How a statistic becomes an indicator: one content code, or content of denominator.

    `content=None` means the table's only statistic (its single ContentsCode value). With a
    denominator the row carries both counts and no value: the derive stage makes the share
    and its interval from them, by the indicator's unit and scale.
    """

    indicator: IndicatorDef
    content: str | None = None
    denominator: str | None = None


@dataclass(frozen=True)
class Variable:
    """A table variable besides region, time and content, and its role in the data model.

    sex: the value codes 1, 2 and 1+2 become the sex column; group: the codes become groups of
    `dimension`; fixed: one value is selected and the variable is otherwise ignored.
    """

    code: str
    values: tuple[str, ...]
    role: Literal["sex", "group", "fixed"]
    dimension: str = TOTAL
    dimension_sv: str = ""
    dimension_en: str = ""
    labels: Mapping[str, tuple[str, str]] = field(default_factory=dict)


@dataclass(frozen=True)
class TableDef:
    """One SCB table as fetched here."""

    key: str
    table_id: str
    title_sv: str
    title_en: str
    variables: tuple[Variable, ...]
    measures: tuple[Measure, ...]


_SEX = Variable("Kon", ("1", "2", "1+2"), "sex")

# Table ids, variable codes and content codes as seen in published client code for the
# DeSO/RegSO tables (PROVENANCE.md, section 4); each is checked against the table's
# metadata at run time, so a changed table fails with the codes it does offer.
TABLES: dict[str, TableDef] = {t.key: t for t in (
    TableDef(
        "population", "TAB6574", "Folkmängden efter region, ålder och kön",
        "Population by region, age and sex",
        (Variable("Alder", ("*",), "group", "age", "Ålder", "Age"), _SEX),
        (Measure(IndicatorDef(
            "scb_folkmangd", "population", "Folkmängd (SCB)", "Population (Statistics Sweden)",
            "Antal folkbokförda personer den 31 december, efter ålder och kön, enligt SCB:s "
            "befolkningsstatistik.",
            "Number of people registered as resident on 31 December, by age and sex, from "
            "Statistics Sweden's population statistics.",
            "persons", "none", 1.0), "000007Y7"),),
    ),
    TableDef(
        "low-income", "TAB6685", "Låg ekonomisk standard efter region och ålder",
        "Low economic standard by region and age",
        (Variable("Alder", ("tot",), "fixed"),),
        (Measure(IndicatorDef(
            "scb_lag_ekonomisk_standard", "living_conditions", "Låg ekonomisk standard",
            "Low economic standard",
            "Andel personer i hushåll vars disponibla inkomst per konsumtionsenhet är lägre "
            "än 60 procent av medianen för hela riket.",
            "Share of people in households whose disposable income per consumption unit is "
            "below 60 per cent of the national median.",
            "percent", "lower_better", 100.0), "000008AC"),),
    ),
    TableDef(
        "education", "TAB6534", "Befolkning 25–65 år efter region och utbildningsnivå",
        "Population aged 25–65 by region and level of education",
        (Variable("UtbildningsNiva", ("*",), "group", "education", "Utbildningsnivå",
                  "Level of education",
                  {"21": ("Förgymnasial utbildning", "Below upper secondary"),
                   "3+4": ("Gymnasial utbildning", "Upper secondary"),
                   "5": ("Eftergymnasial utbildning, kortare än 3 år",
                         "Post-secondary, less than 3 years"),
                   "6": ("Eftergymnasial utbildning, 3 år eller längre",
                         "Post-secondary, 3 years or more"),
                   "US": ("Uppgift saknas", "Not known")}),),
        (Measure(IndicatorDef(
            "scb_utbildningsniva", "living_conditions", "Befolkning 25–65 år efter "
            "utbildningsnivå", "Population aged 25–65 by level of education",
            "Antal personer 25–65 år efter högsta utbildningsnivå (SUN), enligt SCB:s "
            "utbildningsregister.",
            "Number of people aged 25–65 by highest level of education (SUN), from "
            "Statistics Sweden's education register.",
            "persons", "none", 1.0)),),
    ),
    TableDef(
        "employment", "TAB6680", "Befolkningens arbetsmarknadsstatus efter region, kön och "
        "ålder", "Labour market status by region, sex and age",
        (_SEX, Variable("Alder", ("20-64",), "fixed")),
        (Measure(IndicatorDef(
            "scb_sysselsattning", "living_conditions", "Sysselsatta 20–64 år (SCB)",
            "Employed, ages 20–64 (Statistics Sweden)",
            "Andel av befolkningen 20–64 år som är sysselsatta enligt SCB:s registerbaserade "
            "arbetsmarknadsstatistik (BAS).",
            "Share of the population aged 20–64 in employment, from Statistics Sweden's "
            "register-based labour market statistics (BAS).",
            "percent", "higher_better", 100.0), "0000089X", "0000089Y"),),
    ),
)}


@dataclass(frozen=True)
class JsonStat:
    """A JSON-stat 2.0 dataset read and checked: dimensions, categories, cells."""

    label: str
    ids: tuple[str, ...]
    categories: dict[str, list[str]]
    labels: dict[str, dict[str, str]]
    values: list[float | None]
    status: dict[int, str]

    @property
    def sizes(self) -> tuple[int, ...]:
        return tuple(len(self.categories[d]) for d in self.ids)


def _refuse(where: str, column: str | None, message: str) -> DatasetError:
    return DatasetError([Problem(where, None, column, message)])


def _index(category: Mapping[str, Any], where: str, dim: str) -> list[str]:
    index = category.get("index")
    if isinstance(index, list):
        return [str(code) for code in index]
    if isinstance(index, dict):
        return [str(code) for code, _ in sorted(index.items(), key=lambda kv: kv[1])]
    if index is None and isinstance(category.get("label"), dict) \
            and len(category["label"]) == 1:
        return [str(next(iter(category["label"])))]
    raise _refuse(where, f"dimension.{dim}.category.index",
                  "is missing; JSON-stat 2.0 lists a dimension's categories there")


def _status(raw: Any, n: int) -> dict[int, str]:
    if isinstance(raw, str):
        return dict.fromkeys(range(n), raw)
    if isinstance(raw, list):
        return {i: str(s) for i, s in enumerate(raw) if s}
    if isinstance(raw, dict):
        return {int(i): str(s) for i, s in raw.items() if s}
    return {}


def read_jsonstat(payload: Any, where: str, *, with_values: bool = True) -> JsonStat:
    """Check a JSON-stat 2.0 dataset's structure and read it; DatasetError names what is off."""
    if not isinstance(payload, dict):
        raise _refuse(where, None, "expected a JSON-stat 2.0 dataset (a JSON object)")
    for member in ("id", "size", "dimension"):
        if member not in payload:
            raise _refuse(where, member, "is missing; not a JSON-stat 2.0 dataset")
    ids, sizes, dims = payload["id"], payload["size"], payload["dimension"]
    if not (isinstance(ids, list) and isinstance(sizes, list) and len(ids) == len(sizes)):
        raise _refuse(where, "size", "must list one size per dimension in 'id'")
    categories, labels = {}, {}
    for dim, size in zip(ids, sizes, strict=True):
        if dim not in dims or not isinstance(dims[dim], dict):
            raise _refuse(where, f"dimension.{dim}", "is missing although 'id' names it")
        category = dims[dim].get("category") or {}
        codes = _index(category, where, dim)
        if len(codes) != size:
            raise _refuse(where, f"dimension.{dim}",
                          f"has {len(codes)} categories but 'size' says {size}")
        categories[dim] = codes
        labels[dim] = {str(k): str(v) for k, v in (category.get("label") or {}).items()}
    n = math.prod(sizes)
    raw = payload.get("value")
    if raw is None:
        if with_values:
            raise _refuse(where, "value", "is missing; the response holds no data")
        raw = []
    if isinstance(raw, dict):
        values: list[float | None] = [None] * n
        for position, value in raw.items():
            values[int(position)] = value
    elif isinstance(raw, list):
        values = list(raw)
    else:
        raise _refuse(where, "value", "must be a list (or an object of position: value)")
    if with_values and len(values) != n:
        raise _refuse(where, "value", f"has {len(values)} cells but the dimension sizes "
                                      f"multiply to {n}")
    for position, value in enumerate(values):
        if value is not None and not (isinstance(value, int | float)
                                      and not isinstance(value, bool)):
            raise _refuse(where, "value", f"cell {position} is {value!r}, not a number or null")
    return JsonStat(str(payload.get("label", "")), tuple(ids), categories, labels, values,
                    _status(payload.get("status"), n))


def normalise_code(code: str) -> str:
    """An SCB region code without its vintage suffix ('1280C1070_DeSO2025' -> '1280C1070')."""
    return SUFFIX_RE.sub("", code)


def _resolve(expressions: Sequence[str], codes: list[str], variable: str,
             where: str) -> list[str]:
    chosen: list[str] = []
    for expression in expressions:
        top = re.fullmatch(r"top\((\d+)\)", expression)
        if top:
            found = codes[-int(top.group(1)):] if int(top.group(1)) else []
        elif any(ch in expression for ch in "*?"):
            found = [c for c in codes if fnmatch.fnmatchcase(c, expression)]
        elif expression in codes:
            found = [expression]
        else:
            shown = ", ".join(codes[:30]) + (" ..." if len(codes) > 30 else "")
            raise _refuse(where, variable, f"has no value {expression!r}; the table offers: "
                                           f"{shown}")
        chosen += [c for c in found if c not in chosen]
    return [c for c in codes if c in chosen]


@dataclass(frozen=True)
class Query:
    """One data call: exact value codes per variable, within the cell limit."""

    table_id: str
    selection: tuple[tuple[str, tuple[str, ...]], ...]
    codelists: tuple[tuple[str, str], ...]

    @property
    def cells(self) -> int:
        return math.prod(len(codes) for _, codes in self.selection)

    def request(self, base_url: str) -> Request:
        codelists = dict(self.codelists)
        selection = []
        for variable, codes in self.selection:
            item: dict[str, Any] = {"variableCode": variable, "valueCodes": list(codes)}
            if variable in codelists:
                item["codelist"] = codelists[variable]
            selection.append(item)
        url = (f"{base_url.rstrip('/')}/tables/{self.table_id}/data?"
               + urlencode({"lang": "sv", "outputFormat": "json-stat2"}))
        return Request(url, {"selection": selection})


def metadata_request(base_url: str, table: TableDef, level: str) -> Request:
    """The metadata call, with the region codelist of the level."""
    params = {"lang": "sv", f"codelist[{REGION}]": LEVELS[level].codelist}
    return Request(f"{base_url.rstrip('/')}/tables/{table.table_id}/metadata?"
                   + urlencode(params))


def split_selection(selection: list[tuple[str, tuple[str, ...]]],
                    max_cells: int) -> list[list[tuple[str, tuple[str, ...]]]]:
    """Split a selection into parts of at most `max_cells` cells, covering each cell once.

    The variable with the most values is cut into runs as long as the limit allows; when a
    single value of it is still too large, each run is split further the same way.
    """
    total = math.prod(len(codes) for _, codes in selection)
    if total <= max_cells:
        return [selection]
    widest = max(range(len(selection)), key=lambda i: len(selection[i][1]))
    variable, codes = selection[widest]
    run = max(1, max_cells // (total // len(codes)))
    parts = []
    for start in range(0, len(codes), run):
        part = list(selection)
        part[widest] = (variable, codes[start:start + run])
        parts += split_selection(part, max_cells)
    return parts


def _contents(table: TableDef, codes: list[str], where: str) -> list[str]:
    wanted = []
    for measure in table.measures:
        if measure.content is None:
            if len(codes) != 1:
                raise _refuse(where, CONTENTS, f"holds {len(codes)} statistics "
                                               f"({', '.join(codes)}); the definition of "
                                               f"{table.key} must name one")
            wanted.append(codes[0])
        wanted += [c for c in (measure.content, measure.denominator) if c]
    return _resolve(list(dict.fromkeys(wanted)), codes, CONTENTS, where)


def plan_queries(table: TableDef, metadata: JsonStat, level: str, years: Sequence[str],
                 *, max_cells: int = MAX_CELLS, where: str = "") -> list[Query]:
    """The data calls for Malmö's areas at `level`, each within `max_cells` cells."""
    for needed in (REGION, TIME, CONTENTS, *(v.code for v in table.variables)):
        if needed not in metadata.categories:
            raise _refuse(where, needed, f"the table has no variable {needed!r} (it has: "
                                         f"{', '.join(metadata.ids)})")
    spec = LEVELS[level]
    regions = [c for c in _resolve([f"{KOMMUN}*"], metadata.categories[REGION], REGION, where)
               if spec.pattern.match(normalise_code(c))]
    if not regions:
        raise _refuse(where, REGION, f"offers no {level} codes for Malmö ({KOMMUN}*) with "
                                     f"codelist {spec.codelist}")
    vintage = {normalise_code(c) for c in regions if c != normalise_code(c)}
    regions = [c for c in regions if c != normalise_code(c) or c not in vintage]
    selection = [(REGION, tuple(regions))]
    selection += [(v.code, tuple(_resolve(v.values, metadata.categories[v.code], v.code,
                                          where))) for v in table.variables]
    selection.append((CONTENTS, tuple(_contents(table, metadata.categories[CONTENTS], where))))
    selection.append((TIME, tuple(_resolve(years, metadata.categories[TIME], TIME, where))))
    empty = [name for name, codes in selection if not codes]
    if empty:
        raise _refuse(where, empty[0], "the selection matches no values")
    codelists = ((REGION, spec.codelist),)
    return [Query(table.table_id, tuple(part), codelists)
            for part in split_selection(selection, max_cells)]


def _age_labels(group: str) -> tuple[str, str]:
    if group.endswith("+"):
        return f"{group[:-1]} år och äldre", f"{group[:-1]} years and older"
    return f"{group.replace('-', '–')} år", f"{group.replace('-', '–')} years"


def _group(variable: Variable, code: str, label: str) -> tuple[str, str, str, str]:
    """(dimension, group, label_sv, label_en) of one value of a group variable."""
    if code.lower() in TOTAL_CODES:
        return TOTAL, TOTAL, "Alla", "All"
    group = code[:-1] + "+" if code.endswith("-") else code
    if variable.dimension == "age":
        return (variable.dimension, group, *_age_labels(group))
    sv, en = variable.labels.get(code, (label or code, label or code))
    return variable.dimension, group, sv, en


@dataclass(frozen=True)
class SourceInfo:
    """The sources-table row of one ingest."""

    id: str
    title: str
    url: str
    retrieved: str
    notes: str

    def row(self, publisher: str, licence: str) -> dict[str, Any]:
        """The row; licence and notes are known in one language, so both carry that text."""
        return {"id": self.id, "publisher": publisher, "title": self.title, "url": self.url,
                "licence": licence, "retrieved": self.retrieved, "notes": self.notes,
                "licence_sv": licence, "licence_en": licence,
                "notes_sv": self.notes, "notes_en": self.notes}


def area_level(code: str) -> str | None:
    """The level an SCB region code belongs to by its shape, None if it has none."""
    for level, pattern in (("deso", DESO_RE), ("regso", REGSO_RE), ("deso2025", DESO2025_RE),
                           ("regso2025", REGSO2025_RE), ("kommun", KOMMUN_RE)):
        if pattern.match(code):
            return level
    return None


def new_area(code: str, name: str, known: set[str]) -> dict[str, Any] | None:
    """An areas-table row for an SCB code not yet known, or None if the shape is unknown."""
    level = area_level(code)
    if level is None:
        return None
    if level == "kommun":
        parent = code[:2] if code[:2] in known else ("00" if "00" in known else None)
    else:
        parent = code[:4] if code[:4] in known else None
    return {"code": code, "name": name, "level": level, "parent_code": parent}


def _cell_rows(table: TableDef, data: JsonStat, where: str, areas: dict[str, dict],
               known: set[str]) -> Iterable[tuple[tuple, Group, str, float | None, str | None]]:
    """Yield (key, group, content, value, status) per cell; collect new areas in `areas`."""
    required = [REGION, TIME, CONTENTS] + [v.code for v in table.variables
                                           if v.role != "fixed"]
    for dim in required:
        if dim not in data.ids:
            raise _refuse(where, f"dimension.{dim}", f"is missing from the response (it has: "
                                                     f"{', '.join(data.ids)})")
    by_code = {v.code: v for v in table.variables}
    for dim in data.ids:
        if dim not in required and len(data.categories[dim]) > 1:
            raise _refuse(where, f"dimension.{dim}", f"has {len(data.categories[dim])} values "
                                                     "but the table definition does not use it")
    region_labels = data.labels.get(REGION, {})
    for position, combo in enumerate(itertools.product(*(data.categories[d]
                                                         for d in data.ids))):
        cell = dict(zip(data.ids, combo, strict=True))
        code = cell[REGION]
        if code not in known and code not in areas:
            label = region_labels.get(code, code)
            row = new_area(code, label, known)
            if row is None:
                raise DatasetError([Problem(where, position + 1, REGION,
                                            f"{code!r} is not a known area code nor a DeSO "
                                            "(1280C1070_DeSO2025, 1280C1070), RegSO "
                                            "(1280R055_RegSO2025, 1280R055) or kommun (1280) "
                                            "code")])
            areas[code] = row
        sex, group = TOTAL, (TOTAL, TOTAL, "Alla", "All")
        for dim, value in cell.items():
            variable = by_code.get(dim)
            if variable is None or variable.role == "fixed":
                continue
            if variable.role == "sex":
                if value not in SEX_CODES:
                    raise DatasetError([Problem(where, position + 1, dim,
                                                f"{value!r} is not a sex code (1, 2, 1+2)")])
                sex = SEX_CODES[value]
            else:
                group = _group(variable, value, data.labels.get(dim, {}).get(value, ""))
        key = (code, cell[TIME], sex, group[0], group[1])
        yield key, group, cell[CONTENTS], data.values[position], data.status.get(position)


def tables_from_responses(table: TableDef, responses: Sequence[tuple[str, Any]],
                          areas: pd.DataFrame, source: SourceInfo) -> dict[str, pd.DataFrame]:
    """Turn JSON-stat responses of one table into the five tidy tables (not yet validated)."""
    known = set(areas["code"])
    new_areas: dict[str, dict] = {}
    cells: dict[tuple, dict[str, Stat]] = {}
    groups: dict[tuple[str, str], Group] = {}
    contents_seen: list[str] = []
    for where, payload in responses:
        data = read_jsonstat(payload, where)
        for key, group, content, value, status in _cell_rows(table, data, where, new_areas,
                                                            known):
            cells.setdefault(key, {})[content] = (value, status)
            groups.setdefault(group[:2], group)
            if content not in contents_seen:
                contents_seen.append(content)
    observations = []
    for measure in table.measures:
        content = measure.content or (contents_seen[0] if contents_seen else "")
        for key, stats in cells.items():
            row = _observation(measure, content, stats, key, source.id)
            if row is not None:
                observations.append(row)
    if not any(pd.notna(r.get("value")) or pd.notna(r.get("numerator"))
               for r in observations):
        raise _refuse(responses[-1][0] if responses else source.url, "value",
                      "the response holds no values (every cell is empty); nothing to add")
    dims = {v.dimension: (v.dimension_sv, v.dimension_en) for v in table.variables}
    dims[TOTAL] = ("Totalt", "Total")
    return {
        "observations": pd.DataFrame(observations, columns=list(OBSERVATIONS.column_names)),
        "indicators": pd.DataFrame([m.indicator.row(source.id) for m in table.measures],
                                   columns=list(INDICATORS.column_names)),
        "areas": pd.DataFrame(list(new_areas.values()), columns=list(AREAS.column_names)),
        "groups": pd.DataFrame([{"dimension": d, "group": g, "label_sv": sv, "label_en": en,
                                 "dimension_sv": dims[d][0], "dimension_en": dims[d][1]}
                                for d, g, sv, en in groups.values()],
                               columns=list(GROUPS.column_names)),
        "sources": pd.DataFrame([source.row(PUBLISHER, LICENCE)],
                                columns=list(SOURCES.column_names)),
    }


def _observation(measure: Measure, content: str, stats: dict[str, Stat], key: tuple,
                 source_id: str) -> dict[str, Any] | None:
    """One observation row, None when the source publishes nothing for the cell."""
    area, period, sex, dimension, group = key
    row = {"indicator_id": measure.indicator.id, "area_code": area, "period": period,
           "sex": sex, "dimension": dimension, "group": group, "source_id": source_id}
    value, status = stats.get(content, (None, None))
    if measure.denominator is not None:
        denominator, den_status = stats.get(measure.denominator, (None, None))
        status = status or den_status
        if value is not None and denominator:
            row.update(numerator=float(value), denominator=float(denominator))
            return row
        value = None
    if value is not None:
        row["value"] = float(value)
        return row
    if status:
        row.update(value=None, flag="suppressed",
                   note=f"SCB publishes no value here (marked {status!r})")
        return row
    return None


def make_client(**overrides: Any) -> HttpClient:
    """An HTTP client that keeps to SCB's 30 calls per 10 seconds."""
    limiter = overrides.pop("limiter", None) or RateLimiter(CALLS_PER_PERIOD, PERIOD_SECONDS)
    return HttpClient(limiter=limiter, **overrides)


def ingest(fetcher: Fetcher, table: TableDef, areas: pd.DataFrame, *, level: str = "deso",
           years: Sequence[str] = ("top(1)",), base_url: str = BASE_URL,
           max_cells: int = MAX_CELLS) -> dict[str, pd.DataFrame]:
    """Fetch one table for Malmö's areas at `level` and return its tidy tables."""
    meta = fetcher.fetch(metadata_request(base_url, table, level))
    metadata = read_jsonstat(parse_json(meta.body, meta.url), meta.url, with_values=False)
    queries = plan_queries(table, metadata, level, years, max_cells=max_cells, where=meta.url)
    responses, retrieved = [], [meta.retrieved]
    for number, query in enumerate(queries, start=1):
        snap = fetcher.fetch(query.request(base_url))
        where = f"{snap.url} (call {number} of {len(queries)})"
        responses.append((where, parse_json(snap.body, where)))
        retrieved.append(snap.retrieved)
    title = metadata.label or table.title_sv
    source = SourceInfo(
        f"scb-{table.table_id.lower()}-{level}", f"{title} ({table.table_id}), {level}",
        f"{base_url.rstrip('/')}/tables/{table.table_id}", max(retrieved),
        f"{ATTRIBUTION}. PxWebApi 2.0, {len(queries)} data call(s); the raw responses are kept "
        f"in snapshots/{SOURCE}/. DeSO/RegSO 2025 codes keep their _DeSO2025/_RegSO2025 suffix.")
    return tables_from_responses(table, responses, areas, source)
