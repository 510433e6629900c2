"""Behind reverse proxies: with DASHBOARD_PROXIES set, the sign-in rate limit counts each
reader's forwarded address; without it a forged X-Forwarded-For changes nothing."""

from __future__ import annotations

import logging
from pathlib import Path

import flask
import pytest

from dashboard.app.auth import AuthSettings
from dashboard.app.proxies import proxy_count, trust_proxies
from dashboard.store.dataset import Dataset
from dashboard.store.files import FileStore
from tests.app.test_auth import make_site

WRONG = "guess guess guess"


@pytest.mark.parametrize(("value", "count"), [("", 0), ("0", 0), ("1", 1), (" 2 ", 2),
                                              ("one", 0), ("-1", 0), ("9", 0)])
def test_the_number_of_proxies(value: str, count: int, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        assert proxy_count({"DASHBOARD_PROXIES": value}) == count
    warned = "forwarded headers are not trusted" in caplog.text
    assert warned == (value.strip() not in ("", "0", "1", "2"))


def attempts(dataset: Dataset, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
             proxies: str) -> list[int]:
    """Two wrong passwords from 203.0.113.9, then one from 198.51.100.7, as the proxy in
    front forwards them; the status codes."""
    monkeypatch.setenv("DASHBOARD_PROXIES", proxies)
    site = make_site(dataset, AuthSettings(secret_key="k", login_rate="2 per minute"),
                     FileStore(tmp_path))
    codes = []
    for address in ("203.0.113.9", "203.0.113.9", "198.51.100.7"):
        site.client.environ_base["HTTP_X_FORWARDED_FOR"] = address
        codes.append(site.sign_in(password=WRONG).status_code)
    return codes


def test_behind_a_trusted_proxy_each_reader_has_their_own_limit(
        dataset: Dataset, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert attempts(dataset, tmp_path, monkeypatch, "1") == [401, 401, 401]


def test_without_trust_a_forwarded_address_is_ignored(
        dataset: Dataset, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert attempts(dataset, tmp_path, monkeypatch, "") == [401, 401, 429]


def test_the_scheme_and_host_follow_the_proxy() -> None:
    server = flask.Flask(__name__)

    @server.route("/where")
    def where() -> str:
        return f"{flask.request.scheme} {flask.request.host} {flask.request.remote_addr}"

    trust_proxies(server, 1)
    headers = {"X-Forwarded-For": "203.0.113.9", "X-Forwarded-Proto": "https",
               "X-Forwarded-Host": "halsa.example.se"}
    said = server.test_client().get("/where", headers=headers).get_data(as_text=True)
    assert said == "https halsa.example.se 203.0.113.9"
