"""Table alternatives: the numbers behind a chart as rows, in the chosen language."""

from __future__ import annotations

import math

import pandas as pd

from dashboard.core.texts import t
from dashboard.core.viewstate import ViewState
from dashboard.figures.labels import area_name, flag_text, view_labels
from dashboard.figures.map import ranks
from dashboard.store import query
from dashboard.store.dataset import Dataset


def values_table(ds: Dataset, state: ViewState) -> tuple[list[str], list[list[str]]]:
    """Header and rows (rank, area, value, CI, flag, note, source) of the view's values."""
    labels = view_labels(ds, state)
    values = query.view_values(ds, state)
    rank = ranks(values["value"], labels.polarity)
    values = values.assign(_rank=rank).sort_values(["_rank", "name"], na_position="last")
    urls = dict(zip(ds.sources["id"], ds.sources["url"], strict=True))
    header = [t("rank", state.lang), t("area", state.lang),
              f"{t('value', state.lang)} ({labels.unit})", t("ci", state.lang),
              t("flagged", state.lang), t("note", state.lang), t("source", state.lang)]
    rows = []
    for _, row in values.iterrows():
        has_ci = not (math.isnan(row["ci_low"]) or math.isnan(row["ci_high"]))
        rows.append([
            "" if pd.isna(row["_rank"]) else str(int(row["_rank"])),
            area_name(row, state.lang),
            labels.number(row["value"]),
            f"{labels.number(row['ci_low'])}–{labels.number(row['ci_high'])}" if has_ci else "",
            flag_text(row["flag"], state.lang),
            row["note"] if isinstance(row["note"], str) else "",
            urls.get(row["source_id"], ""),
        ])
    return header, rows
