"""The one sync callback: URL <-> controls <-> charts.

Dash forbids cycles between callbacks, so a single callback owns both directions: when
the URL changes (a link was opened, back/forward) the controls follow it; when a control
changes, the URL follows. Either way the state is resolved against the data first, and
only a state that came from the address can produce fallback notices.
"""

from __future__ import annotations

from dash import Dash, Input, Output, State, ctx, html, no_update

from dashboard.app.layout import STATIC_TEXTS
from dashboard.app.render import render
from dashboard.core.geometry import ShapeSet
from dashboard.core.viewstate import ViewState, from_query
from dashboard.store import query
from dashboard.store.dataset import Dataset
from dashboard.store.query import Notice

CONTROLS = ("indicator", "period", "sex", "group", "level", "order-by")


def state_from_controls(current: ViewState, triggered: str, values: dict[str, str | None],
                        lang_clicked: bool) -> ViewState:
    """The state the user asked for by touching one control.

    Changing the indicator keeps the other choices only where the new indicator has them
    (resolve() drops the rest silently); the language button flips the language.
    """
    dimension, _, group = (values.get("group") or "/").partition("/")
    state = ViewState(
        lang=current.lang, indicator=values.get("indicator") or current.indicator,
        period=values.get("period") or "", sex=values.get("sex") or "",
        dimension=dimension, group=group, level=values.get("level") or "",
        order=values.get("order-by") or "",
    )
    if lang_clicked:
        state = state.with_changes(lang="en" if current.lang == "sv" else "sv")
    if triggered == "indicator":
        state = state.with_changes(period="")
    return state


def register(app: Dash, ds: Dataset, boundaries: dict[str, ShapeSet]) -> None:
    """Attach the sync callback and the clientside language attribute to `app`."""
    outputs = [
        Output("url", "search"),
        *[Output(c, "value") for c in CONTROLS],
        *[Output(c, "options") for c in CONTROLS],
        *[Output(key, "children") for key in STATIC_TEXTS],
        Output("lang-toggle", "children"),
        Output("notices", "children"),
        Output("headline", "children"),
        Output("subtitle", "children"),
        Output("map", "figure"),
        Output("map-note", "children"),
        Output("map-alt", "children"),
        Output("map-source", "children"),
        Output("bars-heading", "children"),
        Output("bars", "figure"),
        Output("bars-note", "children"),
        Output("bars-alt", "children"),
        Output("bars-source", "children"),
        Output("gap-panel", "children"),
        Output("gap-source", "children"),
        Output("values-table", "children"),
        Output("definition", "children"),
        Output("footer", "children"),
    ]
    inputs = [Input("url", "search"), *[Input(c, "value") for c in CONTROLS],
              Input("lang-toggle", "n_clicks")]

    @app.callback(outputs, inputs, State("url", "search"))
    def sync(search, indicator, period, sex, group, level, order, _clicks, current_search):
        triggered = ctx.triggered_id
        url_state, ignored = from_query(current_search)
        notices: list[Notice] = []
        if triggered in (None, "url"):
            asked = url_state
            if ignored:
                notices.append(Notice("ignored", {"names": ignored}))
        else:
            values = dict(zip(CONTROLS, (indicator, period, sex, group, level, order),
                              strict=True))
            asked = state_from_controls(url_state, triggered, values,
                                        lang_clicked=triggered == "lang-toggle")
        state, fallbacks = query.resolve(ds, asked)
        if triggered in (None, "url"):
            notices.extend(fallbacks)
        view = render(ds, state, boundaries, notices)
        new_search = state.to_query()
        opts = view["options"]
        header, rows = view["table"]
        table = html.Table([
            html.Thead(html.Tr([html.Th(h, scope="col") for h in header])),
            html.Tbody([html.Tr([html.Td(c) for c in row]) for row in rows]),
        ], className="values")
        return (
            new_search if new_search != (current_search or "") else no_update,
            state.indicator, state.period, state.sex, f"{state.dimension}/{state.group}",
            state.level, state.order or None,
            *[opts[c] for c in CONTROLS],
            *view["texts"].values(),
            view["lang_button"],
            [html.P(n, className="notice") for n in view["notices"]],
            view["headline"], view["subtitle"],
            view["map"], view["map_note"], view["map_alt"], view["source"],
            view["bars_heading"], view["bars"], view["bars_note"], view["bars_alt"],
            view["source"],
            view["panel"], view["source"],
            table, view["definition"], view["footer"],
        )

    app.clientside_callback(
        "function(search){var m=/[?&]lang=(en|sv)/.exec(search||'');"
        "document.documentElement.lang=m?m[1]:'sv';return window.dash_clientside.no_update;}",
        Output("lang-toggle", "title"),
        Input("url", "search"),
    )
