"""Start page: the gap in brief — map, ranked bars, the gap panel, table and definition."""

from __future__ import annotations

from dash import html

from dashboard.app.components import chart_from, dropdown
from dashboard.app.pages import ALL_CONTROLS, Context, Page
from dashboard.app.render import definition_children, map_note, order_options, panel_children
from dashboard.core.texts import t
from dashboard.figures.charts import build_chart
from dashboard.figures.gaps import gap_panel, lead_sentence
from dashboard.figures.labels import area_name, flag_text, view_labels
from dashboard.store import query


def render(ctx: Context) -> list:
    ds, state, lang = ctx.ds, ctx.state, ctx.state.lang
    labels = view_labels(ds, state)
    map_chart = build_chart(ds, state, "map", ctx.boundaries)
    bars_chart = build_chart(ds, state, "bars", ctx.boundaries)
    panel = gap_panel(ds, state)
    values = query.view_values(ds, state)
    flagged = values[values["flag"].fillna("") != ""]
    flag_note = "" if flagged.empty else t("flag_note", lang) + " " + "; ".join(
        f"{area_name(r, lang)} ({flag_text(r['flag'], lang)})" for _, r in flagged.iterrows())
    return [
        html.P(lead_sentence(panel), className="headline", id="headline"),
        html.P(f"{labels.title} · {labels.subtitle}", className="subtitle", id="subtitle"),
        html.Div([chart_from(map_chart, ctx, map_note(ds, state, ctx.boundaries)),
                  chart_from(bars_chart, ctx, flag_note)], className="charts"),
        html.Section([
            html.H2(t("gap_title", lang), id="gap-heading"),
            dropdown("order", t("order_by", lang), order_options(ds, state), state.order or None),
            html.Div(panel_children(panel, lang), id="gap-panel"),
            html.P(map_chart.source, className="source-line"),
        ], className="card gap-card"),
        html.Section([html.H2(t("definition", lang)),
                      html.Div(definition_children(ds, state, labels), id="definition")],
                     className="card"),
    ]


PAGE = Page("summary", "/", "page_summary", ALL_CONTROLS, render)
