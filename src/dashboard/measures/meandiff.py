"""Mean differences and indices of disparity for non-ordered dimensions.

Source: WHO HEAT Plus v6 technical notes; healthequal 1.0.1 `mdbu()`, `mdbw()`, `mdmu()`,
`mdmw()`, `mdru()`, `mdrw()`, `idisu()`, `idisw()` (confidence intervals after Ahn et al.,
PLoS One 2019;14(7)). Each is the average absolute distance of the subgroups from a
benchmark, unweighted (each subgroup counts 1/n) or weighted by population share:

- md*m*: from the setting mean (weighted mean, else the reported setting average);
- md*b*: from the best subgroup (highest if favourable, lowest if adverse);
- md*r*: from the reference subgroup;
- idisu / idisw: MDMU / MDMW as a percentage of the mean.

All take WHO's simulation interval: the benchmark (mean, best or reference) is taken from
the same draw. healthequal keeps IDISW's mean fixed across draws; we recompute it, as
HEAT-Measures does and as every other measure here does.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from dashboard.measures.simulation import Simulation, simulated_limits
from dashboard.measures.strata import Block, Strata


def _mean(st: Strata, x: np.ndarray) -> np.ndarray:
    """Weighted mean of x where populations are known, else the reported average."""
    weighted = (st.share * x).sum(axis=-1)
    return np.where(st.pop_ok, weighted, st.setting_average)


def _best(st: Strata, x: np.ndarray) -> np.ndarray:
    high = np.where(st.present, x, -np.inf).max(axis=-1)
    low = np.where(st.present, x, np.inf).min(axis=-1)
    return np.where(st.favourable, high, low)


def _reference(st: Strata, x: np.ndarray) -> np.ndarray:
    index = np.broadcast_to(np.maximum(st.reference, 0)[:, None], (*x.shape[:-1], 1))
    return np.take_along_axis(x, index, axis=-1)[..., 0]


def _unweighted(st: Strata, x: np.ndarray, benchmark: np.ndarray) -> np.ndarray:
    distance = np.where(st.present, np.abs(x - benchmark[..., None]), 0.0)
    return distance.sum(axis=-1) / st.n_present


def _weighted(st: Strata, x: np.ndarray, benchmark: np.ndarray) -> np.ndarray:
    return (st.share * np.abs(x - benchmark[..., None])).sum(axis=-1)


def _block(st: Strata, sim: Simulation | None, statistic: Callable) -> Block:
    out = Block.empty(st.size)
    with np.errstate(divide="ignore", invalid="ignore"):
        out.estimate = statistic(st.est0)
        out.ci_lb, out.ci_ub = simulated_limits(st, sim, statistic)
    return out


def mdbu(st: Strata, sim: Simulation | None = None) -> Block:
    """Mean difference from the best subgroup, unweighted."""
    return _block(st, sim, lambda x: _unweighted(st, x, _best(st, x)))


def mdbw(st: Strata, sim: Simulation | None = None) -> Block:
    """Mean difference from the best subgroup, population-weighted."""
    return _block(st, sim, lambda x: _weighted(st, x, _best(st, x)))


def mdmu(st: Strata, sim: Simulation | None = None) -> Block:
    """Mean difference from the mean, unweighted."""
    return _block(st, sim, lambda x: _unweighted(st, x, _mean(st, x)))


def mdmw(st: Strata, sim: Simulation | None = None) -> Block:
    """Mean difference from the mean, population-weighted."""
    return _block(st, sim, lambda x: _weighted(st, x, _mean(st, x)))


def mdru(st: Strata, sim: Simulation | None = None) -> Block:
    """Mean difference from the reference subgroup, unweighted."""
    return _block(st, sim, lambda x: _unweighted(st, x, _reference(st, x)))


def mdrw(st: Strata, sim: Simulation | None = None) -> Block:
    """Mean difference from the reference subgroup, population-weighted."""
    return _block(st, sim, lambda x: _weighted(st, x, _reference(st, x)))


def idisu(st: Strata, sim: Simulation | None = None) -> Block:
    """Index of disparity, unweighted: MDMU as a percentage of the mean."""

    def statistic(x: np.ndarray) -> np.ndarray:
        mean = _mean(st, x)
        return _unweighted(st, x, mean) / mean * 100

    out = _block(st, sim, statistic)
    out.flag(st.mean == 0, "zero_mean")
    return out


def idisw(st: Strata, sim: Simulation | None = None) -> Block:
    """Index of disparity, weighted: MDMW as a percentage of the mean."""

    def statistic(x: np.ndarray) -> np.ndarray:
        mean = _mean(st, x)
        return _weighted(st, x, mean) / mean * 100

    out = _block(st, sim, statistic)
    out.flag(st.mean == 0, "zero_mean")
    return out
