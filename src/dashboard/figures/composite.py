"""A composite welfare index by district, following Malmö's own method (mean rank score).

The user chooses indicators (with judgements) and optional weights. For each year, every
chosen indicator contributes its value from the nearest year it has (at most three years
away; the years used are shown), the areas are ranked per indicator from 1 (worst) to n
(best) and the scores averaged (measures.composite). The components stay visible: the
table lists each indicator's score per area.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from dashboard.core.schema import TOTAL
from dashboard.core.viewstate import ViewState
from dashboard.figures import style
from dashboard.figures.groups import OKABE_ITO
from dashboard.figures.labels import area_names
from dashboard.measures.composite import CompositeIndex, composite_index
from dashboard.store import query
from dashboard.store.dataset import Dataset

DEFAULT_COMPONENTS = (
    "forvarvsfrekvens",
    "ohalsotal",
    "medellivslangd_vid_fodelsen",
    "valdeltagande_kommunval",
)
MAX_YEAR_DISTANCE = 3


@dataclass(frozen=True)
class CompositeYear:
    period: str
    codes: list[str]
    result: CompositeIndex
    periods_used: dict[str, str]


def components(ds: Dataset, state: ViewState) -> tuple[list[str], list[float]]:
    """The chosen indicators and weights, or the default set when none are chosen."""
    options = query.composite_options(ds, state.level)
    if state.selected():
        return state.selected(), state.weight_list()
    chosen = [c for c in DEFAULT_COMPONENTS if c in options] or options[:3]
    return chosen, [1.0] * len(chosen)


def _values(ds: Dataset, indicator: str, level: str) -> dict[str, dict[str, float]]:
    """period -> area -> value (total sex if present, else the mean of women and men)."""
    obs = query.for_indicator(ds, indicator)
    obs = obs[
        (obs["level"] == level) & (obs["group"] == TOTAL) & obs["period"].map(query.is_single_year)
    ].dropna(subset=["value"])
    if TOTAL not in set(obs["sex"]):
        obs = obs.groupby(["period", "area_code"], as_index=False)["value"].mean()
    else:
        obs = obs[obs["sex"] == TOTAL]
    out: dict[str, dict[str, float]] = {}
    for row in obs.itertuples():
        out.setdefault(str(row.period), {})[row.area_code] = float(row.value)
    return out


def _nearest(years: list[str], target: str) -> str | None:
    close = [y for y in years if abs(int(y) - int(target)) <= MAX_YEAR_DISTANCE]
    return min(close, key=lambda y: (abs(int(y) - int(target)), -int(y))) if close else None


def composite_years(ds: Dataset, state: ViewState) -> list[CompositeYear]:
    """The index for every year in which all chosen indicators have values."""
    chosen, weights = components(ds, state)
    if not chosen:
        return []
    per = [_values(ds, c, state.level) for c in chosen]
    favourable = np.array(
        [query.indicator_info(ds, c)["polarity"] == "higher_better" for c in chosen]
    )
    codes = query.level_areas(ds, state.level)
    out = []
    for year in sorted(set().union(*(set(p) for p in per))):
        used = [_nearest(sorted(p), year) for p in per]
        if None in used:
            continue
        values = np.array(
            [[p[u].get(c, np.nan) for c in codes] for p, u in zip(per, used, strict=True)]
        )
        if (~np.isnan(values).any(axis=0)).sum() < 2:
            continue
        out.append(
            CompositeYear(
                year,
                codes,
                composite_index(values, favourable, np.array(weights)),
                dict(zip(chosen, used, strict=True)),
            )
        )
    return out


def composite_trend_figure(
    ds: Dataset, state: ViewState, years: list[CompositeYear]
) -> style.FigureSpec:
    names = area_names(ds, years[0].codes, state.lang) if years else {}
    traces = []
    for i, code in enumerate(years[0].codes if years else []):
        chosen = code == state.area
        traces.append(
            {
                "type": "scatter",
                "mode": "lines+markers",
                "name": names[code],
                "x": [y.period for y in years],
                "y": [float(y.result.index[i]) for y in years],
                "line": {
                    "color": style.HIGHLIGHT if chosen else OKABE_ITO[i % len(OKABE_ITO)],
                    "width": 4 if chosen else 1.8,
                },
            }
        )
    layout = style.base_layout(state.lang, 360)
    layout.update(
        xaxis={"type": "category"},
        yaxis={"automargin": True, "gridcolor": "#e5e7eb"},
        margin={"l": 10, "r": 10, "t": 10, "b": 40},
    )
    return {"data": traces, "layout": layout}
