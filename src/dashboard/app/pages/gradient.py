"""Social gradient: health against a social determinant across areas, with the slope index."""

from __future__ import annotations

from dash import html

from dashboard.app.components import chart_from, dropdown, sentences
from dashboard.app.pages import VIEW_FIELDS, Context, Page, Part
from dashboard.app.render import order_options, panel_children
from dashboard.app.viewmodel import SHARED_CONTROLS
from dashboard.core.texts import t
from dashboard.figures.charts import ChartUnavailable, build_chart
from dashboard.figures.gradient import GradientData
from dashboard.figures.sentences import gradient_sentence


def _controls(ctx: Context) -> list:
    return [dropdown("order", t("x_axis", ctx.state.lang), order_options(ctx.ds, ctx.state),
                     ctx.state.order or None, ctx.state.lang)]


def _gradient(ctx: Context) -> list:
    ds, state, lang = ctx.ds, ctx.state, ctx.state.lang
    try:
        chart = build_chart(ds, state, "gradient", ctx.boundaries)
    except ChartUnavailable:
        return [html.P(t("gradient_none", lang), className="notice", id="headline")]
    assert isinstance(chart.data, GradientData)
    return [
        sentences([gradient_sentence(chart.data)]),
        chart_from(chart, ctx, note=t("gradient_note", lang)),
        html.Section([html.H2(t("gap_title", lang)),
                      html.Div(panel_children(chart.data.gaps, lang), id="gap-panel")],
                     className="card gap-card"),
    ]


CONTROLS = Part("controls", frozenset({"indicator", "level", "order"}), _controls, ("order",),
                "page-controls")
GRADIENT = Part("gradient", VIEW_FIELDS | {"order"}, _gradient)
PAGE = Page("gradient", "/gradient", "page_gradient", SHARED_CONTROLS, (CONTROLS, GRADIENT),
            lambda ctx: [CONTROLS.slot(ctx), GRADIENT.slot(ctx)])
