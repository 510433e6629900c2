"""Building blocks every page uses: chart cards with their source, text and table, and the
page-specific controls (pattern-matching ids, so one callback can read whichever exist)."""

from __future__ import annotations

from dash import dcc, html

from dashboard.core.texts import t
from dashboard.figures.charts import Chart
from dashboard.figures.style import FigureSpec

GRAPH_CONFIG = {
    "displaylogo": False,
    "modeBarButtonsToRemove": ["lasso2d", "select2d", "autoScale2d"],
    "toImageButtonOptions": {"format": "png", "scale": 2},
}


def graph(name: str, spec: FigureSpec) -> html.Div:
    """A graph whose clicks reach the sync callback; the wrapper keeps a plain DOM id."""
    return html.Div(dcc.Graph(id={"type": "graph", "name": name}, figure=spec,
                              config=GRAPH_CONFIG), id=name)


def table(header: list[str] | tuple[str, ...], rows, class_name: str = "values") -> html.Table:
    return html.Table([
        html.Thead(html.Tr([html.Th(h, scope="col") for h in header])),
        html.Tbody([html.Tr([html.Td(c) for c in row]) for row in rows]),
    ], className=class_name)


def chart_card(name: str, heading: str, spec: FigureSpec, lang: str, *, source: str = "",
               alt: str = "", note: str = "", header=None, rows=None, extra=None) -> html.Section:
    """A chart with its heading, note, text description, table alternative and source."""
    parts = [html.H2(heading, id=f"{name}-heading"), graph(name, spec)]
    if note:
        parts.append(html.P(note, className="chart-note", id=f"{name}-note"))
    if alt:
        parts.append(html.Details([html.Summary(t("text_description", lang)),
                                   html.P(alt, className="alt-text", id=f"{name}-alt")],
                                  className="alt"))
    if header is not None and rows is not None:
        parts.append(html.Details([html.Summary(t("table_alternative", lang)),
                                   table(header, rows)], className="alt",
                                  id=f"{name}-table"))
    if extra:
        parts.extend(extra)
    if source:
        parts.append(html.P(source, className="source-line", id=f"{name}-source"))
    return html.Section(parts, className="card")


def chart_from(chart: Chart, lang: str, note: str = "", extra=None) -> html.Section:
    """A card for a registered Chart."""
    return chart_card(chart.id, chart.heading, chart.spec, lang, source=chart.source,
                      alt=chart.alt, note=note, header=chart.header, rows=chart.rows,
                      extra=extra)


def page_control(name: str, label: str, control_factory, **kwargs) -> html.Div:
    """A page-specific control: id {'type': 'pc', 'name': name}, wrapped in a labelled div."""
    control = control_factory(id={"type": "pc", "name": name}, **kwargs)
    return html.Div([html.Label(label), control], className="control", id=f"{name}-control")


def dropdown(name: str, label: str, options: list[dict], value, **kwargs) -> html.Div:
    return page_control(name, label, dcc.Dropdown, options=options, value=value,
                        clearable=False, **kwargs)


def sentences(items: list[str], css: str = "lead") -> html.Div:
    return html.Div([html.P(s, className=css) for s in items if s], className="sentences")
