"""HTTP for the connectors: urllib with a timeout, retries and a rate limit, and plain errors.

Every failure says what failed and where: the URL, the HTTP status with the start of the
server's explanation, "could not be reached" when offline, "timed out" when the server is
slow, "is not JSON" when a page arrives instead of data. Status 429 (too many requests) and
5xx (server trouble) are retried with exponential backoff, honouring a numeric `Retry-After`;
other statuses are answers and are not retried. Waiting goes through an injectable `sleep`
(and the rate limiter through an injectable clock) so tests never wait.
"""

from __future__ import annotations

import hashlib
import json
import time
import urllib.error
import urllib.request
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

DEFAULT_TIMEOUT = 30.0
DEFAULT_RETRIES = 4
DEFAULT_BACKOFF = 1.0
MAX_WAIT = 60.0
USER_AGENT = "malmo-health-gaps-dashboard/0.1 (dashboard ingest)"
EXPLANATION_CHARS = 300


class SourceError(RuntimeError):
    """A source that could not deliver usable data: where (URL or file) and why."""

    def __init__(self, where: str, message: str):
        self.where = where
        self.message = message
        super().__init__(f"{where}: {message}")


class HttpError(SourceError):
    """The server answered with an error status (after any retries)."""

    def __init__(self, where: str, status: int, message: str):
        self.status = status
        super().__init__(where, message)


@dataclass(frozen=True)
class Request:
    """One call: a GET of `url`, or a POST of `body` as JSON when a body is given."""

    url: str
    body: Mapping[str, Any] | None = field(default=None, hash=False)

    @property
    def method(self) -> str:
        return "GET" if self.body is None else "POST"

    def body_bytes(self) -> bytes | None:
        if self.body is None:
            return None
        return json.dumps(self.body, ensure_ascii=False, sort_keys=True).encode("utf-8")

    def key(self) -> str:
        """A stable name for this exact request (method, URL and body)."""
        digest = hashlib.sha256(f"{self.method} {self.url}\n".encode())
        digest.update(self.body_bytes() or b"")
        return digest.hexdigest()[:20]


class RateLimiter:
    """At most `calls` calls in any `period` seconds: waits before a call that would exceed it."""

    def __init__(self, calls: int, period: float, *,
                 clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep):
        self.calls = calls
        self.period = period
        self.clock = clock
        self.sleep = sleep
        self._times: deque[float] = deque()

    def wait(self) -> None:
        now = self.clock()
        while self._times and now - self._times[0] >= self.period:
            self._times.popleft()
        if len(self._times) >= self.calls:
            self.sleep(self.period - (now - self._times[0]))
            self._times.popleft()
            now = self.clock()
        self._times.append(now)


def _explanation(error: urllib.error.HTTPError) -> str:
    try:
        text = error.read().decode("utf-8", errors="replace").strip()
    except OSError:
        return ""
    return " ".join(text.split())[:EXPLANATION_CHARS]


def _retry_after(error: urllib.error.HTTPError) -> float | None:
    value = error.headers.get("Retry-After", "") if error.headers else ""
    try:
        return max(0.0, float(value))
    except (TypeError, ValueError):
        return None


def _timed_out(timeout: float) -> str:
    return f"timed out after {timeout:g} s without an answer; try again later"


class HttpClient:
    """Fetches requests with a timeout, retries on 429/5xx and an optional rate limiter."""

    def __init__(self, *, timeout: float = DEFAULT_TIMEOUT, retries: int = DEFAULT_RETRIES,
                 backoff: float = DEFAULT_BACKOFF, sleep: Callable[[float], None] = time.sleep,
                 limiter: RateLimiter | None = None):
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self.sleep = sleep
        self.limiter = limiter

    def _open(self, request: Request) -> bytes:
        headers = {"User-Agent": USER_AGENT, "Accept": "application/json"}
        data = request.body_bytes()
        if data is not None:
            headers["Content-Type"] = "application/json; charset=utf-8"
        prepared = urllib.request.Request(request.url, data=data, headers=headers,
                                          method=request.method)
        with urllib.request.urlopen(prepared, timeout=self.timeout) as response:
            return response.read()

    def fetch(self, request: Request) -> bytes:
        """The response body, or SourceError/HttpError saying what went wrong."""
        url = request.url
        attempt = 0
        while True:
            if self.limiter is not None:
                self.limiter.wait()
            try:
                return self._open(request)
            except urllib.error.HTTPError as error:
                retryable = error.code == 429 or 500 <= error.code <= 599
                if retryable and attempt < self.retries:
                    delay = _retry_after(error)
                    if delay is None:
                        delay = self.backoff * 2 ** attempt
                    self.sleep(min(delay, MAX_WAIT))
                    attempt += 1
                    continue
                detail = _explanation(error)
                tries = f" after {attempt + 1} attempts" if retryable else ""
                raise HttpError(url, error.code,
                                f"the server answered HTTP {error.code} ({error.reason}){tries}"
                                + (f": {detail}" if detail else "")) from error
            except TimeoutError as error:
                raise SourceError(url, _timed_out(self.timeout)) from error
            except urllib.error.URLError as error:
                if isinstance(error.reason, TimeoutError):
                    raise SourceError(url, _timed_out(self.timeout)) from error
                raise SourceError(url, "could not be reached; this machine seems to be "
                                       f"offline or the host is blocked ({error.reason})"
                                  ) from error
            except OSError as error:
                raise SourceError(url, f"the connection failed ({error})") from error


def parse_json(body: bytes, where: str) -> Any:
    """Decode a JSON response, or SourceError naming where and what arrived instead."""
    try:
        return json.loads(body.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        raise SourceError(where, f"the response is not UTF-8 text ({error})") from error
    except json.JSONDecodeError as error:
        start = " ".join(body[:80].decode("utf-8", errors="replace").split())
        raise SourceError(where, f"the response is not JSON ({error.msg} at line "
                                 f"{error.lineno} column {error.colno}); it starts "
                                 f"{start!r}") from error
