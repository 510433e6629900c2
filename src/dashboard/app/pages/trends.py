"""Trends: the indicator over time by area, and the gap between areas over time."""

from __future__ import annotations

from dash import html

from dashboard.app.components import chart_card, dropdown, sentences
from dashboard.app.pages import Context, Page
from dashboard.app.render import area_options
from dashboard.core.texts import t
from dashboard.figures.labels import area_names, source_line, view_labels
from dashboard.figures.trends import gap_series, gap_trend_figure, gap_trend_sentence, trend_figure
from dashboard.store import query


def render(ctx: Context) -> list:
    ds, state, lang = ctx.ds, ctx.state, ctx.state.lang
    labels = view_labels(ds, state)
    obs = query.series(ds, state)
    years = obs[obs["period"].map(query.is_single_year)].dropna(subset=["value"])
    highlight = [{"label": t("none_selected", lang), "value": ""}, *area_options(ds, state)]
    controls = html.Div(dropdown("area", t("highlight", lang), highlight, state.area),
                        className="page-controls")
    if years["period"].nunique() < 2:
        return [controls, html.P(t("trend_too_short", lang), className="notice",
                                 id="headline")]
    points = gap_series(ds, state)
    sentence = gap_trend_sentence(points, lang, labels.number, labels.diff_unit)
    source = source_line(ds, list(obs["source_id"]), lang)
    names = area_names(ds, list(years["area_code"].unique()), lang)
    wide = years.pivot_table(index="area_code", columns="period", values="value",
                             aggfunc="first")
    header = [t("area", lang), *wide.columns]
    rows = [[names[c], *[labels.number(v) for v in wide.loc[c]]] for c in wide.index]
    gap_rows = [[p.period, labels.number(p.d), labels.number(p.r, 2)] for p in points]
    return [
        controls,
        sentences([sentence]),
        chart_card("trend", t("trend_heading", lang, title=labels.title), trend_figure(ds, state),
                   lang, source=source, header=header, rows=rows,
                   alt=t("alt_trend", lang, title=labels.title, first=wide.columns[0],
                         last=wide.columns[-1], n=len(rows)) + " " + sentence),
        chart_card("gaptrend", t("gaptrend_heading", lang),
                   gap_trend_figure(points, lang, labels.diff_unit), lang, source=source,
                   header=[t("period", lang), t("measure_d_short", lang),
                           t("measure_r_short", lang)], rows=gap_rows, alt=sentence,
                   note=t("gaptrend_note", lang)),
    ]


PAGE = Page("trends", "/trends", "page_trends", ("indicator", "sex", "group", "level"), render)
