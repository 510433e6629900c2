"""The page's static structure. Every visible word is filled in by the render callback,
so the whole page follows the chosen language."""

from __future__ import annotations

from dash import dcc, html

GRAPH_CONFIG = {
    "displaylogo": False,
    "modeBarButtonsToRemove": ["lasso2d", "select2d", "autoScale2d"],
    "toImageButtonOptions": {"format": "png", "scale": 2},
}

# Element id -> text key, for the words that only change with the language.
STATIC_TEXTS = {
    "app-title": "app_title",
    "app-tagline": "app_tagline",
    "label-indicator": "indicator",
    "label-period": "period",
    "label-sex": "sex",
    "label-group": "group",
    "label-level": "level",
    "map-heading": "map_title",
    "gap-heading": "gap_title",
    "label-order-by": "order_by",
    "map-alt-summary": "text_description",
    "bars-alt-summary": "text_description",
    "table-summary": "table_alternative",
    "definition-heading": "definition",
}


def _control(label_id: str, control: object) -> html.Div:
    return html.Div([html.Label(id=label_id, htmlFor=getattr(control, "id", None)), control],
                    className="control")


def build_layout() -> html.Div:
    """The page: header, notices, controls, headline, map and bars, gaps, table, definitions."""
    return html.Div([
        dcc.Location(id="url", refresh=False),
        html.Header([
            html.Div([html.H1(id="app-title"), html.P(id="app-tagline", className="tagline")]),
            html.Button(id="lang-toggle", n_clicks=0, className="lang-toggle"),
        ], className="site-header"),
        html.Div(id="notices", role="status", className="notices"),
        html.Section([
            _control("label-indicator", dcc.Dropdown(id="indicator", clearable=False,
                                                     searchable=True)),
            _control("label-period", dcc.Dropdown(id="period", clearable=False)),
            _control("label-sex", dcc.RadioItems(id="sex", inline=True)),
            _control("label-group", dcc.Dropdown(id="group", clearable=False)),
            _control("label-level", dcc.Dropdown(id="level", clearable=False)),
        ], className="controls", **{"aria-label": "controls"}),
        html.P(id="headline", className="headline"),
        html.P(id="subtitle", className="subtitle"),
        html.Div([
            html.Section([
                html.H2(id="map-heading"),
                dcc.Graph(id="map", config=GRAPH_CONFIG),
                html.P(id="map-note", className="chart-note"),
                html.Details([html.Summary(id="map-alt-summary"),
                              html.P(id="map-alt", className="alt-text")], className="alt"),
                html.P(id="map-source", className="source-line"),
            ], className="card"),
            html.Section([
                html.H2(id="bars-heading"),
                dcc.Graph(id="bars", config=GRAPH_CONFIG),
                html.P(id="bars-note", className="chart-note"),
                html.Details([html.Summary(id="bars-alt-summary"),
                              html.P(id="bars-alt", className="alt-text")], className="alt"),
                html.P(id="bars-source", className="source-line"),
            ], className="card"),
        ], className="charts"),
        html.Section([html.H2(id="gap-heading"),
                      _control("label-order-by", dcc.Dropdown(id="order-by", clearable=False)),
                      html.Div(id="gap-panel"),
                      html.P(id="gap-source", className="source-line")],
                     className="card gap-card"),
        html.Details([html.Summary(id="table-summary"), html.Div(id="values-table")],
                     className="card table-card"),
        html.Section([html.H2(id="definition-heading"), html.Div(id="definition")],
                     className="card"),
        html.Footer(id="footer", className="footer"),
    ], className="page")
