"""The account bar for the page header: who is signed in, with a sign-out button; or, when
a session has just ended, a note saying so with a link to sign in again."""

from __future__ import annotations

import flask
from dash import html
from flask_wtf.csrf import generate_csrf

from dashboard.app.access import current_account
from dashboard.app.auth.core import ENDED
from dashboard.core.texts import normalise_language, t


def account_bar(lang: str) -> html.Div | None:
    """The bar for the current request in `lang`, or None for the public (and outside a
    request). The sign-out button posts a form that carries the CSRF token."""
    if not flask.has_request_context():
        return None
    lang = normalise_language(lang)
    account = current_account()
    if account is None:
        if not flask.session.get(ENDED):
            return None
        return html.Div([html.Span(t("auth_ended", lang)), " ",
                         html.A(t("auth_sign_in_again", lang), href=f"/login?lang={lang}")],
                        className="account-bar", role="status")
    text = t("auth_signed_in_as", lang, name=account.name, role=t(f"role_{account.role}", lang),
             organisation=account.organisation)
    # A submit button's name and value are sent with its form: the token travels with it.
    sign_out = html.Form(
        html.Button(t("auth_sign_out", lang), type="submit", name="csrf_token",
                    value=generate_csrf(), className="account-sign-out"),
        method="post", action=f"/logout?lang={lang}", className="account-sign-out-form")
    review = html.A(t("page_review", lang), href=f"/review?lang={lang}")
    return html.Div([html.Span(text), " · ", review, " · ", sign_out], className="account-bar")
