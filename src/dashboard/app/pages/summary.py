"""Start page: today's gap between small areas in one sentence (when the data have small-area
health values), then the chosen view in brief: map, ranked bars, the gap panel, table and
definition (by default the historical life-expectancy gap between the districts)."""

from __future__ import annotations

from dash import dcc, html

from dashboard.app.components import chart_from, dropdown, sentences
from dashboard.app.pages import VIEW_FIELDS, Context, Page, Part
from dashboard.app.render import (
    definition_children,
    map_note,
    order_options,
    panel_children,
)
from dashboard.app.viewmodel import DEFAULT_INDICATOR, SHARED_CONTROLS, lead_view
from dashboard.core.texts import t
from dashboard.core.viewstate import ViewState, href
from dashboard.figures.charts import build_chart
from dashboard.figures.gaps import gap_panel
from dashboard.figures.gradient import area_groups_data
from dashboard.figures.labels import area_name, flag_text, source_line, view_labels
from dashboard.figures.sentences import area_groups_sentence, area_groups_source, lead_sentence
from dashboard.store import query


def _today(ctx: Context) -> list:
    """Today's gap: the newest small-area health values by income fifths, one sentence and
    links to the whole gradient and to the historical district gap below."""
    lang = ctx.state.lang
    state = lead_view(ctx.ds, lang)
    data = None if state is None else area_groups_data(ctx.ds, state)
    if state is None or data is None:
        return []
    historic = ViewState(lang=lang, indicator=DEFAULT_INDICATOR, level="stadsdel")
    return [html.Section([
        html.H2(t("lead_heading", lang)),
        sentences([area_groups_sentence(data)]),
        html.P(area_groups_source(data), className="source-line"),
        html.P([dcc.Link(t("lead_gradient_link", lang, level=data.labels.level.split(" (")[0]),
                         href=href("/gradient", state), id="lead-gradient-link")]),
        html.P([dcc.Link(t("lead_historic_link", lang), href=href("/", historic) + "#headline",
                         id="lead-historic-link")]),
    ], className="card lead-card", id="today")]


def _headline(ctx: Context) -> list:
    labels = view_labels(ctx.ds, ctx.state)
    return [html.P(lead_sentence(gap_panel(ctx.ds, ctx.state)), className="headline",
                   id="headline"),
            html.P(f"{labels.title} · {labels.subtitle}", className="subtitle", id="subtitle")]


def _charts(ctx: Context) -> list:
    ds, state, lang = ctx.ds, ctx.state, ctx.state.lang
    values = query.view_values(ds, state)
    flagged = values[values["flag"].fillna("") != ""]
    flag_note = "" if flagged.empty else t("flag_note", lang) + " " + "; ".join(
        f"{area_name(r, lang)} ({flag_text(r['flag'], lang)})" for _, r in flagged.iterrows())
    return [chart_from(build_chart(ds, state, "map", ctx.boundaries), ctx,
                       map_note(ds, state, ctx.boundaries)),
            chart_from(build_chart(ds, state, "bars", ctx.boundaries), ctx, flag_note)]


def _order(ctx: Context) -> list:
    return [dropdown("order", t("order_by", ctx.state.lang), order_options(ctx.ds, ctx.state),
                     ctx.state.order or None, ctx.state.lang)]


def _panel(ctx: Context) -> list:
    ds, state = ctx.ds, ctx.state
    ids = list(query.view_values(ds, state)["source_id"])
    ids += list(query.reference_values(ds, state)["source_id"])
    return [html.Div(panel_children(gap_panel(ds, state), state.lang), id="gap-panel"),
            html.P(source_line(ds, ids, state.lang), className="source-line")]


def _definition(ctx: Context) -> list:
    return definition_children(ctx.ds, ctx.state, view_labels(ctx.ds, ctx.state))


TODAY = Part("today", frozenset(), _today)
HEADLINE = Part("headline", VIEW_FIELDS | {"order"}, _headline)
CHARTS = Part("charts", VIEW_FIELDS | {"area", "sort"}, _charts, css="charts")
ORDER = Part("order", frozenset({"indicator", "level", "order"}), _order, ("order",))
PANEL = Part("panel", VIEW_FIELDS | {"order"}, _panel)
DEFINITION = Part("definition", frozenset({"indicator", "sex", "period", "level"}), _definition,
                  css="definition")


def layout(ctx: Context) -> list:
    lang = ctx.state.lang
    return [
        TODAY.slot(ctx),
        HEADLINE.slot(ctx),
        CHARTS.slot(ctx),
        html.Section([html.H2(t("gap_title", lang), id="gap-heading"), ORDER.slot(ctx),
                      PANEL.slot(ctx)], className="card gap-card"),
        html.Section([html.H2(t("definition", lang)), DEFINITION.slot(ctx)], className="card",
                     id="definition"),
    ]


PAGE = Page("summary", "/", "page_summary", SHARED_CONTROLS,
            (TODAY, HEADLINE, CHARTS, ORDER, PANEL, DEFINITION), layout)
