"""Population attributable fraction and risk (paf, par): what reaching a reference would gain.

Source: WHO HEAT Plus v6 technical notes; healthequal 1.0.1 `paf()` and `parisk()`,
HEAT-Measures `calc_paf`; standard error from the 2 x 2 table of Walter (Int J Epidemiol
1978;7(2):175-82). The reference is the most advantaged subgroup of an ordered dimension
(a named reference subgroup is not used there, as in healthequal);
for a non-ordered one, the named reference subgroup or else the best subgroup (highest if
favourable, lowest if adverse). With mu the setting average:

    PAR = y_ref - mu,    PAF = PAR / mu * 100

set to 0 when the reference is worse than the average (no improvement to gain). The 2 x 2
table is c = y_ref / scale * N_ref, d = N_ref - c, a = mu / scale * N - c, b = N - a - N_ref and

    se(PAF as a fraction) = sqrt(c N (a d (N - c) + b c^2) / ((a + c)^3 (c + d)^3)),

se(PAR) = mu * se(PAF as a fraction). WHO prints PAF in percent but its se as a fraction;
here se(PAF) is in percent too, and the interval is PAF -/+ z se in percent. Without
populations the reported setting average serves as mu and there is no interval.
"""

from __future__ import annotations

import numpy as np

from dashboard.measures.simulation import Simulation
from dashboard.measures.strata import Block, Strata, normal_limits


def reference_column(st: Strata) -> np.ndarray:
    """Column of the subgroup PAF and PAR compare the average with."""
    high = np.argmax(np.where(st.present, st.est, -np.inf), axis=1)
    low = np.argmin(np.where(st.present, st.est, np.inf), axis=1)
    best = np.where(st.favourable, high, low)
    chosen = np.where(st.reference >= 0, st.reference, best)
    return np.where(st.ordered, st.last, chosen)


def _gain_and_se(st: Strata) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """PAR (clamped at 0 in the 'worse than average' direction), mu and se(PAF) fraction."""
    column = reference_column(st)
    rows = st.rows
    ref = st.est[rows, column]
    mu = st.mean
    gain = ref - mu
    gain = np.where(st.favourable, np.maximum(gain, 0.0), np.minimum(gain, 0.0))
    pops = np.where(st.present, np.nan_to_num(st.pop), 0.0)
    total = pops.sum(axis=1)
    ref_pop = pops[rows, column]
    with np.errstate(divide="ignore", invalid="ignore"):
        c = ref / st.scale * ref_pop
        d = ref_pop - c
        a = mu / st.scale * total - c
        b = total - a - ref_pop
        n = a + b + c + d
        se_fraction = np.sqrt(c * n * (a * d * (n - c) + b * c**2) / ((a + c) ** 3 * (c + d) ** 3))
    return gain, mu, np.where(st.pop_ok, se_fraction, np.nan)


def paf(st: Strata, sim: Simulation | None = None) -> Block:
    """Population attributable fraction, in percent of the setting average."""
    out = Block.empty(st.size)
    gain, mu, se_fraction = _gain_and_se(st)
    out.flag(mu == 0, "zero_mean")
    with np.errstate(divide="ignore", invalid="ignore"):
        out.estimate = gain / mu * 100
    out.se = se_fraction * 100
    out.ci_lb, out.ci_ub = normal_limits(out.estimate, out.se)
    return out


def par(st: Strata, sim: Simulation | None = None) -> Block:
    """Population attributable risk, in indicator units."""
    out = Block.empty(st.size)
    gain, mu, se_fraction = _gain_and_se(st)
    out.estimate = gain
    out.se = np.abs(mu * se_fraction)
    out.ci_lb, out.ci_ub = normal_limits(out.estimate, out.se)
    return out
