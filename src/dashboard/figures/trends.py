"""Trends: an indicator over time by area or by group, and its gap measures over time.

Only single calendar years form the time axis (multi-year means would be drawn twice).
The gap over time is WHO's difference and ratio between the highest and lowest area in
each year, from the measures engine. Whether a change is larger than its uncertainty is
judged by the 95% CI of the change in the difference (`measures.intervals.change_margin`)
when both years have standard errors, and said to be unknowable when the source gives none.

With many areas (192 DeSO) a line each would be an unreadable tangle: the areas are then
drawn as a grey band per year (lowest to highest, and the middle half), with only Malmö and
the chosen area as lines; the table still holds every area.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from functools import lru_cache

import numpy as np
import pandas as pd

from dashboard.core.geometry import ShapeSet
from dashboard.core.i18n import format_period
from dashboard.core.schema import TOTAL
from dashboard.core.texts import t
from dashboard.core.viewstate import ViewState
from dashboard.figures import style
from dashboard.figures.gaps import gap_panel
from dashboard.figures.labels import ViewLabels, area_names, group_label, view_labels
from dashboard.figures.lines import (
    CONTEXT,
    LINE_COLOURS,
    Line,
    draw_lines,
    period_axis,
    period_position,
)
from dashboard.figures.parts import ChartData, indicator_sources
from dashboard.measures import Subgroups, compute_all
from dashboard.measures.intervals import change_margin, se_from_ci
from dashboard.store import query
from dashboard.store.dataset import Dataset

BY_AREA = "area"
# Above this many areas they are drawn as a band, not a line each.
MAX_AREA_LINES = 12
BAND_INNER = "#c9ced6"
BAND_OUTER = "#eceef1"


@dataclass(frozen=True)
class GapPoint:
    """The difference (with se and CI) and ratio between the areas in one year."""

    period: str
    d: float
    d_se: float
    r: float
    ci: tuple[float, float]
    method: str


@dataclass(frozen=True)
class GapChange:
    """The gap in the first and last year and the margin of the change (NaN: unknown)."""

    first: GapPoint
    last: GapPoint
    margin: float


@dataclass(frozen=True)
class TrendLine:
    """One line: an area or a group, its values by year; `strong` lines are emphasised."""

    key: str
    name: str
    strong: bool
    city: bool
    periods: tuple[str, ...]
    values: tuple[float, ...]


@dataclass(frozen=True)
class BandPoint:
    """The spread of the areas' values in one year: lowest, quartiles, median, highest."""

    period: str
    low: float
    q1: float
    median: float
    q3: float
    high: float
    n: int


@dataclass(frozen=True, kw_only=True)
class TrendData(ChartData):
    """Lines by area (the chosen one and Malmö emphasised) or by group, and the gap per year;
    with many areas, `band` holds their spread per year and only strong lines are drawn."""

    labels: ViewLabels
    by_area: bool
    highlight: str
    lines: tuple[TrendLine, ...]
    periods: tuple[str, ...]
    points: tuple[GapPoint, ...]
    change: GapChange | None
    band: tuple[BandPoint, ...] = ()


@dataclass(frozen=True, kw_only=True)
class GapTrendData(ChartData):
    """The difference and ratio between areas per year, and the change first to last."""

    labels: ViewLabels
    points: tuple[GapPoint, ...]
    change: GapChange | None


def trend_lines(ds: Dataset, state: ViewState) -> tuple[list[tuple[str, str, bool]], pd.DataFrame]:
    """The lines to draw: (key, label, emphasised) and the single-year values per key.

    By area (the default): one line per area and one for Malmö. By a breakdown (sex or a
    dimension): one line per group, for the chosen area or else Malmö.
    """
    city = query.city_code(ds)
    if state.split in ("", BY_AREA):
        obs = query.series(ds, state)
        obs = obs[obs["period"].map(query.is_point_in_time)].dropna(subset=["value"])
        codes = sorted(obs["area_code"].unique(), key=lambda c: (c == city, c))
        names = area_names(ds, codes, state.lang)
        lines = [(c, names[c], c in (city, state.area)) for c in codes]
        return lines, obs.assign(key=obs["area_code"])
    area = state.area or city
    obs = query.for_indicator(ds, state.indicator)
    obs = obs[(obs["area_code"] == area) & obs["period"].map(query.is_point_in_time)]
    if state.split == "sex":
        obs = obs[(obs["dimension"] == state.dimension) & (obs["group"] == state.group)]
        obs = obs.assign(key=obs["sex"])
        labels = {s: t(f"sex_{s}", state.lang) for s in obs["key"].unique()}
    else:
        obs = obs[(obs["sex"] == state.sex) & (obs["dimension"].isin((state.split, TOTAL)))]
        obs = obs.assign(key=obs["group"])
        labels = {g: group_label(ds, d, g, state.lang)[0]
                  for d, g in zip(obs["dimension"], obs["group"], strict=True)}
    obs = obs.dropna(subset=["value"])
    keys = sorted(obs["key"].unique(), key=lambda k: (k == TOTAL, k))
    return [(k, labels[k], k == TOTAL) for k in keys], obs


@lru_cache(maxsize=128)
def gap_series(ds: Dataset, state: ViewState) -> tuple[GapPoint, ...]:
    """Difference and ratio between areas, for each single year with two or more areas."""
    labels = view_labels(ds, state)
    obs = query.series(ds, state)
    obs = obs[(obs["level"] == state.level) & obs["period"].map(query.is_point_in_time)]
    points = []
    for period, frame in obs.dropna(subset=["value"]).groupby("period", sort=True):
        if len(frame) < 2:
            continue
        groups = Subgroups(
            estimate=frame["value"].to_numpy(float),
            se=se_from_ci(frame["ci_low"].to_numpy(float), frame["ci_high"].to_numpy(float)),
            population=np.full(len(frame), np.nan),
            favourable=labels.polarity != "lower_better",
            scale=labels.scale,
        )
        d, r = compute_all(groups, ("d", "r"))
        points.append(GapPoint(str(period), d.estimate, d.se, r.estimate, (d.ci_lb, d.ci_ub),
                               d.method))
    return tuple(points)


def gap_change(points: tuple[GapPoint, ...]) -> GapChange | None:
    """The change from the first to the last year, None with fewer than two years."""
    if len(points) < 2:
        return None
    first, last = points[0], points[-1]
    return GapChange(first, last, change_margin(first.d_se, last.d_se))


def trend_subtitle(ds: Dataset, state: ViewState, periods: tuple[str, ...]) -> str:
    """What a chart over time shows: the years drawn (not the view's period), then the sex
    and group unless the lines are split by them, then the level or the one area."""
    span = periods[0] if len(periods) == 1 else f"{periods[0]}-{periods[-1]}"
    if state.split in ("", BY_AREA):
        return view_labels(ds, state.with_changes(period=span)).subtitle
    labels = view_labels(ds, state)
    parts = [format_period(span)]
    if state.split != "sex" and state.sex != TOTAL:
        parts.append(labels.sex.lower())
    if state.split == "sex" and state.group != TOTAL:
        parts.append(labels.group.lower() if state.lang == "sv" else labels.group)
    area = state.area or query.city_code(ds) or ""
    parts.append(area_names(ds, [area], state.lang).get(area, area))
    return ", ".join(parts)


def _band(obs: pd.DataFrame, level: str) -> tuple[BandPoint, ...]:
    """The spread of the level's areas per year, for all years at once."""
    values = obs[obs["level"] == level].groupby("period")["value"]
    table = values.quantile([0.0, 0.25, 0.5, 0.75, 1.0]).unstack()
    counts = values.count()
    periods = sorted(table.index, key=query.period_key)
    out = []
    for p in periods:
        low, q1, median, q3, high = (float(table.at[p, q]) for q in table.columns[:5])
        out.append(BandPoint(str(p), low, q1, median, q3, high, int(counts[p])))
    return tuple(out)


def trend_data(ds: Dataset, state: ViewState, _boundaries: dict[str, ShapeSet]
               ) -> TrendData | None:
    """The indicator over the single years; None with fewer than two years. By area, the
    lines are read once for every highlighted area (cached), the chosen one marked after."""
    if state.split not in ("", BY_AREA) or not state.area:
        return _trend_data(ds, state)
    base = _trend_data(ds, state.with_changes(area=""))
    if base is None:
        return None
    lines = tuple(replace(ln, strong=ln.city or ln.key == state.area) for ln in base.lines)
    return replace(base, highlight=state.area, lines=lines)


@lru_cache(maxsize=128)
def _trend_data(ds: Dataset, state: ViewState) -> TrendData | None:
    labels = view_labels(ds, state)
    lines, obs = trend_lines(ds, state)
    if obs["period"].nunique() < 2:
        return None
    city = query.city_code(ds)
    by_area = state.split in ("", BY_AREA)
    ordered = obs.assign(_k=obs["period"].map(period_position)).sort_values(
        ["key", "_k"], kind="stable")
    keys = ordered["key"].astype(str).to_numpy()
    periods_of = ordered["period"].astype(str).to_numpy()
    values = ordered["value"].to_numpy(float)
    bounds = {k: (i, j) for k, i, j in _runs(keys)}
    drawn = []
    for key, name, strong in lines:
        i, j = bounds.get(str(key), (0, 0))
        drawn.append(TrendLine(str(key), name, strong, by_area and key == city,
                               tuple(periods_of[i:j]), tuple(float(v) for v in values[i:j])))
    points = gap_series(ds, state)
    periods = tuple(sorted((str(p) for p in obs["period"].unique()), key=query.period_key))
    many = by_area and sum(1 for ln in drawn if not ln.city) > MAX_AREA_LINES
    return TrendData(
        lang=state.lang, heading=t("trend_heading", state.lang, title=labels.title),
        title=labels.title, subtitle=trend_subtitle(ds, state, periods),
        source_ids=indicator_sources(ds, (state.indicator,)), gaps=gap_panel(ds, state),
        labels=labels, by_area=by_area, highlight=state.area, lines=tuple(drawn),
        periods=periods, points=points,
        change=gap_change(points), band=_band(obs, state.level) if many else ())


def _runs(keys: np.ndarray) -> list[tuple[str, int, int]]:
    """(key, start, end) of each run of equal keys in a sorted array."""
    if not len(keys):
        return []
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
    ends = np.r_[starts[1:], len(keys)]
    return [(str(keys[i]), int(i), int(j)) for i, j in zip(starts, ends, strict=True)]


def gaptrend_data(ds: Dataset, state: ViewState, _boundaries: dict[str, ShapeSet]
                  ) -> GapTrendData | None:
    """The gap between areas per year; None with fewer than two years."""
    labels = view_labels(ds, state)
    points = gap_series(ds, state)
    if len(points) < 2:
        return None
    return GapTrendData(
        lang=state.lang, heading=t("gaptrend_heading", state.lang),
        title=t("gaptrend_title", state.lang, title=labels.title),
        subtitle=trend_subtitle(ds, state.with_changes(split=BY_AREA),
                                tuple(p.period for p in points)),
        source_ids=indicator_sources(ds, (state.indicator,)),
        gaps=gap_panel(ds, state), labels=labels, points=points, change=gap_change(points))


def trend_colours(data: TrendData) -> list[tuple[str, bool]]:
    """(colour, stands out) of each line: by area, Malmö red and the chosen area orange over
    grey context lines; by group, a colour of its own per group (the total dark), grey only
    beyond the colours there are."""
    out = []
    spare = iter(LINE_COLOURS)
    for line in data.lines:
        if data.by_area:
            colour = style.REFERENCE_CITY if line.city else (
                style.HIGHLIGHT if line.strong else CONTEXT)
            out.append((colour, colour != CONTEXT))
        elif line.strong:
            out.append((style.TEXT, True))
        else:
            colour = next(spare, CONTEXT)
            out.append((colour, colour != CONTEXT))
    return out


def draw_trend(data: TrendData, lang: str) -> style.FigureSpec:
    """Lines on a time axis: areas (grey, with the chosen one and Malmö in colour) or groups,
    each named at its end. With many areas, a band of their spread stands for them and only
    Malmö and the chosen area are lines."""
    lines = [Line(line.name, tuple(period_position(p) for p in line.periods), line.values,
                  colour, strong)
             for line, (colour, strong) in zip(data.lines, trend_colours(data), strict=True)
             if strong or not data.band]
    spec = draw_lines(lines, t("period", lang), data.labels.unit, data.periods, lang, 400,
                      data.labels.unit)
    if data.band:
        spec["data"] = [*_band_traces(data, lang), *spec["data"]]
        low = min(b.low for b in data.band)
        high = max(b.high for b in data.band)
        shown = spec["layout"]["yaxis"]["range"]
        pad = 0.04 * ((high - low) or 1.0)
        spec["layout"]["yaxis"]["range"] = [min(shown[0], low - pad), max(shown[1], high + pad)]
    return spec


def _band_traces(data: TrendData, lang: str) -> list[dict]:
    """The areas' spread as two shaded bands (lowest to highest, middle half) and a
    dotted median, named in the hover."""
    xs = [period_position(b.period) for b in data.band]
    number = data.labels.number
    n = max(b.n for b in data.band)
    hover = [t("trend_band_hover", lang, n=b.n, low=number(b.low), q1=number(b.q1),
               median=number(b.median), q3=number(b.q3), high=number(b.high))
             for b in data.band]
    base = {"type": "scatter", "mode": "lines", "x": xs, "showlegend": False,
            "line": {"width": 0}, "hoverinfo": "skip"}
    return [
        {**base, "y": [b.low for b in data.band], "name": "low"},
        {**base, "y": [b.high for b in data.band], "fill": "tonexty",
         "fillcolor": BAND_OUTER, "name": t("trend_band_all", lang, n=n)},
        {**base, "y": [b.q1 for b in data.band], "name": "q1"},
        {**base, "y": [b.q3 for b in data.band], "fill": "tonexty",
         "fillcolor": BAND_INNER, "name": t("trend_band_middle", lang)},
        {"type": "scatter", "mode": "lines", "x": xs, "y": [b.median for b in data.band],
         "line": {"color": style.MUTED, "width": 1.5, "dash": "dot"}, "showlegend": False,
         "name": t("trend_band_median", lang), "text": hover,
         "hovertemplate": "%{text}<extra></extra>"},
    ]


def draw_gaptrend(data: GapTrendData, lang: str) -> style.FigureSpec:
    """The difference between highest and lowest area per year, with CIs where known."""
    points = data.points
    has_ci = [not math.isnan(p.ci[0]) for p in points]
    trace = {
        "type": "scatter",
        "mode": "lines+markers",
        "name": t("measure_name_d", lang),
        "x": [period_position(p.period) for p in points],
        "y": [p.d for p in points],
        "customdata": [format_period(p.period) for p in points],
        "line": {"color": style.JUDGED[-2], "width": 3},
        "hovertemplate": "%{customdata}: %{y}<extra></extra>",
        "showlegend": False,
    }
    if any(has_ci):
        trace["error_y"] = {
            "type": "data",
            "symmetric": False,
            "array": [p.ci[1] - p.d if c else None for p, c in zip(points, has_ci, strict=True)],
            "arrayminus": [
                p.d - p.ci[0] if c else None for p, c in zip(points, has_ci, strict=True)
            ],
        }
    layout = style.base_layout(lang, 300)
    layout.update(
        xaxis=period_axis([p.period for p in points], t("period", lang), lang),
        margin={"l": 10, "r": 10, "t": 10, "b": 40},
        yaxis={
            "automargin": True,
            "title": {"text": data.labels.diff_unit},
            "gridcolor": "#e5e7eb",
            "rangemode": "tozero",
        },
    )
    return {"data": [trace], "layout": layout}


def trend_table(data: TrendData) -> tuple[tuple[str, ...], list[list[str]]]:
    """One row per line, one column per year."""
    first = t("area", data.lang) if data.by_area else t("group", data.lang)
    rows = []
    for line in data.lines:
        by_period = dict(zip(line.periods, line.values, strict=True))
        rows.append([line.name, *[data.labels.number(by_period.get(p, math.nan))
                                  for p in data.periods]])
    return (first, *data.periods), rows


def gaptrend_table(data: GapTrendData) -> tuple[tuple[str, ...], list[list[str]]]:
    """Year, difference and ratio."""
    lang, number = data.lang, data.labels.number
    return ((t("period", lang), t("measure_d_short", lang), t("measure_r_short", lang)),
            [[p.period, number(p.d), number(p.r, 2)] for p in data.points])
