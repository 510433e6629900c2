"""Benchmark: server time of the page's callback for the main interactions, and the time
until the map is drawn in headless chromium. Prints figures; it is not a test.

    .venv/bin/python benchmarks/bench_app.py [--calls 100] [--page-loads 8]

Callbacks are timed through Flask's test client with the same JSON payload the browser
posts to /_dash-update-component, so routing, JSON decoding and figure serialisation
are included. Boundaries from ../shared are used where present (136 delområden).
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
from dashboard.app.settings import DEFAULT_DATA
from dashboard.ingest.boundaries import read_boundaries
from dashboard.store.dataset import read_dataset

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"

INTERACTIONS = {
    "open default page": ("url", "", {}),
    "open a link (employment, English)": ("url", "?lang=en&ind=forvarvsfrekvens", {}),
    "change indicator": ("indicator", "?lang=sv", {"indicator": "ohalsotal"}),
    "change year": ("period", "?lang=sv&ind=medellivslangd_vid_fodelsen",
                    {"indicator": "medellivslangd_vid_fodelsen", "period": "2008",
                     "sex": "female", "group": "total/total", "level": "stadsdel",
                     "order-by": "forvarvsfrekvens"}),
    "change the ranking for the gradient": ("order-by", "?lang=sv&ind=ohalsotal",
                                            {"indicator": "ohalsotal", "period": "2002",
                                             "sex": "male", "group": "total/total",
                                             "level": "stadsdel",
                                             "order-by": "valfardsindex_rangmedel"}),
    "switch language": ("lang-toggle", "?lang=sv", {}),
    "delområde map (136 areas)": ("url", "?ind=folkmangd&level=delomrade", {}),
}


def payload(app, trigger: str, search: str, controls: dict[str, str]) -> dict:
    """The request body dash-renderer sends for the sync callback."""
    key = next(k for k in app.callback_map if "url.search" in k and "map.figure" in k)
    spec = app.callback_map[key]
    inputs = []
    for item in spec["inputs"]:
        value = search if item["id"] == "url" else controls.get(item["id"])
        if item["id"] == "lang-toggle":
            value = 1 if trigger == "lang-toggle" else 0
        inputs.append({"id": item["id"], "property": item["property"], "value": value})
    state = [{"id": s["id"], "property": s["property"], "value": search}
             for s in spec["state"]]
    prop = "search" if trigger == "url" else ("n_clicks" if trigger == "lang-toggle"
                                              else "value")
    return {"output": key, "outputs": [{"id": o.split(".")[0], "property": o.split(".")[1]}
                                       for o in key.strip(".").split("...")],
            "inputs": inputs, "state": state, "changedPropIds": [f"{trigger}.{prop}"]}


def time_callbacks(app, calls: int) -> None:
    client = app.server.test_client()
    client.get("/")
    print(f"Server time of the sync callback, {calls} calls each (ms):")
    print(f"  {'interaction':38s} {'median':>8s} {'p95':>8s} {'max':>8s} {'bytes':>9s}")
    for name, (trigger, search, controls) in INTERACTIONS.items():
        body = payload(app, trigger, search, controls)
        times, size = [], 0
        for _ in range(calls):
            start = time.perf_counter()
            response = client.post("/_dash-update-component", json=body)
            times.append((time.perf_counter() - start) * 1000)
            assert response.status_code in (200, 204), response.data[:300]
            size = len(response.data)
        times.sort()
        p95 = times[int(0.95 * (len(times) - 1))]
        print(f"  {name:38s} {statistics.median(times):8.1f} {p95:8.1f} {times[-1]:8.1f} "
              f"{size:9d}")


def time_page(app, loads: int) -> None:
    from playwright.sync_api import sync_playwright

    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    server = make_server("127.0.0.1", 0, app.server, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_port}/"
    args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run"]
    results = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=args)
        for label, query in (("default page (tile map)", ""),
                             ("delområde map (136 areas)", "?ind=folkmangd&level=delomrade")):
            times = []
            for _ in range(loads):
                page = browser.new_page()
                start = time.perf_counter()
                page.goto(url + query)
                page.wait_for_selector("#map .scatterlayer .trace", timeout=30_000)
                page.wait_for_selector("#bars .barlayer .trace", timeout=30_000)
                times.append((time.perf_counter() - start) * 1000)
                page.close()
            results[label] = times
        browser.close()
    server.shutdown()
    print(f"Time from navigation to drawn map and bars in headless chromium, {loads} loads (ms):")
    for label, times in results.items():
        times.sort()
        print(f"  {label:38s} median {statistics.median(times):7.0f}   max {times[-1]:7.0f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=100)
    parser.add_argument("--page-loads", type=int, default=8)
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
    time_page(app, args.page_loads)


if __name__ == "__main__":
    main()
