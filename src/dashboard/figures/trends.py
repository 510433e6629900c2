"""Trends: an indicator over time by area or by group, and its gap measures over time.

Only single calendar years form the time axis (multi-year means would be drawn twice).
The gap over time is WHO's difference and ratio between the highest and lowest area in
each year, from the measures engine. Whether a change is larger than its uncertainty is
judged by the 95% CI of the change in the difference (`measures.intervals.change_margin`)
when both years have standard errors, and said to be unknowable when the source gives none.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

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


@dataclass(frozen=True, kw_only=True)
class TrendData(ChartData):
    """Lines by area (the chosen one and Malmö emphasised) or by group, and the gap per year."""

    labels: ViewLabels
    by_area: bool
    highlight: str
    lines: tuple[TrendLine, ...]
    periods: tuple[str, ...]
    points: tuple[GapPoint, ...]
    change: GapChange | None


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
        obs = obs[obs["period"].map(query.is_single_year)].dropna(subset=["value"])
        codes = sorted(obs["area_code"].unique(), key=lambda c: (c == city, c))
        names = area_names(ds, codes, state.lang)
        lines = [(c, names[c], c in (city, state.area)) for c in codes]
        return lines, obs.assign(key=obs["area_code"])
    area = state.area or city
    obs = query.for_indicator(ds, state.indicator)
    obs = obs[(obs["area_code"] == area) & obs["period"].map(query.is_single_year)]
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


def gap_series(ds: Dataset, state: ViewState) -> tuple[GapPoint, ...]:
    """Difference and ratio between areas, for each single year with two or more areas."""
    labels = view_labels(ds, state)
    obs = query.series(ds, state)
    obs = obs[(obs["level"] == state.level) & obs["period"].map(query.is_single_year)]
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


def trend_data(ds: Dataset, state: ViewState, _boundaries: dict[str, ShapeSet]
               ) -> TrendData | None:
    """The indicator over the single years; None with fewer than two years."""
    labels = view_labels(ds, state)
    lines, obs = trend_lines(ds, state)
    if obs["period"].nunique() < 2:
        return None
    city = query.city_code(ds)
    by_area = state.split in ("", BY_AREA)
    drawn = []
    for key, name, strong in lines:
        line = obs[obs["key"] == key].sort_values("period")
        drawn.append(TrendLine(str(key), name, strong, by_area and key == city,
                               tuple(str(p) for p in line["period"]),
                               tuple(float(v) for v in line["value"])))
    points = gap_series(ds, state)
    periods = tuple(sorted((str(p) for p in obs["period"].unique()), key=query.period_key))
    return TrendData(
        lang=state.lang, heading=t("trend_heading", state.lang, title=labels.title),
        title=labels.title, subtitle=trend_subtitle(ds, state, periods),
        source_ids=indicator_sources(ds, (state.indicator,)), gaps=gap_panel(ds, state),
        labels=labels, by_area=by_area, highlight=state.area, lines=tuple(drawn),
        periods=periods, points=points,
        change=gap_change(points))


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
    each named at its end."""
    lines = [Line(line.name, tuple(period_position(p) for p in line.periods), line.values,
                  colour, strong)
             for line, (colour, strong) in zip(data.lines, trend_colours(data), strict=True)]
    return draw_lines(lines, t("period", lang), data.labels.unit, data.periods, lang, 400,
                      data.labels.unit)


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
        xaxis=period_axis([p.period for p in points], t("period", lang)),
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
