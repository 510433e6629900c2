"""Social gradient: health against a social determinant across areas, with the slope index."""

from __future__ import annotations

from dash import html

from dashboard.app.components import chart_from, dropdown, sentences
from dashboard.app.pages import ALL_CONTROLS, Context, Page
from dashboard.app.render import order_options, panel_children
from dashboard.core.texts import t
from dashboard.figures.charts import build_chart
from dashboard.figures.gaps import GapPanel, gap_panel
from dashboard.figures.gradient import gradient_data, gradient_sentence


def render(ctx: Context) -> list:
    ds, state, lang = ctx.ds, ctx.state, ctx.state.lang
    controls = html.Div(dropdown("order", t("x_axis", lang), order_options(ds, state),
                                 state.order or None), className="page-controls")
    data = gradient_data(ds, state)
    if data is None:
        return [controls, html.P(t("gradient_none", lang), className="notice", id="headline")]
    panel = GapPanel(tuple(s for s in gap_panel(ds, state).sections if s.key == "gradient"))
    return [
        controls,
        sentences([gradient_sentence(ds, state, data)]),
        chart_from(build_chart(ds, state, "gradient", ctx.boundaries), ctx,
                   note=t("gradient_note", lang)),
        html.Section([html.H2(t("gap_title", lang)),
                      html.Div(panel_children(panel, lang), id="gap-panel")],
                     className="card gap-card"),
    ]


PAGE = Page("gradient", "/gradient", "page_gradient", ALL_CONTROLS, render)
