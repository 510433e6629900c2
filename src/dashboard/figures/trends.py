"""Trends: an indicator over time by area or by group, and its gap measures over time.

Only single calendar years form the time axis (multi-year means would be drawn twice).
The gap over time is WHO's difference and ratio between the highest and lowest area in
each year, from the measures engine. Whether a change is larger than its uncertainty is
judged by the 95% CI of the change in the difference (sqrt(se1² + se2²) × 1.96) when both
years have standard errors, and said to be unknowable when the source gives none.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.core.schema import TOTAL
from dashboard.core.texts import t
from dashboard.core.viewstate import ViewState
from dashboard.figures import style
from dashboard.figures.groups import OKABE_ITO
from dashboard.figures.labels import area_names, group_label, view_labels
from dashboard.figures.parts import ChartParts, as_rows
from dashboard.measures import Subgroups, compute_all
from dashboard.store import query
from dashboard.store.dataset import Dataset

Z = 1.96


@dataclass(frozen=True)
class GapPoint:
    period: str
    d: float
    d_se: float
    r: float
    ci: tuple[float, float]


BY_AREA = "area"


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


def trend_figure(ds: Dataset, state: ViewState) -> style.FigureSpec:
    """Lines over single years: areas (chosen one and Malmö emphasised) or groups."""
    labels = view_labels(ds, state)
    lines, obs = trend_lines(ds, state)
    traces = []
    for i, (key, name, strong) in enumerate(lines):
        line = obs[obs["key"] == key].sort_values("period")
        by_area = state.split in ("", BY_AREA)
        is_city = by_area and key == query.city_code(ds)
        colour = style.REFERENCE_CITY if is_city else (
            style.HIGHLIGHT if strong and by_area else OKABE_ITO[i % len(OKABE_ITO)])
        faint = by_area and bool(state.area) and not strong
        traces.append({
            "type": "scatter", "mode": "lines+markers", "name": name,
            "x": line["period"].tolist(), "y": line["value"].tolist(),
            "line": {"color": colour, "width": 4 if strong else 1.8,
                     "dash": "dot" if faint else "solid"},
            "opacity": 0.55 if faint else 1.0,
            "hovertemplate": f"{name} %{{x}}: %{{y}} {labels.unit}<extra></extra>",
        })
    layout = style.base_layout(state.lang, 400)
    layout.update(xaxis={"type": "category", "title": {"text": t("period", state.lang)}},
                  yaxis={"automargin": True, "title": {"text": labels.unit},
                         "gridcolor": "#e5e7eb"},
                  legend={"orientation": "v"}, margin={"l": 10, "r": 10, "t": 10, "b": 40})
    return {"data": traces, "layout": layout}


def gap_series(ds: Dataset, state: ViewState) -> list[GapPoint]:
    """Difference and ratio between areas, for each single year with two or more areas."""
    labels = view_labels(ds, state)
    obs = query.series(ds, state)
    obs = obs[(obs["level"] == state.level) & obs["period"].map(query.is_single_year)]
    points = []
    for period, frame in obs.dropna(subset=["value"]).groupby("period", sort=True):
        if len(frame) < 2:
            continue
        se = ((frame["ci_high"] - frame["ci_low"]) / (2 * Z)).to_numpy(float)
        groups = Subgroups(
            estimate=frame["value"].to_numpy(float),
            se=se,
            population=np.full(len(frame), np.nan),
            favourable=labels.polarity != "lower_better",
            scale=labels.scale,
        )
        d, r = compute_all(groups, ("d", "r"))
        points.append(GapPoint(str(period), d.estimate, d.se, r.estimate, (d.ci_lb, d.ci_ub)))
    return points


def gap_trend_figure(points: list[GapPoint], lang: str, unit: str) -> style.FigureSpec:
    """The difference between highest and lowest area per year, with CIs where known."""
    has_ci = [not math.isnan(p.ci[0]) for p in points]
    trace = {
        "type": "scatter",
        "mode": "lines+markers",
        "name": t("measure_name_d", lang),
        "x": [p.period for p in points],
        "y": [p.d for p in points],
        "line": {"color": style.JUDGED[-2], "width": 3},
        "hovertemplate": "%{x}: %{y}<extra></extra>",
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
        xaxis={"type": "category"},
        margin={"l": 10, "r": 10, "t": 10, "b": 40},
        yaxis={
            "automargin": True,
            "title": {"text": unit},
            "gridcolor": "#e5e7eb",
            "rangemode": "tozero",
        },
    )
    return {"data": [trace], "layout": layout}


def gap_trend_sentence(points: list[GapPoint], lang: str, number, unit: str) -> str:
    """Did the gap widen or narrow between the first and last year, beyond its uncertainty?"""
    if len(points) < 2:
        return t("trend_too_short", lang)
    first, last = points[0], points[-1]
    change = last.d - first.d
    direction = "trend_wider" if change > 0 else ("trend_narrower" if change < 0 else "trend_same")
    text = t(
        direction,
        lang,
        first=first.period,
        last=last.period,
        d0=number(first.d),
        d1=number(last.d),
        unit=unit,
    )
    if math.isnan(first.d_se) or math.isnan(last.d_se):
        return f"{text} {t('trend_no_uncertainty', lang)}"
    margin = Z * math.hypot(first.d_se, last.d_se)
    key = "trend_beyond" if abs(change) > margin else "trend_within"
    return f"{text} {t(key, lang, margin=number(margin), unit=unit)}"


def trend_parts(ds: Dataset, state: ViewState, _boundaries) -> ChartParts | None:
    """The indicator over the single years, with a table of every line and year."""
    labels = view_labels(ds, state)
    lines, obs = trend_lines(ds, state)
    if obs["period"].nunique() < 2:
        return None
    wide = obs.pivot_table(index="key", columns="period", values="value", aggfunc="first")
    names = {k: n for k, n, _ in lines}
    rows = [[names[k], *[labels.number(v) for v in wide.loc[k]]] for k, _, _ in lines
            if k in wide.index]
    points = gap_series(ds, state)
    alt = t("alt_trend", state.lang, title=labels.title, first=wide.columns[0],
            last=wide.columns[-1], n=len(rows)) + " " + gap_trend_sentence(
        points, state.lang, labels.number, labels.diff_unit)
    first = t("area", state.lang) if state.split in ("", BY_AREA) else t("group", state.lang)
    return ChartParts(t("trend_heading", state.lang, title=labels.title),
                      trend_figure(ds, state), alt, (first, *wide.columns), as_rows(rows))


def gaptrend_parts(ds: Dataset, state: ViewState, _boundaries) -> ChartParts | None:
    """The gap between areas per year."""
    labels = view_labels(ds, state)
    points = gap_series(ds, state)
    if len(points) < 2:
        return None
    rows = [[p.period, labels.number(p.d), labels.number(p.r, 2)] for p in points]
    return ChartParts(t("gaptrend_heading", state.lang),
                      gap_trend_figure(points, state.lang, labels.diff_unit),
                      gap_trend_sentence(points, state.lang, labels.number, labels.diff_unit),
                      (t("period", state.lang), t("measure_d_short", state.lang),
                       t("measure_r_short", state.lang)), as_rows(rows))
