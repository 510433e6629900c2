"""Ranked bars: one bar per area, best at the top, with CIs and Malmö/Sweden reference lines.

A bar and a name per area reads well up to a few dozen areas. Beyond that (Malmö's 192 DeSO)
every area is a dot on a tall chart ranked from best to worst, named in its hover, with the
highlighted area (and the best and worst) named on the chart. Beyond a few hundred (the
5,984 DeSO of Sweden) the chart shows a readable part: the best and worst few and the
highlighted area by name, the rest as counted gaps, with the quartiles of all areas marked;
the axis title says what is shown. The table alternative and the exports hold every area.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import numpy as np

from dashboard.core.geometry import ShapeSet
from dashboard.core.texts import t
from dashboard.core.viewstate import ViewState
from dashboard.figures import style
from dashboard.figures.labels import view_labels
from dashboard.figures.map import hover_text
from dashboard.figures.values import AreaValue, Reference, ValuesData, values_data
from dashboard.store import query
from dashboard.store.dataset import Dataset

# Units not counted from zero: drawn as dots on a focused axis, never as bars from 0.
FOCUSED_UNITS = frozenset({"years", "rank", "mean_rank"})
# Values whose distance from zero exceeds this many times their spread are drawn as dots.
FAR_FROM_ZERO = 2.0
# The share of the width the axis takes; the value labels stand in the rest.
LABEL_DOMAIN = 0.9
# Up to this many areas each has a named bar; up to MAX_DOTS each is a dot; beyond, the
# best and worst END_AREAS and the highlighted area are shown.
MAX_NAMED = 40
MAX_DOTS = 400
END_AREAS = 10
QUARTILES = ((0.25, "bars_quantile_25"), (0.5, "bars_quantile_50"),
             (0.75, "bars_quantile_75"))
REFERENCE_STYLE = {"kommun": (style.REFERENCE_CITY, "solid", 1.0),
                   "riket": (style.REFERENCE_COUNTRY, "dash", 1.06)}


def bars_data(ds: Dataset, state: ViewState, _boundaries: dict[str, ShapeSet]) -> ValuesData:
    """The view's values by area, for the ranked bars, with Malmö's and Sweden's values."""
    level = view_labels(ds, state).level
    # The values do not depend on the highlighted area or the order: read (and cached) once
    # for all of them, so highlighting one of 5,984 areas does not read them all again.
    data = values_data(ds, state.with_changes(area="", sort=""),
                       t("bars_title_level", state.lang, level=level))
    # A national dataset holds every municipality at the city's level: the lines are Malmö's
    # and the country's only.
    city = query.city_code(ds)
    return replace(data, highlight=state.area, sort=state.sort,
                   references=tuple(r for r in data.references
                                    if r.level != "kommun" or r.code == city))


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
    range. Value labels stand in a column right of the plot, clear of the reference lines.
    Many areas are drawn as ranked dots (`draw_ranked_dots`) or in part (`draw_ends`)."""
    if len(data.shown) > MAX_DOTS:
        return draw_ends(data, lang)
    if len(data.shown) > MAX_NAMED:
        return draw_ranked_dots(data, lang)
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
        "text": [labels.shown(r.value, r.band) + (" ⚑" if f else "")
                 for r, f in zip(records, flagged, strict=True)],
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


def _x_range(data: ValuesData, vals: list[float]) -> list[float]:
    ends = [*vals, *[r.value for r in data.references if not math.isnan(r.value)]]
    low, high = min(ends), max(ends)
    pad = 0.06 * ((high - low) or abs(high) or 1.0)
    return [low - pad, high + pad]


def _fills(data: ValuesData, records: list[AreaValue]) -> dict[str, Any]:
    """Marker colours on the map's scale (darker is worse) over all areas' range, left to
    Plotly: one colour each would cost a colour lookup per area on the server."""
    vals = [r.value for r in data.shown]
    return {"color": [r.value for r in records], "colorscale": style.colorscale(
        data.labels.polarity), "cmin": min(vals), "cmax": max(vals), "showscale": False}


def _dots_layout(data: ValuesData, lang: str, height: int, xrange: list[float],
                 yaxis: dict[str, Any], notes: list[dict[str, Any]],
                 shapes: list[dict[str, Any]], form: str) -> dict[str, Any]:
    ref_shapes, ref_notes = _reference_lines(data.references, data.labels.number)
    # The value axis stands on top of a tall chart, so the reference lines are named below.
    for note in ref_notes:
        note.update(y=0, yanchor="top", yshift=-2 if note["y"] == 1.0 else -16)
    layout = style.base_layout(lang, height)
    layout.update(
        xaxis={"title": {"text": data.labels.unit}, "range": xrange, "gridcolor": "#e5e7eb",
               "zeroline": False, "side": "top"},
        yaxis={"automargin": True, "fixedrange": True, "gridcolor": "#f1f3f5", **yaxis},
        margin={"l": 10, "r": 30, "t": 112 if data.highlight else 70, "b": 64},
        shapes=[*ref_shapes, *shapes],
        annotations=[*ref_notes, *notes], meta={"chart_form": form}, showlegend=False,
        hovermode="closest")
    return layout


def _named(record: AreaValue, y: float | str, data: ValuesData, strong: bool,
           xrange: list[float]) -> dict[str, Any]:
    """A name with its value beside a dot, on the side of the dot with more room; for the
    highlighted area its value only, bold and outlined (it is named above the chart, where a
    narrow screen has room for the name)."""
    value = data.labels.number(record.value)
    text = value if strong else f"{record.name}: {value}"
    right = record.value < (xrange[0] + xrange[1]) / 2
    return {"x": record.value, "y": y, "xref": "x", "yref": "y",
            "text": f"<b>{text}</b>" if strong else text, "showarrow": True, "arrowhead": 0,
            "ax": 40 if right else -40, "ay": 0, "xanchor": "left" if right else "right",
            "bgcolor": "rgba(255,255,255,0.85)",
            "font": {"size": 12 if strong else 11,
                     "color": style.TEXT if strong else style.MUTED},
            "bordercolor": style.HIGHLIGHT if strong else "rgba(0,0,0,0)"}


def _chosen_note(data: ValuesData, lang: str) -> list[dict[str, Any]]:
    """Above the chart, the highlighted area by name with its value and rank, or that it has
    no value (so it is not looked for)."""
    chosen = [v for v in data.values if v.code == data.highlight]
    notes = []
    for v in chosen:
        said = v.flag_text or t("no_data", lang) if v.missing else \
            data.labels.with_unit(v.value) + (
                ", " + t("rank_of", lang, rank_word=t("rank", lang).lower(), rank=v.rank,
                         n=len(data.shown)) if v.rank is not None else "")
        notes.append({"x": 0.5, "y": 1, "xref": "paper", "yref": "paper", "yanchor": "bottom",
                      "yshift": 58, "xanchor": "center", "showarrow": False,
                      "text": f"<b>{v.name}</b><br>{said}",
                      "font": {"size": 12, "color": style.TEXT}})
    return notes


def draw_ranked_dots(data: ValuesData, lang: str) -> style.FigureSpec:
    """Every area as a dot at its rank (best at the top, or by name), on a tall chart; the
    highlighted area, the first and the last are named on the chart, every area in its
    hover, and the y axis says how many areas there are."""
    labels = data.labels
    records = _order(data)[::-1]
    total = len(records)
    positions = list(range(1, total + 1))
    chosen = [r.code == data.highlight for r in records]
    trace: dict[str, Any] = {
        "type": "scatter", "mode": "markers", "x": [r.value for r in records],
        "y": positions, "customdata": [r.code for r in records], "name": "areas",
        "hovertext": [hover_text(r, total, labels, r.name) for r in records],
        "hovertemplate": "%{hovertext}<extra></extra>", "showlegend": False,
        "marker": {**_fills(data, records), "size": [13 if c else 7 for c in chosen],
                   "symbol": ["diamond" if r.flag else "circle" for r in records],
                   "line": {"color": [style.HIGHLIGHT if c else style.MUTED for c in chosen],
                            "width": [3 if c else 0.5 for c in chosen]}},
    }
    named = {0: False, total - 1: False}
    named.update({i: True for i, c in enumerate(chosen) if c})
    xrange = _x_range(data, [r.value for r in records])
    notes = [_named(records[i], positions[i], data, strong, xrange)
             for i, strong in named.items()] + _chosen_note(data, lang)
    title = t("bars_dots_axis_name" if data.sort == "name" else "bars_dots_axis", lang,
              n=total)
    yaxis = {"autorange": "reversed", "title": {"text": title}, "showgrid": False,
             "zeroline": False, "range": None}
    layout = _dots_layout(data, lang, max(420, 6 * total + 120), xrange, yaxis, notes, [],
                          "ranked_dots")
    return {"data": [trace], "layout": layout}


def _quantile_lines(data: ValuesData, lang: str) -> tuple[list[dict], list[dict]]:
    values = np.array([r.value for r in data.shown], dtype=float)
    shapes, notes = [], []
    for q, key in QUARTILES:
        x = float(np.quantile(values, q))
        shapes.append({"type": "line", "xref": "x", "yref": "paper", "x0": x, "x1": x,
                       "y0": 0, "y1": 1, "line": {"color": style.MUTED, "width": 1,
                                                  "dash": "dot"}})
        notes.append({"x": x, "y": 0, "xref": "x", "yref": "paper", "yanchor": "top",
                      "yshift": -32, "showarrow": False, "font": {"size": 10, "color": style.MUTED},
                      "text": t(key, lang, value=data.labels.number(x))})
    return shapes, notes


def draw_ends(data: ValuesData, lang: str) -> style.FigureSpec:
    """Thousands of areas: the best and worst END_AREAS and the highlighted area by name,
    each run of areas left out as one counted row, and dotted lines at the quartiles of all
    areas; the axis title says what is shown."""
    labels = data.labels
    ranked = _order(replace(data, sort="value"))[::-1]
    total = len(ranked)
    keep = set(range(END_AREAS)) | set(range(total - END_AREAS, total))
    keep |= {i for i, r in enumerate(ranked) if r.code == data.highlight}
    rows: list[AreaValue | int] = []
    skipped = 0
    for i, record in enumerate(ranked):
        if i in keep:
            if skipped:
                rows.append(skipped)
            rows.append(record)
            skipped = 0
        else:
            skipped += 1
    if skipped:
        rows.append(skipped)
    shown = [r for r in rows if isinstance(r, AreaValue)]
    names = [r.name if isinstance(r, AreaValue)
             else t("bars_left_out", lang, n=labels.number(r, 0)) + "\u200b" * k
             for k, r in enumerate(rows)]
    chosen = [r.code == data.highlight for r in shown]
    y_shown = [n for n, r in zip(names, rows, strict=True) if isinstance(r, AreaValue)]
    trace: dict[str, Any] = {
        "type": "scatter", "mode": "markers", "x": [r.value for r in shown], "y": y_shown,
        "customdata": [r.code for r in shown], "name": "areas", "showlegend": False,
        "hovertext": [hover_text(r, total, labels, r.name) for r in shown],
        "hovertemplate": "%{hovertext}<extra></extra>",
        "marker": {**_fills(data, shown), "size": [15 if c else 11 for c in chosen],
                   "line": {"color": [style.HIGHLIGHT if c else style.MUTED for c in chosen],
                            "width": [3 if c else 0.8 for c in chosen]}},
    }
    gaps = [n for n, r in zip(names, rows, strict=True) if not isinstance(r, AreaValue)]
    middle = float(np.median([r.value for r in data.shown]))
    gap_trace = {"type": "scatter", "mode": "text", "x": [middle] * len(gaps), "y": gaps,
                 "text": ["⋮"] * len(gaps), "hoverinfo": "skip", "showlegend": False,
                 "textfont": {"size": 16, "color": style.MUTED}, "name": "left out"}
    xrange = _x_range(data, [r.value for r in data.shown])
    shapes, notes = _quantile_lines(data, lang)
    notes += [_named(r, n, data, True, xrange) for r, n in zip(shown, y_shown, strict=True)
              if r.code == data.highlight] + _chosen_note(data, lang)
    title = t("bars_ends_axis", lang, k=END_AREAS, n=labels.number(total, 0))
    if data.highlight in {r.code for r in shown}:
        title = t("bars_ends_axis_chosen", lang, k=END_AREAS, n=labels.number(total, 0))
    yaxis = {"autorange": "reversed", "title": {"text": title}, "type": "category",
             "categoryorder": "array", "categoryarray": names, "tickfont": {"size": 11}}
    layout = _dots_layout(data, lang, 26 * len(rows) + 150, xrange, yaxis, notes, shapes,
                          "ends")
    return {"data": [gap_trace, trace], "layout": layout}
