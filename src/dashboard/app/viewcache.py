"""Computed views kept for the next reader: the answer to a Dash callback, a download or an
embed depends only on its request, the day and the data version, so the public's answers
are cached under them.

The cache is shared by every worker and server when Redis is configured
(DASHBOARD_REDIS_URL), else it is a bounded cache in each process. An answer is keyed by
the live data version, so a newly published version is never answered from the old one's
entries; those are deleted when the app sees the version change (`forget`). Answers for a
signed-in account or a previewed draft are never cached: they are not the public's.
"""

from __future__ import annotations

import hashlib
import logging
import os
import threading
from collections import OrderedDict
from collections.abc import Callable
from datetime import date
from typing import Protocol

import flask

log = logging.getLogger(__name__)

CALLBACK_PATH = "/_dash-update-component"
GET_PREFIXES = ("/export/", "/embed/")
MEMORY_BYTES = 64 * 2**20
REDIS_PREFIX = "dashboard:view:"
REDIS_SECONDS = 24 * 3600
_KEY = "view_cache_key"
SETTINGS_PREFIX = "DASHBOARD_"
# How long a request waits for the same answer being computed by another (s).
FLIGHT_SECONDS = 30.0


class ViewCache(Protocol):
    """Answers by (version, key); `forget` drops every answer of a version."""

    def get(self, version: str, key: str) -> bytes | None:
        """The cached answer, or None."""

    def put(self, version: str, key: str, answer: bytes) -> None:
        """Keep an answer."""

    def forget(self, version: str) -> None:
        """Drop every answer of `version`."""


class MemoryCache:
    """Least recently used answers of this process, up to `limit` bytes in all."""

    def __init__(self, limit: int = MEMORY_BYTES):
        self.limit = limit
        self._items: OrderedDict[tuple[str, str], bytes] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()

    def get(self, version: str, key: str) -> bytes | None:
        with self._lock:
            answer = self._items.get((version, key))
            if answer is not None:
                self._items.move_to_end((version, key))
            return answer

    def put(self, version: str, key: str, answer: bytes) -> None:
        if len(answer) > self.limit:
            return
        with self._lock:
            old = self._items.pop((version, key), None)
            self._size += len(answer) - (len(old) if old is not None else 0)
            self._items[(version, key)] = answer
            while self._size > self.limit:
                _, dropped = self._items.popitem(last=False)
                self._size -= len(dropped)

    def forget(self, version: str) -> None:
        with self._lock:
            for item in [k for k in self._items if k[0] == version]:
                self._size -= len(self._items.pop(item))


class RedisCache:
    """Answers in Redis, shared by every worker and server, each kept for a day at most.
    A Redis that cannot be reached costs a logged warning, never an answer."""

    def __init__(self, url: str):
        import redis

        self._redis = redis.Redis.from_url(url, socket_timeout=0.5, socket_connect_timeout=0.5)
        self._errors = redis.RedisError

    def get(self, version: str, key: str) -> bytes | None:
        try:
            answer = self._redis.get(f"{REDIS_PREFIX}{version}:{key}")
        except self._errors as error:
            log.warning("view cache: Redis unavailable, answering without it (%s)", error)
            return None
        return answer if isinstance(answer, bytes) else None

    def put(self, version: str, key: str, answer: bytes) -> None:
        try:
            self._redis.set(f"{REDIS_PREFIX}{version}:{key}", answer, ex=REDIS_SECONDS)
        except self._errors as error:
            log.warning("view cache: Redis unavailable, answer not kept (%s)", error)

    def forget(self, version: str) -> None:
        try:
            keys = list(self._redis.scan_iter(match=f"{REDIS_PREFIX}{version}:*", count=500))
            if keys:
                self._redis.delete(*keys)
        except self._errors as error:
            log.warning("view cache: Redis unavailable, old answers expire by themselves (%s)",
                        error)


def make_cache(redis_url: str | None) -> ViewCache:
    """Redis when an address is configured, else this process's memory."""
    return RedisCache(redis_url) if redis_url else MemoryCache()


def cacheable(method: str, path: str) -> bool:
    """Whether a request's answer is a computed view: a callback, a download, an embed."""
    return (method == "POST" and path == CALLBACK_PATH) or \
        (method == "GET" and path.startswith(GET_PREFIXES))


def request_key(base_url: str) -> str:
    """The key of this request: its method, address and body, the address links are made
    with, the day (downloads carry the date) and the dashboard's settings (DASHBOARD_*
    variables, such as the accessibility contact)."""
    request = flask.request
    digest = hashlib.sha256(f"{request.method} {request.full_path}\0{base_url}\0"
                            f"{date.today().isoformat()}".encode())
    for name, value in sorted(os.environ.items()):
        if name.startswith(SETTINGS_PREFIX):
            digest.update(f"\0{name}={value}".encode())
    digest.update(b"\0")
    digest.update(request.get_data(cache=True))
    return digest.hexdigest()


def packed(response: flask.Response) -> bytes:
    """A response as cached: its content type and download name, then its body."""
    head = [response.content_type or "", response.headers.get("Content-Disposition", "")]
    return "\n".join(head).encode() + b"\n" + response.get_data()


def unpacked(answer: bytes) -> flask.Response:
    """The response a cached answer was made from."""
    content_type, disposition, body = answer.split(b"\n", 2)
    response = flask.Response(body, content_type=content_type.decode())
    if disposition:
        response.headers["Content-Disposition"] = disposition.decode()
    return response


class Flights:
    """Requests for the same answer made at once in this process: the first computes it,
    the others wait for it (up to `wait` s) instead of computing it again."""

    def __init__(self, wait: float = FLIGHT_SECONDS):
        self.wait = wait
        self._running: dict[tuple[str, str], threading.Event] = {}
        self._lock = threading.Lock()

    def join(self, key: tuple[str, str]) -> threading.Event | None:
        """None when this request leads (it computes), else the event to wait for."""
        with self._lock:
            running = self._running.get(key)
            if running is None:
                self._running[key] = threading.Event()
            return running

    def land(self, key: tuple[str, str]) -> None:
        """The leader is done (answered, failed or not cached): release those waiting."""
        with self._lock:
            done = self._running.pop(key, None)
        if done is not None:
            done.set()


def register_view_cache(server: flask.Flask, cache: ViewCache,
                        version: Callable[[], str | None], public: Callable[[], bool],
                        base_url: Callable[[], str]) -> None:
    """Answer the public's callbacks, downloads and embeds from `cache` when the same
    request was answered for the same data `version`; `public` says whether this request is
    the public's. The same request arriving while it is computed waits for that answer."""
    flights = Flights()

    def key() -> tuple[str, str] | None:
        if not cacheable(flask.request.method, flask.request.path):
            return None
        shown = version()
        if shown is None or not public():
            return None
        return shown, request_key(base_url())

    @server.before_request
    def answer_from_cache() -> flask.Response | None:
        found = key()
        if found is None:
            return None
        answer = cache.get(*found)
        if answer is None:
            running = flights.join(found)
            if running is None:
                setattr(flask.g, _KEY, found)
                return None
            running.wait(flights.wait)
            answer = cache.get(*found)
        return None if answer is None else unpacked(answer)

    @server.after_request
    def keep(response: flask.Response) -> flask.Response:
        found = flask.g.get(_KEY)
        if found is not None and response.status_code == 200 \
                and not response.direct_passthrough:
            shown, request = found
            cache.put(shown, request, packed(response))
        return response

    @server.teardown_request
    def release(_error: BaseException | None) -> None:
        found = flask.g.pop(_KEY, None)
        if found is not None:
            flights.land(found)
