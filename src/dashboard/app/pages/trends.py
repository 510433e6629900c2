"""Trends: the indicator over time by area, and the gap between areas over time."""

from __future__ import annotations

from dash import html

from dashboard.app.components import chart_from, dropdown, sentences
from dashboard.app.pages import Context, Page
from dashboard.app.render import area_options
from dashboard.core.texts import t
from dashboard.figures.charts import ChartUnavailable, build_chart


def render(ctx: Context) -> list:
    ds, state, lang = ctx.ds, ctx.state, ctx.state.lang
    highlight = [{"label": t("none_selected", lang), "value": ""}, *area_options(ds, state)]
    controls = html.Div(dropdown("area", t("highlight", lang), highlight, state.area),
                        className="page-controls")
    try:
        trend = build_chart(ds, state, "trend", ctx.boundaries)
        gap = build_chart(ds, state, "gaptrend", ctx.boundaries)
    except ChartUnavailable:
        return [controls, html.P(t("trend_too_short", lang), className="notice",
                                 id="headline")]
    return [controls, sentences([gap.alt]), chart_from(trend, ctx),
            chart_from(gap, ctx, note=t("gaptrend_note", lang))]


PAGE = Page("trends", "/trends", "page_trends", ("indicator", "sex", "group", "level"), render)
