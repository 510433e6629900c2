"""Map: any indicator, year, sex or group at every area level that has data.
Hovering shows value, CI, rank and population; clicking an area opens its profile.
Where a level has both real boundaries and schematic tiles, a control picks which.
"""

from __future__ import annotations

from dash import dcc, html

from dashboard.app.components import chart_from, page_control
from dashboard.app.pages import VIEW_FIELDS, Context, Page, Part
from dashboard.app.render import map_note
from dashboard.app.viewmodel import SHARED_CONTROLS
from dashboard.core.texts import t
from dashboard.figures.charts import build_chart
from dashboard.figures.geometry_choice import TILES, both_shapes
from dashboard.figures.labels import view_labels


def _shape(ctx: Context) -> list:
    """The choice between the real map and equal tiles, where the level has both."""
    if not both_shapes(ctx.ds, ctx.state.level, ctx.boundaries):
        return []
    lang = ctx.state.lang
    options = [{"label": t("map_shape_map", lang), "value": "map"},
               {"label": t("map_shape_tiles", lang), "value": TILES}]
    return [html.Div(page_control("shape", t("map_shape", lang), dcc.RadioItems,
                                  options=options, value=ctx.state.shape or "map",
                                  inline=True), className="page-controls")]


def _map(ctx: Context) -> list:
    ds, state = ctx.ds, ctx.state
    labels = view_labels(ds, state)
    chart = build_chart(ds, state, "map", ctx.boundaries)
    shown = map_note(ds, state, ctx.boundaries)
    note = f"{shown} {t('map_click', state.lang)}" if shown else ""
    return [html.P(f"{labels.title} · {labels.subtitle}", className="headline", id="headline"),
            html.Div(chart_from(chart, ctx, note), className="wide")]


SHAPE = Part("shape", frozenset({"level", "shape"}), _shape, ("shape",))
MAP = Part("map", VIEW_FIELDS | {"shape"}, _map)
PAGE = Page("map", "/map", "page_map", SHARED_CONTROLS, (SHAPE, MAP),
            lambda ctx: [SHAPE.slot(ctx), MAP.slot(ctx)])
