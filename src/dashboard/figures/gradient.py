"""Social gradient: a health indicator against a social determinant across areas.

Each area is a bubble sized by population; the line is a population-weighted least-squares
fit, whose slope (with a 95% CI from the weighted regression's standard error) says how
much the indicator changes per unit of the determinant. The slope index of inequality on
that ranking comes from the gap panel's gradient section (WHO HEAT / PHE).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from scipy import stats

from dashboard.core.i18n import format_period
from dashboard.core.texts import decapitalise, t
from dashboard.core.viewstate import ViewState
from dashboard.figures import style
from dashboard.figures.labels import area_names, view_labels
from dashboard.figures.parts import ChartParts, as_rows
from dashboard.store import query
from dashboard.store.dataset import Dataset


@dataclass(frozen=True)
class Fit:
    """Population-weighted straight line y = a + b x with the slope's 95% CI."""

    intercept: float
    slope: float
    lower: float
    upper: float
    n: int


def weighted_fit(x: np.ndarray, y: np.ndarray, w: np.ndarray) -> Fit:
    """Weighted least squares with weights scaled to sum to n (analytic weights)."""
    n = len(x)
    w = w * n / w.sum()
    xm, ym = np.average(x, weights=w), np.average(y, weights=w)
    sxx = float(np.sum(w * (x - xm) ** 2))
    slope = float(np.sum(w * (x - xm) * (y - ym)) / sxx)
    intercept = ym - slope * xm
    resid = y - intercept - slope * x
    sigma2 = float(np.sum(w * resid**2)) / (n - 2)
    half = stats.t.ppf(0.975, n - 2) * math.sqrt(sigma2 / sxx)
    return Fit(intercept, slope, slope - half, slope + half, n)


@dataclass(frozen=True)
class GradientData:
    codes: list[str]
    x: np.ndarray
    y: np.ndarray
    population: np.ndarray
    x_period: str
    fit: Fit | None


def gradient_data(ds: Dataset, state: ViewState) -> GradientData | None:
    """The view's values against the order-by indicator (nearest period), with the fit."""
    found = query.ordering(ds, state)
    if found is None:
        return None
    period, social = found
    values = query.view_values(ds, state).dropna(subset=["value"]).set_index("area_code")
    codes = [c for c in values.index if c in social.index and not math.isnan(social[c])]
    weights = query.population_weights(ds, codes)
    pop = np.array([weights.get(c, np.nan) for c in codes], dtype=float)
    x = social.reindex(codes).to_numpy(float)
    y = values["value"].reindex(codes).to_numpy(float)
    use = pop if not np.isnan(pop).any() else np.ones(len(codes))
    fit = weighted_fit(x, y, use) if len(codes) >= 3 else None
    return GradientData(codes, x, y, pop, period, fit)


def gradient_figure(ds: Dataset, state: ViewState, data: GradientData) -> style.FigureSpec:
    labels = view_labels(ds, state)
    x_labels = view_labels(
        ds, state.with_changes(indicator=state.order, sex="total", dimension="total", group="total")
    )
    names = area_names(ds, data.codes, state.lang)
    size = data.population if not np.isnan(data.population).any() else np.full(len(data.x), 1)
    scaled = 14 + 26 * np.sqrt(size / size.max())
    traces = [
        {
            "type": "scatter",
            "mode": "markers+text",
            "x": data.x.tolist(),
            "y": data.y.tolist(),
            "text": [names[c] for c in data.codes],
            "textposition": "top center",
            "marker": {
                "size": scaled.tolist(),
                "color": style.JUDGED[3],
                "opacity": 0.8,
                "line": {"color": "#ffffff", "width": 1},
            },
            "customdata": data.codes,
            "name": "areas",
            "showlegend": False,
            "hovertemplate": f"%{{text}}<br>{x_labels.title}: %{{x}} {x_labels.unit}<br>"
            f"{labels.title}: %{{y}} {labels.unit}<extra></extra>",
        }
    ]
    if data.fit is not None:
        xs = [float(data.x.min()), float(data.x.max())]
        traces.append(
            {
                "type": "scatter",
                "mode": "lines",
                "x": xs,
                "y": [data.fit.intercept + data.fit.slope * v for v in xs],
                "line": {"color": style.REFERENCE_CITY, "width": 2, "dash": "dash"},
                "name": t("gradient_fit", state.lang),
                "hoverinfo": "skip",
            }
        )
    layout = style.base_layout(state.lang, 440)
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
        legend={"orientation": "h", "y": -0.2},
        margin={"l": 10, "r": 10, "t": 20, "b": 60},
    )
    return {"data": traces, "layout": layout}


def gradient_sentence(ds: Dataset, state: ViewState, data: GradientData) -> str:
    labels = view_labels(ds, state)
    x_labels = view_labels(
        ds, state.with_changes(indicator=state.order, sex="total", dimension="total", group="total")
    )
    if data.fit is None:
        return t("gradient_too_few", state.lang)
    fit = data.fit
    decimals = labels.decimals + 2
    return t(
        "scatter_sentence",
        state.lang,
        x=decapitalise(x_labels.title),
        xunit=x_labels.unit,
        y=decapitalise(labels.title),
        slope=labels.number(fit.slope, decimals),
        unit=labels.unit,
        lo=labels.number(fit.lower, decimals),
        hi=labels.number(fit.upper, decimals),
        n=fit.n,
    )


def gradient_parts(ds: Dataset, state: ViewState, _boundaries) -> ChartParts | None:
    """The scatter with its table (area, determinant, indicator) and description."""
    data = gradient_data(ds, state)
    if data is None:
        return None
    labels = view_labels(ds, state)
    names = area_names(ds, data.codes, state.lang)
    x_title = query.indicator_info(ds, state.order)[f"title_{state.lang}"]
    rows = [[names[c], labels.number(x), labels.number(y)]
            for c, x, y in zip(data.codes, data.x, data.y, strict=True)]
    alt = t("alt_gradient", state.lang, y=labels.title, x=x_title, n=len(rows)) + " " + \
        gradient_sentence(ds, state, data)
    return ChartParts(t("gradient_heading", state.lang, y=labels.title, x=x_title),
                      gradient_figure(ds, state, data), alt,
                      (t("area", state.lang), x_title, labels.title), as_rows(rows),
                      title=t("gradient_heading", state.lang, y=labels.title, x=x_title),
                      indicators=(state.indicator, state.order))
