"""Benchmark of the gap-measure engine; prints figures, asserts nothing.

    python benchmarks/bench_measures.py

1. Every measure (point estimates and analytic intervals) for 10,000 strata of 10 subgroups
   and for 1,000 strata of 136 subgroups (Malmö's delområden): the vectorised
   `compute_batch` over all strata at once against a plain Python loop calling it once
   per stratum.
2. `compute_all` on one view of 10 subgroups (every measure, simulated intervals
   included), which a dashboard callback runs on each interaction; the budget is 50 ms.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

import numpy as np

from dashboard.measures import MEASURES, Subgroups, compute_all, compute_batch

SEED = 1
BUDGET_MS = 50.0


def _strata(size: int, width: int, rng: np.random.Generator) -> dict[str, np.ndarray]:
    return {
        "estimate2d": rng.uniform(20, 80, (size, width)),
        "se2d": rng.uniform(0.5, 3.0, (size, width)),
        "pop2d": rng.integers(500, 20_000, (size, width)).astype(float),
        "order2d": np.tile(np.arange(1.0, width + 1), (size, 1)),
    }


def _arguments(measure: str, data: dict[str, np.ndarray], rows: slice) -> dict[str, object]:
    ordered = "non_ordered" not in MEASURES[measure].dimensions
    args: dict[str, object] = {k: v[rows] for k, v in data.items() if k != "order2d"}
    if ordered:
        args["order2d"] = data["order2d"][rows]
    if MEASURES[measure].needs_reference:
        args["reference"] = 0
    return {**args, "scale": 100.0}


def _seconds(work: Callable[[], object], repeat: int = 1) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def bench_batch(size: int, width: int) -> None:
    data = _strata(size, width, np.random.default_rng(SEED))
    print(f"\n{size:,} strata x {width} subgroups (times in ms)")
    print(f"{'measure':<8} {'vectorised':>11} {'loop':>10} {'speed-up':>9}  note")
    total_vec = total_loop = 0.0
    for measure in MEASURES:
        args = _arguments(measure, data, slice(None))
        result = compute_batch(measure, **args)
        reasons = sorted({r for r in result["reason"] if r is not None})
        note = f"not applicable: {', '.join(reasons)}" if reasons else ""
        vectorised = _seconds(lambda m=measure, a=args: compute_batch(m, **a), repeat=3)

        def loop(m: str = measure) -> None:
            for i in range(size):
                compute_batch(m, **_arguments(m, data, slice(i, i + 1)))

        looped = _seconds(loop)
        total_vec += vectorised
        total_loop += looped
        print(f"{measure:<8} {vectorised * 1e3:>11.1f} {looped * 1e3:>10.0f} "
              f"{looped / vectorised:>8.0f}x  {note}")
    print(f"{'all':<8} {total_vec * 1e3:>11.1f} {total_loop * 1e3:>10.0f} "
          f"{total_loop / total_vec:>8.0f}x")


def bench_view() -> None:
    rng = np.random.default_rng(SEED)
    views = {
        "non-ordered": Subgroups(
            estimate=rng.uniform(70, 85, 10), se=rng.uniform(0.3, 1.0, 10),
            population=rng.integers(5_000, 40_000, 10).astype(float), reference=0,
        ),
        "ordered": Subgroups(
            estimate=rng.uniform(20, 80, 10), se=rng.uniform(0.5, 3.0, 10),
            population=rng.integers(500, 20_000, 10).astype(float),
            order=np.arange(1, 11), scale=100.0,
        ),
    }  # fmt: skip
    print("\ncompute_all on one view of 10 subgroups (all measures, simulated intervals)")
    for name, groups in views.items():
        compute_all(groups)
        runs = []
        for _ in range(30):
            start = time.perf_counter()
            compute_all(groups)
            runs.append((time.perf_counter() - start) * 1e3)
        median = statistics.median(runs)
        verdict = "within" if median < BUDGET_MS else "OVER"
        print(f"{name:<12} median {median:6.1f} ms, max {max(runs):6.1f} ms "
              f"({verdict} the {BUDGET_MS:.0f} ms budget)")


def main() -> None:
    bench_batch(10_000, 10)
    bench_batch(1_000, 136)
    bench_view()


if __name__ == "__main__":
    main()
