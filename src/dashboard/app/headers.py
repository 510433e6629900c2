"""Security headers on every response, and no version banner from the server.

Every page gets a content security policy that allows only this server's own scripts,
styles, images and requests; the few inline scripts a page holds (Dash's start-up script,
an embed's plot call) are allowed by their SHA-256 hash, computed from the page itself.
Plotly styles its charts with inline styles, so styles may be inline. Every route may be
framed by no one (`X-Frame-Options: DENY`, `frame-ancestors 'none'`) except `/embed/...`,
which exists to be framed by any site. No response names a server version: `dashboard
serve --dev` (werkzeug) sends no `Server` header, gunicorn sends `Server: gunicorn` only.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import re

from dash import Dash
from flask import Response, request
from werkzeug.serving import WSGIRequestHandler

EMBED_PREFIX = "/embed/"
# The policy's fixed part; script-src gains the hashes of a page's inline scripts.
POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self' 'unsafe-inline'",
    "img-src": "'self' data: blob:",
    "font-src": "'self' data:",
    "connect-src": "'self'",
    "worker-src": "'self' blob:",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
}
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script\s*>", re.S | re.I)
_TYPE = re.compile(r"""\btype\s*=\s*["']?(?P<type>[^"'\s>]+)""", re.I)
_SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}


def inline_script_hashes(page: str) -> list[str]:
    """CSP sources ('sha256-...') of the inline scripts a browser would run in `page`."""
    hashes = []
    for script in _SCRIPT.finditer(_COMMENT.sub("", page)):
        attrs = script["attrs"]
        kind = _TYPE.search(attrs)
        if re.search(r"\bsrc\s*=", attrs, re.I) or \
                (kind is not None and kind["type"].lower() not in _SCRIPT_TYPES):
            continue
        digest = hashlib.sha256(script["body"].encode("utf-8")).digest()
        hashes.append(f"'sha256-{base64.b64encode(digest).decode('ascii')}'")
    return list(dict.fromkeys(hashes))


def content_security_policy(page: str | None, *, framed: bool) -> str:
    """The policy for a response (`page`: its HTML, if it is a page); `framed`: whether
    any site may show it in a frame."""
    policy = dict(POLICY)
    if page is not None:
        policy["script-src"] = " ".join([policy["script-src"], *inline_script_hashes(page)])
    policy["frame-ancestors"] = "*" if framed else "'none'"
    return "; ".join(f"{name} {value}" for name, value in policy.items())


def secure(response: Response) -> Response:
    """Add the security headers to a response of the current request."""
    framed = request.path.startswith(EMBED_PREFIX)
    page = None
    if response.mimetype == "text/html" and not response.direct_passthrough:
        page = response.get_data(as_text=True)
    response.headers["Content-Security-Policy"] = content_security_policy(page, framed=framed)
    if not framed:
        response.headers["X-Frame-Options"] = "DENY"
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    response.headers.pop("Server", None)
    return response


class QuietRequestHandler(WSGIRequestHandler):
    """werkzeug's request handler without the `Server: Werkzeug/x Python/y` header."""

    def send_response(self, code: int, message: str | None = None) -> None:
        self.log_request(code)
        self.send_response_only(code, message)
        self.send_header("Date", self.date_time_string())


def register_headers(app: Dash) -> None:
    """Send the security headers on every response of `app`; its development server
    (`app.run`, `dashboard serve`) sends no version banner."""
    server = app.server
    server.after_request(secure)
    run = server.run
    server.run = functools.partial(  # type: ignore[method-assign]
        run, request_handler=QuietRequestHandler)
