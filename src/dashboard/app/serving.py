"""Serve the dashboard in production (gunicorn, threaded workers) or for development.

`serve(host, port, workers=..., threads=..., dev=...)` is what `dashboard serve` runs.

Production runs gunicorn through its `BaseApplication` API with `gthread` workers. Each
worker process builds its own Dash app after the fork (no `preload_app`): nothing made by
the app - the store's files or database connections, the export renderer's event loop and
headless Chromium, LiveData's lock - is ever shared between processes, and a worker that
gunicorn recycles (`max_requests`) starts from fresh state. The cost is that each worker
reads the data itself at start; a worker that cannot read them stops the server with the
reason (gunicorn halts when a worker fails to boot).

Sizing (`worker_count`, `thread_count`): gunicorn's documentation recommends
(2 x CPU cores) + 1 workers as a starting point, since while one worker waits another
runs. Dash callbacks are mostly CPU work under the GIL, so workers, not threads, bring
parallelism; the threads (default 8) keep a worker answering scripts, pages and cached
views while some of its requests wait (on a figure renderer, a slow client, the store) -
with 4, the load benchmark's page p95 was 257 ms, with 8, 152 ms. Workers are capped at 8
so that memory (each worker holds the dataset, boundaries and its view cache: some
350-400 MB) stays bounded on large machines. DASHBOARD_WORKERS and DASHBOARD_THREADS
override the rule; the `workers`/`threads` arguments override both.

Other settings: a worker that stops answering its master for DASHBOARD_TIMEOUT seconds
(default 60; with gthread that is the worker's own loop, stuck, not one slow request) is
killed and replaced; on shutdown workers get 30 s to finish what they serve; each
worker is replaced after 50,000 requests plus a random 0-5,000 (so they do not all restart
at once) so that memory cannot creep. Scripts and revalidations count as requests too (a
page view makes some 25), and a new worker starts cold (reads the data, empty view cache),
so a lower limit would restart workers every minute or two under load.
`forwarded_allow_ips` keeps gunicorn's safe default: X-Forwarded-* headers are believed
only from 127.0.0.1 and ::1 (or what the operator sets in FORWARDED_ALLOW_IPS). gunicorn's
control socket is off, so two servers never compete for its one path.

Logs are JSON lines: one access record per request on stdout (`JsonLogger`) and the error
log on stderr. A record holds the request's method, path and query (values of
password-like query parameters masked), status, bytes sent, duration, remote address, user
agent and request id - never a request or response body, nor any other header.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import re
import sys
import uuid
from collections.abc import Callable, Iterable, Mapping
from typing import Any
from urllib.parse import parse_qsl, urlencode

from gunicorn.app.base import BaseApplication
from gunicorn.glogging import Logger

from dashboard.core.problems import DatasetError
from dashboard.ingest.boundaries import BoundaryError

WORKERS_VARIABLE = "DASHBOARD_WORKERS"
THREADS_VARIABLE = "DASHBOARD_THREADS"
TIMEOUT_VARIABLE = "DASHBOARD_TIMEOUT"
MAX_WORKERS = 8
DEFAULT_THREADS = 8
DEFAULT_TIMEOUT = 60
GRACEFUL_TIMEOUT = 30
MAX_REQUESTS = 50000
MAX_REQUESTS_JITTER = 5000
KEEPALIVE = 5
REQUEST_ID_HEADER = "X-Request-ID"
REQUEST_ID_KEY = "dashboard.request_id"
# A request id a client or proxy sends is kept only if it looks like one.
_GOOD_ID = re.compile(r"[A-Za-z0-9._-]{8,64}")
_SECRET_PARAM = re.compile(r"pass|pwd|(^|[_-])pw($|[_-])|secret|token|key|auth|session|csrf",
                           re.I)
MASK = "***"

WsgiApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


def _positive(text: str | None) -> int | None:
    """`text` as a positive integer, or None when it is missing or not one."""
    try:
        value = int(text or "")
    except ValueError:
        return None
    return value if value > 0 else None


def worker_count(requested: int | None = None, env: Mapping[str, str] | None = None,
                 cpus: int | None = None) -> int:
    """Workers to run: `requested`, else $DASHBOARD_WORKERS, else min(2 x cpus + 1, 8)."""
    env = os.environ if env is None else env
    chosen = requested if requested and requested > 0 else _positive(env.get(WORKERS_VARIABLE))
    if chosen is not None:
        return chosen
    return min(2 * (cpus or os.cpu_count() or 1) + 1, MAX_WORKERS)


def thread_count(requested: int | None = None, env: Mapping[str, str] | None = None) -> int:
    """Threads per worker: `requested`, else $DASHBOARD_THREADS, else 4."""
    env = os.environ if env is None else env
    chosen = requested if requested and requested > 0 else _positive(env.get(THREADS_VARIABLE))
    return chosen or DEFAULT_THREADS


def masked_query(query: str) -> str:
    """The query string with the values of password-, token- or key-like parameters masked."""
    if not query:
        return ""
    pairs = parse_qsl(query, keep_blank_values=True)
    if not any(_SECRET_PARAM.search(name) for name, _ in pairs):
        return query
    return urlencode([(name, MASK if _SECRET_PARAM.search(name) else value)
                      for name, value in pairs], safe="*")


class RequestIds:
    """WSGI middleware giving each request an id: the client's X-Request-ID when it looks
    like one (a proxy's), else a new one; sent back in the response's X-Request-ID."""

    def __init__(self, app: WsgiApp) -> None:
        self.app = app

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]
                 ) -> Iterable[bytes]:
        given = environ.get("HTTP_X_REQUEST_ID", "")
        request_id = given if _GOOD_ID.fullmatch(given) else uuid.uuid4().hex
        environ[REQUEST_ID_KEY] = request_id

        def start(status: str, headers: list[tuple[str, str]], *exc: Any) -> Any:
            headers = [(k, v) for k, v in headers if k.lower() != "x-request-id"]
            headers.append((REQUEST_ID_HEADER, request_id))
            return start_response(status, headers, *exc)

        return self.app(environ, start)


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")


class JsonFormatter(logging.Formatter):
    """Error-log records as one JSON object a line (time, level, pid, logger, message)."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": dt.datetime.fromtimestamp(record.created, dt.UTC)
            .isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(), "pid": record.process,
            "logger": record.name, "message": record.getMessage()}
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


def access_record(status: str | int, environ: Mapping[str, Any], sent: int | None,
                  duration: dt.timedelta) -> dict[str, Any]:
    """The access-log fields of one request; bodies and headers other than the user agent
    never enter it."""
    code = str(status).split(None, 1)[0]
    return {
        "time": _now(),
        "type": "access",
        "method": environ.get("REQUEST_METHOD", ""),
        "path": environ.get("PATH_INFO", ""),
        "query": masked_query(environ.get("QUERY_STRING", "")),
        "status": int(code) if code.isdigit() else code,
        "bytes": sent or 0,
        "duration_ms": round(duration.total_seconds() * 1000, 1),
        "remote_addr": environ.get("REMOTE_ADDR", ""),
        "user_agent": environ.get("HTTP_USER_AGENT", ""),
        "request_id": environ.get(REQUEST_ID_KEY, ""),
    }


class JsonLogger(Logger):
    """gunicorn's logger writing JSON lines: access records to stdout, errors to stderr."""

    def setup(self, cfg: Any) -> None:
        super().setup(cfg)
        for handler in self.error_log.handlers:
            handler.setFormatter(JsonFormatter())

    def access(self, resp: Any, req: Any, environ: dict[str, Any],
               request_time: dt.timedelta) -> None:
        if not self.access_log_enabled:
            return
        record = access_record(resp.status, environ, getattr(resp, "sent", None), request_time)
        self.access_log.info(json.dumps(record, ensure_ascii=False))


def _json_root_logging() -> None:
    """The app's own log records (`dashboard.*`, Flask's) as JSON lines on stderr."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.INFO)


def build_wsgi() -> WsgiApp:
    """The app on the configured data, as a WSGI callable with request ids (run in each
    worker); a data problem is printed plainly and stops the worker."""
    from dashboard.app.factory import app_from_settings

    _json_root_logging()
    try:
        app = app_from_settings()
    except (DatasetError, BoundaryError) as exc:
        print(f"dashboard: cannot start: {exc}", file=sys.stderr, flush=True)
        raise
    return RequestIds(app.server)


class DashboardServer(BaseApplication):
    """gunicorn running `factory()` in each gthread worker with the given settings."""

    def __init__(self, factory: Callable[[], WsgiApp], options: Mapping[str, Any]) -> None:
        self._factory = factory
        self._options = dict(options)
        super().__init__()

    def load_config(self) -> None:
        assert self.cfg is not None
        for name, value in self._options.items():
            self.cfg.set(name, value)

    def load(self) -> WsgiApp:
        return self._factory()


def gunicorn_options(host: str, port: int, workers: int | None = None,
                     threads: int | None = None) -> dict[str, Any]:
    """The gunicorn settings `serve` uses (see the module's text for the reasons)."""
    timeout = _positive(os.environ.get(TIMEOUT_VARIABLE)) or DEFAULT_TIMEOUT
    options: dict[str, Any] = {
        "bind": [f"[{host}]:{port}" if ":" in host else f"{host}:{port}"],
        "workers": worker_count(workers),
        "threads": thread_count(threads),
        "worker_class": "gthread",
        "preload_app": False,
        "timeout": timeout,
        "graceful_timeout": GRACEFUL_TIMEOUT,
        "keepalive": KEEPALIVE,
        "max_requests": MAX_REQUESTS,
        "max_requests_jitter": MAX_REQUESTS_JITTER,
        "accesslog": "-",
        "errorlog": "-",
        "logger_class": JsonLogger,
        "proc_name": "dashboard",
        "control_socket_disable": True,
    }
    if os.path.isdir("/dev/shm"):
        # Heartbeat files in memory: a worker is not judged dead because a disk is slow.
        options["worker_tmp_dir"] = "/dev/shm"
    return options


def _run_development(host: str, port: int, debug: bool) -> int:
    from dashboard.app.factory import app_from_settings

    try:
        app = app_from_settings()
    except (DatasetError, BoundaryError) as exc:
        print(f"dashboard: cannot start: {exc}", file=sys.stderr)
        return 2
    print(f"Serving the Malmö health-gap dashboard (development server) at "
          f"http://{host}:{port}/", flush=True)
    app.run(host=host, port=port, debug=debug)
    return 0


def serve(host: str, port: int, *, workers: int | None, threads: int | None, dev: bool,
          debug: bool = False) -> int:
    """Serve until stopped; the exit status. `dev`: Flask's development server (with
    `debug`, its reloader and debugger); else gunicorn as described above."""
    if dev:
        return _run_development(host, port, debug)
    options = gunicorn_options(host, port, workers, threads)
    print(f"Serving the Malmö health-gap dashboard at http://{host}:{port}/ "
          f"({options['workers']} workers x {options['threads']} threads)", flush=True)
    try:
        DashboardServer(build_wsgi, options).run()
    except SystemExit as stop:
        code = stop.code
        return code if isinstance(code, int) else (0 if code is None else 1)
    return 0
