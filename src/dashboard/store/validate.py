"""Checks that turn raw tables into typed, trustworthy ones, or refuse them with reasons.

Every check is vectorised over a whole column and reports the first rows that break it,
naming file, row (1-based, header not counted) and column, so a user can fix the file.
Every check runs in one pass, so a user sees every problem at once: a cell already reported
is not reported again by a later check, and only the checks that need a table that is
missing or lacks a required column are left out (that table's problem is reported).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

import numpy as np
import pandas as pd

from dashboard.core.problems import Problem
from dashboard.core.schema import FLAGS, TABLES, TableSpec
from dashboard.core.units import UNITS

PER_CHECK = 20
PERIOD_RE = re.compile(r"^\d{4}(-\d{4}|-\d{2}|-\d{2}-\d{2})?$")


class _Report:
    """Collects problems for one file, converting frame positions to row and line numbers."""

    def __init__(self, file: str, csv_lines: bool):
        self.file = file
        self.csv_lines = csv_lines
        self.problems: list[Problem] = []
        self.reported: set[tuple[int, str]] = set()

    def add(self, position: int | None, column: str | None, message: str) -> None:
        row = None if position is None else int(position) + 1
        if position is not None and column is not None:
            self.reported.add((int(position), column))
        line = row + 1 if (row is not None and self.csv_lines) else None
        self.problems.append(Problem(self.file, row, column, message, line))

    def add_rows(
        self, mask: np.ndarray, column: str,
        describe: Iterable[str] | Callable[[], Iterable[str]] | None, message: str
    ) -> None:
        """Report the rows in `mask`; `describe` (the cells as text, or a function giving
        them, called only when a row is bad) names each bad cell."""
        fresh = [int(p) for p in np.flatnonzero(mask) if (int(p), column) not in self.reported]
        if not fresh:
            return
        positions = fresh[:PER_CHECK]
        texts = list(describe() if callable(describe) else describe) \
            if describe is not None else None
        for pos in positions:
            detail = f"{texts[pos]!r} " if texts is not None else ""
            self.add(pos, column, f"{detail}{message}".strip())
        extra = len(fresh) - len(positions)
        if extra > 0:
            self.add(None, column, f"{extra} more row(s) with the same problem")


def _is_empty(series: pd.Series) -> np.ndarray:
    """Missing cells and text of only spaces (vectorised: a national file has 10^5 rows)."""
    missing = series.isna().to_numpy(dtype=bool)
    if pd.api.types.is_numeric_dtype(series.dtype) or pd.api.types.is_bool_dtype(series.dtype):
        return missing
    if _is_text(series):
        blank = series.astype("str").str.strip().eq("").fillna(False)
    else:
        blank = series.map(lambda v: isinstance(v, str) and not v.strip())
    return missing | blank.to_numpy(dtype=bool)


def _is_text(series: pd.Series) -> bool:
    """Every cell text or missing (a string column, or an object column of text only)."""
    if series.dtype != object:
        return pd.api.types.is_string_dtype(series.dtype)
    return pd.api.types.infer_dtype(series, skipna=True) in ("string", "empty")


def _non_text(series: pd.Series, empty: np.ndarray) -> np.ndarray:
    """Cells that hold something other than text (a number in a code column, say)."""
    if _is_text(series):
        return np.zeros(len(series), dtype=bool)
    is_text = series.map(lambda v: isinstance(v, str)).to_numpy(dtype=bool)
    return ~is_text & ~empty


def _missing_columns(raw: pd.DataFrame, spec: TableSpec) -> list[str]:
    return [c.name for c in spec.columns if not c.optional and c.name not in raw.columns]


def typed_table(raw: pd.DataFrame, spec: TableSpec, report: _Report) -> pd.DataFrame:
    """Check one table's columns, types, empty cells and allowed values; return it typed."""
    absent = [c.name for c in spec.columns if c.optional and c.name not in raw.columns]
    raw = raw.assign(**dict.fromkeys(absent, None))
    missing = _missing_columns(raw, spec)
    for name in missing:
        report.add(None, name, f"required column is missing (expected columns: "
                   f"{', '.join(spec.column_names)})")
    if missing:
        return pd.DataFrame(columns=list(spec.column_names))
    out = {}
    for col in spec.columns:
        series = raw[col.name]
        empty = _is_empty(series)
        if not col.nullable:
            report.add_rows(empty, col.name, None, "is empty; a value is required")
        if col.kind == "float":
            if pd.api.types.is_bool_dtype(series.dtype):
                numbers = pd.Series(np.nan, index=series.index)
                bad = ~empty
            else:
                numbers = pd.to_numeric(series.where(~empty, None), errors="coerce")
                bad = numbers.isna().to_numpy() & ~empty
            if bad.any():
                report.add_rows(bad, col.name, series.astype(str), "is not a number")
            out[col.name] = numbers.astype("float64").to_numpy()
        else:
            non_text = _non_text(series, empty)
            if non_text.any():
                report.add_rows(non_text, col.name, series.astype(str), "is not text")
            text = series.astype("str").str.strip().where(~empty, None)
            out[col.name] = pd.array(text, dtype="str")
            if col.choices is not None:
                bad = (text.notna() & ~text.isin(col.choices)).to_numpy(dtype=bool)
                if bad.any():
                    report.add_rows(bad, col.name, text.astype(str),
                                    f"is not one of {', '.join(col.choices)}")
    for col in spec.columns:
        if col.fallback is not None:
            own = pd.Series(out[col.name], dtype="str")
            out[col.name] = own.where(own.notna(), pd.Series(out[col.fallback], dtype="str")).array
    table = pd.DataFrame(out)
    dup = table.duplicated(list(spec.key), keep="first").to_numpy()
    if dup.any():
        keys = table[list(spec.key)].astype(str).agg(" / ".join, axis=1)
        report.add_rows(dup, ", ".join(spec.key), keys,
                        "repeats the key of an earlier row (each key must be unique)")
    return table


def _check_membership(report: _Report, table: pd.DataFrame, column: str,
                      allowed: Iterable[str], what: str) -> None:
    values = table[column]
    bad = (values.notna() & ~values.isin(set(allowed))).to_numpy(dtype=bool)
    report.add_rows(bad, column, lambda: values.astype(str), f"is not a known {what} code")


def _numbers(values: np.ndarray) -> Callable[[], list[str]]:
    """The cells as text, written when asked (only for a table with a bad cell)."""
    return lambda: [f"{v:g}" for v in values]


def _flag_sets(flags: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Rows with an unknown flag, and rows flagged suppressed (judged once per distinct
    flag text: a store has a handful of them and 10^5 rows)."""
    distinct = [f for f in flags.dropna().unique() if isinstance(f, str)]
    unknown = {f for f in distinct if any(x not in FLAGS for x in f.split("|"))}
    suppressed = {f for f in distinct if "suppressed" in f.split("|")}
    return flags.isin(unknown).to_numpy(dtype=bool), flags.isin(suppressed).to_numpy(dtype=bool)


def check_observations(obs: pd.DataFrame, tables: dict[str, pd.DataFrame],
                       report: _Report, usable: Iterable[str] = TABLES) -> None:
    """Cross-table and range checks of the observations table (against the `usable` tables)."""
    usable = set(usable)
    indicators = tables["indicators"]
    for column, table, key, what in (("indicator_id", "indicators", "id", "indicator"),
                                     ("area_code", "areas", "code", "area"),
                                     ("source_id", "sources", "id", "source")):
        if table in usable:
            _check_membership(report, obs, column, tables[table][key], what)
    if "groups" in usable:
        known = pd.MultiIndex.from_arrays([tables["groups"]["dimension"],
                                           tables["groups"]["group"]])
        pairs = pd.MultiIndex.from_arrays([obs["dimension"], obs["group"]])
        given = (obs["dimension"].notna() & obs["group"].notna()).to_numpy(dtype=bool)
        report.add_rows(given & ~pairs.isin(known), "group",
                        lambda: [f"{d}/{g}" for d, g in pairs],
                        "is not a known dimension/group pair (see the groups table)")
    periods = obs["period"]
    bad = (periods.notna() & ~periods.astype("str").str.match(PERIOD_RE.pattern)
           .fillna(False)).to_numpy(dtype=bool)
    report.add_rows(bad, "period", lambda: periods.astype(str),
                    "is not a period (expected YYYY, YYYY-YYYY, YYYY-MM or YYYY-MM-DD)")
    unknown_flag, suppressed = _flag_sets(obs["flag"])
    report.add_rows(unknown_flag, "flag", lambda: obs["flag"].astype(str),
                    f"is not a known flag ({', '.join(FLAGS)}; combine with |)")
    value = obs["value"].to_numpy()
    report.add_rows(np.isnan(value) & ~suppressed, "value", None,
                    "is empty but the row is not flagged 'suppressed'")
    unit_of = dict(zip(indicators["id"], indicators["unit"], strict=True))
    unit = obs["indicator_id"].map(lambda i: UNITS.get(unit_of.get(i, "")))
    lo = unit.map(lambda u: u.minimum if u else -np.inf).to_numpy(dtype=float)
    hi = unit.map(lambda u: u.maximum if u else np.inf).to_numpy(dtype=float)
    outside = ~np.isnan(value) & ((value < lo) | (value > hi))
    report.add_rows(outside, "value", lambda: [
        f"{v:g} ({u.code}: {u.minimum:g} to {u.maximum:g})" if u else ""
        for v, u in zip(value, unit, strict=True)], "is outside the range of its unit")
    for col in ("population", "numerator", "denominator", "se"):
        arr = obs[col].to_numpy()
        report.add_rows(arr < 0, col, _numbers(arr), "is negative")
    low, high = obs["ci_low"].to_numpy(), obs["ci_high"].to_numpy()
    methods = obs["ci_method"]
    named = methods.notna().to_numpy(dtype=bool)
    report.add_rows(named & np.isnan(low) & np.isnan(high), "ci_method",
                    lambda: methods.astype(str), "names a method but the row has no interval")
    report.add_rows(low > value, "ci_low", _numbers(low),
                    "is above the value (a lower limit must not exceed it)")
    report.add_rows(high < value, "ci_high", _numbers(high),
                    "is below the value (an upper limit must not be under it)")


def check_indicators(ind: pd.DataFrame, sources: pd.DataFrame | None,
                     report: _Report) -> None:
    """Units must be known, scales positive, and every cited source present (if `sources`)."""
    _check_membership(report, ind, "unit", UNITS, "unit")
    scale = ind["scale"].to_numpy()
    report.add_rows(scale <= 0, "scale", [f"{v:g}" for v in scale], "must be positive")
    if sources is None:
        return
    known = set(sources["id"])
    cited = [str(s) for s in ind["source_ids"]]
    bad = np.array([any(x.strip() not in known for x in s.split(";")) for s in cited])
    report.add_rows(bad, "source_ids", cited, "names a source that is not in the sources table")


def check_areas(areas: pd.DataFrame, report: _Report) -> None:
    """Every parent must itself be an area."""
    parents = areas["parent_code"].to_numpy(dtype=object)
    known = set(areas["code"])
    bad = np.array([isinstance(p, str) and p not in known for p in parents], dtype=bool)
    report.add_rows(bad, "parent_code", [str(p) for p in parents], "is not a known area code")


def validate_tables(raw: dict[str, pd.DataFrame], files: dict[str, str],
                    csv_lines: dict[str, bool] | None = None
                    ) -> tuple[dict[str, pd.DataFrame], list[Problem]]:
    """Validate the five tables together; return the typed tables and every problem found.

    A table absent from `raw` is left out of the checks (its absence is the caller's to
    report), as is, in the cross-table checks, a table that lacks a required column.
    """
    csv_lines = csv_lines or {}
    reports = {name: _Report(files.get(name, name), csv_lines.get(name, False))
               for name in TABLES}
    empty = {name: pd.DataFrame(columns=list(spec.column_names))
             for name, spec in TABLES.items()}
    typed = {name: typed_table(raw[name], spec, reports[name]) if name in raw else empty[name]
             for name, spec in TABLES.items()}
    usable = {name for name, spec in TABLES.items()
              if name in raw and not _missing_columns(raw[name], spec)}
    if "indicators" in usable:
        check_indicators(typed["indicators"],
                         typed["sources"] if "sources" in usable else None,
                         reports["indicators"])
    if "areas" in usable:
        check_areas(typed["areas"], reports["areas"])
    if "observations" in usable:
        check_observations(typed["observations"], typed, reports["observations"], usable)
    problems = [p for r in reports.values() for p in r.problems]
    return typed, problems
