"""The page shell: header, menu of views, notices, the shared controls and the view itself.
Every visible word is filled in by the sync callback, so the page follows the language."""

from __future__ import annotations

from dash import dcc, html

from dashboard.app.pages import ALL_CONTROLS

# Element id -> text key, for the shell's words that only change with the language.
STATIC_TEXTS = {
    "app-title": "app_title",
    "app-tagline": "app_tagline",
    "label-indicator": "indicator",
    "label-period": "period",
    "label-sex": "sex",
    "label-group": "group",
    "label-level": "level",
}

CONTROL_FACTORIES = {
    "indicator": lambda: dcc.Dropdown(id="indicator", clearable=False, searchable=True),
    "period": lambda: dcc.Dropdown(id="period", clearable=False),
    "sex": lambda: dcc.RadioItems(id="sex", inline=True),
    "group": lambda: dcc.Dropdown(id="group", clearable=False),
    "level": lambda: dcc.Dropdown(id="level", clearable=False),
}


def _control(name: str) -> html.Div:
    control = CONTROL_FACTORIES[name]()
    return html.Div([html.Label(id=f"label-{name}", htmlFor=name), control],
                    className="control", id=f"{name}-wrap")


def build_layout() -> html.Div:
    """The shell; the sync callback fills it for the address it is opened at."""
    return html.Div([
        dcc.Location(id="url", refresh=False),
        html.Header([
            html.Div([html.H1(id="app-title"), html.P(id="app-tagline", className="tagline")]),
            html.Button(id="lang-toggle", n_clicks=0, className="lang-toggle"),
        ], className="site-header"),
        html.Nav(id="nav", className="nav"),
        html.Div(id="notices", role="status", className="notices"),
        html.Section([_control(name) for name in ALL_CONTROLS], className="controls",
                     id="controls"),
        html.Main(id="page"),
        html.Footer(id="footer", className="footer"),
    ], className="page")
