"""The path from a click to a chart: navigation draws a whole view, an interaction redraws
only the parts whose fields changed, in one round trip.

- Opening an address, a menu link, the language link, back and forward: the address
  changes, a clientside gate sees that it is not the view already drawn and asks the
  `navigate` callback to draw the shell and the page.
- A shared control, a page control or a click on a chart: `interact` resolves the new
  state, redraws the parts that use a changed field, updates the controls whose options
  or values changed and writes the new address. The gate then sees the address of the
  view just drawn and asks for nothing more. Controls are never redrawn by their own
  change, so they keep keyboard focus.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs

import flask
from dash import (
    ALL,
    MATCH,
    ClientsideFunction,
    Dash,
    Input,
    Output,
    State,
    ctx,
    html,
    no_update,
)
from dash.development.base_component import Component

from dashboard.app import lazy
from dashboard.app.access import current_account, in_menu
from dashboard.app.auth import account_bar
from dashboard.app.index_page import view_title
from dashboard.app.layout import shared_control
from dashboard.app.live import LiveData
from dashboard.app.pages import Context, Page, page_for, registry, statement
from dashboard.app.preview import preview_banner
from dashboard.app.render import notice_texts
from dashboard.app.settings import base_url, public_url
from dashboard.app.viewmodel import (
    BY_FIELD,
    SHARED_CONTROLS,
    Notice,
    changed_fields,
    control_options,
    control_value,
    level_first,
    resolve,
    state_from_control,
)
from dashboard.core.texts import t
from dashboard.core.viewstate import ViewState, from_query, href, restrict, to_query

# Charts whose click opens the clicked area's profile; other charts highlight it.
OPENS_PROFILE = ("map", "gradient")
SHELL_TEXTS = {"app-title": "app_title", "app-tagline": "app_tagline",
               "skip-link": "skip_to_content", "nav-name": "nav_label"}

def nav_links(pages: list[Page], page: Page, state: ViewState) -> list:
    """The menu (the pages this request's account may see, and the one shown); every link
    carries the current choices so a view switch keeps them, and the view shown is marked
    for screen readers too (`aria-current`). Plain links, as
    dcc.Link takes no aria attributes: assets/nav.js keeps them within the page."""
    here: dict[str, Any] = {"aria-current": "page"}
    account = current_account()
    return [html.A(t(p.title_key, state.lang), href=href(p.path, state),
                   id={"type": "nav", "name": p.id},
                   className="nav-link active" if p.id == page.id else "nav-link",
                   **(here if p.id == page.id else {}))
            for p in pages if in_menu(p.id, account) or p.id == page.id]


def _view(page: Page, state: ViewState, controls: dict[str, Any]) -> dict[str, Any]:
    """What the browser keeps of the view drawn: its address (only the fields the view
    uses), every choice made so far (so another view opens with them), its language and
    title, and the value each control shows (so a redrawn control is not taken for a
    change)."""
    title = view_title(page.title_key, state.lang)
    return {"path": page.path, "search": to_query(restrict(state, page.uses())),
            "state": to_query(state), "lang": state.lang, "title": title, "controls": controls}


def controls_in(tree: Any) -> dict[str, Any]:
    """The value of every page control in a drawn component tree, by control name."""
    found: dict[str, Any] = {}
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, (list, tuple)):
            stack.extend(node)
            continue
        if not isinstance(node, Component):
            continue
        node_id = getattr(node, "id", None)
        if isinstance(node_id, dict) and node_id.get("type") == "pc":
            found[node_id["name"]] = getattr(node, "value", None)
        stack.append(getattr(node, "children", None))
    return found


def _notices(notices: list[Notice], state: ViewState, ds: Any) -> list:
    return [html.P(n, className="notice") for n in notice_texts(notices, state.lang, ds)]


def request_base_url() -> str:
    """The address baked into links on the page: the configured public one, else this
    request's only when it is local (a forged Host header never reaches a link)."""
    host = flask.request.host_url if flask.has_request_context() else None
    return base_url(host, public_url())


def register(app: Dash, live: LiveData) -> None:
    """Attach the navigation and interaction callbacks and the clientside helpers."""
    pages = registry()

    app.clientside_callback(ClientsideFunction("view", "gate"), Output("nav-request", "data"),
                            Input("url", "pathname"), Input("url", "search"),
                            State("view", "data"))
    app.clientside_callback(ClientsideFunction("view", "follow"),
                            Output({"type": "nav", "name": ALL}, "href"),
                            Output("lang-toggle", "href"), Input("view", "data"),
                            State("url-keys", "data"), State("page-paths", "data"),
                            prevent_initial_call=True)
    app.clientside_callback(ClientsideFunction("view", "intent"), Output("intent", "data"),
                            *[Input(name, "value") for name in SHARED_CONTROLS],
                            Input({"type": "pc", "name": ALL}, "value"),
                            Input({"type": "graph", "name": ALL}, "clickData"),
                            State("view", "data"), prevent_initial_call=True)

    @app.callback(Output({"type": "lazy-body", "name": MATCH}, "children"),
                  Input({"type": "lazy", "name": MATCH}, "n_clicks"),
                  State({"type": "lazy-body", "name": MATCH}, "children"),
                  State("view", "data"), prevent_initial_call=True)
    def fill(_clicks: int | None, drawn: Any, view: dict[str, Any] | None) -> Any:
        if drawn or not view or not isinstance(ctx.triggered_id, dict):
            return no_update
        page = page_for(view.get("path"), pages) or pages[0]
        state, _ = resolve(live.ds, from_query(view.get("state"))[0])
        context = Context(live.ds, state, live.boundaries, page.path, request_base_url(),
                          page.uses())
        return lazy.content(context, str(ctx.triggered_id["name"]))

    @app.callback(
        Output("view", "data"), Output("controls", "children"), Output("nav", "children"),
        Output("notices", "children"), Output("page", "children"),
        Output("footer", "children"), Output("lang-toggle", "children"),
        Output("view-heading", "children"), Output("account", "children"),
        Output("preview", "children"),
        *[Output(key, "children") for key in SHELL_TEXTS],
        Input("nav-request", "data"),
        prevent_initial_call=True,
    )
    def navigate(request: dict[str, str] | None) -> tuple:
        ds = live.ds
        pathname = (request or {}).get("pathname") or "/"
        notices: list[Notice] = []
        page = page_for(pathname, pages)
        if page is None:
            notices.append(Notice("no_view", {"asked": pathname}))
            page = pages[0]
        search = (request or {}).get("search") or ""
        asked, ignored = from_query(search)
        if "lang" in ignored:
            language = parse_qs(search.lstrip("?")).get("lang", [""])[-1]
            notices.append(Notice("no_language", {"asked": language}))
            ignored = [k for k in ignored if k != "lang"]
        if ignored:
            notices.append(Notice("ignored", {"names": ignored}))
        stored = live.notice(asked.lang)
        if "indicator" not in page.uses():
            asked = level_first(ds, asked)
        state, fallbacks = resolve(ds, asked)
        notices.extend(fallbacks)
        lang = state.lang
        context = Context(ds, state, live.boundaries, page.path, request_base_url(),
                          page.uses())
        controls = [shared_control(name, t(BY_FIELD[name].label_key, lang),
                                   control_value(state, name),
                                   control_options(ds, state, name), page.shows(context, name),
                                   lang)
                    for name in SHARED_CONTROLS]
        body = page.layout(context)
        shown = {**{n: control_value(state, n) for n in SHARED_CONTROLS}, **controls_in(body)}
        return (
            _view(page, state, shown), controls, nav_links(pages, page, state),
            [*([html.P(stored, className="notice")] if stored else []),
             *_notices(notices, state, ds)], body,
            statement.footer(t("dataset_note", lang, title=ds.info.get(f"title_{lang}", "")),
                             lang, page.id == statement.PAGE.id),
            t("language", lang), t(page.title_key, lang), account_bar(lang),
            preview_banner(lang, live.store), *[t(key, lang) for key in SHELL_TEXTS.values()],
        )

    @app.callback(
        Output("view", "data", allow_duplicate=True),
        Output("url", "pathname"), Output("url", "search"),
        Output("notices", "children", allow_duplicate=True),
        *[Output(name, "value") for name in SHARED_CONTROLS],
        *[Output(name, "options") for name in SHARED_CONTROLS],
        *[Output(f"{name}-wrap", "style") for name in SHARED_CONTROLS],
        Output({"type": "part", "name": ALL}, "children"),
        Input("intent", "data"),
        State("view", "data"),
        prevent_initial_call=True,
    )
    def interact(intent: dict[str, Any] | None, view: dict[str, Any] | None) -> tuple:
        ds = live.ds
        view = view or {}
        shown = view.get("controls", {})
        parts_out = ctx.outputs_list[-1]
        nothing = (no_update,) * (4 + 3 * len(SHARED_CONTROLS)) + ([no_update] * len(parts_out),)
        page = page_for(view.get("path"), pages)
        if page is None or not intent:
            return nothing
        current, _ = resolve(ds, from_query(view.get("state"))[0])
        touched: str | None = None
        if intent.get("kind") == "click":
            asked = current.with_changes(area=str(intent["value"]))
            if intent.get("name") in OPENS_PROFILE:
                return (no_update, "/profile", to_query(asked), *nothing[3:])
        else:
            touched = str(intent.get("name"))
            asked = state_from_control(ds, current, touched, intent.get("value"))
            if touched == "level" or "indicator" not in page.uses():
                asked = level_first(ds, asked)
        state, notices = resolve(ds, asked)
        changed = changed_fields(current, state)
        if not changed:
            return nothing
        base = request_base_url()
        context = Context(ds, state, live.boundaries, page.path, base, page.uses())
        before = Context(ds, current, live.boundaries, page.path, base, page.uses())
        styles = [no_update if page.shows(context, n) == page.shows(before, n)
                  else None if page.shows(context, n) else {"display": "none"}
                  for n in SHARED_CONTROLS]
        by_name = {p.name: p for p in page.parts}
        parts = [by_name[o["id"]["name"]].render(context)
                 if o["id"]["name"] in by_name and by_name[o["id"]["name"]].redraw(changed,
                                                                                   touched)
                 else no_update for o in parts_out]
        values = [control_value(state, n) if control_value(state, n) != shown.get(n)
                  else no_update for n in SHARED_CONTROLS]
        controls = {**shown, **({touched: intent.get("value")} if touched else {}),
                    **{n: control_value(state, n) for n in SHARED_CONTROLS},
                    **controls_in([p for p in parts if p is not no_update])}
        options = [control_options(ds, state, n)
                   if changed & set(BY_FIELD[n].uses) else no_update
                   for n in SHARED_CONTROLS]
        view_out = _view(page, state, controls)
        return (view_out, no_update, view_out["search"], _notices(notices, state, ds),
                *values, *options, *styles, parts)
