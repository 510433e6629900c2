"""Map: any indicator, year, sex or group at every area level that has data.
Hovering shows value, CI, rank and population; clicking an area opens its profile.
"""

from __future__ import annotations

from dash import html

from dashboard.app.components import chart_from
from dashboard.app.pages import VIEW_FIELDS, Context, Page, Part
from dashboard.app.render import map_note
from dashboard.app.viewmodel import SHARED_CONTROLS
from dashboard.core.texts import t
from dashboard.figures.charts import build_chart
from dashboard.figures.labels import view_labels


def _map(ctx: Context) -> list:
    ds, state = ctx.ds, ctx.state
    labels = view_labels(ds, state)
    chart = build_chart(ds, state, "map", ctx.boundaries)
    note = f"{map_note(ds, state, ctx.boundaries)} {t('map_click', state.lang)}"
    return [html.P(f"{labels.title} · {labels.subtitle}", className="headline", id="headline"),
            html.Div(chart_from(chart, ctx, note), className="wide")]


MAP = Part("map", VIEW_FIELDS, _map)
PAGE = Page("map", "/map", "page_map", SHARED_CONTROLS, (MAP,), lambda ctx: [MAP.slot(ctx)])
