"""Between-group variance, standard deviation and coefficient of variation (bgv, bgsd, cov).

Source: WHO HEAT Plus v6 technical notes; healthequal 1.0.1 `bgv()`, `bgsd()`, `covar()`.
With population shares p_j and the weighted mean mu:

    BGV = sum_j p_j (y_j - mu)^2,   BGSD = sqrt(BGV),   COV = BGSD / mu * 100

BGV has WHO's analytic standard error,
    se^2 = 4 sum p^2 s^2 (y - mu)^2 + 2 [ (sum p^2 s^2)^2 - sum p^4 s^4 + sum p^2 (1 - p)^2 s^4 ],
BGSD and COV take WHO's simulation interval (the mean recomputed on every draw).
"""

from __future__ import annotations

import numpy as np

from dashboard.measures.simulation import Simulation, simulated_limits
from dashboard.measures.strata import Block, Strata, normal_limits


def _bgv(st: Strata, x: np.ndarray) -> np.ndarray:
    p = st.share
    mean = (p * x).sum(axis=-1, keepdims=True)
    return (p * (x - mean) ** 2).sum(axis=-1)


def _cov(st: Strata, x: np.ndarray) -> np.ndarray:
    mean = (st.share * x).sum(axis=-1)
    return np.sqrt(_bgv(st, x)) / mean * 100


def bgv(st: Strata, sim: Simulation | None = None) -> Block:
    """Between-group variance, in squared indicator units."""
    out = Block.empty(st.size)
    p, y, s = st.share, st.est0, np.where(st.present, st.se, 0.0)
    out.estimate = _bgv(st, y)
    mu = st.weighted_mean[:, None]
    term1 = (p**2 * s**2 * (y - mu) ** 2).sum(axis=1)
    s2 = (p**2 * s**2).sum(axis=1)
    s4 = (p**4 * s**4).sum(axis=1)
    se4 = (p**2 * (1 - p) ** 2 * s**4).sum(axis=1)
    with np.errstate(invalid="ignore"):
        out.se = np.where(st.se_ok, np.sqrt(4 * term1 + 2 * (s2**2 - s4 + se4)), np.nan)
    out.ci_lb, out.ci_ub = normal_limits(out.estimate, out.se)
    return out


def bgsd(st: Strata, sim: Simulation | None = None) -> Block:
    """Between-group standard deviation, in indicator units."""
    out = Block.empty(st.size)
    out.estimate = np.sqrt(_bgv(st, st.est0))
    out.ci_lb, out.ci_ub = simulated_limits(st, sim, lambda x: np.sqrt(_bgv(st, x)))
    return out


def cov(st: Strata, sim: Simulation | None = None) -> Block:
    """Coefficient of variation: BGSD as a percentage of the weighted mean."""
    out = Block.empty(st.size)
    out.flag(st.weighted_mean == 0, "zero_mean")
    with np.errstate(divide="ignore", invalid="ignore"):
        out.estimate = _cov(st, st.est0)
        out.ci_lb, out.ci_ub = simulated_limits(st, sim, lambda x: _cov(st, x))
    return out
