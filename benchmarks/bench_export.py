"""Benchmark: time of a PNG, SVG and PDF figure export, cold and warm. Prints figures; it is
not a test.

    .venv/bin/python benchmarks/bench_export.py [--runs 15]

Cold: the first export in a new Python process, which starts the headless browser
(measured inside a fresh subprocess per format; the process's total time is shown too).
Warm: the median of further exports through the browser already open. Both include
building the chart from the dataset. Charts: the default view's bars (10 districts) and,
when ../shared holds the boundaries, the map of 136 delområden.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from functools import cache
from pathlib import Path

from dashboard.app.settings import DEFAULT_DATA
from dashboard.core.geometry import ShapeSet
from dashboard.core.viewstate import from_query
from dashboard.export.figure import export_figure
from dashboard.figures.charts import build_chart
from dashboard.ingest.boundaries import read_boundaries
from dashboard.store import query
from dashboard.store.dataset import Dataset, read_dataset

FORMATS = ("png", "svg", "pdf")
SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
DELOMRADEN = SHARED / "raw" / "swemaps2" / "malmo_delomraden_epsg3008.geojson"
VIEWS = {"bars, 10 districts": ("", "bars", None),
         "map, 136 delområden": ("?ind=folkmangd&level=delomrade", "map", DELOMRADEN)}


def export_once(search: str, chart_id: str, boundary_file: Path | None, fmt: str) -> float:
    """Seconds for one export, from the view's query to the file's bytes."""
    ds, boundaries = _data(boundary_file)
    start = time.perf_counter()
    state = query.resolve(ds, from_query(search)[0])[0]
    export_figure(build_chart(ds, state, chart_id, boundaries), state,
                  "http://127.0.0.1:8050/", fmt)
    return time.perf_counter() - start


@cache
def _data(boundary_file: Path | None) -> tuple[Dataset, dict[str, ShapeSet]]:
    ds = read_dataset(DEFAULT_DATA)
    boundaries = {}
    if boundary_file is not None:
        shapes = read_boundaries(boundary_file, ds.areas).shapes
        boundaries[shapes.level] = shapes
    return ds, boundaries


def cold(label: str, fmt: str) -> tuple[float, float]:
    """(first export, whole process) seconds, in a new Python process."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, __file__, "--cold", label, fmt], check=True,
                          capture_output=True, text=True)
    return json.loads(done.stdout)["first"], time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--cold", nargs=2, metavar=("VIEW", "FORMAT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.cold:
        label, fmt = args.cold
        search, chart_id, boundary_file = VIEWS[label]
        _data(boundary_file)
        print(json.dumps({"first": export_once(search, chart_id, boundary_file, fmt)}))
        return
    views = {k: v for k, v in VIEWS.items() if v[2] is None or v[2].exists()}
    print(f"Figure export, cold = first export in a new process (incl. browser start), "
          f"warm = median of {args.runs} (s):")
    print(f"  {'chart':22s} {'format':6s} {'cold':>7s} {'process':>8s} {'warm':>7s} "
          f"{'warm max':>9s}")
    for label, (search, chart_id, boundary_file) in views.items():
        for fmt in FORMATS:
            first, process = cold(label, fmt)
            export_once(search, chart_id, boundary_file, fmt)
            times = sorted(export_once(search, chart_id, boundary_file, fmt)
                           for _ in range(args.runs))
            print(f"  {label:22s} {fmt:6s} {first:7.2f} {process:8.2f} "
                  f"{statistics.median(times):7.3f} {times[-1]:9.3f}")


if __name__ == "__main__":
    main()
