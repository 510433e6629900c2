"""Gaps between groups: an equiplot per district, bars by group, and each district's gap."""

from __future__ import annotations

from dash import html

from dashboard.app.components import chart_from, dropdown, table
from dashboard.app.pages import Context, Page
from dashboard.core.texts import t
from dashboard.figures.charts import build_chart
from dashboard.figures.gaps import gap_panel
from dashboard.figures.groups import area_gap_rows, default_split, group_data, split_label
from dashboard.store import query


def render(ctx: Context) -> list:
    ds, state, lang = ctx.ds, ctx.state, ctx.state.lang
    options = [{"label": split_label(ds, s, lang), "value": s}
               for s in query.split_options(ds, state.indicator, state.level)]
    data = group_data(ds, state)
    controls = html.Div(dropdown("split", t("split_by", lang), options,
                                 default_split(ds, state) or None), className="page-controls")
    if data is None:
        return [controls, html.P(t("groups_none", lang), className="notice", id="headline")]
    gaps = area_gap_rows(ds, state, data)
    gap_table = table([t("area", lang), t("measure_d_short", lang), t("measure_r_short", lang)],
                      [[name, next((r.value for r in rows if r.measure == "d"), "–"),
                        next((r.value for r in rows if r.measure == "r"), "–")]
                       for name, rows in gaps], "values")
    reading = next((r.reading for _, rows in gaps for r in rows if r.measure == "d"), "")
    sections = [s for s in gap_panel(ds, state).sections
                if s.key == "sex" or s.key.startswith("group:")]
    return [
        controls,
        html.P(sections[0].sentence if sections else "", className="headline", id="headline"),
        html.Div([chart_from(build_chart(ds, state, "equiplot", ctx.boundaries), ctx,
                             note=t("equiplot_note", lang)),
                  chart_from(build_chart(ds, state, "groupbars", ctx.boundaries), ctx)],
                 className="charts"),
        html.Section([html.H2(t("group_gaps_heading", lang)), gap_table,
                      html.P(reading, className="chart-note")], className="card"),
    ]


PAGE = Page("groups", "/groups", "page_groups", ("indicator", "period", "sex", "level"), render)
