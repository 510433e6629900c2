"""Gaps between groups: an equiplot per area (one dot per subgroup, a line from the lowest to
the highest) and the difference and ratio between the groups in each area.

The split is either sex (women, men) or a dimension such as country of birth. Colours are
a colour-blind-safe qualitative set (Okabe & Ito 2008).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.core.texts import t
from dashboard.core.viewstate import ViewState
from dashboard.figures import style
from dashboard.figures.gaps import PAIR_MEASURES, MeasureRow, measure_rows
from dashboard.figures.labels import area_names, group_label, view_labels
from dashboard.figures.parts import ChartParts, as_rows
from dashboard.measures import Subgroups
from dashboard.store import query
from dashboard.store.dataset import Dataset

OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442"]


@dataclass(frozen=True)
class GroupData:
    """Areas (rows) x groups (columns) with printable group labels."""

    wide: pd.DataFrame
    labels: dict[str, str]
    split: str


def default_split(ds: Dataset, state: ViewState) -> str:
    options = query.split_options(ds, state.indicator, state.level)
    if state.split in options:
        return state.split
    equity = [o for o in options if o not in ("age", "programme")]
    return (equity or options or [""])[0]


def group_data(ds: Dataset, state: ViewState) -> GroupData | None:
    """Values by group for the view's areas and Malmö, for the chosen split."""
    split = default_split(ds, state)
    if not split:
        return None
    lang = state.lang
    obs = query.for_indicator(ds, state.indicator)
    obs = obs[obs["level"].isin((state.level, "kommun")) & (obs["period"] == state.period)]
    if split == "sex":
        obs = obs[
            (obs["dimension"] == state.dimension)
            & (obs["group"] == state.group)
            & obs["sex"].isin(("female", "male"))
        ]
        column = "sex"
        names = {"female": t("sex_female", lang), "male": t("sex_male", lang)}
    else:
        obs = obs[(obs["sex"] == state.sex) & (obs["dimension"] == split)]
        column = "group"
        names = {g: group_label(ds, split, g, lang)[0] for g in obs["group"].unique()}
    wide = obs.pivot_table(index="area_code", columns=column, values="value", aggfunc="first")
    if wide.shape[1] < 2:
        return None
    return GroupData(wide, names, split)


def equiplot_figure(ds: Dataset, state: ViewState, data: GroupData) -> style.FigureSpec:
    """One row per area (Malmö first), a dot per group, a line from lowest to highest."""
    labels = view_labels(ds, state)
    wide = data.wide.dropna(how="all")
    city = query.city_code(ds)
    order = sorted(wide.index, key=lambda c: (c != city, -float(np.nanmax(wide.loc[c]))))
    names = area_names(ds, order, state.lang)
    rows = [names[c] for c in order][::-1]
    lines_x, lines_y = [], []
    for code, name in zip(order[::-1], rows, strict=True):
        vals = wide.loc[code].dropna()
        if len(vals) >= 2:
            lines_x += [float(vals.min()), float(vals.max()), None]
            lines_y += [name, name, None]
    data_traces = [
        {
            "type": "scatter",
            "mode": "lines",
            "x": lines_x,
            "y": lines_y,
            "line": {"color": "#9ca3af", "width": 3},
            "hoverinfo": "skip",
            "showlegend": False,
        }
    ]
    for i, group in enumerate(wide.columns):
        series = wide[group].reindex(order[::-1])
        data_traces.append(
            {
                "type": "scatter",
                "mode": "markers",
                "name": data.labels.get(group, group),
                "x": series.tolist(),
                "y": rows,
                "marker": {
                    "size": 12,
                    "color": OKABE_ITO[i % len(OKABE_ITO)],
                    "symbol": ["circle", "diamond", "square", "triangle-up"][i % 4],
                    "line": {"color": "#ffffff", "width": 1},
                },
                "hovertemplate": f"%{{y}}<br>{data.labels.get(group, group)}: %{{x}}"
                f" {labels.unit}<extra></extra>",
            }
        )
    layout = style.base_layout(state.lang, max(300, 30 * len(rows) + 110))
    layout.update(
        xaxis={"title": {"text": labels.unit}, "gridcolor": "#e5e7eb"},
        yaxis={"automargin": True, "fixedrange": True},
        legend={"orientation": "h", "y": 1.02, "yanchor": "bottom", "x": 0},
        margin={"l": 10, "r": 20, "t": 40, "b": 40},
    )
    return {"data": data_traces, "layout": layout}


def group_bars_figure(ds: Dataset, state: ViewState, data: GroupData) -> style.FigureSpec:
    """Grouped bars: each area's value for each group."""
    labels = view_labels(ds, state)
    wide = data.wide.dropna(how="all")
    names = area_names(ds, list(wide.index), state.lang)
    traces = [
        {
            "type": "bar",
            "name": data.labels.get(g, g),
            "x": [names[c] for c in wide.index],
            "y": wide[g].tolist(),
            "marker": {"color": OKABE_ITO[i % len(OKABE_ITO)]},
            "hovertemplate": f"%{{x}}<br>{data.labels.get(g, g)}: %{{y}}"
            f" {labels.unit}<extra></extra>",
        }
        for i, g in enumerate(wide.columns)
    ]
    layout = style.base_layout(state.lang, 380)
    layout.update(
        barmode="group",
        yaxis={"automargin": True, "title": {"text": labels.unit}, "gridcolor": "#e5e7eb"},
        xaxis={"automargin": True},
        legend={"orientation": "h", "y": 1.02, "yanchor": "bottom", "x": 0},
        margin={"l": 10, "r": 20, "t": 40, "b": 40},
    )
    return {"data": traces, "layout": layout}


def area_gap_rows(
    ds: Dataset, state: ViewState, data: GroupData
) -> list[tuple[str, tuple[MeasureRow, ...]]]:
    """Difference and ratio between the groups in each area (WHO HEAT, non-ordered)."""
    labels = view_labels(ds, state)
    wide = data.wide.dropna()
    names = area_names(ds, list(wide.index), state.lang)
    out = []
    for code in wide.index:
        vals = wide.loc[code].to_numpy(float)
        groups = Subgroups(
            estimate=vals,
            se=np.full(vals.shape, np.nan),
            population=np.full(vals.shape, np.nan),
            favourable=labels.polarity != "lower_better",
            scale=labels.scale,
        )
        rows, _ = measure_rows(groups, PAIR_MEASURES, labels)
        out.append((names[code], rows))
    return out


def split_label(ds: Dataset, split: str, lang: str) -> str:
    """The name of a breakdown: "Kön" or the dimension's label."""
    if split == "sex":
        return t("sex", lang)
    rows = ds.groups[ds.groups["dimension"] == split]
    return rows.iloc[0][f"dimension_{lang}"] if len(rows) else split


def _group_table(ds: Dataset, state: ViewState, data: GroupData) -> tuple[tuple, tuple]:
    labels = view_labels(ds, state)
    header = (t("area", state.lang), *[data.labels.get(g, g) for g in data.wide.columns])
    names = area_names(ds, list(data.wide.index), state.lang)
    rows = [[names[code], *[labels.number(v) for v in vals]] for code, vals in
            zip(data.wide.index, data.wide.to_numpy(), strict=True)]
    return header, as_rows(rows)


def _group_alt(ds: Dataset, state: ViewState, data: GroupData) -> str:
    labels = view_labels(ds, state)
    return t("alt_equiplot", state.lang, title=labels.title,
             groups=", ".join(data.labels.values()), n=len(data.wide))


def equiplot_parts(ds: Dataset, state: ViewState, _boundaries) -> ChartParts | None:
    data = group_data(ds, state)
    if data is None:
        return None
    header, rows = _group_table(ds, state, data)
    heading = t("equiplot_heading", state.lang,
                split=split_label(ds, data.split, state.lang).lower())
    return ChartParts(heading, equiplot_figure(ds, state, data), _group_alt(ds, state, data),
                      header, rows)


def groupbars_parts(ds: Dataset, state: ViewState, _boundaries) -> ChartParts | None:
    data = group_data(ds, state)
    if data is None:
        return None
    header, rows = _group_table(ds, state, data)
    return ChartParts(t("groupbars_heading", state.lang), group_bars_figure(ds, state, data),
                      _group_alt(ds, state, data), header, rows)
