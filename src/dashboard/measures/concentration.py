"""Absolute and relative concentration indices (aci, rci) for ordered dimensions.

Source: WHO HEAT Plus v6 technical notes; healthequal 1.0.1 `aci()` and `rci()` (Schlotheuber
& Hosseinpoor 2022, IJERPH 19(6):3697). With population shares p_j and cumulative-rank
midpoints X_j (rank 0 = most disadvantaged):

    ACI = sum_j p_j (2 X_j - 1) y_j,    RCI = ACI / mu   (a fraction, not x100)

The standard error is the one WHO uses: the convenient regression of
2 sigma^2 y_j sqrt(N_j) on [X_j sqrt(N_j), sqrt(N_j)] without intercept, where sigma^2 is the
weighted variance of the ranks; its slope equals ACI and its ordinary least-squares
standard error (residual variance on n - 2 degrees of freedom) is the se of ACI. RCI and its
se are ACI and se(ACI) divided by the weighted mean mu.
"""

from __future__ import annotations

import numpy as np

from dashboard.measures.simulation import Simulation
from dashboard.measures.strata import Block, Strata, normal_limits


def _aci_with_se(st: Strata) -> tuple[np.ndarray, np.ndarray]:
    p, x, y = st.share, st.rank, st.est0
    sigma2 = (p * (x - 0.5) ** 2).sum(axis=1, keepdims=True)
    aci = (p * (2 * x - 1) * y).sum(axis=1)
    root = np.sqrt(p)
    lhs = 2 * sigma2 * y * root
    # Normal equations of lhs ~ 0 + X*root + root, with root^2 = p.
    sxx = (p * x * x).sum(axis=1)
    sx = (p * x).sum(axis=1)
    s1 = p.sum(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        det = sxx * s1 - sx * sx
        bxy = (x * root * lhs).sum(axis=1)
        by = (root * lhs).sum(axis=1)
        slope = (s1 * bxy - sx * by) / det
        intercept = (sxx * by - sx * bxy) / det
        resid = lhs - slope[:, None] * x * root - intercept[:, None] * root
        df = st.n_present - 2
        sigma_res = (resid**2).sum(axis=1) / df
        se = np.sqrt(sigma_res * s1 / det)
    return aci, se


def aci(st: Strata, sim: Simulation | None = None) -> Block:
    """Absolute concentration index, in indicator units."""
    out = Block.empty(st.size)
    out.estimate, out.se = _aci_with_se(st)
    out.ci_lb, out.ci_ub = normal_limits(out.estimate, out.se)
    return out


def rci(st: Strata, sim: Simulation | None = None) -> Block:
    """Relative concentration index, as a fraction of the weighted mean."""
    out = Block.empty(st.size)
    mu = st.weighted_mean
    out.flag(mu == 0, "zero_mean")
    value, se = _aci_with_se(st)
    with np.errstate(divide="ignore", invalid="ignore"):
        out.estimate = value / mu
        out.se = se / np.abs(mu)
    out.ci_lb, out.ci_ub = normal_limits(out.estimate, out.se)
    return out
