"""Benchmark: reading SCB's Statistikdatabasen exports. Prints figures; it is not a test.

    .venv/bin/python benchmarks/bench_scb_file.py [--repeat 3]

1. `read_scb_file` on each of the nine national DeSO workbooks in ../shared (5,984 DeSO
   each): the best of `--repeat` runs, with cells and areas read.
2. The whole `dashboard ingest scb-file` of one workbook (000005FM) into a new temporary
   home: read, derive, check, merge, validate and commit, as a user runs it.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dashboard.app.settings import DEFAULT_DATA  # noqa: E402
from dashboard.cli import main  # noqa: E402
from dashboard.ingest.scb_file import read_scb_file  # noqa: E402
from dashboard.store.dataset import read_dataset  # noqa: E402

FOLDER = ROOT.parent / "shared" / "data" / "raw" / "scb_deso_2022"


def main_bench() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    files = sorted(FOLDER.glob("*.xlsx"))
    if not files:
        print(f"no workbooks in {FOLDER} (../shared is needed)")
        return 1
    areas = read_dataset(DEFAULT_DATA).areas
    print(f"{'file':34} {'read s':>7} {'cells':>7} {'areas':>6}")
    for path in files:
        times = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            got = read_scb_file(path, areas)
            times.append(time.perf_counter() - start)
        print(f"{path.name:34} {min(times):7.2f} {len(got.tables['observations']):7d} "
              f"{len(got.tables['areas']):6d}")
    one = FOLDER / "000005FM_20240813-153407.xlsx"
    with tempfile.TemporaryDirectory() as home:
        start = time.perf_counter()
        status = main(["ingest", "scb-file", str(one), "--home", home])
        took = time.perf_counter() - start
    print(f"dashboard ingest scb-file {one.name}: {took:.2f} s (exit {status})")
    return status


if __name__ == "__main__":
    raise SystemExit(main_bench())
