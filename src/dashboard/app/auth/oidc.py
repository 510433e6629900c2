"""Signing in through an OpenID Connect provider (Authlib's Flask client).

/login/oidc sends the browser to the provider (authorization code flow, with state and
nonce kept in the session); /login/oidc/callback exchanges the code for tokens and
verifies the ID token: its signature with the provider's published keys (JWKS), the issuer,
the audience (our client id), the nonce and the expiry. The person signs in as the account
linked to 'ISSUER|SUB' by an administrator (`dashboard users add ... --oidc-subject`);
there is no self-registration, so anyone else is refused.
"""

from __future__ import annotations

from authlib.integrations.base_client import OAuthError
from authlib.integrations.flask_client import OAuth
from flask import Flask, Response, redirect, request, session
from joserfc.errors import JoseError
from requests import RequestException

from dashboard.app.auth.core import LANG, Clock, request_language, start_session
from dashboard.app.auth.pages import message_page
from dashboard.app.auth.settings import OidcSettings
from dashboard.app.settings import base_url, public_url
from dashboard.core.texts import t
from dashboard.store.accounts import Log, sign_in_subject
from dashboard.store.backend import AccountStore

CALLBACK = "login/oidc/callback"
# Seconds to wait for the provider's discovery, token and key answers.
TIMEOUT = 10
# What can go wrong between the provider and us: a refused or broken answer, a token that
# does not verify, the provider out of reach.
FAILURES = (OAuthError, JoseError, RequestException, KeyError, ValueError, RuntimeError)


def register_oidc(server: Flask, oidc: OidcSettings, accounts: AccountStore, log: Log,
                  clock: Clock) -> None:
    """Add /login/oidc and its callback to `server`."""
    oauth = OAuth(server)
    client = oauth.register(
        "oidc", client_id=oidc.client_id, client_secret=oidc.client_secret,
        server_metadata_url=oidc.metadata_url,
        client_kwargs={"scope": "openid", "default_timeout": TIMEOUT})
    public = public_url()
    claims = {"iss": {"essential": True, "value": oidc.issuer},
              "sub": {"essential": True}}

    @server.route("/login/oidc")
    def oidc_start() -> Response:
        lang = request_language()
        session[LANG] = lang
        redirect_uri = base_url(request.host_url, public) + CALLBACK
        try:
            return client.authorize_redirect(redirect_uri)  # type: ignore[no-any-return]
        except FAILURES as exc:
            server.logger.warning("OpenID Connect provider unavailable: %s", exc)
            return message_page(lang, t("auth_oidc_failed", lang), 502)

    @server.route("/" + CALLBACK)
    def oidc_callback() -> Response:
        lang = request_language()
        try:
            token = client.authorize_access_token(claims_options=claims)
            userinfo = token.get("userinfo")
            if not userinfo:
                raise ValueError("the provider sent no ID token")
            subject = f"{oidc.issuer}|{userinfo['sub']}"
        except FAILURES as exc:
            server.logger.warning("OpenID Connect sign-in refused: %s", exc)
            return message_page(lang, t("auth_oidc_failed", lang), 401)
        account = sign_in_subject(accounts, subject, clock(), log=log)
        if account is None:
            return message_page(lang, t("auth_oidc_unknown", lang), 403, sign_in_link=False)
        start_session(account, lang, clock)
        return redirect(f"/?lang={lang}", 303)  # type: ignore[return-value]
