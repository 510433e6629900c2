"""Files the user names: a WHO HEAT Plus template (CSV/XLSX) or a folder of the tidy CSVs.

HEAT Plus template, read by `heat_template.read_heat_template`; a file with any problem is
refused whole, each problem naming row, spreadsheet line and column. It maps onto the data
model as follows:
- year -> period; estimate, se, ci_lb, ci_ub, population -> value, se, ci_low, ci_high,
  population (a missing se is derived from the interval as HEAT Plus does; a row without
  an estimate is not published and left out);
- indicator_abbr -> indicator id (lower case, other characters as '_'), indicator_name ->
  titles, indicator_scale -> unit (100 percent, 1000 per 1 000, otherwise index),
  favourable_indicator -> polarity;
- setting -> area, matched by code or name against the dataset's areas; when the dimension
  is geographic (stadsdel, DeSO, area, ...) each subgroup is an area instead, and the
  setting average becomes the setting's own value;
- a sex dimension (sex, kön) -> the sex column; any other dimension and its subgroups ->
  groups, ordered by subgroup_order;
- one source per file, with the file's sha256 and modification time.

Tidy CSV: a folder holding `observations.csv` and any of `indicators.csv`, `areas.csv`,
`groups.csv`, `sources.csv`, with the columns of core/schema.py (UTF-8, decimal point).
Columns that may be empty (se, ci_low, ci_high, numerator, ...) may also be left out; they
are then read as empty. Every file is read before any problem is reported, so all show.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd

from dashboard.core.problems import DatasetError, Problem
from dashboard.core.schema import AREAS, GROUPS, INDICATORS, OBSERVATIONS, SOURCES, TABLES, TOTAL
from dashboard.ingest.boundaries import normalise_name
from dashboard.ingest.heat_template import HeatStratum, TemplateError, read_heat_template

GEOGRAPHIC = {"stadsdel", "stadsdelar", "district", "districts", "område", "omrade",
              "områden", "area", "areas", "deso", "regso", "delområde", "delomrade",
              "stadsområde", "stadsomrade", "geography", "geografi", "subnationalregion"}
SEX_DIMENSIONS = {"sex", "kön", "kon", "gender"}
SEX_NAMES = {"female": "female", "females": "female", "women": "female", "kvinnor": "female",
             "kvinna": "female", "male": "male", "males": "male", "men": "male",
             "män": "male", "man": "male", "total": TOTAL, "totalt": TOTAL, "both": TOTAL,
             "båda": TOTAL}
UNIT_BY_SCALE = {100.0: "percent", 1000.0: "per_1000"}


@dataclass(frozen=True)
class Imported:
    """Tables read from a file, and the file each came from (for problem messages)."""

    tables: dict[str, pd.DataFrame]
    files: dict[str, str]
    csv_lines: dict[str, bool]


def slug(text: str) -> str:
    """A lower-case id from a label: letters, digits and '_' ('LE at birth' -> 'le_at_birth')."""
    return re.sub(r"[^0-9a-zåäö]+", "_", str(text).strip().casefold()).strip("_") or "x"


def _file_source(path: Path, strata: Sequence[HeatStratum]) -> dict[str, Any]:
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    modified = datetime.fromtimestamp(path.stat().st_mtime, UTC).isoformat(timespec="seconds")
    named = sorted({s.source for s in strata if s.source})
    return {"id": f"file-{digest[:12]}", "publisher": "; ".join(named) or "User file",
            "title": path.name, "url": path.resolve().as_uri(),
            "licence": "not stated (the user's own file)", "retrieved": modified,
            "notes": f"Imported from a WHO HEAT Plus template; sha256 {digest}.",
            "licence_en": "not stated (the user's own file)",
            "licence_sv": "anges inte (användarens egen fil)",
            "notes_en": f"Imported from a WHO HEAT Plus template; sha256 {digest}.",
            "notes_sv": f"Inläst från en WHO HEAT Plus-mall; sha256 {digest}."}


class _AreaNames:
    def __init__(self, areas: pd.DataFrame):
        self.lookup = {normalise_name(c): c for c in areas["code"]}
        for row in areas.itertuples():
            self.lookup.setdefault(normalise_name(row.name), row.code)

    def __call__(self, name: str) -> str | None:
        return self.lookup.get(normalise_name(name))


def _indicator(stratum: HeatStratum, source_id: str) -> dict[str, Any]:
    title = stratum.indicator_name or stratum.indicator_abbr
    return {"id": slug(stratum.indicator_abbr), "topic": "health", "title_sv": title,
            "title_en": title, "definition_sv": title, "definition_en": title,
            "unit": UNIT_BY_SCALE.get(stratum.scale, "index"),
            "polarity": "higher_better" if stratum.favourable else "lower_better",
            "scale": stratum.scale, "source_ids": source_id}


def _number(value: float) -> float | None:
    return None if math.isnan(value) else float(value)


def heat_tables(path: Path, strata: Sequence[HeatStratum],
                areas: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Turn valid HEAT strata into the five tidy tables (not yet validated)."""
    source = _file_source(path, strata)
    area_of = _AreaNames(areas)
    observations: list[dict[str, Any]] = []
    groups: dict[tuple[str, str], dict[str, Any]] = {}
    indicators: dict[str, dict[str, Any]] = {}
    unknown: list[Problem] = []
    averages: set[tuple[str, str | None, str]] = set()
    for stratum in strata:
        indicators.setdefault(slug(stratum.indicator_abbr), _indicator(stratum, source["id"]))
        dimension = normalise_name(stratum.dimension)
        setting = area_of(stratum.setting)
        geographic = dimension in GEOGRAPHIC
        if setting is None and not (geographic and stratum.setting_average is None):
            unknown.append(Problem(str(path), stratum.rows[0], "setting",
                                   f"{stratum.setting!r} is not a known area code or name",
                                   code="unknown_area",
                                   params=(("name", repr(stratum.setting)),)))
            continue
        base = {"indicator_id": slug(stratum.indicator_abbr), "period": str(stratum.year),
                "sex": TOTAL, "dimension": TOTAL, "group": TOTAL, "source_id": source["id"]}
        average = (base["indicator_id"], setting, base["period"])
        if geographic and stratum.setting_average is not None and average not in averages:
            averages.add(average)
            observations.append(base | {"area_code": setting,
                                        "value": stratum.setting_average})
        for i, name in enumerate(stratum.subgroups):
            if math.isnan(stratum.estimate[i]):
                continue
            row = base | {"area_code": setting, "value": float(stratum.estimate[i]),
                          "se": _number(stratum.se[i]), "ci_low": _number(stratum.ci_lb[i]),
                          "ci_high": _number(stratum.ci_ub[i]),
                          "population": _number(stratum.population[i])}
            if geographic:
                row["area_code"] = area_of(name)
                if row["area_code"] is None:
                    unknown.append(Problem(str(path), stratum.rows[i], "subgroup",
                                           f"{name!r} is not a known area code or name",
                                           code="unknown_area", params=(("name", repr(name)),)))
                    continue
            elif dimension in SEX_DIMENSIONS:
                row["sex"] = SEX_NAMES.get(name.strip().casefold())
                if row["sex"] is None:
                    unknown.append(Problem(str(path), stratum.rows[i], "subgroup",
                                           f"{name!r} is not female, male or total",
                                           code="unknown_sex", params=(("name", repr(name)),)))
                    continue
            else:
                row["dimension"], row["group"] = slug(stratum.dimension), slug(name)
                order = None if stratum.order is None else _number(stratum.order[i])
                groups[(row["dimension"], row["group"])] = {
                    "dimension": row["dimension"], "group": row["group"], "label_sv": name,
                    "label_en": name, "dimension_sv": stratum.dimension,
                    "dimension_en": stratum.dimension, "order": order}
            observations.append(row)
    if unknown:
        raise DatasetError(unknown)
    return {
        "observations": pd.DataFrame(observations, columns=list(OBSERVATIONS.column_names)),
        "indicators": pd.DataFrame(list(indicators.values()),
                                   columns=list(INDICATORS.column_names)),
        "areas": pd.DataFrame(columns=list(AREAS.column_names)),
        "groups": pd.DataFrame(list(groups.values()), columns=list(GROUPS.column_names)),
        "sources": pd.DataFrame([source], columns=list(SOURCES.column_names)),
    }


def read_heat_file(path: str | Path, areas: pd.DataFrame) -> Imported:
    """Read a HEAT Plus template; refuse it whole if any row has a problem."""
    file = Path(path)
    try:
        data = read_heat_template(file)
    except TemplateError as error:
        raise DatasetError([replace(p, file=str(file)) for p in error.problems]) from error
    if data.problems:
        raise DatasetError([replace(p, file=str(file)) for p in data.problems])
    return Imported(heat_tables(file, data.strata, areas), {"observations": str(file)},
                    {"observations": False})


def read_tidy_folder(folder: str | Path) -> Imported:
    """Read the project's tidy CSVs from `folder` (observations.csv is required)."""
    root = Path(folder)
    if not (root / "observations.csv").is_file():
        raise DatasetError([Problem(str(root), None, None, "holds no observations.csv; a tidy "
                                                           "CSV folder needs at least that")])
    tables, files, lines = {}, {}, {}
    problems: list[Problem] = []
    for name, spec in TABLES.items():
        path = root / f"{name}.csv"
        if not path.is_file():
            continue
        try:
            frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
        except (UnicodeDecodeError, pd.errors.ParserError) as error:
            problems.append(Problem(str(path), None, None,
                                    f"cannot be read as UTF-8 CSV ({error})"))
            continue
        missing = [c.name for c in spec.columns if not c.nullable and c.name not in frame]
        problems += [Problem(str(path), None, c, "required column is missing") for c in missing]
        left_out = [c.name for c in spec.columns if c.nullable and c.name not in frame]
        tables[name] = frame.assign(**dict.fromkeys(left_out, ""))
        files[name], lines[name] = str(path), True
    if problems:
        raise DatasetError(problems)
    return Imported(tables, files, lines)
