"""Trends: the indicator over time by area, and the gap between areas over time."""

from __future__ import annotations

from dash import html

from dashboard.app.components import chart_from, dropdown, sentences
from dashboard.app.pages import Context, Page, Part
from dashboard.app.render import area_options
from dashboard.core.texts import t
from dashboard.figures.charts import ChartUnavailable, build_chart
from dashboard.figures.groups import split_label
from dashboard.figures.trends import BY_AREA, TrendData
from dashboard.store import query

SERIES_FIELDS = frozenset({"indicator", "sex", "dimension", "group", "level"})


def _split(ctx: Context) -> list:
    ds, state, lang = ctx.ds, ctx.state, ctx.state.lang
    splits = [{"label": t("trend_by_area", lang), "value": BY_AREA},
              *[{"label": split_label(ds, s, lang), "value": s}
                for s in query.split_options(ds, state.indicator, state.level)]]
    return [dropdown("split", t("split_by", lang), splits, state.split or BY_AREA, lang)]


def _area(ctx: Context) -> list:
    ds, state, lang = ctx.ds, ctx.state, ctx.state.lang
    highlight = [{"label": t("none_selected", lang), "value": ""}, *area_options(ds, state)]
    by_area = state.split in ("", BY_AREA)
    return [dropdown("area", t("highlight", lang) if by_area else t("area_for_groups", lang),
                     highlight, state.area, lang)]


def _charts(ctx: Context) -> list:
    ds, state, lang = ctx.ds, ctx.state, ctx.state.lang
    try:
        trend = build_chart(ds, state, "trend", ctx.boundaries)
        gap = build_chart(ds, state, "gaptrend", ctx.boundaries)
    except ChartUnavailable:
        return [html.P(t("trend_too_short", lang), className="notice", id="headline")]
    band = isinstance(trend.data, TrendData) and bool(trend.data.band)
    return [sentences([gap.alt]),
            chart_from(trend, ctx, note=t("trend_band_note", lang) if band else ""),
            chart_from(gap, ctx, note=t("gaptrend_note", lang))]


SPLIT = Part("split", frozenset({"indicator", "level", "split"}), _split, ("split",),
             "inline-part")
AREA = Part("area", frozenset({"level", "split", "area"}), _area, ("area",), "inline-part")
CHARTS = Part("charts", SERIES_FIELDS | {"split", "area"}, _charts)


def layout(ctx: Context) -> list:
    return [html.Div([SPLIT.slot(ctx), AREA.slot(ctx)], className="page-controls"),
            CHARTS.slot(ctx)]


PAGE = Page("trends", "/trends", "page_trends", ("indicator", "sex", "group", "level"),
            (SPLIT, AREA, CHARTS), layout)
