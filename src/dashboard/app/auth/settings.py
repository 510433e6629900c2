"""How signing in is set up, from the environment.

DASHBOARD_SECRET_KEY          signs the session cookie. Set it (a long random string, the
                              same on every server): without it a random key is made at each
                              start, so sessions end when the app restarts and do not work
                              across several servers (a warning is logged).
DASHBOARD_INSECURE_COOKIES=1  send the session cookie without `Secure`, for development over
                              plain http only. Browsers accept Secure cookies from
                              http://localhost, so it is rarely needed; it is refused unless
                              DASHBOARD_PUBLIC_URL is unset or an http address on this machine
                              (127.0.0.1, localhost, ::1). Otherwise cookies are always Secure.
DASHBOARD_SESSION_HOURS       how long a sign-in lasts at most (default 8)
DASHBOARD_IDLE_MINUTES        a session unused this long ends (default 30)
DASHBOARD_LOGIN_RATE          sign-in attempts allowed per address (default
                              "10 per minute;50 per hour", Flask-Limiter's notation)
DASHBOARD_REDIS_URL           where the sign-in rate limits are counted, shared by every
                              worker and server (redis://host:6379/0 or unix:///path/sock);
                              without it each process counts its own
DASHBOARD_OIDC_ISSUER         with _CLIENT_ID and _CLIENT_SECRET: sign in through an OpenID
DASHBOARD_OIDC_CLIENT_ID      Connect provider (e.g. the organisation's), discovered from
DASHBOARD_OIDC_CLIENT_SECRET  ISSUER/.well-known/openid-configuration. The provider must allow
                              the redirect address PUBLIC_URL/login/oidc/callback.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from dashboard.app.settings import LOCAL_HOSTS, public_url

DEFAULT_LOGIN_RATE = "10 per minute;50 per hour"


@dataclass(frozen=True)
class OidcSettings:
    """An OpenID Connect provider the app signs in through."""

    issuer: str
    client_id: str
    client_secret: str

    @property
    def metadata_url(self) -> str:
        return self.issuer.rstrip("/") + "/.well-known/openid-configuration"


@dataclass(frozen=True)
class AuthSettings:
    """Everything register_auth needs to know about signing in."""

    secret_key: str | None = None
    cookie_secure: bool = True
    session_hours: float = 8.0
    idle_minutes: float = 30.0
    login_rate: str = DEFAULT_LOGIN_RATE
    redis_url: str | None = None
    oidc: OidcSettings | None = None


def _number(environ: Mapping[str, str], name: str, default: float) -> float:
    text = environ.get(name, "").strip()
    if not text:
        return default
    try:
        value = float(text)
    except ValueError:
        raise ValueError(f"{name} must be a number, not {text!r}") from None
    if not value > 0:
        raise ValueError(f"{name} must be above 0, not {text!r}")
    return value


def _insecure_allowed(public: str | None) -> bool:
    if public is None:
        return True
    parts = urlsplit(public)
    return parts.scheme == "http" and parts.hostname in LOCAL_HOSTS


def auth_settings(env: Mapping[str, str] | None = None) -> AuthSettings:
    """Read the settings from the environment (or a mapping, for tests); ValueError with a
    clear message for a bad value."""
    environ = os.environ if env is None else env
    insecure = environ.get("DASHBOARD_INSECURE_COOKIES", "").strip() == "1"
    if insecure and not _insecure_allowed(public_url(environ)):
        raise ValueError("DASHBOARD_INSECURE_COOKIES=1 is only for development on this "
                         "machine over http; unset it, or unset DASHBOARD_PUBLIC_URL")
    oidc_values = [environ.get(f"DASHBOARD_OIDC_{part}", "").strip()
                   for part in ("ISSUER", "CLIENT_ID", "CLIENT_SECRET")]
    oidc = None
    if all(oidc_values):
        oidc = OidcSettings(*oidc_values)
    elif any(oidc_values):
        raise ValueError("set all three of DASHBOARD_OIDC_ISSUER, DASHBOARD_OIDC_CLIENT_ID and "
                         "DASHBOARD_OIDC_CLIENT_SECRET, or none")
    return AuthSettings(
        secret_key=environ.get("DASHBOARD_SECRET_KEY") or None,
        cookie_secure=not insecure,
        session_hours=_number(environ, "DASHBOARD_SESSION_HOURS", 8.0),
        idle_minutes=_number(environ, "DASHBOARD_IDLE_MINUTES", 30.0),
        login_rate=environ.get("DASHBOARD_LOGIN_RATE", "").strip() or DEFAULT_LOGIN_RATE,
        redis_url=environ.get("DASHBOARD_REDIS_URL") or None,
        oidc=oidc,
    )
