"""Behind reverse proxies: with DASHBOARD_PROXIES=N (the number of proxies in front, each
adding itself to X-Forwarded-For), the app trusts the last N entries of X-Forwarded-For,
-Proto and -Host (werkzeug's ProxyFix). The sign-in rate limit then counts the reader's
address, not the proxy's; the access log shows it; and links and Secure cookies follow the
https the reader used. Without it (the default, 0) these headers are ignored, as a reader
could forge them."""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

VARIABLE = "DASHBOARD_PROXIES"
MAX_PROXIES = 5
LOG = logging.getLogger(__name__)


def proxy_count(env: Mapping[str, str] | None = None) -> int:
    """The number of trusted proxies; a value that is not a whole number from 0 to
    MAX_PROXIES is ignored with a warning (nothing is trusted then)."""
    text = (os.environ if env is None else env).get(VARIABLE, "").strip()
    if not text:
        return 0
    if text.isdigit() and int(text) <= MAX_PROXIES:
        return int(text)
    LOG.warning("%s=%r is not a whole number from 0 to %d; forwarded headers are not "
                "trusted", VARIABLE, text, MAX_PROXIES)
    return 0


def trust_proxies(server: Flask, count: int | None = None) -> None:
    """Make `server` read the reader's address, scheme and host from `count` proxies'
    X-Forwarded-* headers (default: DASHBOARD_PROXIES); nothing changes for 0."""
    count = proxy_count() if count is None else count
    if count:
        server.wsgi_app = ProxyFix(  # type: ignore[method-assign]
            server.wsgi_app, x_for=count, x_proto=count, x_host=count)
