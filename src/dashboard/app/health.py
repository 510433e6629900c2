"""`GET /healthz`: whether this server can answer with data, for load balancers and monitors.

The check is a plain Flask route: no Dash layout or callback runs, and it reads no more
than the status callable does. 200 with {"status": "ok", "version": <data version>, ...}
while the data can be read ("degraded" when an older version is shown because the live
one cannot be read: the server still answers with data); 503 with
{"status": "unavailable", "reason": ...} when the status callable raises. Never cached.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from importlib import metadata
from typing import Any

from flask import Flask, Response

from dashboard.app.live import LiveData

PATH = "/healthz"
log = logging.getLogger(__name__)


def _app_version() -> str:
    try:
        return metadata.version("dashboard")
    except metadata.PackageNotFoundError:
        return "unknown"


def _answer(body: dict[str, Any], status: int) -> Response:
    response = Response(json.dumps(body, ensure_ascii=False, default=str) + "\n",
                        status=status, mimetype="application/json")
    response.headers["Cache-Control"] = "no-store"
    return response


def register_health(server: Flask, status: Callable[[], dict[str, Any]]) -> None:
    """Add `GET /healthz` to `server`. `status()` returns what to report (at least
    "version"; "status": "degraded" and a "reason" when an older version is shown) and
    raises when the data cannot be read; its message becomes the 503's reason."""
    app_version = _app_version()

    @server.get(PATH)
    def healthz() -> Response:
        try:
            info = status()
        except Exception as exc:  # any failure of the data source means unhealthy
            log.warning("health check failed: %s", exc)
            return _answer({"status": "unavailable", "reason": str(exc) or type(exc).__name__,
                            "app_version": app_version}, 503)
        return _answer({"status": "ok", "app_version": app_version, **info}, 200)


def live_status(live: LiveData) -> Callable[[], dict[str, Any]]:
    """The status callable for an app serving `live`: the data version shown; degraded
    when the store's live version could not be read (older data are shown); whatever
    reading the store raises (an unreachable database) makes the check fail."""

    def status() -> dict[str, Any]:
        published = live.published  # reads the store's live version when it changed
        problem = live.status
        info: dict[str, Any] = {"version": published.version or live.version}
        if problem is not None:
            info.update(status="degraded", reason=str(problem))
        return info

    return status
