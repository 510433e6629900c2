"""Security headers (issue 11, item 15): no framing but of embeds, a content security
policy naming the page's own inline scripts, no version banner."""

from __future__ import annotations

import http.client
import threading

import pytest
import werkzeug.serving
from werkzeug.serving import make_server

from dashboard.app.factory import create_app
from dashboard.app.headers import QuietRequestHandler, content_security_policy, inline_script_hashes


@pytest.fixture(scope="module")
def app(dataset):
    return create_app(dataset)


@pytest.fixture(scope="module")
def client(app):
    return app.server.test_client()


def directives(policy: str) -> dict[str, str]:
    return dict(part.strip().split(" ", 1) for part in policy.split(";"))


@pytest.mark.parametrize("path", ["/", "/compare?lang=en", "/_dash-layout",
                                  "/export/bars/csv", "/export/pie/png", "/no-such-page",
                                  "/assets/style.css"])
def test_every_route_but_embeds_refuses_framing(client, path) -> None:
    response = client.get(path)
    assert response.headers["X-Frame-Options"] == "DENY"
    policy = directives(response.headers["Content-Security-Policy"])
    assert policy["frame-ancestors"] == "'none'"
    assert policy["default-src"] == "'self'" and policy["object-src"] == "'none'"
    assert "Server" not in response.headers


def test_embeds_may_be_framed_anywhere(client) -> None:
    response = client.get("/embed/bars?lang=en")
    assert response.status_code == 200
    assert "X-Frame-Options" not in response.headers
    policy = directives(response.headers["Content-Security-Policy"])
    assert policy["frame-ancestors"] == "*"
    # The embed's one inline script (the plot call) is allowed by its hash, nothing else.
    hashes = inline_script_hashes(response.data.decode())
    assert len(hashes) == 1 and policy["script-src"] == "'self' " + hashes[0]


def test_page_policy_allows_exactly_dash_inline_scripts(app, client) -> None:
    response = client.get("/")
    policy = directives(response.headers["Content-Security-Policy"])
    sources = policy["script-src"].split()
    assert sources[0] == "'self'"
    assert "'unsafe-inline'" not in sources and "'unsafe-eval'" not in sources
    assert set(sources[1:]) == set(app.csp_hashes())


def test_inline_script_hashes_skip_data_external_and_commented_scripts() -> None:
    page = ('<script id="c" type="application/json">{"a": 1}</script>'
            '<script src="/x.js"></script><!--[if IE]><script>alert(1)</script><![endif]-->'
            "<script>var a = 1;</script><SCRIPT type='text/javascript'>var a = 1;</SCRIPT>")
    # sha256 of 'var a = 1;', once.
    assert inline_script_hashes(page) == ["'sha256-+dZ6udsWxNVoGfScAq7t5IIF5UJb4F6RhjbN6oe1p4w='"]
    assert "script-src 'self';" in content_security_policy(None, framed=False)


def test_serve_sends_no_version_banner(app, monkeypatch) -> None:
    seen: dict[str, object] = {}
    monkeypatch.setattr(werkzeug.serving, "run_simple",
                        lambda *args, **options: seen.update(options))
    app.run(host="127.0.0.1", port=8050)
    assert seen["request_handler"] is QuietRequestHandler

    server = make_server("127.0.0.1", 0, app.server, request_handler=QuietRequestHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        connection = http.client.HTTPConnection("127.0.0.1", server.server_port, timeout=10)
        connection.request("GET", "/assets/style.css")
        response = connection.getresponse()
        assert response.status == 200
        assert response.getheader("Server") is None
        assert response.getheader("Date") and response.getheader("X-Frame-Options") == "DENY"
    finally:
        server.shutdown()
