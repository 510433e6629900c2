"""The map: areas filled by value on a plain x/y plane (no tiles, no CDN, no globe).

Each area is a filled scatter trace in projected metres (or tile units for the schematic
map); a marker layer at the areas' label points carries the hover text and the clicks.
Flagged values are striped; areas without a value are grey.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard.core.geometry import Shape, ShapeSet
from dashboard.core.texts import t
from dashboard.core.viewstate import ViewState
from dashboard.figures import style
from dashboard.figures.labels import ViewLabels, area_name, flag_text, view_labels
from dashboard.store import query
from dashboard.store.dataset import Dataset


def _ring_xy(rings: tuple) -> tuple[list, list]:
    xs: list = []
    ys: list = []
    for rx, ry in rings:
        xs.extend((*rx, None))
        ys.extend((*ry, None))
    return xs, ys


def hover_text(row: pd.Series | None, rank: int | None, total: int, labels: ViewLabels,
               name: str) -> str:
    """Hover lines for one area: name, value with unit, CI, rank, flag."""
    if row is None or (isinstance(row["value"], float) and math.isnan(row["value"])):
        return f"<b>{name}</b><br>{t('no_data', labels.lang)}"
    lines = [f"<b>{name}</b>", labels.with_unit(row["value"])]
    if not (math.isnan(row["ci_low"]) or math.isnan(row["ci_high"])):
        lines.append(f"{t('ci', labels.lang)}: {labels.number(row['ci_low'])}–"
                     f"{labels.number(row['ci_high'])}")
    if rank is not None:
        lines.append(f"{t('rank', labels.lang)} {rank} {t('of', labels.lang)} {total}")
    if not (isinstance(row["population"], float) and math.isnan(row["population"])):
        lines.append(f"{labels.number(row['population'], 0)} inv." if labels.lang == "sv"
                     else f"{labels.number(row['population'], 0)} residents")
    flags = flag_text(row["flag"], labels.lang)
    if flags:
        lines.append(f"⚑ {flags}")
    return "<br>".join(lines)


def ranks(values: pd.Series, polarity: str) -> pd.Series:
    """Rank 1 = best (highest for higher-better, lowest otherwise); ties share a rank."""
    ascending = polarity == "lower_better"
    return values.rank(method="min", ascending=ascending).astype("Int64")


def map_figure(ds: Dataset, state: ViewState, shapes: ShapeSet | None) -> go.Figure:
    """Choropleth of the view's values on the given shapes (tiles or real boundaries)."""
    labels = view_labels(ds, state)
    fig = style.base_layout(go.Figure(), state.lang, 430)
    if shapes is None or not shapes.shapes:
        fig.add_annotation(text=t("map_none", state.lang), showarrow=False, x=0.5, y=0.5,
                           xref="paper", yref="paper", font={"color": style.MUTED})
        fig.update_xaxes(visible=False)
        fig.update_yaxes(visible=False)
        return fig
    values = query.view_values(ds, state)
    by_code = {row["area_code"]: row for _, row in values.iterrows()}
    rank_of = dict(zip(values["area_code"], ranks(values["value"], labels.polarity),
                       strict=True))
    finite = values["value"].dropna()
    vmin, vmax = (float(finite.min()), float(finite.max())) if len(finite) else (0.0, 1.0)
    ordered: list[Shape] = sorted(shapes.shapes, key=lambda s: s.code)
    vals = [by_code[s.code]["value"] if s.code in by_code else np.nan for s in ordered]
    fills = style.colours_for(vals, vmin, vmax, labels.polarity)
    names = {}
    for shape in ordered:
        row = by_code.get(shape.code)
        names[shape.code] = area_name(row, state.lang) if row is not None else (
            shape.name or _area_name(ds, shape.code, state.lang))
    for shape, fill in zip(ordered, fills, strict=True):
        row = by_code.get(shape.code)
        flagged = row is not None and isinstance(row["flag"], str) and bool(row["flag"])
        xs, ys = _ring_xy(shape.rings)
        fig.add_trace(go.Scatter(
            x=xs, y=ys, mode="lines", fill="toself", fillcolor=fill,
            line={"color": style.OUTLINE, "width": 1.2}, hoverinfo="skip", showlegend=False,
            fillpattern={"shape": "/", "fgcolor": "#ffffff", "fgopacity": 0.7, "size": 7,
                         "solidity": 0.25} if flagged else None,
        ))
        if shape.holes:
            hx, hy = _ring_xy(shape.holes)
            fig.add_trace(go.Scatter(x=hx, y=hy, mode="lines", fill="toself",
                                     fillcolor="#ffffff", line={"width": 0},
                                     hoverinfo="skip", showlegend=False))
    total = int(values["value"].notna().sum())
    hover = [hover_text(by_code.get(s.code), rank_of.get(s.code), total, labels, names[s.code])
             for s in ordered]
    show_text = shapes.schematic or len(ordered) <= 12
    text = []
    for s, fill in zip(ordered, fills, strict=True):
        row = by_code.get(s.code)
        value = labels.number(row["value"]) if row is not None else "–"
        text.append(f"{names[s.code]}<br><b>{value}</b>" if shapes.schematic else value)
    fig.add_trace(go.Scatter(
        x=[s.label_x for s in ordered], y=[s.label_y for s in ordered],
        mode="markers+text" if show_text else "markers",
        text=text if show_text else None,
        textfont={"color": [style.text_colour_on(f) for f in fills], "size": 11},
        marker={"size": 28 if shapes.schematic else 10, "opacity": 0},
        customdata=[s.code for s in ordered], hovertext=hover,
        hovertemplate="%{hovertext}<extra></extra>", showlegend=False, name="areas",
    ))
    _add_colorbar(fig, vmin, vmax, labels)
    fig.update_xaxes(visible=False, fixedrange=shapes.schematic)
    fig.update_yaxes(visible=False, scaleanchor="x", scaleratio=1,
                     fixedrange=shapes.schematic)
    fig.update_layout(dragmode="pan" if not shapes.schematic else False,
                      meta={"map_kind": "tiles" if shapes.schematic else "boundaries",
                            "level": shapes.level})
    return fig


def _area_name(ds: Dataset, code: str, lang: str) -> str:
    rows = ds.areas[ds.areas["code"] == code]
    return area_name(rows.iloc[0], lang) if not rows.empty else code


def _add_colorbar(fig: go.Figure, vmin: float, vmax: float, labels: ViewLabels) -> None:
    """An invisible marker that only draws the colour bar, with 'better/worse' at the ends."""
    if labels.polarity == "none":
        ends = (t("lower", labels.lang), t("higher", labels.lang))
    elif labels.polarity == "higher_better":
        ends = (t("worse", labels.lang), t("better", labels.lang))
    else:
        ends = (t("better", labels.lang), t("worse", labels.lang))
    fig.add_trace(go.Scatter(
        x=[None], y=[None], mode="markers", hoverinfo="skip", showlegend=False,
        marker={"colorscale": style.colorscale(labels.polarity), "cmin": vmin, "cmax": vmax,
                "color": [vmin], "showscale": True,
                "colorbar": {"title": {"text": labels.unit, "side": "top"}, "thickness": 12,
                             "len": 0.75, "tickvals": [vmin, vmax],
                             "ticktext": [f"{labels.number(vmin)} ({ends[0]})",
                                          f"{labels.number(vmax)} ({ends[1]})"],
                             "outlinewidth": 0}},
    ))
