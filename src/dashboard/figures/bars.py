"""Ranked bars: one bar per area, best at the top, with CIs and Malmö/Sweden reference lines."""

from __future__ import annotations

import math
from typing import Any

from dashboard.core.viewstate import ViewState
from dashboard.figures import style
from dashboard.figures.labels import area_names, view_labels
from dashboard.figures.map import hover_text, ranks
from dashboard.store import query
from dashboard.store.dataset import Dataset

REFERENCE_STYLE = {"kommun": (style.REFERENCE_CITY, "solid", 1.0),
                   "riket": (style.REFERENCE_COUNTRY, "dash", 1.06)}


def _reference_lines(refs: list[dict], lang: str, number) -> tuple[list, list]:
    shapes, notes = [], []
    for ref in refs:
        if ref["value"] is None or math.isnan(ref["value"]):
            continue
        colour, dash, y = REFERENCE_STYLE.get(ref["level"], (style.MUTED, "dot", 1.0))
        name = ref["name_en"] if lang == "en" and isinstance(ref["name_en"], str) \
            else ref["name"]
        shapes.append({"type": "line", "xref": "x", "yref": "paper", "x0": ref["value"],
                       "x1": ref["value"], "y0": 0, "y1": 1,
                       "line": {"color": colour, "width": 1.6, "dash": dash}})
        notes.append({"x": ref["value"], "y": y, "xref": "x", "yref": "paper",
                      "text": f"{name} {number(ref['value'])}", "showarrow": False,
                      "yanchor": "bottom", "xanchor": "right" if ref["level"] == "kommun"
                      else "left", "font": {"color": colour, "size": 11}})
    return shapes, notes


def bars_figure(ds: Dataset, state: ViewState) -> style.FigureSpec:
    """Horizontal bars sorted from best to worst (or high to low without a judgement), or
    by name when the view asks; the view's chosen area is outlined."""
    labels = view_labels(ds, state)
    values = query.view_values(ds, state).dropna(subset=["value"])
    names = area_names(ds, list(values["area_code"]), state.lang)
    if state.sort == "name":
        values = values.assign(_n=values["area_code"].map(names)).sort_values(
            "_n", ascending=False, kind="stable")
    else:
        values = values.sort_values("value", ascending=labels.polarity == "lower_better",
                                    kind="stable").iloc[::-1]  # Plotly draws bottom-up
    records = values.to_dict("records")
    rank = [int(r) for r in ranks(values["value"], labels.polarity)]
    vals = [r["value"] for r in records]
    vmin, vmax = (min(vals), max(vals)) if vals else (0.0, 1.0)
    fills = style.colours_for(vals, vmin, vmax, labels.polarity)
    flagged = [isinstance(r["flag"], str) and bool(r["flag"]) for r in records]
    has_ci = [not (math.isnan(r["ci_low"]) or math.isnan(r["ci_high"])) for r in records]
    total = len(records)
    trace: dict[str, Any] = {
        "type": "bar", "orientation": "h", "x": vals,
        "y": [names[r["area_code"]] for r in records],
        "marker": {"color": fills,
                   "line": {"color": [style.HIGHLIGHT if r["area_code"] == state.area
                                      else "#ffffff" for r in records],
                            "width": [3 if r["area_code"] == state.area else 0.5
                                      for r in records]},
                   "pattern": {"shape": ["/" if f else "" for f in flagged],
                               "fillmode": "overlay", "fgcolor": "#ffffff",
                               "fgopacity": 0.55, "solidity": 0.3}},
        "text": [labels.number(v) + (" ⚑" if f else "") for v, f in zip(vals, flagged,
                                                                        strict=True)],
        "textposition": "outside", "cliponaxis": False,
        "customdata": [r["area_code"] for r in records],
        "hovertext": [hover_text(r, k, total, labels, names[r["area_code"]])
                      for r, k in zip(records, rank, strict=True)],
        "hovertemplate": "%{hovertext}<extra></extra>", "name": "areas", "showlegend": False,
    }
    if any(has_ci):
        trace["error_x"] = {
            "type": "data", "symmetric": False, "color": style.TEXT, "thickness": 1.2,
            "width": 4,
            "array": [r["ci_high"] - r["value"] if c else None for r, c in zip(records, has_ci,
                                                                              strict=True)],
            "arrayminus": [r["value"] - r["ci_low"] if c else None
                           for r, c in zip(records, has_ci, strict=True)],
        }
    refs = query.reference_values(ds, state).to_dict("records")
    shapes, notes = _reference_lines(refs, state.lang, labels.number)
    ref_vals = [r["value"] for r in refs if not math.isnan(r["value"])]
    top = max([vmax, *ref_vals, *[r["ci_high"] for r, c in zip(records, has_ci, strict=True)
                                  if c]])
    layout = style.base_layout(state.lang, max(260, 34 * total + 90))
    layout.update(
        xaxis={"title": {"text": labels.unit}, "range": [min(0.0, vmin), top * 1.12],
               "gridcolor": "#e5e7eb", "zeroline": True, "zerolinecolor": "#9ca3af"},
        yaxis={"automargin": True, "fixedrange": True},
        margin={"l": 10, "r": 30, "t": 52, "b": 40}, bargap=0.25, shapes=shapes,
        annotations=notes,
    )
    return {"data": [trace], "layout": layout}
