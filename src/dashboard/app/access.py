"""Who may do what: the roles of those who add data, and the account signed in on this
request (None for the public, who only read)."""

from __future__ import annotations

import flask
import flask_login

from dashboard.store.backend import Account

# The roles allowed each action; an admin may do everything a publisher may, a publisher
# everything a contributor may.
ALLOWED = {
    "add": ("contributor", "publisher", "admin"),
    "publish": ("publisher", "admin"),
    "admin": ("admin",),
}


# Pages the menu lists only to some: signed-in accounts ("member"), or those who may an action.
MENU_FOR = {"review": "member", "audit": "member", "accounts": "admin"}


def may(account: Account | None, action: str) -> bool:
    """Whether `account` may take `action` ('add', 'publish' or 'admin')."""
    return account is not None and account.role in ALLOWED[action]


def current_account() -> Account | None:
    """The account signed in on this request, or None (the public, or outside a request)."""
    if not flask.has_request_context() or not hasattr(flask.current_app, "login_manager"):
        return None
    user = flask_login.current_user
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    account = getattr(user, "account", None)
    return account if isinstance(account, Account) else None


def in_menu(page_id: str, account: Account | None) -> bool:
    """Whether the menu lists the page for `account`: the public does not see /review and
    /audit, and only an admin sees /accounts (each page also refuses those it is not for)."""
    need = MENU_FOR.get(page_id)
    if need is None:
        return True
    return account is not None and (need == "member" or may(account, need))
