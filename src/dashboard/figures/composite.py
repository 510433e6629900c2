"""A composite welfare index by district, following Malmö's own method (mean rank score).

The user chooses indicators (with judgements) and optional weights. For each year, every
chosen indicator contributes its value from the nearest year it has (at most three years
away; the years used are shown), the areas are ranked per indicator from 1 (worst) to n
(best) and the scores averaged (measures.composite). The components stay visible: the
table lists each indicator's score per area.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd

from dashboard.core.geometry import ShapeSet
from dashboard.core.i18n import format_number
from dashboard.core.schema import TOTAL
from dashboard.core.texts import t
from dashboard.core.viewstate import ViewState
from dashboard.figures import style
from dashboard.figures.geometry_choice import shapes_for
from dashboard.figures.labels import ViewLabels, area_names
from dashboard.figures.lines import CONTEXT, Line, draw_lines, period_position
from dashboard.figures.map import area_map
from dashboard.figures.parts import ChartData, indicator_sources, ranks
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
    """The index in one year, and the year each component's values come from."""

    period: str
    codes: list[str]
    result: CompositeIndex
    periods_used: dict[str, str]


def components(ds: Dataset, state: ViewState) -> tuple[list[str], list[float]]:
    """The chosen indicators and weights, or the default set when none are chosen."""
    options = query.composite_options(ds, state.level)
    if state.sel:
        return list(state.sel), [state.weight_of(c) for c in state.sel]
    chosen = [c for c in DEFAULT_COMPONENTS if c in options] or options[:3]
    return chosen, [1.0] * len(chosen)


def used_weights(weights: list[float]) -> list[float]:
    """The weights the index is computed with: as chosen, or equal when all are 0."""
    return weights if sum(weights) > 0 else [1.0] * len(weights)


@lru_cache(maxsize=64)
def _values(ds: Dataset, indicator: str, level: str) -> dict[str, dict[str, float]]:
    """period -> area -> value (total sex if present, else the mean of women and men;
    cached, as every index chart of a view asks for it: do not modify)."""
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
        found = [_nearest(sorted(p), year) for p in per]
        used = [u for u in found if u is not None]
        if len(used) < len(per):
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
                composite_index(values, favourable, np.array(used_weights(weights))),
                dict(zip(chosen, used, strict=True)),
            )
        )
    return out


@dataclass(frozen=True)
class IndexRow:
    """One area's index and its score on each component (NaN: a component is missing)."""

    code: str
    name: str
    value: float
    scores: tuple[float, ...]


@dataclass(frozen=True, kw_only=True)
class IndexData(ChartData):
    """The latest year's index for the areas that have every component, the components
    (titles, weights, years used) and the chosen area."""

    year: str
    rows: tuple[IndexRow, ...]
    titles: tuple[str, ...]
    weights: tuple[float, ...]
    periods_used: tuple[tuple[str, str], ...]
    highlight: str
    method: str


@dataclass(frozen=True, kw_only=True)
class IndexMapData(IndexData):
    """The index on the level's shapes, with each shape's name."""

    shapes: ShapeSet
    names: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class IndexLine:
    """One area's index per year."""

    code: str
    name: str
    values: tuple[float, ...]


@dataclass(frozen=True, kw_only=True)
class IndexTrendData(ChartData):
    """The index per area over the years it can be computed (areas with an index)."""

    periods: tuple[str, ...]
    lines: tuple[IndexLine, ...]
    highlight: str


def _subtitle(ds: Dataset, state: ViewState) -> str:
    """The components with their weights, as the charts' subtitle."""
    chosen, weights = components(ds, state)
    text = "; ".join(
        f"{query.indicator_info(ds, c)[f'title_{state.lang}']} ×{format_number(w, state.lang, 1)}"
        for c, w in zip(chosen, weights, strict=True))
    return text if used_weights(weights) is weights else \
        f"{text}. {t('index_zero_weights', state.lang)}"


def _year_text(year: CompositeYear, lang: str) -> str:
    """The index's year, with the span of its components' years where they differ from it."""
    used = sorted(set(year.periods_used.values()))
    if used == [year.period]:
        return year.period
    span = used[0] if len(used) == 1 else f"{used[0]}\u2013{used[-1]}"
    return t("index_year_span", lang, year=year.period, span=span)


def _years_used(ds: Dataset, years: list[CompositeYear], lang: str) -> str:
    """Each component's year (or years, over several index years), as a sentence."""
    used: dict[str, set[str]] = {}
    for year in years:
        for component, period in year.periods_used.items():
            used.setdefault(component, set()).add(period)
    return t("index_years_used", lang, used="; ".join(
        f"{query.indicator_info(ds, c)[f'title_{lang}']} {', '.join(sorted(p))}"
        for c, p in used.items()))


def _with_years(subtitle: str, years: str) -> str:
    """The components' subtitle followed by the sentence on their years."""
    return f"{subtitle} {years}" if subtitle.endswith(".") else f"{subtitle}. {years}"


def _index_data(ds: Dataset, state: ViewState, heading_key: str, bars: bool
                ) -> IndexData | None:
    """The latest index, headed by `heading_key`; the bars' title also names the index."""
    years = composite_years(ds, state)
    if not years:
        return None
    latest = years[-1]
    heading = t(heading_key, state.lang, year=_year_text(latest, state.lang))
    title = f"{t('page_index', state.lang)}: {heading.lower()}" if bars else heading
    chosen, weights = components(ds, state)
    complete = [i for i, v in enumerate(latest.result.index) if not np.isnan(v)]
    codes = [latest.codes[i] for i in complete]
    names = area_names(ds, codes, state.lang)
    return IndexData(
        lang=state.lang, heading=heading, title=title,
        subtitle=_with_years(_subtitle(ds, state), _years_used(ds, [latest], state.lang)),
        source_ids=indicator_sources(ds, tuple(chosen)), year=latest.period,
        rows=tuple(IndexRow(latest.codes[i], names[latest.codes[i]],
                            float(latest.result.index[i]),
                            tuple(float(latest.result.scores[j, i]) for j in range(len(chosen))))
                   for i in complete),
        titles=tuple(query.indicator_info(ds, c)[f"title_{state.lang}"] for c in chosen),
        weights=tuple(used_weights(weights)), periods_used=tuple(latest.periods_used.items()),
        highlight=state.area, method=t("index_method", state.lang))


def latest_index(ds: Dataset, state: ViewState) -> IndexData | None:
    """The latest year's index (as the ranked bars show it); None without any year."""
    return indexbars_data(ds, state, {})


def indexbars_data(ds: Dataset, state: ViewState, _boundaries: dict[str, ShapeSet]
                   ) -> IndexData | None:
    """The areas ranked by the latest index."""
    return _index_data(ds, state, "index_bars_heading", bars=True)


def indexmap_data(ds: Dataset, state: ViewState, boundaries: dict[str, ShapeSet]
                  ) -> IndexMapData | None:
    """The latest index on the level's shapes; None without shapes or without an index."""
    shapes = shapes_for(ds, state.level, boundaries)
    if shapes is None:
        return None
    data = _index_data(ds, state, "index_map_heading", bars=False)
    if data is None:
        return None
    known = area_names(ds, [s.code for s in shapes.shapes], state.lang)
    return IndexMapData(**vars(data), shapes=shapes,
                        names=tuple((s.code, known.get(s.code, s.code)) for s in shapes.shapes))


def indextrend_data(ds: Dataset, state: ViewState, _boundaries: dict[str, ShapeSet]
                    ) -> IndexTrendData | None:
    """The index per area over the years it can be computed (areas with an index)."""
    years = composite_years(ds, state)
    if not years:
        return None
    chosen, _ = components(ds, state)
    names = area_names(ds, years[0].codes, state.lang)
    heading = t("index_trend_heading", state.lang)
    # Areas without an index in any year (e.g. outside the city the components cover) have
    # no line.
    per_area = {c: tuple(float(y.result.index[i]) for y in years)
                for i, c in enumerate(years[0].codes)}
    return IndexTrendData(
        lang=state.lang, heading=heading, title=heading,
        subtitle=_with_years(_subtitle(ds, state), _years_used(ds, years, state.lang)),
        source_ids=indicator_sources(ds, tuple(chosen)),
        periods=tuple(y.period for y in years),
        lines=tuple(IndexLine(c, names[c], values) for c, values in per_area.items()
                    if not np.isnan(values).all()),
        highlight=state.area)


def _index_labels(data: IndexData, lang: str) -> ViewLabels:
    """Labels that let the index use the map drawing of every indicator (higher = better)."""
    title = t("page_index", lang)
    unit = t("index_value", lang)
    return ViewLabels(lang=lang, title=title, unit=unit, diff_unit=unit, decimals=1,
                      scale=1.0, polarity="higher_better", period=data.year, sex="", group="",
                      dimension="", level="", subtitle=data.subtitle, definition="",
                      caveats="")


def draw_indexmap(data: IndexMapData, lang: str) -> style.FigureSpec:
    """The index on the same map drawing as every indicator (higher = better)."""
    by_code = {r.code: r.value for r in data.rows}
    names = dict(data.names)
    hover = {c: f"<b>{n}</b><br>{t('index_value', lang)}: "
                f"{format_number(by_code.get(c), lang, 1)}" for c, n in names.items()}
    return area_map(data.shapes, by_code, names, hover, set(), _index_labels(data, lang))


def draw_indexbars(data: IndexData, lang: str) -> style.FigureSpec:
    """The areas ranked by the index, the chosen one outlined."""
    rows = sorted(data.rows, key=lambda r: r.value)
    vals = [r.value for r in rows]
    chosen = [r.code == data.highlight for r in rows]
    layout = style.base_layout(lang, 34 * len(vals) + 80)
    layout.update(
        xaxis={"range": [0, 10.5], "gridcolor": "#e5e7eb"},
        yaxis={"automargin": True, "fixedrange": True},
        margin={"l": 10, "r": 30, "t": 10, "b": 40},
    )
    return {
        "data": [
            {
                "type": "bar",
                "orientation": "h",
                "x": vals,
                "y": [r.name for r in rows],
                "marker": {
                    "color": style.colours_for(vals, min(vals), max(vals), "higher_better"),
                    "line": {
                        "color": [style.HIGHLIGHT if c else "#ffffff" for c in chosen],
                        "width": [3 if c else 0.5 for c in chosen],
                    },
                },
                "text": [format_number(v, lang, 1) for v in vals],
                "textposition": "outside",
                "cliponaxis": False,
                "showlegend": False,
                "customdata": [r.code for r in rows],
                "hovertemplate": "%{y}: %{x}<extra></extra>",
            }
        ],
        "layout": layout,
    }


def draw_indextrend(data: IndexTrendData, lang: str) -> style.FigureSpec:
    """One grey line per area over the years on a time axis, the chosen area in colour, each
    named at its end."""
    lines = [Line(line.name, tuple(period_position(p) for p in data.periods), line.values,
                  style.HIGHLIGHT if line.code == data.highlight else CONTEXT,
                  line.code == data.highlight)
             for line in data.lines]
    return draw_lines(lines, t("period", lang), t("index_value", lang), data.periods, lang, 360)


def index_table(data: IndexData) -> tuple[tuple[str, ...], list[list[str]]]:
    """Rank, area, index and each component's score, best first."""
    lang = data.lang
    rank = ranks(pd.Series([r.value for r in data.rows]), "higher_better").tolist()
    header = (t("rank", lang), t("area", lang), t("index_value", lang), *data.titles)
    rows = sorted(
        ([str(k), r.name, format_number(r.value, lang, 2),
          *[format_number(s, lang, 1) for s in r.scores]] for k, r in zip(rank, data.rows,
                                                                           strict=True)),
        key=lambda row: int(row[0]))
    return header, rows


def indextrend_table(data: IndexTrendData) -> tuple[tuple[str, ...], list[list[str]]]:
    """Area and its index per year."""
    header = (t("area", data.lang), *data.periods)
    return header, [[line.name, *[format_number(v, data.lang, 2) for v in line.values]]
                    for line in data.lines]
