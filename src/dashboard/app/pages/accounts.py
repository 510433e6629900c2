"""Accounts: an administrator adds accounts, changes an account's role or organisation, sets
a new password, unlocks and removes accounts, and sees the organisations with what each has
contributed. Everyone else gets a message; every action is checked again on the server, and
every change goes to the audit log (store/accounts.py makes it).

An administrator cannot demote or remove their own account here, so an administrator always
remains; `dashboard users` on the server can still do both."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

from dash import Dash, Input, Output, State, ctx, dcc, html, no_update

from dashboard.app import markup
from dashboard.app.access import current_account, may
from dashboard.app.pages import Context, single, view_language
from dashboard.app.pages.review import sign_in_needed, when
from dashboard.core.texts import t
from dashboard.store.accounts import (
    MAX_NAME_LENGTH,
    MAX_PASSWORD_LENGTH,
    MIN_PASSWORD_LENGTH,
    AccountError,
    Log,
    add_account,
    remove_account,
    set_organisation,
    set_password,
    set_role,
    unlock_account,
)
from dashboard.store.backend import PUBLISHED, ROLES, Account, AccountStore, VersionRecord
from dashboard.store.lock import StoreBusy

# The page's buttons, by the action each takes.
BUTTONS = {"accounts-add-button": "add", "accounts-set-role": "role",
           "accounts-set-organisation": "organisation", "accounts-set-password": "password",
           "accounts-unlock": "unlock", "accounts-remove": "remove"}
# What each action says when done.
DONE = {"add": "accounts_did_add", "role": "accounts_did_role",
        "organisation": "accounts_did_organisation", "password": "accounts_did_password",
        "unlock": "accounts_did_unlock", "remove": "accounts_did_remove"}
# Actions an administrator may not take on their own account.
NOT_ON_ONESELF = ("role", "remove")
# The store's refusals this page words itself; another is shown with the store's message.
ERRORS = frozenset({"bad_name", "bad_role", "no_organisation", "sign_in_kind", "exists",
                    "password_short", "password_long", "password_is_name", "bad_subject",
                    "subject_taken", "unknown", "openid_account"})
# The password fields, emptied after every action.
PASSWORD_FIELDS = ("accounts-password", "accounts-password-again", "accounts-new-password",
                   "accounts-new-password-again")


@dataclass(frozen=True)
class Asked:
    """What the page's fields hold when a button is pressed."""

    name: str = ""
    role: str = ""
    organisation: str = ""
    password: str = ""
    again: str = ""
    subject: str = ""
    confirmed: bool = False


def _said(text: str, ok: bool) -> html.P:
    return html.P(text, className="lead-small" if ok else "notice")


def refused(error: AccountError, name: str, lang: str) -> html.P:
    """A refused account change in the user's language."""
    if error.code not in ERRORS:
        return _said(f"{error}", False)
    return _said(t(f"accounts_error_{error.code}", lang, name=name,
                   n=_limit(error.code)), False)


def _limit(code: str) -> int:
    return {"bad_name": MAX_NAME_LENGTH, "password_short": MIN_PASSWORD_LENGTH,
            "password_long": MAX_PASSWORD_LENGTH}.get(code, 0)


def change(accounts: AccountStore, log: Log, admin: Account | None, action: str, asked: Asked,
           lang: str, now: datetime) -> html.P:
    """Carry out `action` ('add', 'role', 'organisation', 'password', 'unlock' or 'remove')
    for `admin` and say what happened; a refusal changes nothing."""
    if admin is None or not may(admin, "admin") or action not in DONE:
        return _said(t("contrib_not_allowed", lang), False)
    name = asked.name.strip()
    if not name:
        return _said(t("accounts_refused_choose", lang), False)
    if action in NOT_ON_ONESELF and name == admin.name:
        return _said(t("accounts_refused_own", lang), False)
    if action in ("add", "password") and asked.password != asked.again:
        return _said(t("accounts_refused_differ", lang), False)
    if action == "remove" and not asked.confirmed:
        return _said(t("accounts_refused_confirm", lang), False)
    by = admin.name
    try:
        if action == "add":
            subject = asked.subject.strip() or None
            account = add_account(accounts, name, asked.role, asked.organisation,
                                  password=asked.password or None, subject=subject, by=by,
                                  now=now, log=log)
        elif action == "role":
            account = set_role(accounts, name, asked.role, by=by, now=now, log=log)
        elif action == "organisation":
            account = set_organisation(accounts, name, asked.organisation, by=by, now=now,
                                       log=log)
        elif action == "password":
            account = set_password(accounts, name, asked.password, by=by, now=now, log=log)
        elif action == "unlock":
            account = unlock_account(accounts, name, by=by, now=now, log=log)
        else:
            remove_account(accounts, name, by=by, now=now, log=log)
            return _said(t(DONE[action], lang, name=name), True)
    except AccountError as error:
        return refused(error, name, lang)
    except StoreBusy:
        return _said(t("store_busy", lang), False)
    return _said(t(DONE[action], lang, name=account.name, role=t(f"role_{account.role}", lang),
                   organisation=account.organisation), True)


def _kind(account: Account, lang: str) -> str:
    if account.subject is not None:
        return t("accounts_kind_openid", lang, subject=account.subject)
    return t("accounts_kind_password", lang)


def _status(account: Account, now: datetime, lang: str) -> str:
    if account.locked_until is not None and account.locked_until > now:
        return t("accounts_locked_until", lang, at=when(account.locked_until))
    if account.failures:
        return t("accounts_failures", lang, n=account.failures)
    return t("accounts_open", lang)


def account_rows(accounts: list[Account], now: datetime, lang: str) -> list[tuple[str, ...]]:
    """Every account as a row: name, role, organisation, how it signs in, its status. A
    password hash is never shown."""
    return [(a.name, t(f"role_{a.role}", lang), a.organisation, _kind(a, lang),
             _status(a, now, lang)) for a in accounts]


def organisation_rows(accounts: list[Account], records: list[VersionRecord]
                      ) -> list[tuple[str, int, int, int]]:
    """Every organisation an account or a contribution names: its accounts, contributions
    and published contributions."""
    members = Counter(a.organisation for a in accounts)
    added = Counter(r.contribution.organisation for r in records)
    published = Counter(r.contribution.organisation for r in records if r.state == PUBLISHED)
    names = sorted(set(members) | set(added), key=str.casefold)
    return [(n, members[n], added[n], published[n]) for n in names]


def accounts_content(accounts: AccountStore, records: list[VersionRecord], now: datetime,
                     lang: str) -> list:
    """The tables of the page: the accounts and the organisations."""
    listed = accounts.accounts()
    header = [t(k, lang) for k in ("accounts_name", "accounts_role", "accounts_organisation",
                                   "accounts_sign_in_kind", "accounts_status")]
    table = markup.table(header, account_rows(listed, now, lang),
                         label=t("accounts_list", lang), row_header=True) if listed \
        else html.P(t("accounts_none", lang))
    org_header = [t(k, lang) for k in ("accounts_organisation", "accounts_n_accounts",
                                       "accounts_n_contributions", "accounts_n_published")]
    orgs = organisation_rows(listed, records)
    return [html.Section([html.H2(t("accounts_list", lang)), table], id="accounts-list"),
            html.Section([html.H2(t("accounts_organisations", lang)),
                          html.P(t("accounts_organisations_help", lang)),
                          markup.table(org_header, orgs, label=t("accounts_organisations", lang),
                                       row_header=True) if orgs else html.P("–")],
                         id="accounts-organisations")]


def _field(label: str, component: Any) -> html.Div:
    return html.Div([html.Label(label, htmlFor=component.id), component], className="control")


def _text(field_id: str, kind: Literal["text", "password"] = "text",
          autocomplete: str = "off") -> dcc.Input:
    return dcc.Input(id=field_id, type=kind, className="text-input", autoComplete=autocomplete)


def _roles(field_id: str, lang: str) -> dcc.Dropdown:
    return dcc.Dropdown(id=field_id, options=[{"label": t(f"role_{r}", lang), "value": r}
                                              for r in ROLES],
                        value=ROLES[0], clearable=False)


def _button(button_id: str, key: str, lang: str) -> html.Button:
    return html.Button(t(key, lang), id=button_id, className="lang-toggle")


def change_form(lang: str) -> html.Section:
    """Choose an account, then change its role or organisation, set its password, unlock or
    remove it."""
    n = MIN_PASSWORD_LENGTH
    fieldsets = [
        html.Div([_field(t("accounts_new_role", lang), _roles("accounts-new-role", lang)),
                  _button("accounts-set-role", "accounts_set_role", lang)],
                 className="account-action"),
        html.Div([_field(t("accounts_new_organisation", lang),
                         _text("accounts-new-organisation", autocomplete="organization")),
                  _button("accounts-set-organisation", "accounts_set_organisation", lang)],
                 className="account-action"),
        html.Div([_field(t("accounts_new_password", lang, n=n),
                         _text("accounts-new-password", "password", "new-password")),
                  _field(t("accounts_new_password_again", lang),
                         _text("accounts-new-password-again", "password", "new-password")),
                  _button("accounts-set-password", "accounts_set_password", lang)],
                 className="account-action"),
        html.Div([_button("accounts-unlock", "accounts_unlock", lang)],
                 className="account-action"),
        html.Div([dcc.Checklist(id="accounts-confirm",
                                options=[{"label": t("accounts_confirm_remove", lang),
                                          "value": "yes"}], value=[]),
                  _button("accounts-remove", "accounts_remove", lang)],
                 className="account-action"),
    ]
    who = dcc.Dropdown(id="accounts-who", options=[], clearable=False)
    return html.Section([html.H2(t("accounts_change", lang)),
                         _field(t("accounts_who", lang), who), *fieldsets],
                        id="accounts-change", className="card")


def add_form(lang: str) -> html.Section:
    """The fields of a new account: name, role, organisation, and a password twice or an
    OpenID Connect subject."""
    n = MIN_PASSWORD_LENGTH
    return html.Section([
        html.H2(t("accounts_add", lang)),
        html.Div([_field(t("accounts_name", lang), _text("accounts-name", autocomplete="off")),
                  _field(t("accounts_role", lang), _roles("accounts-role", lang)),
                  _field(t("accounts_organisation", lang),
                         _text("accounts-organisation", autocomplete="organization")),
                  _field(t("accounts_password", lang, n=n),
                         _text("accounts-password", "password", "new-password")),
                  _field(t("accounts_password_again", lang),
                         _text("accounts-password-again", "password", "new-password")),
                  _field(t("accounts_subject", lang), _text("accounts-subject"))],
                 className="page-controls"),
        _button("accounts-add-button", "accounts_add_button", lang),
    ], id="accounts-add", className="card")


def render(ctx: Context) -> list:
    lang = ctx.state.lang
    account = current_account()
    if account is None:
        return [sign_in_needed("accounts_sign_in", "/accounts", lang)]
    if not may(account, "admin"):
        return [html.P(t("accounts_admin_only", lang, role=t(f"role_{account.role}", lang)),
                       className="notice", id="members-only")]
    return [html.P(t("accounts_lead", lang)),
            html.Div(id="accounts-status", role="status"),
            dcc.Store(id="accounts-refresh", data=0), html.Div(id="accounts-body"),
            change_form(lang), add_form(lang)]


def register_accounts(app: Dash, accounts: AccountStore | None, log: Log | None,
                      records: Callable[[], list[VersionRecord]],
                      clock: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
    """Draw the accounts page's tables and carry out its buttons (nothing without a store)."""
    if accounts is None or log is None:
        return

    @app.callback(Output("accounts-body", "children"), Output("accounts-who", "options"),
                  Input("accounts-refresh", "data"), State("view", "data"))
    def fill(_refresh, view):
        lang = view_language(view)
        if not may(current_account(), "admin"):
            return [], []
        listed = accounts.accounts()
        options = [{"label": f"{a.name} ({t(f'role_{a.role}', lang)}, {a.organisation})",
                    "value": a.name} for a in listed]
        return accounts_content(accounts, records(), clock(), lang), options

    @app.callback(Output("accounts-status", "children"), Output("accounts-refresh", "data"),
                  *[Output(field, "value") for field in PASSWORD_FIELDS],
                  *[Input(button, "n_clicks") for button in BUTTONS],
                  State("accounts-name", "value"), State("accounts-role", "value"),
                  State("accounts-organisation", "value"), State("accounts-password", "value"),
                  State("accounts-password-again", "value"), State("accounts-subject", "value"),
                  State("accounts-who", "value"), State("accounts-new-role", "value"),
                  State("accounts-new-organisation", "value"),
                  State("accounts-new-password", "value"),
                  State("accounts-new-password-again", "value"),
                  State("accounts-confirm", "value"), State("view", "data"),
                  State("accounts-refresh", "data"), prevent_initial_call=True)
    def act(*values):
        if not ctx.triggered or not ctx.triggered[0].get("value"):
            return (no_update,) * (2 + len(PASSWORD_FIELDS))
        (name, role, organisation, password, again, subject, who, new_role, new_org,
         new_password, new_again, confirm, view, refresh) = values[len(BUTTONS):]
        action = BUTTONS[str(ctx.triggered_id)]
        text = {"name": name, "role": role, "organisation": organisation,
                "password": password, "again": again, "subject": subject}
        if action != "add":
            text = {"name": who, "role": new_role, "organisation": new_org,
                    "password": new_password, "again": new_again, "subject": ""}
        asked = Asked(**{k: v if isinstance(v, str) else "" for k, v in text.items()},
                      confirmed=bool(confirm))
        said = change(accounts, log, current_account(), action, asked, view_language(view),
                      clock())
        return (said, (refresh or 0) + 1, *[""] * len(PASSWORD_FIELDS))


PAGE = single("accounts", "/accounts", "page_accounts", (), frozenset(), render)
