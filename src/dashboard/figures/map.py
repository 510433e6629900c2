"""The map: areas filled by value on a plain x/y plane (no tiles, no CDN, no globe).

Each area is a filled scatter trace in projected metres (or tile units for the schematic
map); a marker layer at the areas' label points carries the hover text and the clicks.
Flagged values get a dark dotted outline (stripes would hide the colour of small areas);
areas without a value are grey.
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

from dashboard.core.geometry import Shape, ShapeSet, drawing_order
from dashboard.core.texts import t
from dashboard.core.viewstate import ViewState
from dashboard.figures import style
from dashboard.figures.labels import ViewLabels, area_names, flag_text, view_labels
from dashboard.store import query
from dashboard.store.dataset import Dataset

FLAG_OUTLINE = {"color": style.TEXT, "width": 1.6, "dash": "dot"}


def _ring_xy(rings: tuple) -> tuple[list, list]:
    xs: list = []
    ys: list = []
    for rx, ry in rings:
        xs.extend((*rx, None))
        ys.extend((*ry, None))
    return xs, ys


def wrap_name(name: str, width: int = 11) -> str:
    """Break a long name at the space or hyphen nearest its middle, to fit a tile."""
    if len(name) <= width:
        return name
    cuts = [i for i, ch in enumerate(name) if ch in " -"]
    if not cuts:
        return name
    cut = min(cuts, key=lambda i: abs(i - len(name) / 2))
    keep = name[cut] if name[cut] == "-" else ""
    return f"{name[:cut]}{keep}<br>{name[cut + 1:]}"


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def hover_text(row: dict | None, rank: int | None, total: int, labels: ViewLabels,
               name: str) -> str:
    """Hover lines for one area: name, value with unit, CI, rank, population, flag."""
    if row is None or _missing(row["value"]):
        suppressed = row is not None and "suppressed" in str(row["flag"]).split("|")
        word = t("flag_suppressed", labels.lang) if suppressed else t("no_data", labels.lang)
        return f"<b>{name}</b><br>{word}"
    lines = [f"<b>{name}</b>", labels.with_unit(row["value"])]
    if not (_missing(row["ci_low"]) or _missing(row["ci_high"])):
        lines.append(f"{t('ci', labels.lang)}: {labels.number(row['ci_low'])}–"
                     f"{labels.number(row['ci_high'])}")
    if rank is not None:
        lines.append(f"{t('rank', labels.lang)} {rank} {t('of', labels.lang)} {total}")
    if not _missing(row["population"]):
        word = "inv." if labels.lang == "sv" else "residents"
        lines.append(f"{labels.number(row['population'], 0)} {word}")
    flags = flag_text(row["flag"], labels.lang)
    if flags:
        lines.append(f"⚑ {flags}")
    return "<br>".join(lines)


def ranks(values: pd.Series, polarity: str) -> pd.Series:
    """Rank 1 = best (highest for higher-better, lowest otherwise); ties share a rank."""
    ascending = polarity == "lower_better"
    return values.rank(method="min", ascending=ascending).astype("Int64")


def _empty_map(lang: str) -> style.FigureSpec:
    layout = style.base_layout(lang, 430)
    layout.update(xaxis={"visible": False}, yaxis={"visible": False}, annotations=[{
        "text": t("map_none", lang), "showarrow": False, "x": 0.5, "y": 0.5,
        "xref": "paper", "yref": "paper", "font": {"color": style.MUTED}}])
    return {"data": [], "layout": layout}


def map_figure(ds: Dataset, state: ViewState, shapes: ShapeSet | None) -> style.FigureSpec:
    """Choropleth of the view's values on the given shapes (tiles or real boundaries)."""
    if shapes is None or not shapes.shapes:
        return _empty_map(state.lang)
    labels = view_labels(ds, state)
    values = query.view_values(ds, state)
    records = values.to_dict("records")
    by_code = {r["area_code"]: r for r in records}
    rank_of = {c: (None if pd.isna(r) else int(r)) for c, r in
               zip(values["area_code"], ranks(values["value"], labels.polarity), strict=True)}
    known = area_names(ds, [s.code for s in shapes.shapes], state.lang)
    names = {s.code: known.get(s.code) or s.name or s.code for s in shapes.shapes}
    total = int(values["value"].notna().sum())
    return area_map(
        shapes, {c: r["value"] for c, r in by_code.items()}, names,
        {s.code: hover_text(by_code.get(s.code), rank_of.get(s.code), total, labels,
                            names[s.code]) for s in shapes.shapes},
        {c for c, r in by_code.items() if isinstance(r["flag"], str) and r["flag"]},
        labels)


def area_map(shapes: ShapeSet, values: dict[str, float], names: dict[str, str],
             hover: dict[str, str], flagged: set[str], labels: ViewLabels) -> style.FigureSpec:
    """Fill each shape by its value (grey without one), label it, and add the colour bar.

    Shared by every map: the indicator map and the welfare index use the same drawing.
    """
    finite = [v for v in values.values() if not _missing(v)]
    vmin, vmax = (min(finite), max(finite)) if finite else (0.0, 1.0)
    ordered: list[Shape] = drawing_order(shapes.shapes)
    fills = style.colours_for([values.get(s.code, math.nan) for s in ordered], vmin, vmax,
                              labels.polarity)
    data: list[dict[str, Any]] = []
    for shape, fill in zip(ordered, fills, strict=True):
        xs, ys = _ring_xy(shape.rings)
        trace = {"type": "scatter", "x": xs, "y": ys, "mode": "lines", "fill": "toself",
                 "fillcolor": fill, "line": {"color": style.OUTLINE, "width": 1.2},
                 "hoverinfo": "skip", "showlegend": False}
        if shape.code in flagged:
            trace["line"] = FLAG_OUTLINE
        data.append(trace)
        if shape.holes:
            hx, hy = _ring_xy(shape.holes)
            data.append({"type": "scatter", "x": hx, "y": hy, "mode": "lines",
                         "fill": "toself", "fillcolor": "#ffffff", "line": {"width": 0},
                         "hoverinfo": "skip", "showlegend": False, "name": "hole"})
    show_text = shapes.schematic or len(ordered) <= 12
    text = []
    for s in ordered:
        value = labels.number(values[s.code]) if s.code in values else "–"
        text.append(f"{wrap_name(names[s.code])}<br><b>{value}</b>" if shapes.schematic
                    else value)
    labels_trace: dict[str, Any] = {
        "type": "scatter", "x": [s.label_x for s in ordered], "y": [s.label_y for s in ordered],
        "mode": "markers+text" if show_text else "markers",
        "textfont": {"color": [style.text_colour_on(f) for f in fills], "size": 11},
        "marker": {"size": 30 if shapes.schematic else 10, "opacity": 0},
        "customdata": [s.code for s in ordered], "hovertext": [hover[s.code] for s in ordered],
        "hovertemplate": "%{hovertext}<extra></extra>", "showlegend": False, "name": "areas",
    }
    if show_text:
        labels_trace["text"] = text
    data.append(labels_trace)
    data.append(_colorbar(vmin, vmax, labels))
    layout = style.base_layout(labels.lang, 430)
    layout.update(
        xaxis={"visible": False, "fixedrange": shapes.schematic},
        yaxis={"visible": False, "scaleanchor": "x", "scaleratio": 1,
               "fixedrange": shapes.schematic},
        dragmode="pan" if not shapes.schematic else False,
        meta={"map_kind": "tiles" if shapes.schematic else "boundaries",
              "level": shapes.level},
    )
    return {"data": data, "layout": layout}


def _colorbar(vmin: float, vmax: float, labels: ViewLabels) -> dict[str, Any]:
    """An invisible marker that only draws the colour bar, with 'better/worse' at the ends."""
    if labels.polarity == "none":
        ends = (t("lower", labels.lang), t("higher", labels.lang))
    elif labels.polarity == "higher_better":
        ends = (t("worse", labels.lang), t("better", labels.lang))
    else:
        ends = (t("better", labels.lang), t("worse", labels.lang))
    return {
        "type": "scatter", "x": [None], "y": [None], "mode": "markers", "hoverinfo": "skip",
        "showlegend": False,
        "marker": {"colorscale": style.colorscale(labels.polarity), "cmin": vmin, "cmax": vmax,
                   "color": [vmin], "showscale": True,
                   "colorbar": {"title": {"text": labels.unit, "side": "top"}, "thickness": 12,
                                "len": 0.75, "tickvals": [vmin, vmax],
                                "ticktext": [f"{labels.number(vmin)} ({ends[0]})",
                                             f"{labels.number(vmax)} ({ends[1]})"],
                                "outlinewidth": 0}},
    }
