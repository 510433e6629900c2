"""Review contributions: the drafts waiting, newest first, with what they add; a publisher
previews, publishes or rejects them (a rejection needs a note) and withdraws the live
contribution. A contributor sees their own organisation's drafts and may preview them,
nothing more; the server checks the account on every action, whatever the page showed.

The page is drawn by its own callbacks (they hold the store); the view only places their
containers."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pandas as pd
from dash import ALL, Dash, Input, Output, State, ctx, dcc, html, no_update

from dashboard.app import markup
from dashboard.app.access import current_account, may
from dashboard.app.pages import Context, single, view_language
from dashboard.app.preview import (
    ContribLive,
    find_record,
    may_preview,
    previewed,
    start_preview,
    stop_preview,
)
from dashboard.core.i18n import format_number
from dashboard.core.texts import t
from dashboard.core.viewstate import ViewState, href
from dashboard.store.backend import (
    DRAFT,
    PUBLISHED,
    REJECTED,
    WITHDRAWN,
    Account,
    StoreRefused,
    VersionRecord,
    VersionStore,
)
from dashboard.store.lock import StoreBusy

# Each action's button; the actions that need a note, and what is said when they are done.
ACTIONS = {"preview": "contrib_preview", "publish": "contrib_publish",
           "reject": "contrib_reject", "withdraw": "contrib_withdraw"}
NEEDS_NOTE = {"reject": "contrib_did_reject", "withdraw": "contrib_did_withdraw"}
STATES = {DRAFT: "contrib_state_draft", PUBLISHED: "contrib_state_published",
          REJECTED: "contrib_state_rejected", WITHDRAWN: "contrib_state_withdrawn"}
# The store's refusals by code; another code is shown with the store's own message.
REFUSALS = {"no_such_draft": "contrib_refused_no_such_draft",
            "already_decided": "contrib_refused_already_decided",
            "not_live": "contrib_refused_not_live",
            "note_required": "contrib_refused_note_required",
            "draft_conflict": "contrib_refused_draft_conflict",
            "no_previous": "contrib_refused_no_previous"}


def when(at: datetime | None) -> str:
    """A moment as the page shows it (UTC, to the minute)."""
    return "" if at is None else at.strftime("%Y-%m-%d %H:%M")


def sign_in_needed(key: str, path: str, lang: str) -> html.P:
    """Why the page is closed to the public, with a link to sign in and come back."""
    return html.P([t(key, lang), " ", html.A(t("contrib_sign_in", lang),
                                             href=f"/login?next={path}", id="sign-in-link")],
                  className="notice", id="members-only")


def visible(records: list[VersionRecord], account: Account) -> list[VersionRecord]:
    """The records an account may see: all for a publisher, else its organisation's."""
    if may(account, "publish"):
        return records
    return [r for r in records if r.contribution.organisation == account.organisation]


def _adds(store: VersionStore, record: VersionRecord, titles: dict[str, str],
          lang: str) -> tuple[int, list[str]]:
    """How many values a draft holds and the titles of the indicators it adds values to."""
    try:
        tables = store.draft_tables(record.name)
    except KeyError:
        return 0, []
    obs = tables.get("observations", pd.DataFrame(columns=["indicator_id"]))
    own = tables.get("indicators")
    if own is not None and f"title_{lang}" in own:
        titles = {**titles, **dict(zip(own["id"], own[f"title_{lang}"], strict=True))}
    ids = list(dict.fromkeys(str(i) for i in obs["indicator_id"]))
    return len(obs), [titles.get(i, i) for i in ids]


def _button(action: str, name: str, lang: str) -> html.Button:
    return html.Button(t(ACTIONS[action], lang),
                       id={"type": "review-act", "action": action, "name": name},
                       className="lang-toggle")


def _note(name: str, label: str, lang: str) -> html.Div:
    return html.Div(html.Label([t("contrib_note_for", lang, name=label), " ",
                                dcc.Input(id={"type": "review-note", "name": name}, type="text",
                                          className="text-input")]), className="control")


def _draft(live: ContribLive, store: VersionStore, record: VersionRecord, account: Account,
           lang: str) -> html.Article:
    titles = dict(zip(live.published.indicators["id"],
                      live.published.indicators[f"title_{lang}"], strict=True))
    values, indicators = _adds(store, record, titles, lang)
    c = record.contribution
    facts = [("contrib_file", c.file), ("contrib_organisation", c.organisation),
             ("contrib_licence_short", c.licence), ("contrib_added_by", c.added_by),
             ("contrib_added_at", when(record.added_at)),
             ("contrib_values", format_number(values, lang, 0)),
             ("contrib_indicators", ", ".join(indicators))]
    terms: list[Any] = []
    for key, value in facts:
        terms += [html.Dt(t(key, lang)), html.Dd(value)]
    buttons: list[Any] = []
    if may_preview(account, record):
        buttons.append(_button("preview", record.name, lang))
    note: list[Any] = []
    if may(account, "publish"):
        note = [_note(record.name, record.contribution.file, lang)]
        buttons += [_button("publish", record.name, lang), _button("reject", record.name, lang)]
    return html.Article([html.H3(f"{c.file} ({record.name})"),
                         html.Dl(terms, className="facts"), *note,
                         html.Div(buttons, className="review-actions")],
                        className="card", id=f"draft-{record.name}")


def _published(records: list[VersionRecord], live_name: str | None, account: Account,
               lang: str) -> list:
    if not records:
        return [html.P(t("contrib_none_published", lang))]
    header = [t(k, lang) for k in ("contrib_version", "contrib_file", "contrib_organisation",
                                   "contrib_licence_short", "contrib_added_by",
                                   "contrib_decided_by", "contrib_decided_at")]
    rows = [(f"{r.version or r.name} {t('contrib_live', lang) if r.version == live_name else ''}"
             .strip(), r.contribution.file, r.contribution.organisation,
             r.contribution.licence, r.contribution.added_by, r.decided_by or "",
             when(r.decided_at)) for r in records]
    out: list[Any] = [markup.table(header, rows, label=t("contrib_published", lang))]
    current = next((r for r in records if r.version == live_name), None)
    if current is not None and may(account, "publish"):
        out += [_note(current.name, current.contribution.file, lang),
                _button("withdraw", current.name, lang)]
    return out


def _decided(records: list[VersionRecord], lang: str) -> list:
    if not records:
        return [html.P(t("contrib_none_decided", lang))]
    header = [t(k, lang) for k in ("contrib_state", "contrib_file", "contrib_organisation",
                                   "contrib_added_by", "contrib_decided_by",
                                   "contrib_decided_at", "contrib_note")]
    rows = []
    for r in records:
        withdrawn = r.withdrawn_by is not None
        rows.append((t(STATES[r.state], lang), r.contribution.file,
                     r.contribution.organisation, r.contribution.added_by,
                     (r.withdrawn_by if withdrawn else r.decided_by) or "",
                     when(r.withdrawn_at if withdrawn else r.decided_at),
                     r.withdraw_note if withdrawn else r.note))
    return [markup.table(header, rows, label=t("contrib_decided", lang))]


def review_content(live: ContribLive, account: Account | None, lang: str) -> list:
    """The review page's body for `account`: drafts, published, rejected and withdrawn."""
    if account is None:
        return [sign_in_needed("contrib_sign_in_review", "/review", lang)]
    store = live.store
    if store is None:
        return [html.P(t("contrib_no_store", lang), className="notice")]
    records = visible(store.records(), account)
    drafts = [r for r in records if r.state == DRAFT]
    published = [r for r in records if r.state == PUBLISHED]
    decided = [r for r in records if r.state not in (DRAFT, PUBLISHED)]
    waiting: list[Any] = [_draft(live, store, r, account, lang) for r in drafts]
    return [
        html.Section([html.H2(t("contrib_drafts", lang)),
                      *(waiting or [html.P(t("contrib_no_drafts", lang), id="no-drafts")])],
                     id="review-drafts"),
        html.Section([html.H2(t("contrib_published", lang)),
                      *_published(published, store.live_name(), account, lang)],
                     id="review-published"),
        html.Section([html.H2(t("contrib_decided", lang)), *_decided(decided, lang)],
                     id="review-decided"),
    ]


def _said(key: str, lang: str, **fields: object) -> html.P:
    return html.P(t(key, lang, **fields), className="lead-small")


def refusal(error: StoreRefused, lang: str) -> html.P:
    """A store's refusal in the user's language."""
    key = REFUSALS.get(error.code)
    text = t(key, lang) if key else t("contrib_refused_other", lang, reason=error)
    return html.P(text, className="notice")


def decide(live: ContribLive, account: Account | None, action: str, name: str, note: str,
           lang: str) -> html.P:
    """Carry out `action` on contribution `name` for `account` and say what happened; a
    refused action changes nothing."""
    store = live.store
    if account is None or store is None or action not in ACTIONS:
        return html.P(t("contrib_not_allowed", lang), className="notice")
    record = find_record(store, name)
    if record is None:
        return refusal(StoreRefused("no_such_draft", name), lang)
    if action == "preview":
        if not may_preview(account, record):
            return html.P(t("contrib_not_allowed", lang), className="notice")
        start_preview(name)
        return html.P([t("contrib_did_preview", lang, name=name), " ",
                       html.A(t("contrib_open_views", lang),
                              href=href("/", ViewState(lang=lang)), id="review-open")],
                      className="lead-small")
    if not may(account, "publish"):
        return html.P(t("contrib_not_allowed", lang), className="notice")
    if action in NEEDS_NOTE and not note.strip():
        return refusal(StoreRefused("note_required", name), lang)
    try:
        if action == "publish":
            done = store.publish(name, by=account.name, note=note.strip())
        elif action == "reject":
            done = store.reject(name, by=account.name, note=note.strip())
        else:
            done = store.withdraw(name, by=account.name, note=note.strip())
    except StoreRefused as error:
        return refusal(error, lang)
    except StoreBusy:
        return html.P(t("store_busy", lang), className="notice")
    if previewed() == name:
        stop_preview()
    live.reload()
    if action == "publish":
        return _said("contrib_did_publish", lang, name=name, version=done.version or name)
    return _said(NEEDS_NOTE[action], lang, name=name)


def render(ctx: Context) -> list:
    lang = ctx.state.lang
    if current_account() is None:
        return [sign_in_needed("contrib_sign_in_review", "/review", lang)]
    return [html.Div(id="review-status", role="status"),
            dcc.Store(id="review-refresh", data=0), html.Div(id="review-body")]



def register_review(app: Dash, live: ContribLive) -> None:
    """Draw the review page's body and carry out its buttons."""

    @app.callback(Output("review-body", "children"), Input("review-refresh", "data"),
                  State("view", "data"))
    def fill(_refresh, view):
        return review_content(live, current_account(), view_language(view))

    @app.callback(Output("review-status", "children"), Output("review-refresh", "data"),
                  Input({"type": "review-act", "action": ALL, "name": ALL}, "n_clicks"),
                  State({"type": "review-note", "name": ALL}, "value"),
                  State("view", "data"), State("review-refresh", "data"),
                  prevent_initial_call=True)
    def act(_clicks, _notes, view, refresh):
        pressed = ctx.triggered_id
        if not isinstance(pressed, dict) or not ctx.triggered[0].get("value"):
            return no_update, no_update
        name = str(pressed.get("name"))
        notes = {item["id"]["name"]: item.get("value") for item in ctx.states_list[0]}
        note = notes.get(name)
        said = decide(live, current_account(), str(pressed.get("action")), name,
                      note if isinstance(note, str) else "", view_language(view))
        return said, (refresh or 0) + 1


PAGE = single("review", "/review", "page_review", (), frozenset(), render)
