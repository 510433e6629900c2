"""Map: any indicator, year, sex or group at every area level that has data.

Hovering shows value, CI, rank and population; clicking an area opens its profile.
"""

from __future__ import annotations

from dash import html

from dashboard.app.components import chart_from
from dashboard.app.pages import ALL_CONTROLS, Context, Page
from dashboard.app.render import map_note
from dashboard.core.texts import t
from dashboard.figures.charts import build_chart
from dashboard.figures.labels import view_labels


def render(ctx: Context) -> list:
    ds, state, lang = ctx.ds, ctx.state, ctx.state.lang
    labels = view_labels(ds, state)
    chart = build_chart(ds, state, "map", ctx.boundaries)
    note = f"{map_note(ds, state, ctx.boundaries)} {t('map_click', lang)}"
    return [
        html.P(f"{labels.title} · {labels.subtitle}", className="headline", id="headline"),
        html.Div(chart_from(chart, ctx, note), className="wide"),
    ]


PAGE = Page("map", "/map", "page_map", ALL_CONTROLS, render)
