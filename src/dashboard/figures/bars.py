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
from dashboard.figures.values import Reference, ValuesData, values_data
from dashboard.store.dataset import Dataset

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


def draw_bars(data: ValuesData, lang: str) -> style.FigureSpec:
    """Horizontal bars sorted from best to worst (or high to low without a judgement), or
    by name when the view asks; the view's chosen area is outlined."""
    labels = data.labels
    shown = list(data.shown)
    if data.sort == "name":
        records = sorted(shown, key=lambda v: v.name, reverse=True)
    else:
        records = sorted(shown, key=lambda v: v.value,
                         reverse=labels.polarity != "lower_better")[::-1]
    vals = [r.value for r in records]
    vmin, vmax = (min(vals), max(vals)) if vals else (0.0, 1.0)
    fills = style.colours_for(vals, vmin, vmax, labels.polarity)
    flagged = [bool(r.flag) for r in records]
    total = len(records)
    chosen = [r.code == data.highlight for r in records]
    trace: dict[str, Any] = {
        "type": "bar", "orientation": "h", "x": vals, "y": [r.name for r in records],
        "marker": {"color": fills,
                   "line": {"color": [style.HIGHLIGHT if c else "#ffffff" for c in chosen],
                            "width": [3 if c else 0.5 for c in chosen]},
                   "pattern": {"shape": ["/" if f else "" for f in flagged],
                               "fillmode": "overlay", "fgcolor": "#ffffff",
                               "fgopacity": 0.55, "solidity": 0.3}},
        "text": [labels.number(v) + (" ⚑" if f else "") for v, f in zip(vals, flagged,
                                                                        strict=True)],
        "textposition": "outside", "cliponaxis": False,
        "customdata": [r.code for r in records],
        "hovertext": [hover_text(r, total, labels, r.name) for r in records],
        "hovertemplate": "%{hovertext}<extra></extra>", "name": "areas", "showlegend": False,
    }
    if any(r.has_ci for r in records):
        trace["error_x"] = {
            "type": "data", "symmetric": False, "color": style.TEXT, "thickness": 1.2,
            "width": 4,
            "array": [r.ci_high - r.value if r.has_ci else None for r in records],
            "arrayminus": [r.value - r.ci_low if r.has_ci else None for r in records],
        }
    shapes, notes = _reference_lines(data.references, labels.number)
    ref_vals = [r.value for r in data.references if not math.isnan(r.value)]
    top = max([vmax, *ref_vals, *[r.ci_high for r in records if r.has_ci]])
    layout = style.base_layout(lang, max(260, 34 * total + 90))
    layout.update(
        xaxis={"title": {"text": labels.unit}, "range": [min(0.0, vmin), top * 1.12],
               "gridcolor": "#e5e7eb", "zeroline": True, "zerolinecolor": "#9ca3af"},
        yaxis={"automargin": True, "fixedrange": True},
        margin={"l": 10, "r": 30, "t": 52, "b": 40}, bargap=0.25, shapes=shapes,
        annotations=notes,
    )
    return {"data": [trace], "layout": layout}
