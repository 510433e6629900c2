"""A composite welfare index by district, following Malmö's own method (mean rank score).

The user chooses indicators (with judgements) and optional weights. For each year, every
chosen indicator contributes its value from the nearest year it has (at most three years
away; the years used are shown), the areas are ranked per indicator from 1 (worst) to n
(best) and the scores averaged (measures.composite). The components stay visible: the
table lists each indicator's score per area.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from dashboard.core.i18n import format_number
from dashboard.core.schema import TOTAL
from dashboard.core.texts import t
from dashboard.core.viewstate import ViewState
from dashboard.figures import style
from dashboard.figures.geometry_choice import shapes_for
from dashboard.figures.groups import OKABE_ITO
from dashboard.figures.labels import ViewLabels, area_names, view_labels
from dashboard.figures.map import area_map, ranks
from dashboard.figures.parts import ChartParts, as_rows
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


@dataclass(frozen=True)
class LatestIndex:
    """The latest year's index for the areas that have every component."""

    year: CompositeYear
    codes: list[str]
    names: list[str]
    values: list[float]
    scores: list[list[float]]
    titles: list[str]


def latest_index(ds: Dataset, state: ViewState) -> LatestIndex | None:
    years = composite_years(ds, state)
    if not years:
        return None
    latest = years[-1]
    complete = [i for i, v in enumerate(latest.result.index) if not np.isnan(v)]
    codes = [latest.codes[i] for i in complete]
    names = area_names(ds, codes, state.lang)
    chosen, _ = components(ds, state)
    return LatestIndex(
        latest,
        codes,
        [names[c] for c in codes],
        [float(latest.result.index[i]) for i in complete],
        [[float(latest.result.scores[j, i]) for j in range(len(chosen))] for i in complete],
        [query.indicator_info(ds, c)[f"title_{state.lang}"] for c in chosen],
    )


def index_sentence(state: ViewState, latest: LatestIndex) -> str:
    hi, lo = max(latest.values), min(latest.values)
    return t(
        "index_sentence",
        state.lang,
        year=latest.year.period,
        best=latest.names[latest.values.index(hi)],
        worst=latest.names[latest.values.index(lo)],
        hi=format_number(hi, state.lang, 1),
        lo=format_number(lo, state.lang, 1),
        n=len(latest.titles),
    )


def _index_labels(ds: Dataset, state: ViewState) -> ViewLabels:
    return replace(
        view_labels(ds, state),
        title=t("page_index", state.lang),
        unit=t("index_value", state.lang),
        decimals=1,
        polarity="higher_better",
    )


def _index_meta(ds: Dataset, state: ViewState, heading: str) -> dict:
    """Title, subtitle (the components) and sources of an index chart."""
    chosen, weights = components(ds, state)
    parts = [
        f"{query.indicator_info(ds, c)[f'title_{state.lang}']} ×{format_number(w, state.lang, 1)}"
        for c, w in zip(chosen, weights, strict=True)
    ]
    return {"title": heading, "subtitle": "; ".join(parts), "indicators": tuple(chosen)}


def _index_table(state: ViewState, latest: LatestIndex) -> tuple[tuple, tuple]:
    rank = ranks(pd.Series(latest.values), "higher_better").tolist()
    header = (
        t("rank", state.lang),
        t("area", state.lang),
        t("index_value", state.lang),
        *latest.titles,
    )
    rows = sorted(
        (
            [
                str(r),
                latest.names[k],
                format_number(latest.values[k], state.lang, 2),
                *[format_number(s, state.lang, 1) for s in latest.scores[k]],
            ]
            for k, r in enumerate(rank)
        ),
        key=lambda row: int(row[0]),
    )
    return header, as_rows(rows)


def indexmap_parts(ds: Dataset, state: ViewState, boundaries) -> ChartParts | None:
    """The index on the same map drawing as every indicator (higher = better)."""
    latest = latest_index(ds, state)
    shapes = shapes_for(ds, state.level, boundaries)
    if latest is None or shapes is None:
        return None
    by_code = dict(zip(latest.codes, latest.values, strict=True))
    names = area_names(ds, [s.code for s in shapes.shapes], state.lang)
    names = {s.code: names.get(s.code, s.code) for s in shapes.shapes}
    hover = {
        c: f"<b>{n}</b><br>{t('index_value', state.lang)}: "
        f"{format_number(by_code.get(c), state.lang, 1)}"
        for c, n in names.items()
    }
    header, rows = _index_table(state, latest)
    return ChartParts(
        t("index_map_heading", state.lang, year=latest.year.period),
        area_map(shapes, by_code, names, hover, set(), _index_labels(ds, state)),
        index_sentence(state, latest),
        header,
        rows,
        **_index_meta(ds, state, t("index_map_heading", state.lang, year=latest.year.period)),
    )


def indexbars_parts(ds: Dataset, state: ViewState, _boundaries) -> ChartParts | None:
    """The areas ranked by the index, the chosen one outlined."""
    latest = latest_index(ds, state)
    if latest is None:
        return None
    order = sorted(range(len(latest.values)), key=lambda i: latest.values[i])
    vals = [latest.values[i] for i in order]
    chosen = [latest.codes[i] == state.area for i in order]
    layout = style.base_layout(state.lang, 34 * len(vals) + 80)
    layout.update(
        xaxis={"range": [0, 10.5], "gridcolor": "#e5e7eb"},
        yaxis={"automargin": True, "fixedrange": True},
        margin={"l": 10, "r": 30, "t": 10, "b": 40},
    )
    spec = {
        "data": [
            {
                "type": "bar",
                "orientation": "h",
                "x": vals,
                "y": [latest.names[i] for i in order],
                "marker": {
                    "color": style.colours_for(vals, min(vals), max(vals), "higher_better"),
                    "line": {
                        "color": [style.HIGHLIGHT if c else "#ffffff" for c in chosen],
                        "width": [3 if c else 0.5 for c in chosen],
                    },
                },
                "text": [format_number(v, state.lang, 1) for v in vals],
                "textposition": "outside",
                "cliponaxis": False,
                "showlegend": False,
                "customdata": [latest.codes[i] for i in order],
                "hovertemplate": "%{y}: %{x}<extra></extra>",
            }
        ],
        "layout": layout,
    }
    header, rows = _index_table(state, latest)
    heading = t("index_bars_heading", state.lang, year=latest.year.period)
    return ChartParts(
        heading,
        spec,
        index_sentence(state, latest),
        header,
        rows,
        **_index_meta(ds, state, f"{t('page_index', state.lang)}: {heading.lower()}"),
    )


def indextrend_parts(ds: Dataset, state: ViewState, _boundaries) -> ChartParts | None:
    """The index per area over the years it can be computed."""
    years = composite_years(ds, state)
    if not years:
        return None
    names = area_names(ds, years[0].codes, state.lang)
    header = (t("area", state.lang), *[y.period for y in years])
    rows = [
        [names[c], *[format_number(y.result.index[i], state.lang, 2) for y in years]]
        for i, c in enumerate(years[0].codes)
    ]
    return ChartParts(
        t("index_trend_heading", state.lang),
        composite_trend_figure(ds, state, years),
        t("index_trend_alt", state.lang, first=years[0].period, last=years[-1].period),
        header,
        as_rows(rows),
        **_index_meta(ds, state, t("index_trend_heading", state.lang)),
    )
