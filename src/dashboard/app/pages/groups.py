"""Gaps between groups: an equiplot per district, bars by group, and each district's gap."""

from __future__ import annotations

from dash import html

from dashboard.app import markup
from dashboard.app.components import chart_from, dropdown
from dashboard.app.pages import VIEW_FIELDS, Context, Page, Part
from dashboard.core.texts import t
from dashboard.figures.charts import ChartUnavailable, build_chart
from dashboard.figures.groups import GroupsData, area_gap_rows, default_split, split_label
from dashboard.store import query


def _controls(ctx: Context) -> list:
    ds, state, lang = ctx.ds, ctx.state, ctx.state.lang
    options = [{"label": split_label(ds, s, lang), "value": s}
               for s in query.split_options(ds, state.indicator, state.level)]
    return [dropdown("split", t("split_by", lang), options, default_split(ds, state) or None, lang)]


def _groups(ctx: Context) -> list:
    ds, state, lang = ctx.ds, ctx.state, ctx.state.lang
    try:
        equiplot = build_chart(ds, state, "equiplot", ctx.boundaries)
    except ChartUnavailable:
        return [html.P(t("groups_none", lang), className="notice", id="headline")]
    assert isinstance(equiplot.data, GroupsData)
    gaps = area_gap_rows(equiplot.data)
    header = [t("area", lang), t("measure_d_short", lang), t("measure_r_short", lang)]
    gap_table = markup.table(header,
                      [[name, next((r.value for r in rows if r.measure == "d"), "–"),
                        next((r.value for r in rows if r.measure == "r"), "–")]
                       for name, rows in gaps], "values", label=t("gap_title", lang))
    reading = next((r.reading for _, rows in gaps for r in rows if r.measure == "d"), "")
    sections = equiplot.data.gaps.sections
    return [
        html.P(sections[0].sentence if sections else "", className="headline", id="headline"),
        html.Div([chart_from(equiplot, ctx, note=t("equiplot_note", lang)),
                  chart_from(build_chart(ds, state, "groupbars", ctx.boundaries), ctx)],
                 className="charts"),
        html.Section([html.H2(t("group_gaps_heading", lang)), gap_table,
                      html.P(reading, className="chart-note")], className="card"),
    ]


CONTROLS = Part("controls", frozenset({"indicator", "level", "split"}), _controls, ("split",),
                "page-controls")
GROUPS = Part("groups", VIEW_FIELDS | {"split"}, _groups)
def _hides(ctx: Context) -> frozenset[str]:
    """Split by sex, the view shows both sexes: the sex choice does not apply."""
    return frozenset({"sex"}) if default_split(ctx.ds, ctx.state) == "sex" else frozenset()


PAGE = Page("groups", "/groups", "page_groups", ("indicator", "period", "sex", "level"),
            (CONTROLS, GROUPS), lambda ctx: [CONTROLS.slot(ctx), GROUPS.slot(ctx)], _hides)
