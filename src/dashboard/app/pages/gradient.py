"""Social gradient: health against a social determinant across areas, the areas in
population-weighted fifths or tenths along it, and the slope index across the groups."""

from __future__ import annotations

from dash import dcc, html

from dashboard.app.components import chart_from, dropdown, page_control, sentences
from dashboard.app.pages import VIEW_FIELDS, Context, Page, Part
from dashboard.app.render import measure_table, order_options, panel_children
from dashboard.app.viewmodel import BINS, SHARED_CONTROLS
from dashboard.core.texts import t
from dashboard.figures.charts import ChartUnavailable, build_chart
from dashboard.figures.gradient import AreaGroupsData, GradientData
from dashboard.figures.sentences import (
    area_groups_notes,
    area_groups_sentence,
    caveat,
    ci_note,
    gradient_sentence,
)

OPTION_KEYS = {"5": "bins_option_5", "10": "bins_option_10"}


def _controls(ctx: Context) -> list:
    lang = ctx.state.lang
    return [dropdown("order", t("x_axis", lang), order_options(ctx.ds, ctx.state),
                     ctx.state.order or None, lang),
            page_control("bins", t("bins_label", lang), dcc.RadioItems,
                         options=[{"label": t(OPTION_KEYS[b], lang), "value": b}
                                  for b in BINS],
                         value=ctx.state.bins or BINS[0], inline=True)]


def _groups(ctx: Context) -> list:
    ds, state, lang = ctx.ds, ctx.state, ctx.state.lang
    try:
        chart = build_chart(ds, state, "areagroups", ctx.boundaries)
    except ChartUnavailable:
        return []
    assert isinstance(chart.data, AreaGroupsData)
    data = chart.data
    return [
        sentences([area_groups_sentence(data)]),
        chart_from(chart, ctx, note=area_groups_notes(data)),
        html.Section([html.H2(t("areagroups_measures_title", lang)),
                      measure_table(data.measures, lang),
                      html.P(caveat(ci_note(data.measures, lang),
                                    "; ".join(data.not_applicable)), className="caveat")],
                     className="card gap-card", id="group-measures"),
    ]


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


CONTROLS = Part("controls", frozenset({"indicator", "level", "order", "bins"}), _controls,
                ("order", "bins"), "page-controls")
GROUPS = Part("groups", VIEW_FIELDS | {"order", "bins"}, _groups)
GRADIENT = Part("gradient", VIEW_FIELDS | {"order", "bins"}, _gradient)
PAGE = Page("gradient", "/gradient", "page_gradient", SHARED_CONTROLS,
            (CONTROLS, GROUPS, GRADIENT),
            lambda ctx: [CONTROLS.slot(ctx), GROUPS.slot(ctx), GRADIENT.slot(ctx)])
