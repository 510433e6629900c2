"""Ranked bars: one bar per area, best at the top, with CIs and Malmö/Sweden reference lines."""

from __future__ import annotations

import math

import numpy as np
import plotly.graph_objects as go

from dashboard.core.viewstate import ViewState
from dashboard.figures import style
from dashboard.figures.labels import area_name, view_labels
from dashboard.figures.map import hover_text, ranks
from dashboard.store import query
from dashboard.store.dataset import Dataset


def bars_figure(ds: Dataset, state: ViewState) -> go.Figure:
    """Horizontal bars sorted from best to worst (or high to low without a judgement)."""
    labels = view_labels(ds, state)
    values = query.view_values(ds, state).dropna(subset=["value"])
    descending = labels.polarity != "lower_better"
    values = values.sort_values("value", ascending=not descending, kind="stable")
    values = values.iloc[::-1]  # Plotly draws the first category at the bottom
    names = [area_name(row, state.lang) for _, row in values.iterrows()]
    rank = ranks(values["value"], labels.polarity)
    vmin, vmax = (float(values["value"].min()), float(values["value"].max())) \
        if len(values) else (0.0, 1.0)
    fills = style.colours_for(list(values["value"]), vmin, vmax, labels.polarity)
    flagged = [isinstance(f, str) and bool(f) for f in values["flag"]]
    has_ci = values["ci_low"].notna() & values["ci_high"].notna()
    total = len(values)
    hover = [hover_text(row, int(r), total, labels, n)
             for (_, row), r, n in zip(values.iterrows(), rank, names, strict=True)]
    fig = style.base_layout(go.Figure(), state.lang, max(260, 34 * total + 80))
    fig.add_trace(go.Bar(
        x=values["value"], y=names, orientation="h",
        marker={"color": fills, "line": {"color": "#ffffff", "width": 0.5},
                "pattern": {"shape": ["/" if f else "" for f in flagged],
                            "fgcolor": "#ffffff", "fgopacity": 0.8, "solidity": 0.3}},
        error_x={"type": "data", "symmetric": False,
                 "array": np.where(has_ci, values["ci_high"] - values["value"], np.nan),
                 "arrayminus": np.where(has_ci, values["value"] - values["ci_low"], np.nan),
                 "color": style.TEXT, "thickness": 1.2, "width": 4,
                 "visible": bool(has_ci.any())},
        text=[labels.number(v) + (" ⚑" if f else "")
              for v, f in zip(values["value"], flagged, strict=True)],
        textposition="outside", cliponaxis=False, customdata=values["area_code"],
        hovertext=hover, hovertemplate="%{hovertext}<extra></extra>", name="areas",
        showlegend=False,
    ))
    refs = query.reference_values(ds, state)
    colours = {"kommun": style.REFERENCE_CITY, "riket": style.REFERENCE_COUNTRY}
    dashes = {"kommun": "solid", "riket": "dash"}
    for _, ref in refs.iterrows():
        if isinstance(ref["value"], float) and math.isnan(ref["value"]):
            continue
        name = area_name(ref, state.lang)
        fig.add_vline(x=ref["value"], line={"color": colours.get(ref["level"], style.MUTED),
                                            "width": 1.6, "dash": dashes.get(ref["level"])},
                      annotation={"text": f"{name} {labels.number(ref['value'])}",
                                  "font": {"color": colours.get(ref["level"], style.MUTED),
                                           "size": 11},
                                  "yanchor": "bottom"},
                      annotation_position="top right" if ref["level"] == "kommun"
                      else "top left")
    top = max([vmax, *[v for v in refs["value"] if not math.isnan(v)]], default=vmax)
    if has_ci.any():
        top = max(top, float(values["ci_high"].max()))
    fig.update_xaxes(title={"text": labels.unit}, range=[min(0.0, vmin), top * 1.12],
                     gridcolor="#e5e7eb", zeroline=True, zerolinecolor="#9ca3af")
    fig.update_yaxes(automargin=True, fixedrange=True)
    fig.update_layout(margin={"l": 10, "r": 30, "t": 30, "b": 40}, bargap=0.25)
    return fig
