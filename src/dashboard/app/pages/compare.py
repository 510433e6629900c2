"""Compare districts: ranked bars with CIs and Malmö/Sweden lines, sortable, one highlighted."""

from __future__ import annotations

from dash import html

from dashboard.app.components import chart_from, dropdown
from dashboard.app.pages import ALL_CONTROLS, Context, Page
from dashboard.app.render import area_options
from dashboard.core.texts import t
from dashboard.figures.charts import build_chart
from dashboard.figures.gaps import gap_panel, lead_sentence


def render(ctx: Context) -> list:
    ds, state, lang = ctx.ds, ctx.state, ctx.state.lang
    chart = build_chart(ds, state, "bars", ctx.boundaries)
    sort_options = [{"label": t("sort_value", lang), "value": "value"},
                    {"label": t("sort_name", lang), "value": "name"}]
    highlight = [{"label": t("none_selected", lang), "value": ""}, *area_options(ds, state)]
    return [
        html.P(lead_sentence(gap_panel(ds, state)), className="headline", id="headline"),
        html.Div([dropdown("area", t("highlight", lang), highlight, state.area),
                  dropdown("sort", t("sort_by", lang), sort_options, state.sort or "value")],
                 className="page-controls"),
        html.Div(chart_from(chart, ctx, t("bars_click", lang)), className="wide"),
    ]


PAGE = Page("compare", "/compare", "page_compare", ALL_CONTROLS, render)
