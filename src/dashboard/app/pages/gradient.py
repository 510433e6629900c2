"""Social gradient: health against a social determinant across areas, with the slope index."""

from __future__ import annotations

from dash import html

from dashboard.app.components import chart_card, dropdown, sentences
from dashboard.app.pages import ALL_CONTROLS, Context, Page
from dashboard.app.render import order_options, panel_children
from dashboard.core.texts import t
from dashboard.figures.gaps import GapPanel, gap_panel
from dashboard.figures.gradient import gradient_data, gradient_figure, gradient_sentence
from dashboard.figures.labels import area_names, source_line, view_labels
from dashboard.store import query


def render(ctx: Context) -> list:
    ds, state, lang = ctx.ds, ctx.state, ctx.state.lang
    labels = view_labels(ds, state)
    controls = html.Div(dropdown("order", t("x_axis", lang), order_options(ds, state),
                                 state.order or None), className="page-controls")
    data = gradient_data(ds, state)
    if data is None:
        return [controls, html.P(t("gradient_none", lang), className="notice", id="headline")]
    sentence = gradient_sentence(ds, state, data)
    panel = GapPanel(tuple(s for s in gap_panel(ds, state).sections if s.key == "gradient"))
    names = area_names(ds, data.codes, lang)
    x_title = query.indicator_info(ds, state.order)[f"title_{lang}"]
    rows = [[names[c], labels.number(x), labels.number(y)]
            for c, x, y in zip(data.codes, data.x, data.y, strict=True)]
    source = source_line(ds, list(query.view_values(ds, state)["source_id"]), lang)
    return [
        controls,
        sentences([sentence]),
        chart_card("gradient", t("gradient_heading", lang, y=labels.title, x=x_title),
                   gradient_figure(ds, state, data), lang, source=source,
                   header=[t("area", lang), x_title, labels.title], rows=rows,
                   alt=t("alt_gradient", lang, y=labels.title, x=x_title, n=len(rows))
                   + " " + sentence, note=t("gradient_note", lang)),
        html.Section([html.H2(t("gap_title", lang)),
                      html.Div(panel_children(panel, lang), id="gap-panel")],
                     className="card gap-card"),
    ]


PAGE = Page("gradient", "/gradient", "page_gradient", ALL_CONTROLS, render)
