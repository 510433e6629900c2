"""Social gradient: a health indicator against a social determinant across areas.

Each area is a bubble sized by population; the line is a population-weighted least-squares
fit (`measures.fit`), whose slope (with a 95% CI) says how much the indicator changes per
unit of the determinant. The slope index of inequality on that ranking comes from the gap
panel's gradient section (WHO HEAT / PHE).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from dashboard.core.geometry import ShapeSet
from dashboard.core.i18n import format_period
from dashboard.core.texts import decapitalise, t
from dashboard.core.viewstate import ViewState
from dashboard.figures import style
from dashboard.figures.gaps import GapPanel, gap_panel
from dashboard.figures.labels import ViewLabels, area_names, view_labels
from dashboard.figures.parts import ChartData, indicator_sources
from dashboard.measures.fit import Fit, weighted_fit
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


@dataclass(frozen=True, kw_only=True)
class GradientData(ChartData):
    """The areas against the order-by indicator (at `x_period`) and the fitted line."""

    labels: ViewLabels
    x_labels: ViewLabels
    x_period: str
    points: tuple[GradientPoint, ...]
    fit: Fit | None


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
    heading = t("gradient_heading", state.lang, y=labels.title, x=x_labels.title)
    panel = gap_panel(ds, state)
    return GradientData(
        lang=state.lang, heading=heading, title=heading,
        subtitle=t("gradient_subtitle", state.lang, subtitle=labels.subtitle,
                   x=decapitalise(x_labels.title), x_period=format_period(period)),
        source_ids=indicator_sources(ds, (state.indicator, state.order)),
        gaps=GapPanel(tuple(s for s in panel.sections if s.key == "gradient")),
        labels=labels, x_labels=x_labels, x_period=period,
        points=tuple(GradientPoint(c, names[c], float(a), float(b), float(p))
                     for c, a, b, p in zip(codes, x, y, pop, strict=True)),
        fit=fit)


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


def draw_gradient(data: GradientData, lang: str) -> style.FigureSpec:
    """Bubbles sized by population and the population-weighted line."""
    labels, x_labels = data.labels, data.x_labels
    xs = np.array([p.x for p in data.points], dtype=float)
    population = np.array([p.population for p in data.points], dtype=float)
    size = population if not np.isnan(population).any() else np.full(len(xs), 1)
    scaled = 14 + 26 * np.sqrt(size / size.max())
    traces = [
        {
            "type": "scatter",
            "mode": "markers+text",
            "x": xs.tolist(),
            "y": [p.y for p in data.points],
            "text": [p.name for p in data.points],
            "textposition": label_positions(data, scaled),
            "marker": {
                "size": scaled.tolist(),
                "color": style.JUDGED[3],
                "opacity": 0.8,
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
    layout = style.base_layout(lang, 440)
    layout.update(
        xaxis={
            "title": {
                "text": f"{x_labels.title} ({format_period(data.x_period)}), {x_labels.unit}"
            },
            "gridcolor": "#e5e7eb",
        },
        yaxis={
            "automargin": True,
            "title": {"text": f"{labels.title} ({labels.period}), {labels.unit}"},
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
