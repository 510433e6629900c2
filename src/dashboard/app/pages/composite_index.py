"""A composite welfare index by district: the user picks indicators and weights; Malmö's
own method (mean polarity-aware rank); shown on the map, ranked and over time."""

from __future__ import annotations

from dash import dcc, html

from dashboard.app.components import chart_from, dropdown, page_control, sentences
from dashboard.app.pages import Context, Page
from dashboard.app.render import area_options
from dashboard.core.texts import t
from dashboard.figures.charts import ChartUnavailable, build_chart
from dashboard.figures.composite import components, index_sentence, latest_index
from dashboard.store import query


def render(ctx: Context) -> list:
    ds, state, lang = ctx.ds, ctx.state, ctx.state.lang
    chosen, weights = components(ds, state)
    options = [{"label": query.indicator_info(ds, c)[f"title_{lang}"], "value": c}
               for c in query.composite_options(ds, state.level)]
    sliders = [page_control(f"w:{c}", query.indicator_info(ds, c)[f"title_{lang}"], dcc.Slider,
                            min=0, max=3, step=0.5, value=w, updatemode="mouseup",
                            marks={i: str(i) for i in range(4)})
               for c, w in zip(chosen, weights, strict=True)]
    controls = html.Div([
        page_control("sel", t("index_components", lang), dcc.Dropdown, options=options,
                     value=chosen, multi=True),
        dropdown("area", t("highlight", lang),
                 [{"label": t("none_selected", lang), "value": ""}, *area_options(ds, state)],
                 state.area),
        html.Div([html.P(t("index_weights", lang), className="chart-note"), *sliders],
                 className="weights"),
    ], className="page-controls index-controls")
    latest = latest_index(ds, state)
    if latest is None:
        return [controls, html.P(t("index_none", lang), className="notice", id="headline")]
    used = ", ".join(f"{query.indicator_info(ds, c)[f'title_{lang}']} {y}"
                     for c, y in latest.year.periods_used.items())
    charts = []
    for chart_id in ("indexmap", "indexbars"):
        try:
            charts.append(chart_from(build_chart(ds, state, chart_id, ctx.boundaries), ctx))
        except ChartUnavailable:
            continue
    return [
        controls,
        sentences([index_sentence(state, latest), t("index_method", lang),
                   t("index_years_used", lang, used=used)]),
        html.Div(charts, className="charts"),
        chart_from(build_chart(ds, state, "indextrend", ctx.boundaries), ctx),
    ]


PAGE = Page("index", "/index", "page_index", ("level",), render)
