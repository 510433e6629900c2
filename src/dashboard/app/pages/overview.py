"""Overview: every indicator for every area, coloured against Malmö, latest value and trend."""

from __future__ import annotations

from dash import dcc, html

from dashboard.app.pages import Context, single
from dashboard.core.i18n import join_names
from dashboard.core.texts import t
from dashboard.core.viewstate import href
from dashboard.figures.overview import overview_left_out, overview_rows
from dashboard.figures.sentences import overview_rule


def render(ctx: Context) -> list:
    ds, state, lang = ctx.ds, ctx.state, ctx.state.lang
    areas, rows = overview_rows(ds, state)
    left_out = overview_left_out(ds, state)
    query_keep = state.with_changes(area="")
    head = html.Thead(html.Tr([html.Th(t("indicator", lang), scope="col"),
                               html.Th(t("period", lang), scope="col"),
                               html.Th("Malmö", scope="col")]
                              + [html.Th(dcc.Link(name, href=href(
                                  "/profile", query_keep.with_changes(area=code))),
                                  scope="col") for code, name in areas]))
    body = []
    for row in rows:
        link = href("/", state.with_changes(indicator=row.indicator, sex=row.sex, period="",
                                            dimension="total", group="total"))
        cells = [html.Th(dcc.Link(row.label, href=link), scope="row"),
                 html.Td(row.period), html.Td(row.city, className="city")]
        cells += [html.Td([c.value, html.Span(f" {c.trend}", className="trend")
                           if c.trend else None],
                          className=f"cell {c.status}", title=c.title) for c in row.cells]
        body.append(html.Tr(cells))
    legend = html.P([html.Span(t(f"status_{s}", lang), className=f"cell {s} legend")
                     for s in ("better", "similar", "worse", "neutral", "missing")],
                    className="legend-row")
    return [
        html.P(t("overview_lead", lang, n=len(rows), areas=len(areas)), className="headline",
               id="headline"),
        html.Section([html.H2(t("page_overview", lang)), legend,
                      html.Div(html.Table([head, html.Tbody(body)], className="overview",
                                          id="overview-table"), className="scroll"),
                      html.P(overview_rule(lang), className="chart-note"),
                      *([html.P(t("overview_left_out", lang, names=join_names(left_out, lang)),
                                className="chart-note", id="overview-left-out")]
                        if left_out else [])], className="card"),
    ]


PAGE = single("overview", "/overview", "page_overview", ("level",), frozenset({"level"}), render)
