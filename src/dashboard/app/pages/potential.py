"""What closing the gap would mean: the city's gain if every area reached the best level."""

from __future__ import annotations

import math

from dash import html

from dashboard.app.components import chart_from, invest_link, sentences
from dashboard.app.pages import VIEW_FIELDS, Context, single
from dashboard.app.viewmodel import SHARED_CONTROLS
from dashboard.core.texts import t
from dashboard.figures.charts import ChartUnavailable, build_chart
from dashboard.figures.potential import PotentialData
from dashboard.figures.sentences import life_years_sentence, potential_sentence


def render(ctx: Context) -> list:
    ds, state, lang = ctx.ds, ctx.state, ctx.state.lang
    try:
        chart = build_chart(ds, state, "potential", ctx.boundaries)
    except ChartUnavailable:
        return [html.P(t("gap_one_area", lang), className="notice", id="headline")]
    pot = chart.data
    assert isinstance(pot, PotentialData)
    lines = [life_years_sentence(pot, t(f"who_{state.sex}", lang))]
    if math.isnan(pot.par_ci[0]):
        lines.append(t("no_ci", lang) + ".")
    lines.append(t("potential_reading", lang))
    return [
        html.P(potential_sentence(pot), className="headline", id="headline"),
        sentences(lines, "lead-small"),
        invest_link(ctx, "invest_open"),
        chart_from(chart, ctx),
    ]


PAGE = single("potential", "/potential", "page_potential", SHARED_CONTROLS, VIEW_FIELDS, render)
