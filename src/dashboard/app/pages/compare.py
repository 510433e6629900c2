"""Compare districts: ranked bars with CIs and Malmö/Sweden lines, sortable, one highlighted."""

from __future__ import annotations

from dash import html

from dashboard.app.components import chart_from, dropdown, invest_link
from dashboard.app.pages import VIEW_FIELDS, Context, Page, Part
from dashboard.app.render import area_options
from dashboard.app.viewmodel import SHARED_CONTROLS
from dashboard.core.texts import t
from dashboard.figures.charts import build_chart
from dashboard.figures.gaps import gap_panel
from dashboard.figures.sentences import lead_sentence


def _headline(ctx: Context) -> list:
    # The gaps do not depend on the highlighted area or the order (cached without them).
    panel = gap_panel(ctx.ds, ctx.state.with_changes(area="", sort=""))
    return [html.P(lead_sentence(panel), className="headline", id="headline")]


def _controls(ctx: Context) -> list:
    ds, state, lang = ctx.ds, ctx.state, ctx.state.lang
    sort_options = [{"label": t("sort_value", lang), "value": "value"},
                    {"label": t("sort_name", lang), "value": "name"}]
    highlight = [{"label": t("none_selected", lang), "value": ""}, *area_options(ds, state)]
    return [dropdown("area", t("highlight", lang), highlight, state.area, lang),
            dropdown("sort", t("sort_by", lang), sort_options, state.sort or "value", lang)]


def _bars(ctx: Context) -> list:
    chart = build_chart(ctx.ds, ctx.state, "bars", ctx.boundaries)
    return [chart_from(chart, ctx, t("bars_click", ctx.state.lang)),
            invest_link(ctx, "invest_open_area" if ctx.state.area else "invest_open",
                        ctx.state.area)]


HEADLINE = Part("headline", VIEW_FIELDS, _headline)
CONTROLS = Part("controls", frozenset({"level", "area", "sort"}), _controls, ("area", "sort"),
                "page-controls")
BARS = Part("bars", VIEW_FIELDS | {"area", "sort"}, _bars, css="wide")


def layout(ctx: Context) -> list:
    return [HEADLINE.slot(ctx), CONTROLS.slot(ctx), BARS.slot(ctx)]


PAGE = Page("compare", "/compare", "page_compare", SHARED_CONTROLS, (HEADLINE, CONTROLS, BARS),
            layout)
