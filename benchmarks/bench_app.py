"""Benchmark: server time of the page's sync callback for every view and the main
interactions, and the time until each view has drawn all its charts in headless chromium.
Prints figures; it is not a test.

    .venv/bin/python benchmarks/bench_app.py [--calls 60] [--page-loads 5]

Callbacks are timed through Flask's test client with the JSON payload dash-renderer posts
to /_dash-update-component, so routing, JSON decoding, rendering and serialisation are all
included. Boundaries from ../shared are used where present (136 delområden).
"""

from __future__ import annotations

import argparse
import logging
import statistics
import threading
import time
from pathlib import Path

from werkzeug.serving import make_server

from dashboard.app.factory import create_app
from dashboard.app.pages import ALL_CONTROLS, registry
from dashboard.app.settings import DEFAULT_DATA
from dashboard.ingest.boundaries import read_boundaries
from dashboard.store.dataset import read_dataset

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
QUERIES = {"groups": "?ind=forvarvsfrekvens", "trends": "?ind=forvarvsfrekvens",
           "profile": "?area=1280SD08"}
DEFAULT_CONTROLS = {"indicator": "medellivslangd_vid_fodelsen", "period": "2006-2010",
                    "sex": "male", "group": "total/total", "level": "stadsdel"}


def _spec(app) -> tuple[str, dict]:
    key = next(k for k in app.callback_map if "page.children" in k)
    return key, app.callback_map[key]


def payload(app, path: str, search: str, trigger: str = "url",
            controls: dict[str, str] | None = None) -> dict:
    """The request body of the sync callback, as dash-renderer sends it."""
    key, spec = _spec(app)
    values = {**DEFAULT_CONTROLS, **(controls or {})}
    inputs = []
    for item in spec["inputs"]:
        cid, prop = item["id"], item["property"]
        if cid == "url":
            value = path if prop == "pathname" else search
            inputs.append({"id": cid, "property": prop, "value": value})
        elif cid in ALL_CONTROLS:
            inputs.append({"id": cid, "property": prop, "value": values[cid]})
        elif cid == "lang-toggle":
            inputs.append({"id": cid, "property": prop, "value": 0})
        else:
            inputs.append([])  # pattern-matching inputs: no page controls drawn yet
    changed = "url.search" if trigger == "url" else f"{trigger}.value"
    return {"output": key, "outputs": [{"id": o.split(".")[0], "property": o.split(".")[1]}
                                       for o in key.strip(".").split("...")],
            "inputs": inputs, "changedPropIds": [changed]}


def _time(client, body: dict, calls: int) -> tuple[float, float, float, int]:
    times, size = [], 0
    for _ in range(calls):
        start = time.perf_counter()
        response = client.post("/_dash-update-component", json=body)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code in (200, 204), response.data[:300]
        size = len(response.data)
    times.sort()
    return statistics.median(times), times[int(0.95 * (len(times) - 1))], times[-1], size


def time_callbacks(app, calls: int) -> None:
    client = app.server.test_client()
    client.get("/")
    print(f"Server time of the sync callback, {calls} calls each (ms):")
    print(f"  {'view or interaction':42s} {'median':>8s} {'p95':>8s} {'max':>8s} {'bytes':>9s}")
    cases = [(f"open {p.path}", payload(app, p.path, QUERIES.get(p.id, "")))
             for p in registry()]
    cases += [
        ("change indicator (start page)",
         payload(app, "/", "?lang=sv", "indicator", {"indicator": "ohalsotal"})),
        ("change year (map)", payload(app, "/map", "?lang=sv", "period", {"period": "2008"})),
        ("delområde map, 136 areas", payload(app, "/map", "?ind=folkmangd&level=delomrade")),
        ("open a link in English (compare)",
         payload(app, "/compare", "?lang=en&ind=forvarvsfrekvens")),
    ]
    for name, body in cases:
        median, p95, worst, size = _time(client, body, calls)
        print(f"  {name:42s} {median:8.1f} {p95:8.1f} {worst:8.1f} {size:9d}")


def graph_count(ds, boundaries, page_def) -> int:
    """How many graphs the view draws, counted in its server-side render."""
    from dash import dcc

    from dashboard.app.pages import Context
    from dashboard.core.viewstate import from_query
    from dashboard.store import query

    state, _ = query.resolve(ds, from_query(QUERIES.get(page_def.id, ""))[0])

    def walk(node) -> int:
        if isinstance(node, dcc.Graph):
            return 1
        children = getattr(node, "children", None) if not isinstance(node, list) else node
        if children is None or isinstance(children, str):
            return 0
        children = children if isinstance(children, list) else [children]
        return sum(walk(c) for c in children)

    return walk(page_def.render(Context(ds, state, boundaries)))


def time_pages(app, ds, boundaries, loads: int) -> None:
    from playwright.sync_api import sync_playwright

    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    server = make_server("127.0.0.1", 0, app.server, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run"]
    print(f"Time from navigation until every chart of the view is drawn, {loads} loads (ms):")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=args)
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
        browser.close()
    server.shutdown()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=60)
    parser.add_argument("--page-loads", type=int, default=5)
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
    time_pages(app, ds, boundaries, args.page_loads)


if __name__ == "__main__":
    main()
