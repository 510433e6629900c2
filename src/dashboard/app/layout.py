"""The page shell: a skip link, the header, the named menu of views, then the main part
(the view's name as its one h1, notices, the shared controls and the view itself) and
one footer. The navigation callback fills it for the address it is opened at, so it
follows the language; stores hold the address of the view as drawn and the navigation
request."""

from __future__ import annotations

from typing import Any

from dash import dcc, html
from dash.development.base_component import Component

from dashboard.app.components import dropdown_labels
from dashboard.app.pages import registry
from dashboard.core.viewstate import PARAMS


def shared_control(name: str, label: str, value: str, options: list[dict[str, str]],
                   shown: bool, lang: str) -> html.Div:
    """One of the controls above every view, labelled, hidden where the page ignores it."""
    control: Component
    if name == "sex":
        control = dcc.RadioItems(id=name, options=options, value=value, inline=True)
    else:
        control = dcc.Dropdown(id=name, options=options, value=value, clearable=False,
                               searchable=name == "indicator", labels=dropdown_labels(lang))
    return html.Div([html.Label(label, id=f"label-{name}", htmlFor=name), control],
                    className="control", id=f"{name}-wrap",
                    style=None if shown else {"display": "none"})


def build_layout() -> html.Div:
    """The shell; the callbacks fill it for the address it is opened at."""
    named: dict[str, Any] = {"aria-labelledby": "nav-name"}
    return html.Div([
        dcc.Location(id="url", refresh=False),
        dcc.Store(id="view"),
        dcc.Store(id="nav-request"),
        dcc.Store(id="intent"),
        dcc.Store(id="url-keys", data=[p.key for p in PARAMS]),
        dcc.Store(id="page-paths", data={p.id: p.path for p in registry()}),
        html.A(id="skip-link", href="#main", className="skip-link"),
        html.Header([
            html.Div([html.P(id="app-title", className="site-name"),
                      html.P(id="app-tagline", className="tagline")]),
            html.Div([html.Div(id="account"),
                      dcc.Link(id="lang-toggle", href="/", className="lang-toggle")],
                     className="header-tools"),
        ], className="site-header"),
        html.Span(id="nav-name", hidden=True),
        html.Nav(id="nav", className="nav", **named),
        html.Main([
            html.Div(id="preview"),
            html.H1(id="view-heading", className="view-heading"),
            html.Div(id="notices", role="status", className="notices"),
            html.Section(id="controls", className="controls"),
            html.Div(id="page"),
        ], id="main", tabIndex="-1"),
        html.Footer(id="footer", className="footer"),
    ], className="page")
