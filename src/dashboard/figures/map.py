"""The map: areas filled by value on a plain x/y plane (no tiles, no CDN, no globe).

Each area is a filled scatter trace in projected metres (or tile units for the schematic
map); a marker layer at the areas' label points carries the hover text and the clicks.
Flagged values get a dark dotted outline (stripes would hide the colour of small areas);
areas without a value are grey.
"""

from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass
from typing import Any

from shapely.geometry import MultiLineString, Point

from dashboard.core.geometry import Shape, ShapeSet, drawing_order
from dashboard.core.texts import t
from dashboard.core.viewstate import ViewState
from dashboard.figures import sentences, style
from dashboard.figures.geometry_choice import shapes_for
from dashboard.figures.labels import ViewLabels, area_names
from dashboard.figures.values import AreaValue, ValuesData, values_data
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


def hover_text(row: AreaValue | None, total: int, labels: ViewLabels, name: str) -> str:
    """Hover lines for one area: name, value with unit, CI, rank, population, flag."""
    lang = labels.lang
    if row is None or row.missing:
        word = t("flag_suppressed", lang) if row is not None and row.suppressed \
            else t("no_data", lang)
        return f"<b>{name}</b><br>{word}"
    lines = [f"<b>{name}</b>", labels.with_unit(row.value, row.band)]
    if row.has_ci:
        lines.append(t("ci_span", lang, ci=t("ci", lang), lo=labels.number(row.ci_low),
                       hi=labels.number(row.ci_high)) + sentences.ci_method_note(row.ci_method,
                                                                                 lang))
    if row.rank is not None:
        lines.append(t("rank_of", lang, rank_word=t("rank", lang), rank=row.rank, n=total))
    if not math.isnan(row.population):
        lines.append(f"{labels.number(row.population, 0)} {t('residents_short', lang)}")
    if row.flag_text:
        lines.append(f"⚑ {row.flag_text}")
    return "<br>".join(lines)


# SCB's levels whose boundaries `dashboard ingest scb-geodata` fetches (with its --layer).
SCB_GEODATA = {"deso2025": "dashboard ingest scb-geodata",
               "regso2025": "dashboard ingest scb-geodata --layer regso"}
# SCB's older divisions, whose boundaries only SCB's files give.
SCB_FILES = ("deso", "regso")
CREDIT_SIZE = 10
MAP_HEIGHT = 450
EMPTY_HEIGHT = 300
# Room under the map for the horizontal colour bar, its title and its end labels.
COLOURBAR_ROOM = 64
# Real boundaries carry their names and values as text up to this many areas (Malmö's ten
# stadsdelar); more would crowd; their names are then on hover.
LABELLED = 12
# A map's labels by the width it is drawn at, chosen in the browser (assets/
# narrow_labels.js): below each width, the labels that fit the narrowest graph of the range
# (as measured in chromium: phones 320, 360 and 390 px wide draw it 270, 310 and 340 px
# wide, 20 px of it margins); from WIDE_MAP on, and in exported files, those for WIDE_MAP.
WIDE_MAP = 410
LABEL_WIDTHS = ((300, 270), (340, 300), (WIDE_MAP, 340))
MAP_MARGINS = 20
# The size of the 11 px label text: a character about 6.5 px wide, a line 14 px high. A
# value may overrun its area by a third.
CHAR_PX = 6.5
LINE_PX = 14
VALUE_SLACK = 1.5


def missing_boundaries(level: str, lang: str) -> str:
    """Why a level has no map and, for SCB's levels, how to add its boundaries."""
    name = t(f"level_{level}", lang)
    if level in SCB_GEODATA:
        return t("map_add_scb", lang, level=name, command=SCB_GEODATA[level])
    if level in SCB_FILES:
        return t("map_add_file", lang, level=name)
    return t("map_none", lang)


def _empty_map(text: str, lang: str) -> style.FigureSpec:
    layout = style.base_layout(lang, EMPTY_HEIGHT)
    width = 36  # characters per line, so the sentence fits a phone's width at 13 px
    # Commands and names are never broken inside, so they can be copied whole.
    lines = "<br>".join(textwrap.wrap(text, width, break_on_hyphens=False,
                                      break_long_words=False))
    layout.update(xaxis={"visible": False}, yaxis={"visible": False}, annotations=[{
        "text": lines, "showarrow": False, "x": 0.5, "y": 0.5, "align": "left",
        "xref": "paper", "yref": "paper", "font": {"color": style.MUTED}}],
        meta={"map_kind": "none"})
    return {"data": [], "layout": layout}


@dataclass(frozen=True, kw_only=True)
class MapData(ValuesData):
    """The view's values and the shapes they fill (None: no shapes for the level, and
    `empty_text` says why), each shape's name, and the shapes that are areas of the dataset
    (the others are drawn grey and open nothing)."""

    shapes: ShapeSet | None
    names: tuple[tuple[str, str], ...]
    areas: frozenset[str] = frozenset()
    empty_text: str = ""


def map_data(ds: Dataset, state: ViewState, boundaries: dict[str, ShapeSet]) -> MapData:
    """The view's values on the level's boundaries, or on schematic tiles."""
    base = values_data(ds, state, t("map_title", state.lang))
    shapes = shapes_for(ds, state.level, boundaries, state.shape)
    codes = [s.code for s in shapes.shapes] if shapes else []
    known = area_names(ds, codes, state.lang)
    names = tuple((s.code, known.get(s.code) or s.name or s.code)
                  for s in (shapes.shapes if shapes else ()))
    areas = frozenset(codes) & frozenset(ds.areas.loc[ds.areas["level"] == state.level, "code"])
    return MapData(**vars(base), shapes=shapes, names=names, areas=areas,
                   empty_text="" if shapes else missing_boundaries(state.level, state.lang))


def draw_map(data: MapData, lang: str) -> style.FigureSpec:
    """Choropleth of the view's values on its shapes (tiles or real boundaries)."""
    shapes = data.shapes
    if shapes is None or not shapes.shapes:
        return _empty_map(data.empty_text or t("map_none", lang), lang)
    by_code = {v.code: v for v in data.values}
    names = dict(data.names)
    total = len(data.shown)
    return area_map(
        shapes, {c: v.value for c, v in by_code.items()}, names,
        {c: hover_text(by_code.get(c), total, data.labels, name) for c, name in names.items()},
        {c for c, v in by_code.items() if v.flag}, data.labels, set(data.areas))


def label_room(shapes: list[Shape]) -> dict[str, float]:
    """Per shape, the room around its label point (the distance to its nearest edge) as a
    fraction of the map's extent."""
    xs = [v for s in shapes for ring in s.rings for v in ring[0]]
    ys = [v for s in shapes for ring in s.rings for v in ring[1]]
    extent = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
    room = {}
    for s in shapes:
        edges = MultiLineString([list(zip(*ring, strict=True)) for ring in (*s.rings, *s.holes)])
        room[s.code] = edges.distance(Point(s.label_x, s.label_y)) / extent
    return room


def real_label(name: str, value: str, room: float, width: float) -> str:
    """The text on an area of a map: name and value where they fit around the label point
    on a map drawn `width` px wide, the value alone where only it fits, nothing in slivers;
    the name is always on hover."""
    across = 2 * room * width
    wrapped = wrap_name(name)
    widest = max(len(line) for line in wrapped.split("<br>"))
    if widest * CHAR_PX <= across and (wrapped.count("<br>") + 2) * LINE_PX <= across:
        return f"{wrapped}<br><b>{value}</b>"
    if len(value) * CHAR_PX <= across * VALUE_SLACK:
        return f"<b>{value}</b>"
    return ""


def _label_sets(ordered: list[Shape], names: dict[str, str], values: dict[str, float],
                labels: ViewLabels, schematic: bool) -> list[dict[str, Any]]:
    """The labels of the areas for each range of LABEL_WIDTHS, then (below None) those for
    WIDE_MAP: an area keeps its name where it fits an area of a map that wide, else shows
    its value alone (nothing in slivers). Tiles show every name from WIDE_MAP on."""
    room = label_room(ordered)
    shown = [labels.number(values[s.code]) if s.code in values else "–" for s in ordered]

    def at(width: float) -> list[str]:
        return [real_label(names[s.code], value, room[s.code], width - MAP_MARGINS)
                for s, value in zip(ordered, shown, strict=True)]

    wide = [f"{wrap_name(names[s.code])}<br><b>{value}</b>"
            for s, value in zip(ordered, shown, strict=True)] if schematic else at(WIDE_MAP)
    return [*({"below": below, "text": at(width)} for below, width in LABEL_WIDTHS),
            {"below": None, "text": wide}]


def _credit(shapes: ShapeSet, lang: str) -> list[dict[str, Any]]:
    """The boundaries' credit, written in the map's lower left corner (kept in exports), on
    opaque white so that it reads over any fill."""
    if shapes.schematic or not shapes.attribution:
        return []
    return [{"text": t("map_boundaries", lang, source=shapes.attribution), "showarrow": False,
             "x": 0, "y": 0, "xref": "paper", "yref": "paper", "xanchor": "left",
             "yanchor": "bottom", "align": "left", "bgcolor": style.WHITE,
             "font": {"size": CREDIT_SIZE, "color": style.MUTED}, "name": "credit"}]


def area_map(shapes: ShapeSet, values: dict[str, float], names: dict[str, str],
             hover: dict[str, str], flagged: set[str], labels: ViewLabels,
             areas: set[str] | None = None) -> style.FigureSpec:
    """Fill each shape by its value (grey without one), label it, and add the colour bar.

    Shared by every map: the indicator map and the welfare index use the same drawing.
    Shapes outside `areas` (None: all are areas) are not areas of the dataset: grey, with
    their name on hover and nothing to open.
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
    show_text = shapes.schematic or len(ordered) <= LABELLED
    label_sets = _label_sets(ordered, names, values, labels, shapes.schematic) \
        if show_text else []
    opens = [s.code if areas is None or s.code in areas else None for s in ordered]
    labels_trace: dict[str, Any] = {
        "type": "scatter", "x": [s.label_x for s in ordered], "y": [s.label_y for s in ordered],
        "mode": "markers+text" if show_text else "markers",
        "textfont": {"color": [style.text_colour_on(f) for f in fills], "size": 11},
        # Hover and tap targets: a tile, the label of a named area, a point elsewhere.
        "marker": {"size": 30 if shapes.schematic else 24 if show_text else 10, "opacity": 0},
        "customdata": opens, "hovertext": [hover[s.code] for s in ordered],
        "hovertemplate": "%{hovertext}<extra></extra>", "showlegend": False, "name": "areas",
    }
    if label_sets:
        labels_trace["text"] = label_sets[-1]["text"]
        labels_trace["meta"] = {"label_sets": label_sets}
    data.append(labels_trace)
    data.append(_colorbar(vmin, vmax, labels))
    layout = style.base_layout(labels.lang, MAP_HEIGHT)
    layout.update(
        margin={**layout["margin"], "b": COLOURBAR_ROOM},
        xaxis={"visible": False, "fixedrange": shapes.schematic},
        yaxis={"visible": False, "scaleanchor": "x", "scaleratio": 1,
               "fixedrange": shapes.schematic},
        dragmode="pan" if not shapes.schematic else False,
        meta={"map_kind": "tiles" if shapes.schematic else "boundaries",
              "level": shapes.level},
        annotations=_credit(shapes, labels.lang),
    )
    return {"data": data, "layout": layout}


def colorbar_ticks(vmin: float, vmax: float, labels: ViewLabels
                   ) -> tuple[list[float], list[str]]:
    """Tick values and texts of the colour bar: each end says whether it is better or worse
    (higher/lower without a judgement); one value alone is neither and gets one tick."""
    if vmin == vmax:
        return [vmin], [labels.number(vmin)]
    if labels.polarity == "none":
        ends = (t("lower", labels.lang), t("higher", labels.lang))
    elif labels.polarity == "higher_better":
        ends = (t("worse", labels.lang), t("better", labels.lang))
    else:
        ends = (t("better", labels.lang), t("worse", labels.lang))
    return [vmin, vmax], [f"{labels.number(vmin)} ({ends[0]})",
                          f"{labels.number(vmax)} ({ends[1]})"]


def _colorbar(vmin: float, vmax: float, labels: ViewLabels) -> dict[str, Any]:
    """An invisible marker that only draws the colour bar (one flat colour for one value)."""
    scale = style.colorscale(labels.polarity)
    if vmin == vmax:
        middle = style.colours_for([vmin], vmin, vmax, labels.polarity)[0]
        scale = [[0.0, middle], [1.0, middle]]
    tickvals, ticktext = colorbar_ticks(vmin, vmax, labels)
    return {
        "type": "scatter", "x": [None], "y": [None], "mode": "markers", "hoverinfo": "skip",
        "showlegend": False,
        "marker": {"colorscale": scale, "cmin": vmin, "cmax": vmax,
                   "color": [vmin], "showscale": True,
                   # Under the map, so that on a phone the map keeps the page's width.
                   "colorbar": {"title": {"text": labels.unit, "side": "top"}, "thickness": 12,
                                "len": 0.6, "tickvals": tickvals, "ticktext": ticktext,
                                "outlinewidth": 0, "orientation": "h", "x": 0.5,
                                "xanchor": "center", "y": -0.02, "yanchor": "top",
                                "ticklabeloverflow": "allow"}},
    }
