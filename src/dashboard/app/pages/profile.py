"""District profile: one area against Malmö's range and average for every indicator."""

from __future__ import annotations

from dash import html

from dashboard.app.components import chart_card, dropdown, sentences
from dashboard.app.pages import Context, Page
from dashboard.app.render import area_options
from dashboard.core.texts import t
from dashboard.figures.profile import (
    area_label,
    default_area,
    profile_sentences,
    spine_figure,
    spine_rows,
)


def render(ctx: Context) -> list:
    ds, state, lang = ctx.ds, ctx.state, ctx.state.lang
    area = default_area(ds, state)
    name = area_label(ds, area, lang)
    rows = spine_rows(ds, state, area)
    header = [t("indicator", lang), t("period", lang), name, "Malmö", t("worst", lang),
              t("best", lang), t("rank", lang), t("comparison", lang)]
    table_rows = [[r.label, r.period, r.value, r.city, r.worst, r.best, f"{r.rank}/{r.n}",
                   t(f"status_{r.status}", lang)] for r in rows]
    alt = t("alt_profile", lang, area=name) + " " + " ".join(profile_sentences(rows, lang, name))
    return [
        html.Div(dropdown("area", t("area", lang), area_options(ds, state), area),
                 className="page-controls"),
        sentences(profile_sentences(rows, lang, name)),
        chart_card("spine", t("profile_heading", lang, area=name), spine_figure(rows, lang, name),
                   lang, alt=alt, note=t("spine_note", lang), header=header, rows=table_rows,
                   source=t("profile_source", lang)),
    ]


PAGE = Page("profile", "/profile", "page_profile", ("level",), render)
