"""Benchmark: the path from a click to a chart. Prints figures; it is not a test.

    .venv/bin/python benchmarks/bench_app.py [--calls 30] [--page-loads 3]

1. Server time and bytes of each callback, through Flask's test client with the JSON body
   dash-renderer posts to /_dash-update-component (routing, decoding, rendering and
   serialisation included): opening every view (`navigate`) and the main interactions
   (`interact`, which redraws only the parts whose fields changed).
2. In headless chromium: how many requests each interaction sends and how many bytes come
   back, on the embedded data and on a dataset with 700 made-up DeSO, and the time until
   each view has drawn all its charts.
Boundaries from ../shared are used where present (136 delområden).
"""

from __future__ import annotations

import argparse
import json
import logging
import statistics
import sys
import threading
import time
from pathlib import Path
from typing import Any

from werkzeug.serving import make_server

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dashboard.app.factory import create_app  # noqa: E402
from dashboard.app.pages import Context, registry  # noqa: E402
from dashboard.app.settings import DEFAULT_DATA  # noqa: E402
from dashboard.app.viewmodel import resolve  # noqa: E402
from dashboard.core.viewstate import from_query  # noqa: E402
from dashboard.ingest.boundaries import read_boundaries  # noqa: E402
from dashboard.store.dataset import read_dataset  # noqa: E402
from tests.browser import axe  # noqa: E402
from tests.dash_requests import interact_body, navigate_body, post, timed  # noqa: E402
from tests.synthetic import many_areas  # noqa: E402

SHARED = ROOT.parent / "shared" / "data"
QUERIES = {"groups": "?ind=forvarvsfrekvens", "trends": "?ind=forvarvsfrekvens",
           "profile": "?area=1280SD08"}
# (name, path, query, control, value): one user action each.
INTERACTIONS = [
    ("change indicator (start page)", "/", "", "indicator", "ohalsotal"),
    ("change ranking (start page)", "/", "", "order", "valfardsindex_rangmedel"),
    ("change year (map)", "/map", "?ind=forvarvsfrekvens", "period", "1999"),
    ("change sex (map)", "/map", "", "sex", "female"),
    ("sort by name (compare)", "/compare", "", "sort", "name"),
    ("highlight an area (compare)", "/compare", "", "area", "1280SD08"),
    ("open an area (profile)", "/profile", "?area=1280SD08", "area", "1280SD07"),
    ("split by age (groups)", "/groups", "?ind=ohalsotal", "split", "age"),
    ("highlight an area (trends)", "/trends", "?ind=forvarvsfrekvens", "area", "1280SD08"),
    ("change ranking (gradient)", "/gradient", "?ind=ohalsotal", "order",
     "valfardsindex_rangmedel"),
    ("weight one component (index)", "/index", "", "w:ohalsotal", 2.0),
]




def time_callbacks(app: Any, calls: int) -> None:
    client = app.server.test_client()
    client.get("/")
    print(f"Server time and response size per callback, {calls} calls each:")
    print(f"  {'view or interaction':42s} {'median ms':>10s} {'p95 ms':>8s} {'bytes':>9s}")
    for page in registry():
        body = navigate_body(app, page.path, QUERIES.get(page.id, ""))
        _, median, p95, size = timed(client, body, calls)
        print(f"  {'open ' + page.path:42s} {median:10.1f} {p95:8.1f} {size:9d}")
    for name, path, search, control, value in INTERACTIONS:
        _, drawn = post(client, navigate_body(app, path, search))
        view = json.loads(drawn)["response"]["view"]["data"]
        _, median, p95, size = timed(client, interact_body(app, view, control, value), calls)
        print(f"  {name:42s} {median:10.1f} {p95:8.1f} {size:9d}")
    for name, path, search in (("delområde map, 136 areas", "/map",
                                "?ind=folkmangd&level=delomrade"),
                               ("open a link in English (compare)", "/compare",
                                "?lang=en&ind=forvarvsfrekvens")):
        _, median, p95, size = timed(client, navigate_body(app, path, search), calls)
        print(f"  {name:42s} {median:10.1f} {p95:8.1f} {size:9d}")


def _serve(app: Any) -> tuple[str, Any]:
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    server = make_server("127.0.0.1", 0, app.server, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_port}", server


ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
COUNT_JS = """() => {
  const e = performance.getEntriesByType('resource')
    .filter(r => r.name.includes('_dash-update-component'));
  performance.clearResourceTimings();
  return [e.length, e.reduce((s, r) => s + r.encodedBodySize, 0)];
}"""


def _quiet(page: Any) -> None:
    page.wait_for_load_state("networkidle")
    page.wait_for_function("() => !document.querySelector('[data-dash-is-loading]')")
    page.wait_for_timeout(300)
    page.wait_for_load_state("networkidle")


def browser_requests(browser: Any, base: str, label: str) -> None:
    """Requests and bytes per action in a real browser (one answer each is the goal)."""
    page = browser.new_page(viewport={"width": 1300, "height": 950})
    page.set_default_timeout(60_000)
    steps = [
        ("open /compare", lambda: page.goto(base + "/compare?ind=ohalsotal&level=" + label)),
        ("sort by name", lambda: _pick(page, "#sort-control")),
        ("highlight an area", lambda: _pick(page, "#area-control")),
        ("open /map from the menu", lambda: page.click("#nav a[href^='/map']")),
        ("change the sex", lambda: _other_sex(page)),
        ("back", page.go_back),
    ]
    page.goto(base + "/")
    _quiet(page)
    page.evaluate(COUNT_JS)
    for name, act in steps:
        start = time.perf_counter()
        if act() is False:
            print(f"  {label:9s} {name:28s} (the data offer no other choice)")
            continue
        _quiet(page)
        elapsed = (time.perf_counter() - start) * 1000
        count, size = page.evaluate(COUNT_JS)
        print(f"  {label:9s} {name:28s} {count:3d} request(s) {size:9d} bytes "
              f"{elapsed:7.0f} ms until quiet")
    page.close()


def _pick(page: Any, control: str) -> bool:
    """Open a dropdown and choose the first option that is not chosen already."""
    page.click(f"{control} .dash-dropdown")
    other = page.locator(f"{axe.OPTION}:not(.selected)")
    if not other.count():
        page.keyboard.press("Escape")
        return False
    other.first.click()
    return True


def _other_sex(page: Any) -> bool:
    other = page.locator("#sex input:not(:checked)")
    if not other.count():
        return False
    other.first.click()
    return True


def graph_count(ds: Any, boundaries: Any, page_def: Any) -> int:
    """How many graphs the view draws, counted in its server-side layout."""
    from dash import dcc

    state, _ = resolve(ds, from_query(QUERIES.get(page_def.id, ""))[0])

    def walk(node: Any) -> int:
        if isinstance(node, dcc.Graph):
            return 1
        children = getattr(node, "children", None) if not isinstance(node, list) else node
        if children is None or isinstance(children, str):
            return 0
        children = children if isinstance(children, list) else [children]
        return sum(walk(c) for c in children)

    return walk(page_def.layout(Context(ds, state, boundaries)))


def time_pages(browser: Any, base: str, ds: Any, boundaries: Any, loads: int) -> None:
    print(f"Time from navigation until every chart of the view is drawn, {loads} loads (ms):")
    for page_def in registry():
        charts = graph_count(ds, boundaries, page_def)
        times = []
        for _ in range(loads):
            page = browser.new_page()
            start = time.perf_counter()
            page.goto(base + page_def.path + QUERIES.get(page_def.id, ""))
            page.wait_for_selector("#page > *", timeout=30_000)
            page.wait_for_function(
                "n => { const g = document.querySelectorAll('#page .js-plotly-plot');"
                " return g.length === n && [...g].every(e => e.querySelector('.main-svg'))"
                " && !document.querySelector('[data-dash-is-loading]'); }", arg=charts,
                timeout=30_000)
            times.append((time.perf_counter() - start) * 1000)
            page.close()
        times.sort()
        print(f"  {page_def.path:16s} {charts:2d} chart(s)   median "
              f"{statistics.median(times):6.0f}   max {times[-1]:6.0f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=30)
    parser.add_argument("--page-loads", type=int, default=3)
    args = parser.parse_args()
    ds = read_dataset(DEFAULT_DATA)
    boundaries = {}
    for path in (SHARED / "derived/malmo_stadsdelar_10_derived_epsg4326.geojson",
                 SHARED / "raw/swemaps2/malmo_delomraden_epsg3008.geojson"):
        if path.exists():
            loaded = read_boundaries(path, ds.areas).shapes
            boundaries[loaded.level] = loaded
    print(f"Dataset: {len(ds.observations)} observations; boundaries: "
          f"{', '.join(f'{k} ({len(v.shapes)})' for k, v in boundaries.items()) or 'none'}")
    app = create_app(ds, boundaries)
    time_callbacks(app, args.calls)

    from playwright.sync_api import sync_playwright

    base, server = _serve(app)
    big_base, big_server = _serve(create_app(many_areas(ds, 700)))
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        print("Requests and bytes per action in headless chromium:")
        browser_requests(browser, base, "stadsdel")
        browser_requests(browser, big_base, "deso")
        time_pages(browser, base, ds, boundaries, args.page_loads)
        browser.close()
    server.shutdown()
    big_server.shutdown()


if __name__ == "__main__":
    main()
