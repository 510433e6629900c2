"""Difference (d) and ratio (r): the simple pairwise gap measures.

Source: WHO HEAT Plus v6 technical notes; healthequal 1.0.1 `d()` and `r()`; the pair
follows HEAT-Measures `get_est_se_min_max`. Which two subgroups are compared:

- ordered dimension: the most advantaged minus (over) the most disadvantaged subgroup for
  a favourable indicator, the reverse for an adverse one, so a positive d (r > 1) always
  means the disadvantaged end is worse off;
- non-ordered, no reference: the highest minus (over) the lowest estimate;
- non-ordered with a reference subgroup: the reference against the other subgroup that
  widens the gap most (the lowest other for a favourable indicator, the highest other for
  an adverse one, with the better value first).

A reference subgroup is only used for non-ordered dimensions, as in healthequal.

se(d) = sqrt(s1^2 + s2^2); se(ln r) = sqrt(s1^2/y1^2 + s2^2/y2^2), interval exp(ln r -/+ z se).
"""

from __future__ import annotations

import numpy as np

from dashboard.measures.simulation import Simulation
from dashboard.measures.strata import Z95, Block, Strata, normal_limits


def compared_pair(st: Strata) -> tuple[np.ndarray, np.ndarray]:
    """Column indices (first, second) of the two compared subgroups in each stratum."""
    rows, fav = st.rows, st.favourable
    present = st.present
    highest = np.argmax(np.where(present, st.est, -np.inf), axis=1)
    lowest = np.argmin(np.where(present, st.est, np.inf), axis=1)
    ref = np.maximum(st.reference, 0)
    others = present.copy()
    others[rows, ref] &= st.reference < 0
    highest_other = np.argmax(np.where(others, st.est, -np.inf), axis=1)
    lowest_other = np.argmin(np.where(others, st.est, np.inf), axis=1)
    has_ref = st.reference >= 0
    first = np.where(has_ref, np.where(fav, ref, highest_other), highest)
    second = np.where(has_ref, np.where(fav, lowest_other, ref), lowest)
    first = np.where(st.ordered, np.where(fav, st.last, 0), first)
    second = np.where(st.ordered, np.where(fav, 0, st.last), second)
    return first, second


def _pair_values(st: Strata) -> tuple[np.ndarray, ...]:
    first, second = compared_pair(st)
    rows = st.rows
    y1, y2 = st.est[rows, first], st.est[rows, second]
    s1, s2 = st.se[rows, first], st.se[rows, second]
    return y1, y2, s1, s2


def difference(st: Strata, sim: Simulation | None = None) -> Block:
    """d: the gap between the compared pair, in indicator units."""
    y1, y2, s1, s2 = _pair_values(st)
    out = Block.empty(st.size)
    out.flag(~(np.isfinite(y1) & np.isfinite(y2)), "missing_estimates")
    out.estimate = y1 - y2
    out.se = np.sqrt(s1**2 + s2**2)
    out.ci_lb, out.ci_ub = normal_limits(out.estimate, out.se)
    return out


def ratio(st: Strata, sim: Simulation | None = None) -> Block:
    """r: the ratio of the compared pair; se is on the log scale."""
    y1, y2, s1, s2 = _pair_values(st)
    out = Block.empty(st.size)
    out.flag(~(np.isfinite(y1) & np.isfinite(y2)), "missing_estimates")
    out.flag(y2 == 0, "zero_denominator")
    with np.errstate(divide="ignore", invalid="ignore"):
        out.estimate = y1 / y2
        out.se = np.sqrt(s1**2 / y1**2 + s2**2 / y2**2)
        log_r = np.log(np.where(out.estimate > 0, out.estimate, np.nan))
        out.ci_lb = np.exp(log_r - Z95 * out.se)
        out.ci_ub = np.exp(log_r + Z95 * out.se)
    return out
