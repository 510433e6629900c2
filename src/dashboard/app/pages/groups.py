"""Gaps between groups: an equiplot per district, bars by group, and each district's gap."""

from __future__ import annotations

from dash import html

from dashboard.app.components import chart_card, dropdown, table
from dashboard.app.pages import Context, Page
from dashboard.core.texts import t
from dashboard.figures.gaps import gap_panel
from dashboard.figures.groups import (
    area_gap_rows,
    default_split,
    equiplot_figure,
    group_bars_figure,
    group_data,
)
from dashboard.figures.labels import area_names, source_line, view_labels
from dashboard.store import query


def _split_label(ds, split: str, lang: str) -> str:
    if split == "sex":
        return t("sex", lang)
    rows = ds.groups[ds.groups["dimension"] == split]
    return rows.iloc[0][f"dimension_{lang}"] if len(rows) else split


def render(ctx: Context) -> list:
    ds, state, lang = ctx.ds, ctx.state, ctx.state.lang
    labels = view_labels(ds, state)
    options = [{"label": _split_label(ds, s, lang), "value": s}
               for s in query.split_options(ds, state.indicator, state.level)]
    data = group_data(ds, state)
    controls = html.Div(dropdown("split", t("split_by", lang), options,
                                 default_split(ds, state) or None), className="page-controls")
    if data is None:
        return [controls, html.P(t("groups_none", lang), className="notice", id="headline")]
    source = source_line(ds, list(query.view_values(ds, state)["source_id"]), lang)
    gaps = area_gap_rows(ds, state, data)
    gap_table = table([t("area", lang), t("measure_d_short", lang), t("measure_r_short", lang)],
                      [[name, next((r.value for r in rows if r.measure == "d"), "–"),
                        next((r.value for r in rows if r.measure == "r"), "–")]
                       for name, rows in gaps], "values")
    reading = next((r.reading for _, rows in gaps for r in rows if r.measure == "d"), "")
    sections = [s for s in gap_panel(ds, state).sections
                if s.key == "sex" or s.key.startswith("group:")]
    lead = sections[0].sentence if sections else ""
    header = [t("area", lang), *[data.labels.get(g, g) for g in data.wide.columns]]
    names = area_names(ds, list(data.wide.index), lang)
    rows = [[names[code], *[labels.number(v) for v in vals]] for code, vals in
            zip(data.wide.index, data.wide.to_numpy(), strict=True)]
    alt = t("alt_equiplot", lang, title=labels.title, groups=", ".join(data.labels.values()),
            n=len(rows))
    return [
        controls,
        html.P(lead, className="headline", id="headline"),
        html.Div([
            chart_card("equiplot", t("equiplot_heading", lang,
                                     split=_split_label(ds, data.split, lang).lower()),
                       equiplot_figure(ds, state, data), lang, alt=alt, source=source,
                       header=header, rows=rows, note=t("equiplot_note", lang)),
            chart_card("groupbars", t("groupbars_heading", lang),
                       group_bars_figure(ds, state, data), lang, alt=alt, source=source,
                       header=header, rows=rows),
        ], className="charts"),
        html.Section([html.H2(t("group_gaps_heading", lang)), gap_table,
                      html.P(reading, className="chart-note")], className="card"),
    ]


PAGE = Page("groups", "/groups", "page_groups", ("indicator", "period", "sex", "level"), render)
