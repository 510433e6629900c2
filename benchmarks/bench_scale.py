"""Benchmark: every view at DeSO level, for Malmö (192 DeSO) and for Sweden (5,984 DeSO).
Prints figures; it is not a test.

    .venv/bin/python benchmarks/bench_scale.py [--calls 20] [--sizes 192,5984]

Datasets are made up (`tests.synthetic.deso_dataset`: seven indicators in percent, money
and persons, SCB's area type, RegSO parents, populations; four years at 192 DeSO, two at
5,984). Each view is opened (`navigate`) and the main interactions are made (`interact`)
through Flask's test client with the JSON bodies dash-renderer posts, so routing, rendering
and serialisation count. The first call of each body (which fills the caches) is timed
apart from the repeats. Targets: at 192 DeSO p95 <= 100 ms per callback; at 5,984 every
view within 1 s and at most 2 MB. In the browser the overview's paging and sorting links
open the address (a `navigate`, as "overview, page 3 sorted"); "next page" and "sort by a
column" time the same table redrawn by `interact`, as the filters are.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dashboard.app.factory import create_app  # noqa: E402
from tests.dash_requests import interact_body, navigate_body, post, timed  # noqa: E402
from tests.synthetic import deso_dataset  # noqa: E402

IND = "ind=lag_ekonomisk_standard&level=deso"
# (name, path, query): one view opened.
VIEWS = [
    ("start page", "/", IND),
    ("overview", "/overview", "level=deso"),
    ("overview, page 3 sorted", "/overview", "level=deso&opage=3&osort=-medianinkomst"),
    ("map", "/map", IND),
    ("compare", "/compare", IND),
    ("profile", "/profile", "level=deso&area={area}"),
    ("trends", "/trends", IND),
    ("overview, RegSO", "/overview", "level=regso"),
]
# (name, path, query, control, value): one user action each.
INTERACTIONS = [
    ("overview: next page", "/overview", "level=deso", "opage", "2"),
    ("overview: sort by a column", "/overview", "level=deso", "osort", "-medianinkomst"),
    ("overview: search a name", "/overview", "level=deso", "ofind", "Område 12"),
    ("overview: filter area type 1", "/overview", "level=deso", "otype", "1"),
    ("overview: 100 rows a page", "/overview", "level=deso", "osize", "100"),
    ("start page: change indicator", "/", IND, "indicator", "medianinkomst"),
    ("compare: highlight an area", "/compare", IND, "area", "{area}"),
    ("profile: open another area", "/profile", "level=deso&area={area}", "area", "{other}"),
    ("trends: highlight an area", "/trends", IND, "area", "{area}"),
]




def _line(name: str, figures: tuple[float, float, float, int]) -> None:
    first, median, p95, size = figures
    print(f"  {name:36s} {first:9.1f} {median:9.1f} {p95:8.1f} {size / 1024:9.1f}")


def run(n: int, calls: int) -> None:
    periods = ("2019", "2020", "2021", "2022") if n <= 1000 else ("2021", "2022")
    start = time.perf_counter()
    ds = deso_dataset(n, periods)
    built = time.perf_counter() - start
    deso = sorted(ds.areas.loc[ds.areas["level"] == "deso", "code"])
    fill = {"area": deso[len(deso) // 3], "other": deso[len(deso) // 2]}
    app = create_app(ds)
    client = app.server.test_client()
    client.get("/")
    print(f"\n{n} DeSO, {len(periods)} year(s), {len(ds.observations)} observations "
          f"(built in {built:.1f} s); {calls} repeats each")
    print(f"  {'view or interaction':36s} {'first ms':>9s} {'p50 ms':>9s} {'p95 ms':>8s} "
          f"{'KB':>9s}")
    for name, path, search in VIEWS:
        query = "?" + search.format(**fill)
        _line("open " + name, timed(client, navigate_body(app, path, query), calls))
    for name, path, search, control, value in INTERACTIONS:
        query = "?" + search.format(**fill)
        _, drawn = post(client, navigate_body(app, path, query))
        view = json.loads(drawn)["response"]["view"]["data"]
        asked = value.format(**fill) if isinstance(value, str) else value
        _line(name, timed(client, interact_body(app, view, control, asked), calls))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=20)
    parser.add_argument("--sizes", default="192,5984")
    args = parser.parse_args()
    for n in (int(s) for s in args.sizes.split(",")):
        run(n, args.calls)


if __name__ == "__main__":
    main()
