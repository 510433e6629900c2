"""Social gradient: a health indicator against a social determinant across areas.

Each area is a bubble sized by population; the line is a population-weighted least-squares
fit (`measures.fit`), whose slope (with a 95% CI) says how much the indicator changes per
unit of the determinant. The slope index of inequality on that ranking comes from the gap
panel's gradient section (WHO HEAT / PHE).

The areas are also grouped into population-weighted fifths or tenths along the determinant
(`measures.area_groups`): each group's population-weighted value is drawn over the scatter
and on its own as an equiplot, with the gap between the end groups and the slope and
relative index of inequality across the groups (WHO HEAT and PHE, `measures`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd

from dashboard.core.geometry import ShapeSet
from dashboard.core.i18n import format_number, format_period
from dashboard.core.texts import decapitalise, t
from dashboard.core.viewstate import ViewState
from dashboard.figures import style
from dashboard.figures.gaps import GapPanel, MeasureRow, gap_panel, measure_rows
from dashboard.figures.labels import ViewLabels, area_names, view_labels
from dashboard.figures.parts import ChartData, indicator_sources
from dashboard.figures.sentences import bin_words
from dashboard.measures import Subgroups
from dashboard.measures.area_groups import BINS, group_values, population_groups
from dashboard.measures.fit import Fit, weighted_fit
from dashboard.measures.intervals import se_from_ci
from dashboard.store import query
from dashboard.store.dataset import Dataset


@dataclass(frozen=True)
class GradientPoint:
    """One area: the determinant (x), the indicator (y) and the population (NaN: unknown)."""

    code: str
    name: str
    x: float
    y: float
    population: float


# The gap measures shown across the groups: the two end groups (difference, ratio) and the
# slope and relative index of inequality (WHO HEAT's logistic model and PHE's method).
GROUP_MEASURES = ("d", "r", "sii", "rii", "sii_phe", "rii_phe")


@dataclass(frozen=True)
class AreaGroupRow:
    """One population-weighted group: its number (1 = most disadvantaged), its name, how
    many areas and people it holds, the determinant's range in it, and the indicator's
    population-weighted value with its 95% limits (NaN: no interval)."""

    group: int
    label: str
    n_areas: int
    population: float
    x_low: float
    x_high: float
    value: float
    ci_low: float
    ci_high: float


@dataclass(frozen=True, kw_only=True)
class AreaGroupsData(ChartData):
    """The areas' population-weighted groups along the determinant, and the gap across them.

    `rows` holds the groups that have areas, in order from the most to the least
    disadvantaged end (`low_first`: group 1 has the lowest determinant values).
    `ci_method` is 'wilson' (pooled counts), 'se' (from the areas' standard errors) or ''
    (no interval); `weighting` says whose population weights the values ('observation':
    the indicator's own population column, 'folkmangd': the registered population).
    """

    labels: ViewLabels
    x_labels: ViewLabels
    period: str
    x_period: str
    bins: int
    low_first: bool
    rows: tuple[AreaGroupRow, ...]
    measures: tuple[MeasureRow, ...]
    not_applicable: tuple[str, ...]
    ci_method: str
    weighting: str
    n_areas: int
    left_out: int
    city: str
    level_name: str
    publishers: tuple[str, ...]


def bins_of(state: ViewState) -> int:
    """The number of groups the view asks for (fifths unless it says tenths)."""
    return int(state.bins) if state.bins.isdigit() and int(state.bins) in BINS else BINS[0]


def _publishers(ds: Dataset, source_ids: tuple[str, ...]) -> tuple[str, ...]:
    rows = query.sources_for(ds, list(source_ids))
    return tuple(dict.fromkeys(str(p) for p in rows["publisher"]))


def _city(ds: Dataset, lang: str) -> str:
    code = query.city_code(ds)
    return "" if code is None else area_names(ds, [code], lang).get(code, "")


def _area_se(rows: pd.DataFrame) -> np.ndarray:
    given = rows["se"].to_numpy(float)
    return np.where(np.isfinite(given), given,
                    se_from_ci(rows["ci_low"].to_numpy(float), rows["ci_high"].to_numpy(float)))


def bin_label(g: int, bins: int, low_first: bool, lang: str) -> str:
    """'Femtedel 1 (lägst)': a group's name, saying for the end groups whether they hold
    the lowest or the highest determinant values (`low_first`: group 1 the lowest)."""
    name = bin_words(bins, "one", lang, n=g)
    if g not in (1, bins):
        return name
    lowest = (g == 1) == low_first
    return t("bins_end", lang, name=name, end=t("lowest" if lowest else "highest", lang))


@lru_cache(maxsize=128)
def area_groups_data(ds: Dataset, state: ViewState) -> AreaGroupsData | None:
    """The view's areas in population-weighted groups along the order-by indicator (period
    nearest the view's), each group's value, and the gap measures across the groups.

    None when the view has no ordering or fewer than five areas with a value, a
    determinant and a registered population (cached per dataset and view).
    """
    found = query.ordering(ds, state)
    if found is None:
        return None
    period, social = found
    lang = state.lang
    values = query.view_values(ds, state).dropna(subset=["value"])
    values = values[values["area_code"].isin(social.dropna().index)]
    people = query.population_weights(ds, list(values["area_code"]))
    kept = values[values["area_code"].map(lambda c: c in people)].set_index("area_code")
    if len(kept) < query.MIN_ORDERED_AREAS:
        return None
    codes = list(kept.index)
    bins = bins_of(state)
    low_first = query.indicator_info(ds, state.order)["polarity"] != "lower_better"
    key = social.reindex(codes).to_numpy(float)
    registered = np.array([people[c] for c in codes], dtype=float)
    grouped = population_groups(key, registered, bins, ascending=low_first)
    own = kept["population"].to_numpy(float)
    use_own = bool(np.isfinite(own).all() and (own > 0).all())
    labels = view_labels(ds, state)
    x_labels = view_labels(ds, state.with_changes(indicator=state.order, sex="total",
                                                  dimension="total", group="total"))
    result = group_values(grouped, kept["value"].to_numpy(float),
                          own if use_own else registered, se=_area_se(kept),
                          numerator=kept["numerator"].to_numpy(float),
                          denominator=kept["denominator"].to_numpy(float),
                          scale=labels.scale if labels.unit_id == "percent" else 1.0)
    present = grouped.n_areas > 0
    rows = tuple(
        AreaGroupRow(g, bin_label(g, bins, low_first, lang), int(grouped.n_areas[g - 1]),
                     float(grouped.population[g - 1]),
                     float(key[grouped.group == g].min()), float(key[grouped.group == g].max()),
                     float(result.estimate[g - 1]), float(result.ci_low[g - 1]),
                     float(result.ci_high[g - 1]))
        for g in range(1, bins + 1) if present[g - 1])
    subgroups = Subgroups(estimate=result.estimate[present], se=result.se[present],
                          population=result.weight[present],
                          order=np.flatnonzero(present) + 1.0,
                          favourable=labels.polarity != "lower_better", scale=labels.scale)
    measures, skipped = measure_rows(subgroups, GROUP_MEASURES, labels)
    heading = t("areagroups_heading", lang, y=labels.title,
                groups=bin_words(bins, "plural", lang), x=decapitalise(x_labels.title))
    sources = indicator_sources(ds, (state.indicator, state.order))
    return AreaGroupsData(
        lang=lang, heading=heading, title=heading,
        subtitle=t("gradient_subtitle", lang, subtitle=labels.subtitle,
                   x=decapitalise(x_labels.title), x_period=format_period(period)),
        source_ids=sources, labels=labels, x_labels=x_labels, period=state.period,
        x_period=period, bins=bins,
        low_first=low_first, rows=rows, measures=measures, not_applicable=skipped,
        ci_method=result.method, weighting="observation" if use_own else "folkmangd",
        n_areas=len(codes), left_out=len(values) - len(codes), city=_city(ds, lang),
        level_name=labels.level, publishers=_publishers(ds, sources))


@dataclass(frozen=True, kw_only=True)
class GradientData(ChartData):
    """The areas against the order-by indicator (at `x_period`) and the fitted line."""

    labels: ViewLabels
    x_labels: ViewLabels
    x_period: str
    points: tuple[GradientPoint, ...]
    fit: Fit | None
    groups: tuple[AreaGroupRow, ...] = ()
    bins: int = BINS[0]


def gradient_data(ds: Dataset, state: ViewState, _boundaries: dict[str, ShapeSet] | None = None
                  ) -> GradientData | None:
    """The view's values against the order-by indicator (nearest period), with the fit."""
    found = query.ordering(ds, state)
    if found is None:
        return None
    period, social = found
    labels = view_labels(ds, state)
    x_labels = view_labels(ds, state.with_changes(indicator=state.order, sex="total",
                                                  dimension="total", group="total"))
    values = query.view_values(ds, state).dropna(subset=["value"]).set_index("area_code")
    codes = [c for c in values.index if c in social.index and not math.isnan(social[c])]
    weights = query.population_weights(ds, codes)
    pop = np.array([weights.get(c, np.nan) for c in codes], dtype=float)
    x = social.reindex(codes).to_numpy(float)
    y = values["value"].reindex(codes).to_numpy(float)
    use = pop if not np.isnan(pop).any() else np.ones(len(codes))
    fit = weighted_fit(x, y, use) if len(codes) >= 3 else None
    names = area_names(ds, codes, state.lang)
    heading = t("gradient_heading", state.lang, y=labels.title, x=decapitalise(x_labels.title))
    panel = gap_panel(ds, state)
    grouped = area_groups_data(ds, state)
    return GradientData(
        lang=state.lang, heading=heading, title=heading,
        subtitle=t("gradient_subtitle", state.lang, subtitle=labels.subtitle,
                   x=decapitalise(x_labels.title), x_period=format_period(period)),
        source_ids=indicator_sources(ds, (state.indicator, state.order)),
        gaps=GapPanel(tuple(s for s in panel.sections if s.key == "gradient")),
        labels=labels, x_labels=x_labels, x_period=period,
        points=tuple(GradientPoint(c, names[c], float(a), float(b), float(p))
                     for c, a, b, p in zip(codes, x, y, pop, strict=True)),
        fit=fit, groups=() if grouped is None else grouped.rows,
        bins=bins_of(state))


# The plot area the label placement assumes, in pixels, and a label's height and the width
# of one of its characters.
PLOT_PX = (900.0, 330.0)
LABEL_PX = (7.0, 15.0)
PLACES = ("top center", "bottom center", "middle right", "middle left")


def _box(x: float, y: float, r: float, name: str, place: str
         ) -> tuple[float, float, float, float]:
    """The pixel box (left, bottom, right, top) of a label placed beside a dot at (x, y)."""
    w, h = LABEL_PX[0] * len(name), LABEL_PX[1]
    if place == "top center":
        return x - w / 2, y + r, x + w / 2, y + r + h
    if place == "bottom center":
        return x - w / 2, y - r - h, x + w / 2, y - r
    if place == "middle right":
        return x + r, y - h / 2, x + r + w, y + h / 2
    return x - r - w, y - h / 2, x - r, y + h / 2


def _overlap(a: tuple[float, ...], b: tuple[float, ...]) -> float:
    width = min(a[2], b[2]) - max(a[0], b[0])
    height = min(a[3], b[3]) - max(a[1], b[1])
    return max(width, 0.0) * max(height, 0.0)


def label_positions(data: GradientData, sizes: np.ndarray) -> list[str]:
    """A place for each area's name (above, below, right or left of its dot) that covers
    the fewest other names, dots and the fitted line, preferring above."""
    xs = np.array([p.x for p in data.points], dtype=float)
    ys = np.array([p.y for p in data.points], dtype=float)
    if len(xs) == 0:
        return []
    span_x = float(np.ptp(xs)) or 1.0
    span_y = float(np.ptp(ys)) or 1.0
    px = (xs - xs.min()) / span_x * PLOT_PX[0]
    py = (ys - ys.min()) / span_y * PLOT_PX[1]
    radius = sizes / 2
    dots = [(x - r, y - r, x + r, y + r) for x, y, r in zip(px, py, radius, strict=True)]
    line: list[tuple[float, float, float, float]] = []
    if data.fit is not None:
        fx = np.linspace(xs.min(), xs.max(), 60)
        fy = (data.fit.intercept + data.fit.slope * fx - ys.min()) / span_y * PLOT_PX[1]
        gx = (fx - xs.min()) / span_x * PLOT_PX[0]
        line = [(a - 4, b - 4, a + 4, b + 4) for a, b in zip(gx, fy, strict=True)]
    placed: list[tuple[float, float, float, float]] = []
    out = [PLACES[0]] * len(xs)
    for i in sorted(range(len(xs)), key=lambda k: -py[k]):
        name = data.points[i].name

        def cost(place: str, i: int = i, name: str = name) -> float:
            box = _box(px[i], py[i], radius[i], name, place)
            others = [d for k, d in enumerate(dots) if k != i]
            return (sum(_overlap(box, b) for b in placed) * 4
                    + sum(_overlap(box, d) for d in others)
                    + sum(_overlap(box, seg) for seg in line) * 10
                    + PLACES.index(place))

        out[i] = min(PLACES, key=cost)
        placed.append(_box(px[i], py[i], radius[i], name, out[i]))
    return out


# Above this many areas the names are left to the hover label: 192 DeSO names cannot be
# placed without covering each other.
NAMED_POINTS = 30


def _group_steps(data: GradientData, lang: str) -> list[dict]:
    """Each group's population-weighted value as a bar across its determinant range."""
    if not data.groups:
        return []
    xs: list[float | None] = []
    ys: list[float | None] = []
    for row in data.groups:
        xs += [row.x_low, row.x_high, None]
        ys += [row.value, row.value, None]
    return [{
        "type": "scatter", "mode": "lines", "x": xs, "y": ys,
        "line": {"color": style.HIGHLIGHT, "width": 4},
        "name": t("areagroups_steps", lang, groups=bin_words(data.bins, "plural", lang)),
        "hoverinfo": "skip",
    }]


def draw_gradient(data: GradientData, lang: str) -> style.FigureSpec:
    """Bubbles sized by population and the population-weighted line."""
    labels, x_labels = data.labels, data.x_labels
    xs = np.array([p.x for p in data.points], dtype=float)
    population = np.array([p.population for p in data.points], dtype=float)
    size = population if not np.isnan(population).any() else np.full(len(xs), 1)
    many = len(xs) > NAMED_POINTS
    scaled = (6 + 12 if many else 14 + 26) * np.sqrt(size / size.max())
    traces = [
        {
            "type": "scatter",
            "mode": "markers" if many else "markers+text",
            "x": xs.tolist(),
            "y": [p.y for p in data.points],
            "text": [p.name for p in data.points],
            **({} if many else {"textposition": label_positions(data, scaled)}),
            "marker": {
                "size": scaled.tolist(),
                "color": style.JUDGED[2 if many else 3],
                "opacity": 0.6 if many else 0.8,
                "line": {"color": "#ffffff", "width": 1},
            },
            "customdata": [p.code for p in data.points],
            "name": "areas",
            "showlegend": False,
            "hovertemplate": f"%{{text}}<br>{x_labels.title}: %{{x}} {x_labels.unit}<br>"
            f"{labels.title}: %{{y}} {labels.unit}<extra></extra>",
        }
    ]
    if data.fit is not None:
        ends = [float(xs.min()), float(xs.max())]
        traces.append(
            {
                "type": "scatter",
                "mode": "lines",
                "x": ends,
                "y": [data.fit.intercept + data.fit.slope * v for v in ends],
                "line": {"color": style.REFERENCE_CITY, "width": 2, "dash": "dash"},
                "name": t("gradient_fit", lang),
                "hoverinfo": "skip",
            }
        )
    traces.extend(_group_steps(data, lang))
    layout = style.base_layout(lang, 440)
    layout.update(
        xaxis={
            "title": {
                "text": f"{x_labels.title}<br>({format_period(data.x_period)}), {x_labels.unit}",
                "font": {"size": 12},
            },
            "automargin": True,
            "gridcolor": "#e5e7eb",
        },
        yaxis={
            "automargin": True,
            "title": {"text": f"{labels.unit} ({labels.period})"},
            "gridcolor": "#e5e7eb",
        },
        legend={"orientation": "h", "x": 0, "xanchor": "left", "y": 1.02,
                "yanchor": "bottom"},
        margin={"l": 10, "r": 10, "t": 40, "b": 50},
    )
    return {"data": traces, "layout": layout}


def gradient_table(data: GradientData) -> tuple[tuple[str, ...], list[list[str]]]:
    """Area, determinant and indicator."""
    number = data.labels.number
    return ((t("area", data.lang), data.x_labels.title, data.labels.title),
            [[p.name, number(p.x), number(p.y)] for p in data.points])


# Light to dark along the ranking, from the most to the least disadvantaged group.
GROUP_COLOURS = style.NEUTRAL


def _group_colour(row: AreaGroupRow, bins: int) -> str:
    step = (len(GROUP_COLOURS) - 1) / max(bins - 1, 1)
    return GROUP_COLOURS[round((row.group - 1) * step)]


# Longer keys are broken after the comma so that they fit a phone's width.
KEY_LINE = 44


def _group_key(data: AreaGroupsData, lang: str) -> str:
    """What the numbers on the dots mean: 'Grupp 1: lägst medianinkomst, grupp 5: högst.'"""
    ends = ("lowest", "highest") if data.low_first else ("highest", "lowest")
    text = t("areagroups_key", lang, first=data.rows[0].group, last=data.rows[-1].group,
             low_end=t(ends[0], lang), high_end=t(ends[1], lang),
             x=decapitalise(data.x_labels.title))
    return text.replace(", ", ",<br>", 1) if len(text) > KEY_LINE else text


def draw_areagroups(data: AreaGroupsData, lang: str) -> style.FigureSpec:
    """Equiplot: one dot per group on the indicator's axis, a line from lowest to highest,
    95% intervals where the data give them; each dot carries its group's number (the key
    above says which end is which) and its name on hover."""
    labels = data.labels
    row_name = labels.period
    values = [r.value for r in data.rows]
    traces: list[dict] = [{
        "type": "scatter", "mode": "lines", "x": [min(values), max(values)],
        "y": [row_name, row_name], "line": {"color": "#9ca3af", "width": 3},
        "hoverinfo": "skip", "showlegend": False,
    }]
    for i, row in enumerate(data.rows):
        has_ci = not (math.isnan(row.ci_low) or math.isnan(row.ci_high))
        trace = {
            "type": "scatter", "mode": "markers+text", "name": row.label,
            "x": [row.value], "y": [row_name], "text": [str(row.group)],
            "textposition": "top center" if i % 2 == 0 else "bottom center",
            "marker": {"size": 16, "color": _group_colour(row, data.bins),
                       "line": {"color": style.TEXT, "width": 1}},
            "hovertemplate": f"{row.label}: %{{x}} {labels.unit}<extra></extra>",
        }
        if has_ci:
            trace["error_x"] = {"type": "data", "symmetric": False,
                                "array": [row.ci_high - row.value],
                                "arrayminus": [row.value - row.ci_low],
                                "color": style.MUTED, "thickness": 1.5, "width": 4}
        traces.append(trace)
    layout = style.base_layout(lang, 260)
    layout.update(
        xaxis={"title": {"text": labels.unit}, "gridcolor": "#e5e7eb", "automargin": True},
        yaxis={"automargin": True, "fixedrange": True, "showticklabels": False},
        showlegend=False,
        annotations=[{"text": _group_key(data, lang), "xref": "paper", "yref": "paper",
                      "x": 0, "y": 1.02, "xanchor": "left", "yanchor": "bottom",
                      "align": "left", "showarrow": False,
                      "font": {"size": 12, "color": style.MUTED}}],
        margin={"l": 10, "r": 20, "t": 56, "b": 20},
    )
    return {"data": traces, "layout": layout}


def areagroups_table(data: AreaGroupsData) -> tuple[tuple[str, ...], list[list[str]]]:
    """Group, determinant range, areas, people, value and its interval, one row per group."""
    lang, labels, x_labels = data.lang, data.labels, data.x_labels
    header = (t("areagroups_group", lang), f"{x_labels.title} ({x_labels.unit})",
              t("areagroups_areas", lang), t("population", lang),
              f"{labels.title} ({labels.unit})", t("ci", lang))
    rows = []
    for r in data.rows:
        ci = "" if math.isnan(r.ci_low) else \
            f"{labels.number(r.ci_low)}–{labels.number(r.ci_high)}"
        rows.append([r.label, f"{x_labels.number(r.x_low)}–{x_labels.number(r.x_high)}",
                     str(r.n_areas), format_number(r.population, lang, 0),
                     labels.number(r.value), ci])
    return header, rows


def area_groups_chart(ds: Dataset, state: ViewState,
                      _boundaries: dict[str, ShapeSet] | None = None) -> AreaGroupsData | None:
    """The groups' chart data (the registry's signature for `area_groups_data`)."""
    return area_groups_data(ds, state)
