"""Signing in for those who add data; the public dashboard stays open without an account.

`register_auth(app, accounts, log, auth_settings())` adds it to the app;
`account_bar(lang)` is the signed-in line for the page header.
"""

from __future__ import annotations

from dashboard.app.auth.bar import account_bar
from dashboard.app.auth.core import User, register_auth
from dashboard.app.auth.settings import AuthSettings, OidcSettings, auth_settings

__all__ = ["AuthSettings", "OidcSettings", "User", "account_bar", "auth_settings",
           "register_auth"]
