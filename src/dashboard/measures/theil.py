"""Theil index (ti) and mean log deviation (mld): entropy measures of disproportionality.

Source: WHO HEAT Plus v6 technical notes; healthequal 1.0.1 `ti()` and `mld()` (variance
formulas after Ahn et al., JCO Clin Cancer Inform 2018;2:1-19). With population shares p_j,
weighted mean mu and r_j = y_j / mu:

    TI  = sum p_j r_j ln r_j * 1000,   se^2 = sum (1 + ln r_j - c)^2 p_j^2 s_j^2 / mu^2,
                                       c = sum_k p_k r_k (1 + ln r_k)
    MLD = sum p_j (-ln r_j) * 1000,    se^2 = sum p_j^2 s_j^2 / mu^2 (1 - 1/r_j)^2

Both need positive estimates (healthequal nudges zeros to 1e-6; we decline instead, since a
zero makes the logarithm meaningless). Unlike WHO's printout, the se here is x1000 too, in
the same unit as the estimate and the limits.
"""

from __future__ import annotations

import numpy as np

from dashboard.measures.simulation import Simulation
from dashboard.measures.strata import Block, Strata, normal_limits

PER = 1000.0


def _ratios(st: Strata, out: Block) -> np.ndarray:
    out.flag((st.present & ~(st.est > 0)).any(axis=1), "needs_positive_estimates")
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(st.present, st.est / st.weighted_mean[:, None], 1.0)


def ti(st: Strata, sim: Simulation | None = None) -> Block:
    """Theil index, x1000."""
    out = Block.empty(st.size)
    p = st.share
    r = _ratios(st, out)
    s = np.where(st.present, st.se, 0.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        log_r = np.log(r)
        out.estimate = (p * r * log_r).sum(axis=1) * PER
        centre = (p * r * (1 + log_r)).sum(axis=1, keepdims=True)
        mu = st.weighted_mean[:, None]
        var = ((1 + log_r - centre) ** 2 * p**2 * s**2 / mu**2).sum(axis=1)
    out.se = np.where(st.se_ok, np.sqrt(var) * PER, np.nan)
    out.ci_lb, out.ci_ub = normal_limits(out.estimate, out.se)
    return out


def mld(st: Strata, sim: Simulation | None = None) -> Block:
    """Mean log deviation, x1000."""
    out = Block.empty(st.size)
    p = st.share
    r = _ratios(st, out)
    s = np.where(st.present, st.se, 0.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        out.estimate = (p * -np.log(r)).sum(axis=1) * PER
        mu = st.weighted_mean[:, None]
        var = (p**2 * s**2 / mu**2 * (1 - 1 / r) ** 2).sum(axis=1)
    out.se = np.where(st.se_ok, np.sqrt(var) * PER, np.nan)
    out.ci_lb, out.ci_ub = normal_limits(out.estimate, out.se)
    return out
