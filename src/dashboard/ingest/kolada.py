"""Kolada (RKA) API v3: key figures for Malmö, Sweden and comparable municipalities.

The API (https://api.kolada.se/v3): `GET /data/kpi/{kpi,...}/municipality/{id,...}` with an
optional `/year/{year,...}` answers
`{"values": [{"kpi", "municipality", "period", "values": [{"gender", "value", "count",
"status"}]}], "count": n, "next_url": ...}`; pages are followed through `next_url` until it
is absent or null. Municipality ids are four-digit kommun codes (Malmö 1280), `0000` for
Sweden and `00LL` for a region (Region Skåne `0012`); they become the project's codes
(`00`, `12`). Gender T, K, M becomes total, female, male.

A null value with an empty status is a figure not published (no row); a null value with a
status is a figure withheld (kept, value empty, flagged 'suppressed', status in the note).
Kolada has no district level: it serves the comparisons around Malmö's districts.
Licence CC BY 4.0, attribution "Källa: Kolada (RKA)".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import pandas as pd

from dashboard.core.problems import DatasetError, Problem
from dashboard.core.schema import AREAS, GROUPS, INDICATORS, OBSERVATIONS, SOURCES, TOTAL
from dashboard.ingest.http import Request, parse_json
from dashboard.ingest.scb_pxweb import IndicatorDef, SourceInfo, new_area
from dashboard.ingest.snapshots import Fetcher

BASE_URL = "https://api.kolada.se/v3"
SOURCE = "kolada"
PUBLISHER = "Kolada (RKA, Rådet för främjande av kommunala analyser)"
LICENCE = "CC BY 4.0"
ATTRIBUTION = "Källa: Kolada (RKA)"
GENDERS = {"T": TOTAL, "K": "female", "M": "male"}
DEFAULT_MUNICIPALITIES = ("1280", "0180", "1480", "0000")
MAX_PAGES = 1000
REGION_RE = re.compile(r"^00(\d\d)$")

# Names of the municipalities offered for comparison (Kolada's data calls carry ids only).
MUNICIPALITY_NAMES = {"0180": "Stockholm", "1480": "Göteborg", "1281": "Lund",
                      "1283": "Helsingborg", "0380": "Uppsala"}

# Key figures fetched by default; ids as published in Kolada's KPI list.
KPIS: dict[str, IndicatorDef] = {
    "N01951": IndicatorDef(
        "kolada_invanare", "population", "Invånare totalt (Kolada)",
        "Residents, total (Kolada)",
        "Antal invånare den 31 december enligt SCB, hämtat via Kolada (nyckeltal N01951).",
        "Number of residents on 31 December according to Statistics Sweden, via Kolada "
        "(key figure N01951).",
        "persons", "none", 1.0),
    "N00967": IndicatorDef(
        "kolada_sjukpenningtal", "health", "Sjukpenningtal (Kolada)",
        "Sickness benefit days (Kolada)",
        "Antal dagar med sjukpenning och rehabiliteringspenning per registrerad försäkrad "
        "enligt Försäkringskassan, hämtat via Kolada (nyckeltal N00967).",
        "Days with sickness or rehabilitation benefit per insured person according to the "
        "Social Insurance Agency, via Kolada (key figure N00967).",
        "days_per_person", "lower_better", 1.0),
    "N03937": IndicatorDef(
        "kolada_arbetsloshet", "living_conditions", "Arbetslöshet (Kolada)",
        "Unemployment (Kolada)",
        "Andel arbetslösa enligt Arbetsförmedlingen, hämtat via Kolada (nyckeltal N03937); "
        "se Koladas nyckeltalsbeskrivning för åldersgrupp och nämnare.",
        "Share unemployed according to the Public Employment Service, via Kolada (key "
        "figure N03937); see Kolada's description for the age group and denominator.",
        "percent", "lower_better", 100.0),
}


def project_code(municipality: str) -> str:
    """Kolada's id as an area code of the project: '0000' -> '00', '0012' -> '12'."""
    if municipality == "0000":
        return "00"
    region = REGION_RE.match(municipality)
    return region.group(1) if region else municipality


def data_url(base_url: str, kpis: Sequence[str], municipalities: Sequence[str],
             years: Sequence[str] = ()) -> str:
    """The first page of the values of `kpis` for `municipalities` (and `years` if given)."""
    url = (f"{base_url.rstrip('/')}/data/kpi/{','.join(kpis)}/municipality/"
           f"{','.join(municipalities)}")
    return url + (f"/year/{','.join(years)}" if years else "")


def _problem(where: str, row: int | None, column: str, message: str) -> DatasetError:
    return DatasetError([Problem(where, row, column, message)])


def _area(code: str, known: set[str], new: dict[str, dict], where: str, row: int) -> None:
    if code in known or code in new:
        return
    if len(code) == 2:
        new[code] = {"code": code, "name": f"Län {code}", "level": "lan",
                     "parent_code": "00" if "00" in known else None}
        return
    area = new_area(code, MUNICIPALITY_NAMES.get(code, f"Kommun {code}"), known)
    if area is None or area["level"] != "kommun":
        raise _problem(where, row, "municipality",
                       f"{code!r} is not a Kolada municipality, region or country id")
    new[code] = area


def tables_from_pages(pages: Sequence[tuple[str, Any]], kpis: Sequence[str],
                      areas: pd.DataFrame, source: SourceInfo) -> dict[str, pd.DataFrame]:
    """Turn Kolada data pages into the five tidy tables (not yet validated)."""
    known = set(areas["code"])
    new_areas: dict[str, dict] = {}
    observations = []
    for where, payload in pages:
        records = payload.get("values") if isinstance(payload, dict) else None
        if not isinstance(records, list):
            raise _problem(where, None, "values", "is missing; expected Kolada's "
                                                  "{\"values\": [...]} answer")
        for row, record in enumerate(records, start=1):
            if not isinstance(record, dict) or not isinstance(record.get("values"), list):
                raise _problem(where, row, "values", "expected {\"kpi\", \"municipality\", "
                                                     "\"period\", \"values\": [...]}")
            kpi = record.get("kpi")
            if kpi not in kpis:
                raise _problem(where, row, "kpi", f"{kpi!r} was not asked for "
                                                  f"({', '.join(kpis)})")
            code = project_code(str(record.get("municipality", "")))
            _area(code, known, new_areas, where, row)
            for cell in record["values"]:
                gender = cell.get("gender") if isinstance(cell, dict) else None
                if gender not in GENDERS:
                    raise _problem(where, row, "gender", f"{gender!r} is not T, K or M")
                obs = _observation(KPIS[str(kpi)].id, code, str(record.get("period", "")),
                                   GENDERS[gender], cell, source.id, where, row)
                if obs is not None:
                    observations.append(obs)
    if not any(pd.notna(o["value"]) for o in observations):
        raise _problem(pages[0][0] if pages else source.url, None, "values",
                       "Kolada returned no values for these key figures, municipalities and "
                       "years; nothing to add")
    return {
        "observations": pd.DataFrame(observations, columns=list(OBSERVATIONS.column_names)),
        "indicators": pd.DataFrame([KPIS[k].row(source.id) for k in kpis],
                                   columns=list(INDICATORS.column_names)),
        "areas": pd.DataFrame(list(new_areas.values()), columns=list(AREAS.column_names)),
        "groups": pd.DataFrame([{"dimension": TOTAL, "group": TOTAL, "label_sv": "Alla",
                                 "label_en": "All", "dimension_sv": "Totalt",
                                 "dimension_en": "Total"}], columns=list(GROUPS.column_names)),
        "sources": pd.DataFrame([source.row(PUBLISHER, LICENCE)],
                                columns=list(SOURCES.column_names)),
    }


def _observation(indicator: str, area: str, period: str, sex: str, cell: dict[str, Any],
                 source_id: str, where: str, row: int) -> dict[str, Any] | None:
    value, status = cell.get("value"), str(cell.get("status") or "").strip()
    base = {"indicator_id": indicator, "area_code": area, "period": period, "sex": sex,
            "dimension": TOTAL, "group": TOTAL, "source_id": source_id}
    if value is None:
        if not status:
            return None
        return base | {"value": None, "flag": "suppressed",
                       "note": f"Kolada publishes no value (status {status!r})",
                       "note_en": f"Kolada publishes no value (status {status!r})",
                       "note_sv": f"Kolada publicerar inget värde (status {status!r})"}
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _problem(where, row, "value", f"{value!r} is not a number")
    note = f"Kolada status {status!r}" if status else None
    return base | {"value": float(value), "note": note, "note_en": note,
                   "note_sv": f"Status i Kolada {status!r}" if status else None}


def ingest(fetcher: Fetcher, areas: pd.DataFrame, *, kpis: Sequence[str] = tuple(KPIS),
           municipalities: Sequence[str] = DEFAULT_MUNICIPALITIES, years: Sequence[str] = (),
           base_url: str = BASE_URL) -> dict[str, pd.DataFrame]:
    """Fetch every page of the key figures and return their tidy tables."""
    unknown = [k for k in kpis if k not in KPIS]
    if unknown:
        raise _problem(base_url, None, "kpi", f"{', '.join(unknown)} not defined here; "
                                              f"choose from {', '.join(KPIS)}")
    url: str | None = data_url(base_url, kpis, municipalities, years)
    first = url
    pages: list[tuple[str, Any]] = []
    retrieved: list[str] = []
    while url:
        if len(pages) >= MAX_PAGES:
            raise _problem(first or base_url, None, "next_url",
                           f"more than {MAX_PAGES} pages; the paging does not end")
        snap = fetcher.fetch(Request(url))
        payload = parse_json(snap.body, snap.url)
        pages.append((snap.url, payload))
        retrieved.append(snap.retrieved)
        url = payload.get("next_url") if isinstance(payload, dict) else None
    source = SourceInfo(
        "kolada-" + "-".join(k.lower() for k in kpis),
        f"Kolada: {', '.join(kpis)} för {', '.join(municipalities)}", first or base_url,
        max(retrieved), f"{ATTRIBUTION}. {len(pages)} page(s); the raw responses are kept in "
                        f"snapshots/{SOURCE}/.")
    return tables_from_pages(pages, kpis, areas, source)
