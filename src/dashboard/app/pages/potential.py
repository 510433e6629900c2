"""What closing the gap would mean: the city's gain if every area reached the best level."""

from __future__ import annotations

import math

from dash import html

from dashboard.app.components import chart_card, sentences
from dashboard.app.pages import ALL_CONTROLS, Context, Page
from dashboard.core.i18n import format_number
from dashboard.core.texts import t
from dashboard.figures.labels import area_names, source_line, view_labels
from dashboard.figures.potential import potential, potential_figure
from dashboard.store import query


def _ci(lo: float, hi: float, number) -> str:
    return "" if math.isnan(lo) or math.isnan(hi) else f" (95 % KI {number(lo)}–{number(hi)})"


def render(ctx: Context) -> list:
    ds, state, lang = ctx.ds, ctx.state, ctx.state.lang
    labels = view_labels(ds, state)
    pot = potential(ds, state)
    if pot is None:
        return [html.P(t("gap_one_area", lang), className="notice", id="headline")]
    names = area_names(ds, pot.codes, lang)
    number = labels.number
    lines = [t("potential_sentence", lang, best=names[pot.best],
               best_value=labels.with_unit(pot.best_value),
               par=number(abs(pot.par)), unit=labels.diff_unit,
               direction=t("potential_up" if labels.polarity != "lower_better"
                           else "potential_down", lang),
               paf=format_number(abs(pot.paf), lang, 1),
               ci=_ci(pot.par_ci[0], pot.par_ci[1], number))]
    if not math.isnan(pot.life_years):
        lines.append(t("potential_life_years", lang,
                       years=format_number(pot.life_years, lang, 0),
                       who=t(f"who_{state.sex}", lang)))
        if pot.halved:
            lines.append(t("potential_halved", lang))
    if math.isnan(pot.par_ci[0]):
        lines.append(t("no_ci", lang) + ".")
    lines.append(t("potential_reading", lang))
    rows = [[names[c], labels.number(g), format_number(p, lang, 0)]
            for c, g, p in zip(pot.codes, pot.gaps, pot.population, strict=True)]
    source = source_line(ds, list(query.view_values(ds, state)["source_id"]), lang)
    return [
        html.P(lines[0], className="headline", id="headline"),
        sentences(lines[1:], "lead-small"),
        chart_card("potential", t("potential_heading", lang, best=names[pot.best]),
                   potential_figure(ds, state, pot), lang, source=source,
                   header=[t("area", lang), t("gap_to_best", lang), t("population", lang)],
                   rows=rows, alt=" ".join(lines[:2])),
    ]


PAGE = Page("potential", "/potential", "page_potential", ALL_CONTROLS, render)
