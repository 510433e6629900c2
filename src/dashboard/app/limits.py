"""The largest request the app reads, for every route (pages, callbacks, downloads, upload).

A declared length above the limit is refused with 413 before any route runs, so nothing of
the body is read; a body without a length (chunked) is read no further than the limit
(Flask's `MAX_CONTENT_LENGTH`) and refused.
The limit is DASHBOARD_MAX_REQUEST_MB megabytes (default 8), above the largest upload
(5 MB, sent base64-encoded).
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from dash import Dash
from flask import Response, abort, request

from dashboard.core.i18n import LANGUAGES, format_number
from dashboard.core.texts import t

MAX_REQUEST_VARIABLE = "DASHBOARD_MAX_REQUEST_MB"
DEFAULT_MAX_REQUEST_MB = 8.0


def max_request_bytes(env: Mapping[str, str] | None = None) -> int:
    """The configured limit in bytes; a missing, malformed or non-positive value gives 8 MB."""
    text = (os.environ if env is None else env).get(MAX_REQUEST_VARIABLE, "")
    try:
        megabytes = float(text)
    except ValueError:
        megabytes = DEFAULT_MAX_REQUEST_MB
    if not 0 < megabytes < 1e6:
        megabytes = DEFAULT_MAX_REQUEST_MB
    return int(megabytes * 2**20)


def limit_requests(app: Dash, max_bytes: int | None = None) -> None:
    """Refuse request bodies above `max_bytes` (default: the configured limit) with 413 and a
    short message in both languages."""
    server = app.server
    server.config["MAX_CONTENT_LENGTH"] = max_bytes or max_request_bytes()

    @server.before_request
    def refuse_declared() -> None:
        if (request.content_length or 0) > server.config["MAX_CONTENT_LENGTH"]:
            abort(413)

    @server.errorhandler(413)
    def too_large(_error: Exception) -> Response:
        megabytes = server.config["MAX_CONTENT_LENGTH"] / 2**20
        text = "\n".join(t("request_too_large", lang, mb=format_number(megabytes, lang, 0))
                         for lang in LANGUAGES)
        return Response(text + "\n", 413, mimetype="text/plain")
