"""District profile: one area against Malmö's range and average for every indicator."""

from __future__ import annotations

from dash import html

from dashboard.app.components import chart_from, dropdown, sentences
from dashboard.app.pages import Context, Page
from dashboard.app.render import area_options
from dashboard.core.texts import t
from dashboard.figures.charts import build_chart
from dashboard.figures.profile import area_label, default_area, profile_sentences, spine_rows


def render(ctx: Context) -> list:
    ds, state, lang = ctx.ds, ctx.state, ctx.state.lang
    area = default_area(ds, state)
    name = area_label(ds, area, lang)
    return [
        html.Div(dropdown("area", t("area", lang), area_options(ds, state), area),
                 className="page-controls"),
        sentences(profile_sentences(spine_rows(ds, state, area), lang, name)),
        chart_from(build_chart(ds, state, "spine", ctx.boundaries), ctx,
                   note=t("spine_note", lang)),
    ]


PAGE = Page("profile", "/profile", "page_profile", ("level",), render)
