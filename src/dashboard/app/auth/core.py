"""Sessions, the sign-in and sign-out routes, CSRF protection and the sign-in rate limit.

The public reads without cookies: a session cookie is only set for someone who opens the
sign-in page or signs in. A signed-in session lasts at most `session_hours` and ends after
`idle_minutes` without a request; the account is read again from the store on every
request, so a removed account or a changed role takes effect at once.

Every POST is checked for a CSRF token (Flask-WTF), from the form field `csrf_token` or
the header `X-CSRFToken`, except Dash's callback requests from someone not signed in
(the public only reads). For a signed-in session the cookie `_csrf_token` holds the token;
Dash's renderer copies it into the `X-CSRFToken` header of every callback request.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import flask_login
from dash import Dash
from flask import Flask, Response, redirect, request, session
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_wtf.csrf import CSRFError, CSRFProtect, generate_csrf

from dashboard.app.auth.pages import LoginForm, login_page, message_page
from dashboard.app.auth.settings import AuthSettings
from dashboard.core.texts import normalise_language, t
from dashboard.store.accounts import LOCK_MINUTES, MAX_FAILURES, Log, authenticate
from dashboard.store.backend import Account, AccountStore

LOGGER = logging.getLogger(__name__)
CSRF_COOKIE = "_csrf_token"
STARTED, SEEN, ENDED, LANG = "auth_started", "auth_seen", "auth_ended", "auth_lang"
# How often the time of the last request is written into the session cookie.
SEEN_STEP = 60.0
Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


class User(flask_login.UserMixin):
    """The signed-in account, as Flask-Login wants it (access.py reads `.account`)."""

    def __init__(self, account: Account):
        self.account = account

    def get_id(self) -> str:
        return f"{credential_proof(self.account)}:{self.account.name}"


def credential_proof(account: Account) -> str:
    """A short digest of the account's credential (its password hash or OpenID subject),
    kept in the session: a session outlives neither a new password nor the account's
    removal, even if an account of the same name is added again."""
    credential = f"{account.password_hash or ''}|{account.subject or ''}"
    return hashlib.sha256(credential.encode()).hexdigest()[:16]


def session_account(accounts: AccountStore, session_id: str) -> Account | None:
    """The account a session's id names, if its credential is still the one signed in."""
    proof, _, name = session_id.partition(":")
    account = accounts.account(name) if name else None
    if account is None or not hmac.compare_digest(proof, credential_proof(account)):
        return None
    return account


def request_language() -> str:
    """The language of the current request: its `lang` field, else the session's."""
    return normalise_language(request.values.get("lang") or session.get(LANG))


def signed_in() -> bool:
    """Whether the current request comes with a signed-in session (the cookie says so;
    the account itself is read by Flask-Login)."""
    return "_user_id" in session


def local_path(target: str) -> str | None:
    """`target` when it is a path on this site (so that a redirect cannot leave it)."""
    if target.startswith("/") and not target.startswith(("//", "/\\")) \
            and all(c.isprintable() for c in target):
        return target
    return None


def storage_uri(redis_url: str | None) -> str:
    """Where Flask-Limiter counts: Redis when an address is set, else this process."""
    if not redis_url:
        return "memory://"
    if redis_url.startswith("unix://"):
        return "redis+unix://" + redis_url.removeprefix("unix://")
    return redis_url


def start_session(account: Account, lang: str, clock: Clock) -> None:
    """Sign `account` in on a fresh session (a new CSRF token with it)."""
    session.clear()
    flask_login.login_user(User(account))
    now = clock().timestamp()
    session.permanent = True
    session[STARTED] = now
    session[SEEN] = now
    session[LANG] = lang


def end_session(*, ended: bool) -> None:
    """Sign out; `ended`: because the session expired (the next page says so)."""
    lang = session.get(LANG)
    flask_login.logout_user()
    session.clear()
    if ended:
        session[ENDED] = True
        if lang:
            session[LANG] = lang


def _configure(server: Flask, settings: AuthSettings) -> None:
    if settings.secret_key:
        server.secret_key = settings.secret_key
    else:
        server.secret_key = secrets.token_urlsafe(48)
        LOGGER.warning("DASHBOARD_SECRET_KEY is not set: a random key is used, so sessions "
                       "end when the app restarts and do not work across several servers")
    server.config.update(
        SESSION_COOKIE_NAME="__Host-session" if settings.cookie_secure else "session",
        SESSION_COOKIE_SECURE=settings.cookie_secure,
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_PATH="/",
        PERMANENT_SESSION_LIFETIME=timedelta(hours=settings.session_hours),
        WTF_CSRF_CHECK_DEFAULT=False,
        WTF_CSRF_TIME_LIMIT=int(settings.session_hours * 3600),
    )


def register_auth(app: Dash, accounts: AccountStore, log: Log, settings: AuthSettings, *,
                  clock: Clock = utc_now) -> None:
    """Add signing in to `app`: sessions, /login, /logout, CSRF checks on every POST of a
    signed-in session, a rate limit on sign-in attempts and, when configured, OpenID
    Connect. `log` receives the audit events; `clock` is the time (for tests)."""
    server = app.server
    _configure(server, settings)
    manager = flask_login.LoginManager(server)
    manager.session_protection = "basic"

    @manager.user_loader
    def load_user(session_id: str) -> User | None:
        account = session_account(accounts, session_id)
        return User(account) if account is not None else None

    csrf = CSRFProtect(server)
    limiter = Limiter(get_remote_address, app=server, storage_uri=storage_uri(settings.redis_url),
                      default_limits=[], in_memory_fallback_enabled=True,
                      key_prefix="dashboard-login")
    callback_path = app.config.routes_pathname_prefix + "_dash-update-component"
    lifetime = settings.session_hours * 3600
    idle = settings.idle_minutes * 60

    @server.before_request
    def expire_session() -> Response | None:
        if not signed_in():
            return None
        now = clock().timestamp()
        started, seen = session.get(STARTED), session.get(SEEN)
        if not isinstance(started, float) or not isinstance(seen, float) \
                or now - started > lifetime or now - seen > idle:
            end_session(ended=True)
            if request.method == "POST" and request.path != callback_path:
                return message_page(request_language(), t("auth_ended", request_language()),
                                    401)
            return None
        if not flask_login.current_user.is_authenticated:
            # The account was removed since the last request.
            end_session(ended=True)
            return None
        if now - seen > SEEN_STEP:
            session[SEEN] = now
        return None

    @server.before_request
    def check_csrf() -> None:
        if request.method in ("GET", "HEAD", "OPTIONS"):
            return
        if request.path == callback_path and not signed_in():
            return
        csrf.protect()

    @server.after_request
    def csrf_cookie(response: Response) -> Response:
        if signed_in():
            response.set_cookie(CSRF_COOKIE, generate_csrf(), secure=settings.cookie_secure,
                                httponly=False, samesite="Strict", path="/")
        elif CSRF_COOKIE in request.cookies:
            response.delete_cookie(CSRF_COOKIE, path="/", secure=settings.cookie_secure,
                                   samesite="Strict")
        return response

    @server.errorhandler(CSRFError)
    def csrf_refused(_error: CSRFError) -> Response:
        lang = request_language()
        if request.path == callback_path:
            return Response(t("auth_csrf", lang) + "\n", 400, mimetype="text/plain")
        return message_page(lang, t("auth_csrf", lang), 400)

    @server.errorhandler(429)
    def too_many(_error: Exception) -> Response:
        return message_page(request_language(), t("auth_limited", request_language()), 429,
                            sign_in_link=False)

    def form_page(lang: str, status: int = 200, **fields: str | None) -> Response:
        form = LoginForm(csrf_token=generate_csrf(), oidc=settings.oidc is not None,
                         next_path=local_path(request.values.get("next", "")) or "",
                         **fields)  # type: ignore[arg-type]
        return Response(login_page(lang, form), status=status,
                        content_type="text/html; charset=utf-8")

    @server.route("/login", methods=["GET", "POST"])
    @limiter.limit(settings.login_rate, methods=["POST"])
    def login() -> Response:
        lang = request_language()
        if request.method == "GET":
            notice = None
            if session.pop(ENDED, False):
                notice = t("auth_ended", lang)
            elif request.args.get("signed_out") == "1":
                notice = t("auth_signed_out", lang)
            return form_page(lang, notice=notice)
        name = request.form.get("name", "").strip()
        password = request.form.get("password", "")
        if not name or not password:
            return form_page(lang, 400, name=name, error=t("auth_missing", lang))
        result = authenticate(accounts, name, password, clock(), log=log)
        if not result.ok or result.account is None:
            return form_page(lang, 401, name=name,
                             error=t("auth_wrong", lang, n=MAX_FAILURES, minutes=LOCK_MINUTES))
        start_session(result.account, lang, clock)
        target = local_path(request.form.get("next", "")) or f"/?lang={lang}"
        return redirect(target, 303)  # type: ignore[return-value]

    @server.route("/logout", methods=["POST"])
    def logout() -> Response:
        lang = request_language()
        end_session(ended=False)
        return redirect(f"/login?lang={lang}&signed_out=1", 303)  # type: ignore[return-value]

    if settings.oidc is not None:
        from dashboard.app.auth.oidc import register_oidc

        register_oidc(server, settings.oidc, accounts, log, clock)
