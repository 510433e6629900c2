"""Benchmark: every view at DeSO level on the real data, Malmö's and all of Sweden's.
Prints figures; it is not a test.

    .venv/bin/python benchmarks/bench_deso.py [--calls 20] [--loads 3]
        [--parts server,browser,national]

1. server: the embedded dataset (Malmö's 192 DeSO) with the shipped boundaries. Each view is
   opened (`navigate`) and one typical interaction made on it (`interact`) through Flask's
   test client with the JSON bodies dash-renderer posts (`tests.dash_requests`); the first,
   cold call is timed apart from `--calls` repeats (p50, p95). Target: p95 <= 100 ms.
2. browser: a real server on 127.0.0.1 (as tests/browser/conftest.py starts it) and
   Debian's headless chromium through Playwright; per view, the time from navigation to
   every chart drawn (as many `.js-plotly-plot` holding a `.main-svg` as the view shows
   once settled, counted beforehand in another context) with no
   `[data-dash-is-loading]` left: the first load in a fresh browser context and the median
   of `--loads` further loads (the browser's cache then warm). Target: <= 1.5 s.
3. national: the nine national SCB workbooks in ../shared/data/raw/scb_deso_2022 (5,984
   DeSO each) imported one by one with `dashboard ingest scb-file` into a temporary
   DASHBOARD_HOME (or `--national-home DIR`, kept and reused on the next run), then that
   store loaded as the app loads it (`load_settings`, `load`) and every view opened at
   DeSO level for SCB's median net income. Targets: every view within 1 s server time and
   at most 2 MB.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dashboard.app.factory import create_app, load  # noqa: E402
from dashboard.app.settings import DEFAULT_DATA, load_settings, store_dir  # noqa: E402
from dashboard.cli import main as cli_main  # noqa: E402
from dashboard.store.dataset import is_store  # noqa: E402
from tests.dash_requests import interact_body, navigate_body, post, timed  # noqa: E402

NATIONAL = ROOT.parent / "shared" / "data" / "raw" / "scb_deso_2022"
MALMO_IND = "lag_ekonomisk_standard"
NATIONAL_IND = "scb_000005FM_medianvarde_nettoinkomst"
# (name, path, query): every view; {ind} and {area} are filled in per dataset.
VIEWS = [
    ("start page", "/", "ind={ind}&level=deso"),
    ("overview", "/overview", "level=deso"),
    ("map", "/map", "ind={ind}&level=deso"),
    ("profile", "/profile", "level=deso&area={area}"),
    ("compare", "/compare", "ind={ind}&level=deso"),
    ("groups", "/groups", "ind={ind}&level=deso"),
    ("trends", "/trends", "ind={ind}&level=deso"),
    ("gradient", "/gradient", "ind={ind}&level=deso"),
    ("potential", "/potential", "ind={ind}&level=deso"),
    ("index", "/index", "level=deso"),
    ("definitions", "/definitions", ""),
]
# One typical interaction per view: (what, control, value).
INTERACTIONS = {
    "start page": ("change indicator", "indicator", "{other_ind}"),
    "overview": ("next page", "opage", "2"),
    "map": ("change indicator", "indicator", "{other_ind}"),
    "profile": ("open another area", "area", "{other}"),
    "compare": ("highlight an area", "area", "{area}"),
    "groups": ("change indicator", "indicator", "{other_ind}"),
    "trends": ("highlight an area", "area", "{area}"),
    "gradient": ("tenths", "bins", "10"),
    "potential": ("change indicator", "indicator", "{other_ind}"),
    "index": ("pick an area", "area", "{area}"),
    "definitions": ("another topic", "topic", "population"),
}
# The page is filled, nothing is loading and at least the expected number of plots has
# drawn its SVG (the count is taken once beforehand, as a plot's container may appear late).
DRAWN_JS = """expected => {
  const page = document.querySelector('#page');
  if (!page || !page.querySelector(':scope > :not(:empty)')) return false;
  if (document.querySelector('[data-dash-is-loading]')) return false;
  const plots = Array.from(document.querySelectorAll('.js-plotly-plot'));
  return plots.length >= expected && plots.every(p => p.querySelector('.main-svg'));
}"""
COUNT_JS = "() => document.querySelectorAll('.js-plotly-plot').length"




def _fill(ds: Any, ind: str, other_ind: str) -> dict[str, str]:
    deso = sorted(ds.areas.loc[ds.areas["level"] == "deso", "code"])
    return {"ind": ind, "other_ind": other_ind, "area": deso[len(deso) // 3],
            "other": deso[len(deso) // 2]}


def _header(first: str) -> None:
    print(f"  {first:40s} {'first ms':>9s} {'p50 ms':>8s} {'p95 ms':>8s} {'KB':>8s}  target")


def _line(name: str, figures: tuple[float, float, float, int], ok: bool) -> None:
    first, median, p95, size = figures
    print(f"  {name:40s} {first:9.1f} {median:8.1f} {p95:8.1f} {size / 1024:8.1f}  "
          f"{'ok' if ok else 'MISSED'}")


def server_views(ds: Any, boundaries: dict[str, Any], fill: dict[str, str], calls: int,
                 interactions: bool, p95_ms: float, first_ms: float, max_kb: float) -> None:
    """Open every view (and make its interaction) through the test client; print a table."""
    app = create_app(ds, boundaries)
    client = app.server.test_client()
    client.get("/")
    _header("view or interaction")
    for name, path, search in VIEWS:
        query = "?" + search.format(**fill) if search else ""
        body = navigate_body(app, path, query)
        got = timed(client, body, calls)
        _line("open " + name, got, got[2] <= p95_ms and got[0] <= first_ms
              and got[3] <= max_kb * 1024)
        if not interactions:
            continue
        what, control, value = INTERACTIONS[name]
        _, drawn = post(client, body)
        view = json.loads(drawn)["response"]["view"]["data"]
        got = timed(client, interact_body(app, view, control, value.format(**fill)), calls)
        _line(f"  {name}: {what}", got, got[2] <= p95_ms and got[3] <= max_kb * 1024)


@contextmanager
def _home(keep: Path | None = None) -> Iterator[Path]:
    """DASHBOARD_HOME set to `keep`, or to a temporary folder (so no user store is read or
    written)."""
    before = os.environ.get("DASHBOARD_HOME")
    with tempfile.TemporaryDirectory() as folder:
        os.environ["DASHBOARD_HOME"] = str(keep or folder)
        try:
            yield keep or Path(folder)
        finally:
            if before is None:
                del os.environ["DASHBOARD_HOME"]
            else:
                os.environ["DASHBOARD_HOME"] = before


def part_server(calls: int) -> None:
    with _home() as home:
        settings = load_settings({"DASHBOARD_HOME": str(home), "DASHBOARD_DATA": str(DEFAULT_DATA)})
        ds, boundaries = load(settings)
    deso = (ds.areas["level"] == "deso").sum()
    print(f"\n1. Server time, embedded data at DeSO level ({deso} DeSO, {len(ds.observations)} "
          f"observations, boundaries for {sorted(boundaries)}); {calls} repeats each; "
          f"target p95 <= 100 ms")
    server_views(ds, boundaries, _fill(ds, MALMO_IND, "median_nettoinkomst"), calls, True,
                 100.0, float("inf"), float("inf"))


def _drawn(page: Any, url: str, expected: int) -> float:
    """Seconds from navigation to `expected` plots drawn and nothing loading."""
    start = time.perf_counter()
    page.goto(url, wait_until="commit")
    page.wait_for_function(DRAWN_JS, arg=expected, timeout=30_000)
    return time.perf_counter() - start


def _charts_on(browser: Any, url: str) -> int:
    """How many plots the view shows once everything has loaded and settled."""
    context = browser.new_context(viewport={"width": 1300, "height": 950})
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    page.wait_for_function(DRAWN_JS, arg=0, timeout=30_000)
    page.wait_for_timeout(1000)
    count = int(page.evaluate(COUNT_JS))
    context.close()
    return count


def part_browser(loads: int) -> None:
    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, serve

    with _home() as home:
        settings = load_settings({"DASHBOARD_HOME": str(home), "DASHBOARD_DATA": str(DEFAULT_DATA)})
        ds, boundaries = load(settings)
    fill = _fill(ds, MALMO_IND, "median_nettoinkomst")
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    url, server = serve(create_app(ds, boundaries))
    print(f"\n2. Time to drawn charts in headless chromium, embedded data at DeSO level; first "
          f"load in a fresh context, then median of {loads}; target <= 1.5 s")
    print(f"  {'view':40s} {'charts':>6s} {'first s':>8s} {'median s':>9s}  target")
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for name, path, search in VIEWS:
                address = url + path + ("?" + search.format(**fill) if search else "")
                charts = _charts_on(browser, address)
                context = browser.new_context(viewport={"width": 1300, "height": 950})
                page = context.new_page()
                first = _drawn(page, address, charts)
                times = sorted(_drawn(page, address, charts) for _ in range(loads))
                context.close()
                median = statistics.median(times)
                print(f"  {name:40s} {charts:6d} {first:8.2f} {median:9.2f}  "
                      f"{'ok' if median <= 1.5 else 'MISSED'}")
            browser.close()
    finally:
        server.shutdown()  # type: ignore[attr-defined]


def part_national(calls: int, keep: Path | None) -> None:
    files = sorted(NATIONAL.glob("*.xlsx"))
    if not files:
        print(f"\n3. National: no workbooks in {NATIONAL} (../shared is needed)")
        return
    reuse = keep is not None and is_store(store_dir(keep))
    print("\n3. National: " + (f"the store already in {keep}" if reuse else
                               "`dashboard ingest scb-file` of each workbook into "
                               f"DASHBOARD_HOME={keep or 'a temporary folder'}"))
    with _home(keep):
        total = 0.0
        for path in [] if reuse else files:
            start = time.perf_counter()
            status = cli_main(["ingest", "scb-file", str(path)])
            took = time.perf_counter() - start
            total += took
            print(f"  {path.name:34s} {took:7.2f} s  exit {status}")
        if not reuse:
            print(f"  {'all nine':34s} {total:7.2f} s")
        start = time.perf_counter()
        ds, boundaries = load(load_settings())
        loaded = time.perf_counter() - start
        levels = ds.areas["level"].value_counts().to_dict()
        print(f"  store loaded in {loaded:.2f} s: {len(ds.areas)} areas {levels}, "
              f"{len(ds.observations)} observations, {len(ds.indicators)} indicators")
        ind = NATIONAL_IND if NATIONAL_IND in set(ds.indicators["id"]) else MALMO_IND
        other = "scb_000005FM_medelvarde_nettoinkomst"
        fill = _fill(ds, ind, other if other in set(ds.indicators["id"]) else ind)
        print(f"  every view at DeSO level for {ind}; {calls} repeats each; "
              f"target first and p95 <= 1000 ms, <= 2 MB")
        server_views(ds, boundaries, fill, calls, False, 1000.0, 1000.0, 2048.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--calls", type=int, default=20, help="repeats per callback")
    parser.add_argument("--loads", type=int, default=3, help="browser loads per view")
    parser.add_argument("--parts", default="server,browser,national",
                        help="which measurements, comma separated")
    parser.add_argument("--national-home", type=Path, metavar="DIR",
                        help="keep the national store in DIR (and reuse it if already there)")
    args = parser.parse_args()
    parts = set(args.parts.split(","))
    if "server" in parts:
        part_server(args.calls)
    if "browser" in parts:
        part_browser(args.loads)
    if "national" in parts:
        part_national(args.calls, args.national_home)


if __name__ == "__main__":
    main()
