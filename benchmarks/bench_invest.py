"""Benchmark of the social-investment view (/invest); prints figures, asserts nothing.

    .venv/bin/python benchmarks/bench_invest.py [--repeat 20] [--draws 10000] [--mc-repeat 50]

1. `invest_model` for the example scenario, cold: its own cache cleared before each call
   (the store's query caches warm), and fully cold (those cleared too); median of --repeat.
2. `measures.invest.monte_carlo` of that scenario with --draws draws; median of --mc-repeat.
3. The page's whole layout, `page.layout(Context(...))`, as the page callback builds it
   (every part, charts and tables included), with the model's and the store's caches
   cleared before each call; median of --repeat.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

from dashboard.app.pages import Context, page_for, registry
from dashboard.app.settings import DEFAULT_DATA
from dashboard.app.viewmodel import resolve
from dashboard.core.viewstate import from_query
from dashboard.figures.invest_model import invest_model
from dashboard.measures.invest import monte_carlo
from dashboard.store import query
from dashboard.store.dataset import read_dataset

EXAMPLE = ("?ind=sysselsatta_16_64&level=deso&costy=4000000&cyrs=3&eff=1,2,3&hor=20"
           "&shares=40,10,30,20&area=1280C1640")


def clear_query_caches() -> int:
    """Clear every lru_cache of `dashboard.store.query`; how many there are."""
    cleared = 0
    for value in vars(query).values():
        clear = getattr(value, "cache_clear", None)
        if callable(clear):
            clear()
            cleared += 1
    return cleared


def median_ms(work: Callable[[], object], repeat: int,
              before: Callable[[], object] | None = None) -> float:
    """The median time of `work` in milliseconds, `before` run untimed ahead of each call."""
    times = []
    for _ in range(repeat):
        if before is not None:
            before()
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1e3


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--draws", type=int, default=10_000)
    parser.add_argument("--mc-repeat", type=int, default=50)
    args = parser.parse_args()

    ds = read_dataset(DEFAULT_DATA)
    state, _ = resolve(ds, from_query(EXAMPLE)[0])
    model = invest_model(ds, state)
    scenario = model.scenario
    if scenario is None:
        raise SystemExit(f"the example scenario is incomplete: {', '.join(model.missing)}")
    caches = clear_query_caches()

    def fully_cold() -> None:
        invest_model.cache_clear()
        clear_query_caches()

    page = page_for("/invest", registry())

    def layout() -> object:
        return page.layout(Context(ds, state, {}, "/invest", keep=page.uses()))

    print(f"/invest{EXAMPLE}")
    print(f"({len(model.rows)} areas; store query caches cleared where asked: {caches})")
    print(f"{'what':<52} {'median ms':>10}")
    rows = [
        (f"invest_model, own cache cleared (n={args.repeat})",
         median_ms(lambda: invest_model(ds, state), args.repeat, invest_model.cache_clear)),
        (f"invest_model, query caches cleared too (n={args.repeat})",
         median_ms(lambda: invest_model(ds, state), args.repeat, fully_cold)),
        (f"monte_carlo, {args.draws:,} draws (n={args.mc_repeat})",
         median_ms(lambda: monte_carlo(scenario, args.draws, 1), args.mc_repeat)),
        (f"page.layout, caches cleared (n={args.repeat})",
         median_ms(layout, args.repeat, fully_cold)),
        (f"page.layout, caches warm (n={args.repeat})", median_ms(layout, args.repeat)),
    ]
    for what, ms in rows:
        print(f"{what:<52} {ms:>10.1f}")


if __name__ == "__main__":
    main()
