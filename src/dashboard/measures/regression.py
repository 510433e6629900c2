"""Slope and relative index of inequality (sii, rii) by WHO's logistic regression.

Source: WHO HEAT Plus v6 technical notes; HEAT-Measures `calc_sii`/`calc_rii` and healthequal
1.0.1 `sii()`/`rii()`. Populations are rounded up, counts are y_j = round(est_j / scale * N_j),
and a binomial GLM with logit link is fitted to (y_j, N_j - y_j) on the cumulative-rank
midpoint X_j with prior weights N_j. As in R's `glm` with a two-column response, the prior
weight multiplies the binomial size, so each subgroup's working weight is N_j^2 mu (1 - mu).
SII = f(1) - f(0) and RII = f(1) / f(0) for the fitted proportion f at rank 1 (most advantaged)
and rank 0. The variance is HC1 robust (sandwich, n / (n - 2) small-sample factor) and the
delta method carries it to SII and to ln RII, as `marginaleffects::avg_comparisons` does.

The fit is a hand-written iteratively reweighted least squares, vectorised over strata
(each stratum's 2 x 2 normal equations are solved in closed form).

Units: SII, its se and limits are on the indicator scale (WHO's own output prints the se
on the 0-1 scale; multiply it by the scale to compare). RII's se is that of ln RII.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.special import expit

from dashboard.measures.simulation import Simulation
from dashboard.measures.strata import Z95, Block, Strata, no_reason, normal_limits

MAX_ITERATIONS = 100
TOLERANCE = 1e-12


@dataclass
class LogitFit:
    """Per-stratum fit: coefficients, their HC1 covariance and what stops the measure."""

    b0: np.ndarray
    b1: np.ndarray
    cov: np.ndarray
    reason: np.ndarray


def _solve(w: np.ndarray, x: np.ndarray, z: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Weighted least squares of z on [1, x] per row, in closed form."""
    s0 = w.sum(axis=1)
    s1 = (w * x).sum(axis=1)
    s2 = (w * x * x).sum(axis=1)
    t0 = (w * z).sum(axis=1)
    t1 = (w * x * z).sum(axis=1)
    det = s0 * s2 - s1 * s1
    return (s2 * t0 - s1 * t1) / det, (s0 * t1 - s1 * t0) / det


def fit_logit(st: Strata) -> LogitFit:
    """Fit WHO's binomial model in every stratum (rows already checked elsewhere may be junk)."""
    reason = np.full(st.size, None, object)
    size = np.where(st.present, np.ceil(np.nan_to_num(st.pop)), 0.0)
    with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
        counts = np.round(st.est0 / st.scale[:, None] * size)
        outside = (st.present & ((counts < 0) | (counts > size))).any(axis=1)
        reason[outside] = "estimate_outside_scale"
        total = size.sum(axis=1, keepdims=True)
        share = np.where(total > 0, size / np.where(total > 0, total, 1.0), 0.0)
        x = np.cumsum(share, axis=1) - share / 2
        prop = np.where(size > 0, counts / np.where(size > 0, size, 1.0), 0.0)
        events = np.where(st.present, counts, 0.0).sum(axis=1)
        degenerate = (events <= 0) | (events >= total[:, 0])
        reason[degenerate & no_reason(reason)] = "degenerate_counts"
        prior = size * size
        mu = (size * prop + 0.5) / (size + 1)
        eta = np.log(mu / (1 - mu))
        b0 = np.zeros(st.size)
        b1 = np.zeros(st.size)
        active = no_reason(reason)
        for _ in range(MAX_ITERATIONS):
            mu = expit(eta)
            var = mu * (1 - mu)
            z = eta + (prop - mu) / var
            n0, n1 = _solve(prior * var, x, np.where(st.present, z, 0.0))
            change = np.abs(n0 - b0) + np.abs(n1 - b1)
            b0, b1 = n0, n1
            eta = b0[:, None] + b1[:, None] * x
            limit = TOLERANCE * (1 + np.abs(b0) + np.abs(b1))
            if not (change > limit)[active].any():
                break
        mu = expit(eta)
        w = prior * mu * (1 - mu)
        s0, s1, s2 = w.sum(axis=1), (w * x).sum(axis=1), (w * x * x).sum(axis=1)
        det = s0 * s2 - s1 * s1
        inverse = np.stack([np.stack([s2, -s1], -1), np.stack([-s1, s0], -1)], -2)
        bread = inverse / det[:, None, None]
        u = np.where(st.present, prior * (prop - mu), 0.0)
        m0, m1, m2 = (u * u).sum(axis=1), (u * u * x).sum(axis=1), (u * u * x * x).sum(axis=1)
        meat = np.stack([np.stack([m0, m1], -1), np.stack([m1, m2], -1)], -2)
        n = st.n_present
        hc1 = (n / (n - 2.0))[:, None, None]
        cov = bread @ meat @ bread * hc1
    bad = ~(np.isfinite(b0) & np.isfinite(b1) & np.isfinite(cov).all(axis=(1, 2)))
    reason[bad & no_reason(reason)] = "model_did_not_converge"
    return LogitFit(b0, b1, cov, reason)


def _delta_se(cov: np.ndarray, g0: np.ndarray, g1: np.ndarray) -> np.ndarray:
    grad = np.stack([g0, g1], -1)
    with np.errstate(invalid="ignore"):
        return np.sqrt(np.einsum("si,sij,sj->s", grad, cov, grad))


def sii(st: Strata, sim: Simulation | None = None) -> Block:
    """Slope index of inequality on the indicator scale."""
    fit = fit_logit(st)
    out = Block.empty(st.size)
    out.reason = fit.reason
    p0, p1 = expit(fit.b0), expit(fit.b0 + fit.b1)
    se01 = _delta_se(fit.cov, p1 * (1 - p1) - p0 * (1 - p0), p1 * (1 - p1))
    out.estimate = (p1 - p0) * st.scale
    out.se = se01 * st.scale
    out.ci_lb, out.ci_ub = normal_limits(out.estimate, out.se)
    return out


def rii(st: Strata, sim: Simulation | None = None) -> Block:
    """Relative index of inequality; se is that of ln RII."""
    fit = fit_logit(st)
    out = Block.empty(st.size)
    out.reason = fit.reason
    p0, p1 = expit(fit.b0), expit(fit.b0 + fit.b1)
    with np.errstate(divide="ignore", invalid="ignore"):
        log_rii = np.log(p1) - np.log(p0)
    out.se = _delta_se(fit.cov, p0 - p1, 1 - p1)
    out.estimate = np.exp(log_rii)
    out.ci_lb = np.exp(log_rii - Z95 * out.se)
    out.ci_ub = np.exp(log_rii + Z95 * out.se)
    return out
