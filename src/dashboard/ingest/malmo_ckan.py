"""Malmö stad's open data portal (CKAN): statistics for stadsdelar and delområden.

The API (CKAN action API, `datastore_search`):
`GET {base}/api/3/action/datastore_search?resource_id=<id>&limit=<n>&offset=<m>` answers
`{"success": true, "result": {"fields": [{"id", "type"}], "records": [{...}], "total": N}}`;
pages are fetched with offset and limit until `total` records have arrived. A refusal
answers `{"success": false, "error": {"message": ...}}`.

Layout read ("Statistikunderlag för Malmös områden", Stadskontoret): one record per area and
year, holding the area's name (a field such as `område` or `namn`) and optionally its
delområde code (`do_kod`), the year (`år`, `ar` or `period`), optionally sex (`kön`), and
one field per statistic. Each statistic field becomes an indicator already in the dataset,
through `FIELD_INDICATORS` or as the user maps it (`field=indicator`); other fields are
reported as skipped. Names are matched to the dataset's areas the way boundary files are
(case, spaces and hyphens ignored); a delområde code adds a delområde not yet known. Any
other name is an unknown area and refuses the ingest, naming the record and field.
Values: numbers or text with a decimal comma; empty = not published (no row); `..` or `x`
= withheld (kept, flagged 'suppressed'). Licence CC0, attribution "Stadskontoret, Malmö stad".
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import pandas as pd

from dashboard.core.problems import DatasetError, Problem
from dashboard.core.schema import AREAS, GROUPS, INDICATORS, OBSERVATIONS, SOURCES, TOTAL
from dashboard.ingest.boundaries import normalise_name
from dashboard.ingest.http import Request, parse_json
from dashboard.ingest.scb_pxweb import SourceInfo
from dashboard.ingest.snapshots import Fetcher

BASE_URL = "https://opendata-api.malmo.se"
SOURCE = "malmo"
PUBLISHER = "Malmö stad (Stadskontoret)"
LICENCE = "CC0 1.0"
ATTRIBUTION = "Stadskontoret, Malmö stad"
PAGE_SIZE = 1000
MAX_PAGES = 1000
AREA_FIELDS = ("område", "omrade", "områdesnamn", "omradesnamn", "namn", "stadsdel",
               "delområde", "delomrade", "stadsområde", "stadsomrade")
CODE_FIELDS = ("dokod", "delområdeskod", "delomradeskod")
PERIOD_FIELDS = ("år", "ar", "period", "year")
SEX_FIELDS = ("kön", "kon")
SEXES = {"män": "male", "man": "male", "kvinnor": "female", "kvinna": "female",
         "totalt": TOTAL, "samtliga": TOTAL, "alla": TOTAL, "båda": TOTAL}
LEVEL_ORDER = ("kommun", "stadsomrade", "stadsdel", "geso", "delomrade")
WITHHELD = {"..", "x", "X", "-"}

# Statistic fields (names compared loosely) and the indicators of the dataset they feed.
FIELD_INDICATORS = {
    "folkmängd": "folkmangd", "folkmangd": "folkmangd", "befolkning": "folkmangd",
    "antalinvånare": "folkmangd", "förvärvsfrekvens": "forvarvsfrekvens",
    "forvarvsfrekvens": "forvarvsfrekvens",
    "föddautrikes": "fodda_i_utlandet_antal", "föddautrikesandel": "fodda_i_utlandet_andel",
    "utländskbakgrundandel": "utlandsk_bakgrund_andel",
}


@dataclass(frozen=True)
class Resource:
    """What was read from one datastore resource: its tables and the fields left out."""

    tables: dict[str, pd.DataFrame]
    skipped: tuple[str, ...]


def page_url(base_url: str, resource_id: str, offset: int, limit: int = PAGE_SIZE) -> str:
    """One page of a datastore resource."""
    query = urlencode({"resource_id": resource_id, "limit": limit, "offset": offset})
    return f"{base_url.rstrip('/')}/api/3/action/datastore_search?{query}"


def _problem(where: str, row: int | None, column: str | None, message: str) -> DatasetError:
    return DatasetError([Problem(where, row, column, message)])


def read_page(payload: Any, where: str) -> tuple[list[str], list[dict], int]:
    """The field names, records and total of one datastore_search answer."""
    if not isinstance(payload, dict):
        raise _problem(where, None, None, "expected a CKAN action answer (a JSON object)")
    if payload.get("success") is not True:
        error = payload.get("error") or {}
        raise _problem(where, None, "success", "CKAN refused the request: "
                                               f"{error.get('message', error) or 'no reason'}")
    result = payload.get("result")
    if not isinstance(result, dict):
        raise _problem(where, None, "result", "is missing from the CKAN answer")
    for member in ("fields", "records", "total"):
        if member not in result:
            raise _problem(where, None, f"result.{member}", "is missing from the CKAN answer")
    records, total = result["records"], result["total"]
    if not (isinstance(records, list) and all(isinstance(r, dict) for r in records)):
        raise _problem(where, None, "result.records", "must be a list of objects")
    if not isinstance(total, int) or isinstance(total, bool):
        raise _problem(where, None, "result.total", f"{total!r} is not a count")
    fields = [str(f.get("id")) for f in result["fields"] if isinstance(f, dict)]
    return fields, records, total


def _pick(fields: Sequence[str], candidates: Sequence[str]) -> str | None:
    loose = {normalise_name(f): f for f in fields}
    return next((loose[c] for c in candidates if c in loose), None)


def _number(value: Any) -> float | str | None:
    """A float, 'withheld', or None for an empty cell; ValueError for anything else."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, int | float):
        return float(value)
    text = str(value).strip()
    if not text:
        return None
    if text in WITHHELD:
        return "withheld"
    return float(text.replace("\u00a0", "").replace(" ", "").replace(",", "."))


class _Areas:
    """Matches area names (and delområde codes) to the dataset's area codes."""

    def __init__(self, areas: pd.DataFrame):
        self.known = set(areas["code"])
        self.by_name: dict[str, str] = {}
        for level in reversed(LEVEL_ORDER):
            for row in areas[areas["level"] == level].itertuples():
                self.by_name[normalise_name(row.name)] = row.code
        self.by_name.update({normalise_name(c): c for c in self.known})
        self.new: dict[str, dict] = {}

    def code(self, name: Any, do_kod: Any) -> str | None:
        if do_kod not in (None, ""):
            try:
                code = f"1280DO{int(float(do_kod))}"
            except ValueError:
                return None
            if code not in self.known and code not in self.new:
                self.new[code] = {"code": code, "name": str(name).strip().title() or code,
                                  "level": "delomrade", "parent_code": "1280"}
            return code
        return self.by_name.get(normalise_name(name))


def tables_from_pages(pages: Sequence[tuple[str, Any]], resource_id: str, areas: pd.DataFrame,
                      indicators: pd.DataFrame, source: SourceInfo,
                      mapping: Mapping[str, str] | None = None) -> Resource:
    """Turn datastore pages into tidy tables; fields map onto the dataset's indicators."""
    where = pages[0][0] if pages else source.url
    fields: list[Any] = []
    records: list[Any] = []
    for page_where, payload in pages:
        page_fields, page_records, _ = read_page(payload, page_where)
        fields = fields or page_fields
        records += page_records
    area_field, code_field = _pick(fields, AREA_FIELDS), _pick(fields, CODE_FIELDS)
    period_field, sex_field = _pick(fields, PERIOD_FIELDS), _pick(fields, SEX_FIELDS)
    for role, name in (("area name", area_field), ("year", period_field)):
        if name is None:
            raise _problem(where, None, None, f"resource {resource_id} has no {role} field "
                                              f"(fields: {', '.join(fields)})")
    known_indicators = set(indicators["id"])
    chosen = {normalise_name(k): v for k, v in {**FIELD_INDICATORS, **(mapping or {})}.items()}
    used = {f: chosen[normalise_name(f)] for f in fields if normalise_name(f) in chosen}
    missing = sorted({i for i in used.values() if i not in known_indicators})
    if missing:
        raise _problem(where, None, None, f"indicator(s) {', '.join(missing)} are not in the "
                                          "dataset; map the field to an existing indicator")
    if not used:
        raise _problem(where, None, None, f"no field of resource {resource_id} maps to an "
                                          f"indicator (fields: {', '.join(fields)}); name "
                                          "one with field=indicator")
    roles = {area_field, code_field, period_field, sex_field}
    skipped = tuple(f for f in fields if f not in used and f not in roles
                    and not f.startswith("_"))
    matcher = _Areas(areas)
    observations, unknown = [], []
    for row, record in enumerate(records, start=1):
        code = matcher.code(record.get(area_field), record.get(code_field) if code_field
                            else None)
        if code is None:
            unknown.append(Problem(where, row, area_field, f"{record.get(area_field)!r} is not "
                                                           "a known area of Malmö"))
            continue
        sex = SEXES.get(str(record.get(sex_field, "totalt")).strip().casefold()) \
            if sex_field else TOTAL
        if sex is None:
            raise _problem(where, row, sex_field, f"{record.get(sex_field)!r} is not a sex")
        period = str(record.get(period_field, "")).strip().removesuffix(".0")
        for field, indicator in used.items():
            try:
                value = _number(record.get(field))
            except ValueError:
                raise _problem(where, row, field, f"{record.get(field)!r} is not a number"
                               ) from None
            if value is None:
                continue
            obs: dict[str, Any] = {"indicator_id": indicator, "area_code": code,
                                   "period": period, "sex": sex,
                   "dimension": TOTAL, "group": TOTAL, "source_id": source.id}
            if value == "withheld":
                obs |= {"value": None, "flag": "suppressed",
                        "note": f"Malmö stad publishes {record.get(field)!r}",
                        "note_en": f"Malmö stad publishes {record.get(field)!r}",
                        "note_sv": f"Malmö stad publicerar {record.get(field)!r}"}
            else:
                obs["value"] = value
            observations.append(obs)
    if unknown:
        raise DatasetError(unknown)
    if not any(pd.notna(o["value"]) for o in observations):
        raise _problem(where, None, None, f"resource {resource_id} holds no values; nothing "
                                          "to add")
    cited = indicators[indicators["id"].isin(set(used.values()))].copy()
    cited["source_ids"] = source.id
    return Resource({
        "observations": pd.DataFrame(observations, columns=list(OBSERVATIONS.column_names)),
        "indicators": cited.reindex(columns=list(INDICATORS.column_names)),
        "areas": pd.DataFrame(list(matcher.new.values()), columns=list(AREAS.column_names)),
        "groups": pd.DataFrame(columns=list(GROUPS.column_names)),
        "sources": pd.DataFrame([source.row(PUBLISHER, LICENCE)],
                                columns=list(SOURCES.column_names)),
    }, skipped)


def ingest(fetcher: Fetcher, resource_id: str, areas: pd.DataFrame, indicators: pd.DataFrame,
           *, mapping: Mapping[str, str] | None = None, base_url: str = BASE_URL,
           page_size: int = PAGE_SIZE) -> Resource:
    """Fetch every page of a datastore resource and return its tidy tables."""
    pages: list[tuple[str, Any]] = []
    retrieved: list[str] = []
    offset, total = 0, None
    while total is None or offset < total:
        if len(pages) >= MAX_PAGES:
            raise _problem(pages[0][0], None, "total", f"more than {MAX_PAGES} pages")
        snap = fetcher.fetch(Request(page_url(base_url, resource_id, offset, page_size)))
        payload = parse_json(snap.body, snap.url)
        _, records, total = read_page(payload, snap.url)
        pages.append((snap.url, payload))
        retrieved.append(snap.retrieved)
        if not records:
            break
        offset += len(records)
    source = SourceInfo(
        f"malmo-{resource_id}", f"Malmö stad, datastore resource {resource_id}",
        page_url(base_url, resource_id, 0, page_size), max(retrieved),
        f"{ATTRIBUTION}. {len(pages)} page(s), {total} record(s); the raw responses are kept "
        f"in snapshots/{SOURCE}/.")
    return tables_from_pages(pages, resource_id, areas, indicators, source, mapping)
