"""Seeded simulation intervals as WHO HEAT computes them for measures without a formula.

Source: WHO HEAT / HEAT Plus v6 technical notes and the engine behind them (R packages
WHOequity/HEAT-Measures and healthequal 1.0.1, functions bgsd, covar, idis*, md*): each
subgroup estimate is drawn from N(estimate, se), redrawn until it lies in the indicator's
valid range (0-100 for percentages, >= 0 otherwise), the measure is recomputed on every
draw, and the 2.5th and 97.5th percentiles (R's default quantile, i.e. linear
interpolation) bound the 95% interval. HEAT draws 100 times with a fixed seed; so do we,
with numpy's generator and our own seed, so the same input always gives the same interval
(the digits differ from R's, whose random stream is not reproduced).

Where an estimate itself lies outside the valid range (a negative change, say), that bound
is dropped for it rather than redrawing forever.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from functools import cached_property

import numpy as np

from dashboard.measures.strata import Strata

DEFAULT_DRAWS = 100
MAX_REDRAW_ROUNDS = 1000


def draw_estimates(st: Strata, n_draws: int, rng: np.random.Generator) -> np.ndarray:
    """Simulated estimates, shape (n_draws, strata, subgroups); NaN where not drawable."""
    mean = np.where(st.present, st.est, np.nan)
    sd = np.where(st.present, st.se, np.nan)
    percent = (st.scale == 100)[:, None]
    lower = np.where(mean < 0, -np.inf, 0.0)
    upper = np.where(percent & (mean <= 100), 100.0, np.inf)
    draws = mean + sd * rng.standard_normal((n_draws, *mean.shape))
    drawable = np.isfinite(mean) & np.isfinite(sd)
    for _ in range(MAX_REDRAW_ROUNDS):
        outside = drawable & ((draws < lower) | (draws > upper))
        count = int(outside.sum())
        if count == 0:
            break
        index = np.nonzero(outside)
        draws[index] = mean[index[1:]] + sd[index[1:]] * rng.standard_normal(count)
    return np.clip(draws, lower, upper)


def percentile_limits(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """2.5th and 97.5th percentiles over the first axis, ignoring NaN draws."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        lower, upper = np.nanquantile(values, [0.025, 0.975], axis=0)
    return lower, upper


class Simulation:
    """The seed and draw count for one computation, with the HEAT draws made once."""

    def __init__(self, strata: Strata, seed: int, n_draws: int = DEFAULT_DRAWS):
        if n_draws < 2:
            raise ValueError("a simulation needs at least 2 draws")
        self.strata = strata
        self.seed = int(seed)
        self.n_draws = int(n_draws)

    def rng(self) -> np.random.Generator:
        """A fresh generator from the seed, so each measure's draws are reproducible."""
        return np.random.default_rng(self.seed)

    @cached_property
    def draws(self) -> np.ndarray:
        """HEAT's truncated normal draws of the subgroup estimates."""
        return draw_estimates(self.strata, self.n_draws, self.rng())


def simulated_limits(
    st: Strata, sim: Simulation | None, statistic: Callable[[np.ndarray], np.ndarray]
) -> tuple[np.ndarray, np.ndarray]:
    """Interval of `statistic` over the HEAT draws; NaN without a simulation or se.

    `statistic` maps subgroup values (..., strata, subgroups), zero where absent, to one
    value per stratum; the same function gives the point estimate from `st.est0`.
    """
    nan = np.full(st.size, np.nan)
    if sim is None or not st.se_ok.any():
        return nan, nan.copy()
    draws = np.where(st.present, sim.draws, 0.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        lower, upper = percentile_limits(statistic(draws))
    return np.where(st.se_ok, lower, np.nan), np.where(st.se_ok, upper, np.nan)
