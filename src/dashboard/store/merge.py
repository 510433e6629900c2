"""What a new store version holds: the current dataset merged with freshly ingested tables.

Small counts are suppressed before anything is merged (derive/suppression.py), so they are
never stored, shown or exported.

Merging is by each table's key (core/schema.py):
- observations and sources are facts of their source: an ingested row replaces the current
  row with the same key, so running an ingest again replaces its rows instead of adding
  duplicates;
- areas, groups and indicators are reference data curated in the project: a current row is
  kept and only new keys are added (an indicator's source ids are joined), unless
  `replace_reference` is set for the user's own files (tidy CSV, HEAT template), whose rows
  then win.
Rows keep their order: current rows stay in place, new keys follow in the order ingested.

A merged dataset remembers how it was made (`Dataset.redo`), so that a commit can merge the
same tables into a newer version when another writer committed in between.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

import pandas as pd

from dashboard.core.schema import TABLES
from dashboard.derive.suppression import SUPPRESS_BELOW, suppress_small_counts, text
from dashboard.store.dataset import Dataset, Redo, from_tables

FACT_TABLES = frozenset({"observations", "sources"})
_RANK, _PRIORITY = "_merge_rank", "_merge_priority"


def _keys(frame: pd.DataFrame, key: tuple[str, ...]) -> list[tuple[str, ...]]:
    columns = [frame[k].map(text).tolist() for k in key]
    return list(zip(*columns, strict=True)) if columns else []


def _conform(frame: pd.DataFrame | None, name: str) -> pd.DataFrame:
    columns = list(TABLES[name].column_names)
    if frame is None:
        return pd.DataFrame(columns=columns)
    return frame.reindex(columns=columns).reset_index(drop=True)


def _join_ids(first: Any, second: Any) -> str:
    ids = [p.strip() for p in f"{text(first)};{text(second)}".split(";") if p.strip()]
    return ";".join(dict.fromkeys(ids))


def merge_table(name: str, current: pd.DataFrame | None, new: pd.DataFrame | None, *,
                prefer_new: bool) -> pd.DataFrame:
    """One table merged by key; `prefer_new` decides which row wins for a shared key."""
    key = TABLES[name].key
    cur, fresh = _conform(current, name), _conform(new, name)
    if fresh.empty:
        return cur
    position = {k: i for i, k in enumerate(_keys(cur, key))}
    ranks = [position.get(k, len(cur) + j) for j, k in enumerate(_keys(fresh, key))]
    parts = [frame for frame in (
        cur.assign(**{_RANK: range(len(cur)), _PRIORITY: 1}),
        fresh.assign(**{_RANK: ranks, _PRIORITY: 0 if prefer_new else 2}),
    ) if not frame.empty]
    combined = pd.concat([p.astype(object) for p in parts], ignore_index=True)
    combined = combined.sort_values([_RANK, _PRIORITY], kind="stable")
    kept = combined.drop_duplicates(subset=list(key), keep="first")
    out = kept.drop(columns=[_RANK, _PRIORITY]).reset_index(drop=True)
    if name == "indicators" and not prefer_new:
        cited = dict(zip(fresh["id"].map(text), fresh["source_ids"], strict=True))
        out["source_ids"] = [_join_ids(s, cited.get(text(i))) for i, s in
                             zip(out["id"], out["source_ids"], strict=True)]
    return out


def merge_tables(current: Mapping[str, pd.DataFrame], new: Mapping[str, pd.DataFrame], *,
                 replace_reference: bool = False) -> dict[str, pd.DataFrame]:
    """The five tables of the current dataset with the ingested ones merged in."""
    return {name: merge_table(name, current.get(name), new.get(name),
                              prefer_new=name in FACT_TABLES or replace_reference)
            for name in TABLES}


def new_rows_first(current: Mapping[str, pd.DataFrame],
                   new: Mapping[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Tables for checking ingested rows against the file or response they came from.

    Each table holds its new rows first, in their own order (so row numbers match the file),
    then the current rows whose keys they do not repeat (so references to current areas,
    indicators, groups and sources resolve).
    """
    out = {}
    for name in TABLES:
        key = TABLES[name].key
        cur, fresh = _conform(current.get(name), name), _conform(new.get(name), name)
        taken = set(_keys(fresh, key))
        rest = cur[[k not in taken for k in _keys(cur, key)]] if len(cur) else cur
        parts = [p.astype(object) for p in (fresh, rest) if not p.empty]
        out[name] = pd.concat(parts, ignore_index=True) if parts else cur
    return out


def merge_info(base: Mapping[str, Any], mine: Mapping[str, Any],
               theirs: Mapping[str, Any]) -> dict[str, Any]:
    """`theirs` with the changes that turned `base` into `mine` (nested objects key by key)."""
    out = dict(theirs)
    for key, value in mine.items():
        old = base.get(key)
        if value == old:
            continue
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = merge_info(old if isinstance(old, dict) else {}, value, out[key])
        else:
            out[key] = value
    for key in base:
        if key not in mine:
            out.pop(key, None)
    return out


def merge_into(current: Dataset, tables: Mapping[str, pd.DataFrame], *, label: str,
               files: Mapping[str, str] | None = None,
               csv_lines: Mapping[str, bool] | None = None, replace_reference: bool = False,
               suppress_below: float = SUPPRESS_BELOW, info: dict | None = None
               ) -> tuple[Dataset, int]:
    """The current dataset with `tables` merged in, validated; and how many values were
    suppressed. Problems name the ingested file's rows first, so a user can fix them.
    The result's `redo` merges the same tables into another dataset."""
    given, wanted_info = tables, info

    def again(newer: Dataset) -> Dataset:
        changed = None if wanted_info is None else merge_info(current.info, wanted_info,
                                                              newer.info)
        return merge_into(newer, given, label=label, files=files, csv_lines=csv_lines,
                          replace_reference=replace_reference, suppress_below=suppress_below,
                          info=changed)[0]

    tables = {name: tables.get(name, pd.DataFrame(columns=list(spec.column_names)))
              for name, spec in TABLES.items()}
    cur = {name: current.table(name) for name in TABLES}
    indicators = merge_table("indicators", cur["indicators"], tables["indicators"],
                             prefer_new=replace_reference)
    tables["observations"], suppressed = suppress_small_counts(tables["observations"],
                                                               indicators, suppress_below)
    names = {name: (files or {}).get(name, f"{label} ({name})")
             for name in TABLES if len(tables[name])}
    from_tables(new_rows_first(cur, tables), files=names, csv_lines=dict(csv_lines or {}))
    merged = merge_tables(cur, tables, replace_reference=replace_reference)
    new = from_tables(merged, info if info is not None else current.info)
    return replace(new, redo=Redo(current.version, again)), suppressed
