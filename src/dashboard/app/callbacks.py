"""The one sync callback: address <-> controls <-> the view.

Dash forbids cycles between callbacks, so a single callback owns both directions. The
address (path = view, query = choices) is the single source of truth: a change of the
address redraws the view and sets the controls; a change of a control or a click on a
chart changes the address. Page-specific controls and graphs use pattern-matching ids, so
the callback reads whichever exist. When a freshly drawn control merely reports the state
it was drawn with, nothing changes and nothing is sent back, which ends the round trip.
"""

from __future__ import annotations

from typing import Any

import flask
from dash import ALL, Dash, Input, Output, ctx, dcc, html, no_update

from dashboard.app.layout import STATIC_TEXTS
from dashboard.app.live import LiveData
from dashboard.app.pages import ALL_CONTROLS, Context, Page, page_for, registry
from dashboard.app.render import control_options, notice_texts
from dashboard.core.texts import t
from dashboard.core.viewstate import ViewState, from_query
from dashboard.store import query
from dashboard.store.query import Notice

PAGE_FIELDS = {"order": "order", "area": "area", "sort": "sort", "split": "split"}
# Charts whose click opens the clicked area's profile; other charts highlight it.
OPENS_PROFILE = ("map", "gradient")


def state_from_controls(current: ViewState, triggered: str,
                        values: dict[str, Any]) -> ViewState:
    """The state the user asked for by touching one shared control."""
    dimension, _, group = (values.get("group") or "/").partition("/")
    state = current.with_changes(
        indicator=values.get("indicator") or current.indicator,
        period=values.get("period") or "", sex=values.get("sex") or "",
        dimension=dimension, group=group, level=values.get("level") or "")
    return state.with_changes(period="") if triggered == "indicator" else state


def state_from_page_controls(current: ViewState, entries: list[dict]) -> ViewState:
    """Apply the values of the page's own controls (order, area, sort, split, index)."""
    values = {e["id"]["name"]: e.get("value") for e in entries}
    changes = {PAGE_FIELDS[k]: (v or "") for k, v in values.items() if k in PAGE_FIELDS}
    if "sel" in values:
        chosen = [c for c in (values["sel"] or []) if c]
        weights = [values.get(f"w:{c}", 1) for c in chosen]
        changes["sel"] = ",".join(chosen)
        changes["weights"] = ",".join(f"{float(w if w is not None else 1):g}"
                                      for w in weights)
    return current.with_changes(**changes)


def _clicked_area(entries: list[dict], name: str) -> str | None:
    for entry in entries:
        if entry["id"]["name"] == name and entry.get("value"):
            points = entry["value"].get("points") or [{}]
            code = points[0].get("customdata")
            return code if isinstance(code, str) else None
    return None


def nav_links(pages: list[Page], page: Page, state: ViewState) -> list:
    """The menu; every link carries the current choices so a view switch keeps them."""
    search = state.to_query()
    return [dcc.Link(t(p.title_key, state.lang), href=p.path + search,
                     className="nav-link active" if p.id == page.id else "nav-link",
                     title=t("current_page", state.lang) if p.id == page.id else None)
            for p in pages]


def register(app: Dash, live: LiveData) -> None:
    """Attach the sync callback and the clientside language/title update to `app`."""
    pages = registry()
    outputs = [
        Output("url", "pathname"), Output("url", "search"),
        *[Output(c, "value") for c in ALL_CONTROLS],
        *[Output(c, "options") for c in ALL_CONTROLS],
        *[Output(f"{c}-wrap", "style") for c in ALL_CONTROLS],
        *[Output(key, "children") for key in STATIC_TEXTS],
        Output("lang-toggle", "children"), Output("nav", "children"),
        Output("notices", "children"), Output("page", "children"), Output("footer", "children"),
    ]
    inputs = [Input("url", "pathname"), Input("url", "search"),
              *[Input(c, "value") for c in ALL_CONTROLS],
              Input({"type": "pc", "name": ALL}, "value"),
              Input({"type": "graph", "name": ALL}, "clickData"),
              Input("lang-toggle", "n_clicks")]

    @app.callback(outputs, inputs)
    def sync(pathname, search, indicator, period, sex, group, level, _pcs, _clicks, _n):
        ds = live.ds
        triggered = ctx.triggered_id
        trigger_kind = triggered.get("type") if isinstance(triggered, dict) else triggered
        page = page_for(pathname, pages)
        notices: list[Notice] = []
        if page is None:
            notices.append(Notice("no_view", {"asked": pathname}))
            page = pages[0]
        url_state, ignored = from_query(search)
        path = page.path
        if trigger_kind in (None, "url"):
            asked = url_state
            if ignored:
                notices.append(Notice("ignored", {"names": ignored}))
        elif trigger_kind == "lang-toggle":
            asked = url_state.with_changes(lang="en" if url_state.lang == "sv" else "sv")
        elif trigger_kind == "pc":
            asked = state_from_page_controls(url_state, ctx.inputs_list[7])
        elif trigger_kind == "graph":
            code = _clicked_area(ctx.inputs_list[8], triggered["name"])
            if code is None:
                return [no_update] * len(outputs)
            asked = url_state.with_changes(area=code)
            if triggered["name"] in OPENS_PROFILE:
                path = "/profile"
                page = page_for(path, pages) or page
        else:
            values = dict(zip(ALL_CONTROLS, (indicator, period, sex, group, level),
                              strict=True))
            asked = state_from_controls(url_state, trigger_kind, values)
        state, fallbacks = query.resolve(ds, asked)
        if trigger_kind in (None, "url"):
            notices.extend(fallbacks)
        new_search = state.to_query()
        if trigger_kind not in (None, "url") and new_search == (search or "") \
                and path == pathname:
            return [no_update] * len(outputs)
        lang = state.lang
        opts = control_options(ds, state)
        base = flask.request.host_url if flask.has_request_context() else \
            "http://127.0.0.1:8050/"
        body = page.render(Context(ds, state, live.boundaries, page.path, base))
        return (
            path if path != pathname else no_update,
            new_search if new_search != (search or "") else no_update,
            state.indicator, state.period, state.sex, f"{state.dimension}/{state.group}",
            state.level,
            *[opts[c] for c in ALL_CONTROLS],
            *[{} if c in page.controls else {"display": "none"} for c in ALL_CONTROLS],
            *[t(key, lang) for key in STATIC_TEXTS.values()],
            t("language", lang),
            nav_links(pages, page, state),
            [html.P(n, className="notice") for n in notice_texts(notices, lang, ds)],
            body,
            t("dataset_note", lang, title=ds.info.get(f"title_{lang}", "")),
        )

    app.clientside_callback(
        "function(search, path){var m=/[?&]lang=(en|sv)/.exec(search||'');"
        "document.documentElement.lang=m?m[1]:'sv';"
        "var h=document.querySelector('.nav-link.active');"
        "var a=document.getElementById('app-title');"
        "if(h&&a){document.title=h.innerText+' – '+a.innerText;}"
        "return window.dash_clientside.no_update;}",
        Output("lang-toggle", "title"),
        Input("url", "search"), Input("nav", "children"),
    )
