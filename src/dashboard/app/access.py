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
