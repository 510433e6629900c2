"""A composite welfare index by district: the user picks indicators and weights; Malmö's
own method (mean polarity-aware rank); shown on the map, ranked and over time."""

from __future__ import annotations

from dash import dcc, html

from dashboard.app.components import (
    chart_from,
    dropdown,
    page_control,
    sentences,
)
from dashboard.app.pages import Context, Page, Part
from dashboard.app.render import area_options
from dashboard.core.texts import t
from dashboard.figures.charts import ChartUnavailable, build_chart
from dashboard.figures.composite import components, latest_index
from dashboard.figures.sentences import index_sentence
from dashboard.store import query

INDEX_FIELDS = frozenset({"level", "sel", "weights"})


def _title(ctx: Context, code: str) -> str:
    return str(query.indicator_info(ctx.ds, code)[f"title_{ctx.state.lang}"])


def _components(ctx: Context) -> list:
    options = [{"label": _title(ctx, c), "value": c}
               for c in query.composite_options(ctx.ds, ctx.state.level)]
    chosen, _ = components(ctx.ds, ctx.state)
    # Boxes to tick rather than a dropdown: there are a handful of indicators, each box is
    # seen and named on its own, and each is reached by Tab.
    return [page_control("sel", t("index_components", ctx.state.lang), dcc.Checklist,
                         options=options, value=list(chosen), className="checklist")]


def _area(ctx: Context) -> list:
    lang = ctx.state.lang
    return [dropdown("area", t("highlight", lang),
                     [{"label": t("none_selected", lang), "value": ""},
                      *area_options(ctx.ds, ctx.state)], ctx.state.area, lang)]


def _weights(ctx: Context) -> list:
    chosen, weights = components(ctx.ds, ctx.state)
    sliders = [page_control(f"w:{c}", _title(ctx, c), dcc.Slider, min=0, max=3, step=0.5,
                            value=w, updatemode="mouseup", marks={i: str(i) for i in range(4)})
               for c, w in zip(chosen, weights, strict=True)]
    return [html.P(t("index_weights", ctx.state.lang), className="chart-note"), *sliders]


def _charts(ctx: Context) -> list:
    ds, state, lang = ctx.ds, ctx.state, ctx.state.lang
    latest = latest_index(ds, state)
    if latest is None:
        return [html.P(t("index_none", lang), className="notice", id="headline")]
    used = ", ".join(f"{_title(ctx, c)} {y}" for c, y in latest.periods_used)
    charts = []
    for chart_id in ("indexmap", "indexbars"):
        try:
            charts.append(chart_from(build_chart(ds, state, chart_id, ctx.boundaries), ctx))
        except ChartUnavailable:
            continue
    return [
        sentences([index_sentence(latest), t("index_method", lang),
                   t("index_years_used", lang, used=used)]),
        html.Div(charts, className="charts"),
        chart_from(build_chart(ds, state, "indextrend", ctx.boundaries), ctx),
    ]


COMPONENTS = Part("components", frozenset({"level", "sel"}), _components, ("sel",),
                  "inline-part")
AREA = Part("area", frozenset({"level", "area"}), _area, ("area",), "inline-part")
WEIGHTS = Part("weights", frozenset({"level", "sel", "weights"}), _weights, ("w:",), "weights")
CHARTS = Part("charts", INDEX_FIELDS | {"area"}, _charts)


def layout(ctx: Context) -> list:
    return [html.Div([COMPONENTS.slot(ctx), AREA.slot(ctx), WEIGHTS.slot(ctx)],
                     className="page-controls index-controls"),
            CHARTS.slot(ctx)]


PAGE = Page("index", "/index", "page_index", ("level",), (COMPONENTS, AREA, WEIGHTS, CHARTS),
            layout)
