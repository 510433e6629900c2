"""The production server (issue 14): gunicorn with JSON access logs, /healthz, compressed
and cacheable scripts, no request body in any log; `dev=True` runs the development server."""

from __future__ import annotations

import gzip
import http.client
import json
import os
import re
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import brotli
import pytest

from dashboard.app.serving import masked_query, thread_count, worker_count
from dashboard.export.renderer import available
from tests.dash_requests import navigate_body
from tests.tree import free_port

START_TIMEOUT = 90.0



@dataclass
class Server:
    port: int
    process: subprocess.Popen[bytes]
    out: Path
    err: Path

    def request(self, method: str, path: str, body: bytes | None = None,
                headers: dict[str, str] | None = None) -> tuple[Any, bytes]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        try:
            conn.request(method, path, body=body, headers=headers or {})
            response = conn.getresponse()
            return response, response.read()
        finally:
            conn.close()

    def logs(self) -> str:
        return self.out.read_text(errors="replace") + self.err.read_text(errors="replace")


def start(tmp: Path, mode: str, env: dict[str, str] | None = None) -> Server:
    port = free_port()
    out, err = tmp / f"{mode}.out", tmp / f"{mode}.err"
    environment = {**os.environ, "DASHBOARD_HOME": str(tmp / "home"),
                   "DASHBOARD_WORKERS": "2", "DASHBOARD_THREADS": "2",
                   "DASHBOARD_RUNTIME_DIR": str(tmp / "run"), **(env or {})}
    with out.open("wb") as stdout, err.open("wb") as stderr:
        process = subprocess.Popen(
            [sys.executable, "-m", "dashboard", "serve", "--host", "127.0.0.1",
             "--port", str(port), *(["--dev"] if mode == "dev" else [])],
            stdout=stdout, stderr=stderr, env=environment)
    return Server(port, process, out, err)


def wait_ready(server: Server) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            pytest.fail(f"the server stopped: {server.logs()[-2000:]}")
        try:
            response, _ = server.request("GET", "/")
            if response.status == 200:
                return
        except OSError:
            time.sleep(0.3)
    pytest.fail(f"the server did not answer within {START_TIMEOUT:g} s")


def stop(server: Server) -> None:
    server.process.terminate()
    try:
        server.process.wait(35)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait(10)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    running = start(tmp_path_factory.mktemp("serve"), "prod")
    try:
        wait_ready(running)
        yield running
    finally:
        stop(running)


def access_lines(server: Server) -> list[dict[str, Any]]:
    lines = []
    for line in server.out.read_text(errors="replace").splitlines():
        if line.startswith("{"):
            entry = json.loads(line)
            if entry.get("type") == "access":
                lines.append(entry)
    return lines


def logged(server: Server, path: str, query: str | None = None) -> dict[str, Any]:
    """The access record of the (last) request for `path` (with `query`, if given), once
    it has been written."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        found = [e for e in access_lines(server)
                 if e["path"] == path and (query is None or e["query"] == query)]
        if found:
            return found[-1]
        time.sleep(0.1)
    raise AssertionError(f"no access record of {path}")


def script(server: Server, name: str) -> str:
    _, page = server.request("GET", "/")
    return next(src for src in re.findall(r'src="([^"]+)"', page.decode()) if name in src)


def test_healthz_answers_ok_json_never_cached(server) -> None:
    response, body = server.request("GET", "/healthz")
    assert response.status == 200
    assert response.getheader("Content-Type") == "application/json"
    assert response.getheader("Cache-Control") == "no-store"
    info = json.loads(body)
    assert info["status"] == "ok" and "version" in info


@pytest.mark.parametrize("encoding", ["br", "gzip"])
def test_a_dash_script_is_compressed_when_asked(server, encoding) -> None:
    path = script(server, "dash_renderer")
    _, plain = server.request("GET", path)
    response, packed = server.request("GET", path, headers={"Accept-Encoding": encoding})
    assert response.status == 200
    assert response.getheader("Content-Encoding") == encoding
    assert len(packed) < len(plain) / 3
    unpack = brotli.decompress if encoding == "br" else gzip.decompress
    assert unpack(packed) == plain


def test_fingerprinted_scripts_are_cached_for_a_year_pages_never(server) -> None:
    response, _ = server.request("GET", script(server, "dash_renderer"))
    cache = response.getheader("Cache-Control")
    assert "max-age=31536000" in cache and "immutable" in cache
    page, _ = server.request("GET", "/")
    assert page.getheader("Cache-Control") == "no-store"
    asset, _ = server.request("GET", "/assets/style.css")
    assert asset.getheader("Cache-Control") == "no-cache" and asset.getheader("ETag")


def test_callback_answers_compressed_and_intact(server, dataset) -> None:
    from dashboard.app.factory import create_app

    body = json.dumps(navigate_body(create_app(dataset), "/compare", "ind=ohalsotal")).encode()
    headers = {"Content-Type": "application/json", "Accept-Encoding": "br"}
    response, packed = server.request("POST", "/_dash-update-component", body, headers)
    assert response.status == 200, packed[:300]
    assert response.getheader("Content-Encoding") == "br"
    assert response.getheader("Cache-Control") == "no-store"
    assert "response" in json.loads(brotli.decompress(packed))


def test_csv_download_compressed_zip_left_alone(server) -> None:
    response, packed = server.request("GET", "/export/bars/csv?lang=en&full=1",
                                      headers={"Accept-Encoding": "gzip"})
    assert response.status == 200 and response.getheader("Content-Encoding") == "gzip"
    assert b"," in gzip.decompress(packed)
    response, archive = server.request("GET", "/export/bars/zip?lang=en",
                                       headers={"Accept-Encoding": "gzip, br"})
    assert response.status == 200 and response.getheader("Content-Encoding") is None
    assert archive.startswith(b"PK")


@pytest.mark.skipif(not available(), reason="needs a Chromium")
def test_png_downloads_from_every_worker_are_sent_as_they_are(server) -> None:
    answers: list[tuple[int, str | None, bytes]] = []

    def download() -> None:
        response, body = server.request("GET", "/export/bars/png?lang=en",
                                        headers={"Accept-Encoding": "gzip, br"})
        answers.append((response.status, response.getheader("Content-Encoding"), body))

    threads = [threading.Thread(target=download) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert len(answers) == 4
    for status, encoding, body in answers:
        assert status == 200 and encoding is None and body.startswith(b"\x89PNG")


def test_every_request_is_one_json_access_line(server) -> None:
    marker = uuid.uuid4().hex
    response, _ = server.request("GET", f"/no-such-page-{marker}?lang=en",
                                 headers={"User-Agent": "serving-test", "X-Request-ID": marker})
    entry = logged(server, f"/no-such-page-{marker}")
    assert entry["method"] == "GET" and entry["status"] == response.status
    assert entry["query"] == "lang=en" and entry["user_agent"] == "serving-test"
    assert entry["request_id"] == marker == response.getheader("X-Request-ID")
    assert isinstance(entry["duration_ms"], float) and entry["bytes"] > 0


def test_passwords_never_reach_the_logs(server) -> None:
    secret = f"pw-{uuid.uuid4().hex}"
    form = f"username=ann&password={secret}".encode()
    for path in ("/", "/_dash-update-component", "/login"):
        server.request("POST", path, form,
                       {"Content-Type": "application/x-www-form-urlencoded"})
    server.request("GET", f"/healthz?password={secret}")
    logged(server, "/login")
    logged(server, "/healthz", query="password=***")
    assert secret not in server.logs()


def test_dev_runs_the_development_server(tmp_path) -> None:
    dev = start(tmp_path, "dev")
    try:
        wait_ready(dev)
        response, _ = dev.request("GET", "/")
        assert response.getheader("Server") is None
        assert "development server" in dev.out.read_text()
        assert "gunicorn" not in dev.logs()
    finally:
        stop(dev)


def test_unreadable_data_stop_the_server_with_the_reason(tmp_path) -> None:
    broken = start(tmp_path, "prod", {"DASHBOARD_DATA": str(tmp_path / "no-such-dataset")})
    try:
        code = broken.process.wait(START_TIMEOUT)
    finally:
        stop(broken)
    assert code != 0
    assert "cannot start" in broken.logs() and "no-such-dataset" in broken.logs()


def test_worker_and_thread_counts_follow_options_then_environment() -> None:
    assert worker_count(cpus=2, env={}) == 5
    assert worker_count(cpus=64, env={}) == 8
    assert worker_count(cpus=2, env={"DASHBOARD_WORKERS": "3"}) == 3
    assert worker_count(7, env={"DASHBOARD_WORKERS": "3"}) == 7
    assert worker_count(cpus=2, env={"DASHBOARD_WORKERS": "many"}) == 5
    assert worker_count(cpus=1, env={"DASHBOARD_WORKERS": "-2"}) == 3
    assert thread_count(env={}) == 8 and thread_count(env={"DASHBOARD_THREADS": "16"}) == 16
    assert thread_count(2, env={"DASHBOARD_THREADS": "16"}) == 2


def test_password_like_query_values_are_masked() -> None:
    assert masked_query("lang=en&ind=x") == "lang=en&ind=x"
    assert masked_query("user=a&password=b&api_key=c&pw=d") == \
        "user=a&password=***&api_key=***&pw=***"
    assert masked_query("") == ""
