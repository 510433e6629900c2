"""The HTTP layer: retries with backoff on 429/5xx, a rate limit, and errors that say where."""

from __future__ import annotations

import pytest

from dashboard.ingest.http import (
    HttpClient,
    HttpError,
    RateLimiter,
    Request,
    SourceError,
    parse_json,
)
from tests.live.conftest import Reply, json_reply


class Sleeps(list):
    """A `sleep` that records instead of waiting."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)


def test_429_then_success_backs_off_once(web) -> None:
    web.route("/data", [Reply(429, b"slow down"), json_reply({"ok": True})])
    sleeps = Sleeps()
    body = HttpClient(sleep=sleeps).fetch(Request(f"{web.base}/data"))
    assert parse_json(body, "x") == {"ok": True}
    assert sleeps == [1.0]
    assert len(web.calls("/data")) == 2


def test_retry_after_header_is_honoured(web) -> None:
    web.route("/data", [Reply(503, headers={"Retry-After": "7"}), json_reply([])])
    sleeps = Sleeps()
    HttpClient(sleep=sleeps).fetch(Request(f"{web.base}/data"))
    assert sleeps == [7.0]


def test_500_exhausts_the_retries_with_exponential_backoff(web) -> None:
    web.route("/data", Reply(500, b"internal error: database is down"))
    sleeps = Sleeps()
    with pytest.raises(HttpError) as caught:
        HttpClient(sleep=sleeps, retries=3).fetch(Request(f"{web.base}/data"))
    assert sleeps == [1.0, 2.0, 4.0]
    assert caught.value.status == 500
    message = str(caught.value)
    assert f"{web.base}/data" in message and "HTTP 500" in message
    assert "after 4 attempts" in message and "database is down" in message


def test_client_errors_are_not_retried(web) -> None:
    web.route("/data", Reply(400, b'{"title":"Bad request: no value XYZ"}'))
    sleeps = Sleeps()
    with pytest.raises(HttpError, match=r"HTTP 400.*no value XYZ"):
        HttpClient(sleep=sleeps).fetch(Request(f"{web.base}/data"))
    assert sleeps == []


def test_timeout_says_so(web) -> None:
    web.route("/slow", Reply(200, b"{}", delay=1.0))
    with pytest.raises(SourceError, match=r"timed out after 0.2 s"):
        HttpClient(timeout=0.2).fetch(Request(f"{web.base}/slow"))


def test_offline_says_so() -> None:
    # Nothing listens on port 9 of the loopback: the connection is refused at once.
    with pytest.raises(SourceError, match=r"127.0.0.1:9/x: could not be reached.*offline"):
        HttpClient().fetch(Request("http://127.0.0.1:9/x"))


def test_malformed_json_names_what_arrived() -> None:
    with pytest.raises(SourceError, match=r"http://s/x: the response is not JSON.*'<html>"):
        parse_json(b"<html><body>Maintenance</body></html>", "http://s/x")


def test_post_sends_the_body_as_json(web) -> None:
    web.route("/q", json_reply({"ok": 1}))
    HttpClient().fetch(Request(f"{web.base}/q", {"selection": [{"variableCode": "Tid"}]}))
    assert web.seen[-1].method == "POST"
    assert web.seen[-1].body == {"selection": [{"variableCode": "Tid"}]}


def test_rate_limiter_waits_only_when_the_window_is_full() -> None:
    now = [0.0]
    sleeps: list[float] = []

    def sleep(seconds: float) -> None:
        sleeps.append(seconds)
        now[0] += seconds

    limiter = RateLimiter(30, 10.0, clock=lambda: now[0], sleep=sleep)
    for _ in range(30):
        limiter.wait()
        now[0] += 0.1
    assert sleeps == []
    limiter.wait()  # the 31st call within 10 s waits until the first leaves the window
    assert sleeps == [pytest.approx(7.0)]
    now[0] += 20.0
    limiter.wait()
    assert len(sleeps) == 1


def test_request_keys_are_stable_and_distinguish_bodies() -> None:
    a = Request("http://s/x", {"b": 1, "a": 2})
    assert a.key() == Request("http://s/x", {"a": 2, "b": 1}).key()
    assert a.key() != Request("http://s/x", {"a": 3}).key() != Request("http://s/x").key()
