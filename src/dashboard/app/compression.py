"""Compressed responses and the caching headers each kind of response gets.

`enable_compression(server)` compresses text responses (HTML, JavaScript, CSS, JSON -
Dash's callback answers and `dcc.Download` contents among them - SVG and CSV) of at least
`MIN_SIZE` bytes with brotli or gzip, whichever the client prefers among those it accepts.
Files that are compressed already (PNG, PDF, ZIP, XLSX) are sent as they are. The
compressed form of Dash's component scripts (plotly.min.js is 4.6 MB) is kept per worker,
so each is compressed once, not on every page load.

Caching, set before compressing:
- fingerprinted scripts (`/_dash-component-suites/...v1_2_3m456.js`, whose address changes
  with their content) and Dash's favicon (`/_favicon.ico?v=<Dash version>`): public, one
  year, immutable;
- scripts without a fingerprint and `/assets/`: `no-cache` - kept, but revalidated with
  their ETag / Last-Modified on every use;
- everything else (pages, `/_dash-layout`, callbacks, downloads, embeds): `no-store`, as it
  depends on the data version and the request.

The compression runs after every other `after_request` function of the server (in Flask
the first registered runs last), so the security headers still read the page's HTML.
"""

from __future__ import annotations

import threading

from flask import Flask, Request, Response, request
from flask_compress import Compress

MIN_SIZE = 1024
MIMETYPES = ["text/html", "text/css", "text/javascript", "application/javascript",
             "application/json", "image/svg+xml", "text/csv", "text/plain"]
ALGORITHMS = ["br", "gzip"]
BROTLI_QUALITY = 5
GZIP_LEVEL = 6
SUITES = "/_dash-component-suites/"
FAVICON = "/_favicon.ico"
ASSETS = "/assets/"
YEAR = 31536000
IMMUTABLE = f"public, max-age={YEAR}, immutable"


class SuiteCache:
    """The compressed bodies of Dash's component scripts, by encoding and path; other
    responses (pages, callbacks) are never kept. Scripts cannot change while the server
    runs (they are files of installed packages), so entries never go stale."""

    def __init__(self) -> None:
        self._data: dict[str, bytes] = {}
        self._lock = threading.Lock()

    def get(self, key: str) -> bytes | None:
        with self._lock:
            return self._data.get(key)

    def set(self, key: str, value: bytes) -> None:
        if SUITES in key:
            with self._lock:
                self._data[key] = value


def _cache_key(req: Request) -> str:
    """A key for the cache: the path of a component script, else a key it never stores."""
    return req.path if req.path.startswith(SUITES) else "-"


def cache_headers(response: Response) -> Response:
    """Set Cache-Control by the kind of response (see the module's text)."""
    path = request.path
    if path.startswith(SUITES) and response.status_code in (200, 304):
        if response.cache_control.max_age == YEAR:
            response.headers["Cache-Control"] = IMMUTABLE
        else:
            response.headers["Cache-Control"] = "no-cache"
    elif path == FAVICON and request.args.get("v") and response.status_code == 200:
        response.headers["Cache-Control"] = IMMUTABLE
    elif path.startswith(ASSETS) and response.status_code in (200, 304):
        response.headers["Cache-Control"] = "no-cache"
        if response.is_streamed and response.status_code == 200:
            # Read the (small) file now, so that gzip, which flask-compress does not
            # stream, is offered too.
            response.direct_passthrough = False
            response.make_sequence()
    else:
        response.headers["Cache-Control"] = "no-store"
    return response


def enable_compression(server: Flask) -> Compress:
    """Compress `server`'s text responses with brotli or gzip and set caching headers."""
    server.config.update(
        COMPRESS_MIMETYPES=MIMETYPES,
        COMPRESS_ALGORITHM=ALGORITHMS,
        COMPRESS_ALGORITHM_STREAMING=["br", "deflate"],
        COMPRESS_MIN_SIZE=MIN_SIZE,
        COMPRESS_BR_LEVEL=BROTLI_QUALITY,
        COMPRESS_LEVEL=GZIP_LEVEL,
        COMPRESS_CACHE_BACKEND=SuiteCache,
        COMPRESS_CACHE_KEY=_cache_key,
        COMPRESS_REGISTER=False,
    )
    compress = Compress()
    compress.init_app(server)
    # Flask runs after_request functions last-registered first: put these at the front
    # so they run after all others (the CSP reads the uncompressed page).
    funcs = server.after_request_funcs.setdefault(None, [])
    funcs.insert(0, compress.after_request)
    funcs.insert(1, cache_headers)
    return compress
