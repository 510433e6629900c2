"""Ranked bars: one bar per area, best at the top, with CIs and Malmö/Sweden reference lines."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from dashboard.core.geometry import ShapeSet
from dashboard.core.texts import t
from dashboard.core.viewstate import ViewState
from dashboard.figures import style
from dashboard.figures.labels import view_labels
from dashboard.figures.map import hover_text
from dashboard.figures.values import AreaValue, Reference, ValuesData, values_data
from dashboard.store.dataset import Dataset

# Units not counted from zero: drawn as dots on a focused axis, never as bars from 0.
FOCUSED_UNITS = frozenset({"years", "rank", "mean_rank"})
# Values whose distance from zero exceeds this many times their spread are drawn as dots.
FAR_FROM_ZERO = 2.0
# The share of the width the axis takes; the value labels stand in the rest.
LABEL_DOMAIN = 0.9
REFERENCE_STYLE = {"kommun": (style.REFERENCE_CITY, "solid", 1.0),
                   "riket": (style.REFERENCE_COUNTRY, "dash", 1.06)}


def bars_data(ds: Dataset, state: ViewState, _boundaries: dict[str, ShapeSet]) -> ValuesData:
    """The view's values by area, for the ranked bars."""
    level = view_labels(ds, state).level
    return values_data(ds, state, t("bars_title_level", state.lang, level=level))


def _reference_lines(refs: tuple[Reference, ...], number: Callable[[float], str]
                     ) -> tuple[list, list]:
    shapes, notes = [], []
    for ref in refs:
        if math.isnan(ref.value):
            continue
        colour, dash, y = REFERENCE_STYLE.get(ref.level, (style.MUTED, "dot", 1.0))
        shapes.append({"type": "line", "xref": "x", "yref": "paper", "x0": ref.value,
                       "x1": ref.value, "y0": 0, "y1": 1,
                       "line": {"color": colour, "width": 1.6, "dash": dash}})
        notes.append({"x": ref.value, "y": y, "xref": "x", "yref": "paper",
                      "text": f"{ref.name} {number(ref.value)}", "showarrow": False,
                      "yanchor": "bottom", "xanchor": "right" if ref.level == "kommun"
                      else "left", "font": {"color": colour, "size": 11}})
    return shapes, notes


def focused_axis(unit: str, values: list[float]) -> bool:
    """Whether the values are better drawn as dots on an axis focused on their range than
    as bars from zero: units that are not counted from zero (years of life expectancy,
    ranks), or values far from zero compared with their spread."""
    if unit in FOCUSED_UNITS:
        return True
    if not values:
        return False
    low, high = min(values), max(values)
    nearest = 0.0 if low <= 0 <= high else min(abs(low), abs(high))
    return nearest > FAR_FROM_ZERO * (high - low)


def _order(data: ValuesData) -> list[AreaValue]:
    """The areas from the bottom of the chart to the top: best at the top, or by name."""
    shown = list(data.shown)
    if data.sort == "name":
        return sorted(shown, key=lambda v: v.name, reverse=True)
    return sorted(shown, key=lambda v: v.value,
                  reverse=data.labels.polarity != "lower_better")[::-1]


def draw_bars(data: ValuesData, lang: str) -> style.FigureSpec:
    """The areas ranked from best to worst (or high to low without a judgement), or by name
    when the view asks; the view's chosen area is outlined. Quantities counted from zero are
    bars; others (life expectancy) are dots with CI whiskers on an axis focused on their
    range. Value labels stand in a column right of the plot, clear of the reference lines."""
    labels = data.labels
    records = _order(data)
    vals = [r.value for r in records]
    vmin, vmax = (min(vals), max(vals)) if vals else (0.0, 1.0)
    fills = style.colours_for(vals, vmin, vmax, labels.polarity)
    flagged = [bool(r.flag) for r in records]
    total = len(records)
    chosen = [r.code == data.highlight for r in records]
    dots = focused_axis(labels.unit_id, vals)
    # Dots get a grey rim so the palest fill still stands out from the white background.
    rim, rim_width = (style.MUTED, 0.8) if dots else ("#ffffff", 0.5)
    outline = {"color": [style.HIGHLIGHT if c else rim for c in chosen],
               "width": [3 if c else rim_width for c in chosen]}
    names = [r.name for r in records]
    trace: dict[str, Any] = {
        "x": vals, "y": names,
        "text": [labels.number(v) + (" ⚑" if f else "") for v, f in zip(vals, flagged,
                                                                        strict=True)],
        "customdata": [r.code for r in records],
        "hovertext": [hover_text(r, total, labels, r.name) for r in records],
        "hovertemplate": "%{hovertext}<extra></extra>", "name": "areas", "showlegend": False,
    }
    if dots:
        trace.update(type="scatter", mode="markers", marker={
            "color": fills, "size": 15, "line": outline,
            "symbol": ["diamond" if f else "circle" for f in flagged]})
    else:
        trace.update(type="bar", orientation="h", textposition="none", marker={
            "color": fills, "line": outline,
            "pattern": {"shape": ["/" if f else "" for f in flagged], "fillmode": "overlay",
                        "fgcolor": "#ffffff", "fgopacity": 0.55, "solidity": 0.3}})
    if any(r.has_ci for r in records):
        trace["error_x"] = {
            "type": "data", "symmetric": False, "color": style.TEXT, "thickness": 1.2,
            "width": 4,
            "array": [r.ci_high - r.value if r.has_ci else None for r in records],
            "arrayminus": [r.value - r.ci_low if r.has_ci else None for r in records],
        }
    value_labels = {
        "type": "scatter", "mode": "text", "x": [0] * total, "y": names, "xaxis": "x2",
        "text": trace["text"], "textposition": "middle right", "hoverinfo": "skip",
        "name": "values", "showlegend": False, "textfont": {"size": 12},
        "cliponaxis": False,
    }
    shapes, notes = _reference_lines(data.references, labels.number)
    ref_vals = [r.value for r in data.references if not math.isnan(r.value)]
    ends = [*vals, *ref_vals, *[r.ci_high for r in records if r.has_ci],
            *[r.ci_low for r in records if r.has_ci]] or [0.0, 1.0]
    low, high = min(ends), max(ends)
    pad = 0.08 * ((high - low) or abs(high) or 1.0)
    xrange = [low - pad, high + pad] if dots else [min(0.0, low), high + pad]
    layout = style.base_layout(lang, max(260, 34 * total + 90))
    layout.update(
        xaxis={"title": {"text": labels.unit}, "range": xrange, "domain": [0, LABEL_DOMAIN],
               "gridcolor": "#e5e7eb", "zeroline": not dots, "zerolinecolor": "#9ca3af"},
        xaxis2={"domain": [LABEL_DOMAIN + 0.01, 1], "range": [0, 1], "visible": False,
                "fixedrange": True},
        yaxis={"automargin": True, "fixedrange": True,
               "gridcolor": "#f1f3f5", "showgrid": dots},
        margin={"l": 10, "r": 44, "t": 52, "b": 40}, bargap=0.25, shapes=shapes,
        annotations=notes, meta={"chart_form": "dots" if dots else "bars"},
    )
    return {"data": [trace, value_labels], "layout": layout}
