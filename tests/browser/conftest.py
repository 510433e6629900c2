"""A real server on 127.0.0.1 and Debian's headless chromium driven by Playwright."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest
from werkzeug.serving import make_server

from dashboard.app.factory import create_app
from dashboard.core.geometry import ShapeSet

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--disable-quic"]


def serve(dash_app) -> tuple[str, object]:
    server = make_server("127.0.0.1", 0, dash_app.server, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_port}", server


@pytest.fixture(scope="session")
def browser():
    if not shutil.which("chromium"):
        pytest.skip("Debian's chromium is not installed; scripts/test.sh installs it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture(scope="session")
def live_url(dataset) -> Iterator[str]:
    url, server = serve(create_app(dataset))
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def boundary_url(dataset) -> Iterator[str]:
    from dashboard.ingest.boundaries import read_boundaries
    from tests.conftest import SHARED

    path = SHARED / "data/derived/malmo_stadsdelar_10_derived_epsg4326.geojson"
    if not path.exists():
        pytest.skip("needs ../shared/data/derived (the reconstructed stadsdel boundaries)")
    shapes: ShapeSet = read_boundaries(path, dataset.areas).shapes
    url, server = serve(create_app(dataset, {"stadsdel": shapes}))
    yield url
    server.shutdown()


@dataclass
class Watched:
    """A page plus everything it logged and requested."""

    page: object
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def foreign_requests(self) -> list[str]:
        return [u for u in self.requests
                if urlsplit(u).hostname not in ("127.0.0.1",) and not u.startswith("data:")]


@pytest.fixture()
def watched(browser) -> Iterator[Watched]:
    context = browser.new_context(viewport={"width": 1300, "height": 950})
    page = context.new_page()
    w = Watched(page)
    page.on("console", lambda m: w.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: w.errors.append(str(e)))
    page.on("request", lambda r: w.requests.append(r.url))
    yield w
    context.close()
