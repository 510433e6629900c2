"""Life expectancy from an abridged life table (Chiang II) with Silcocks' final interval.

Source: PHEindicatormethods 2.1.0 `phe_life_expectancy()` (PHE/UKHSA Life Expectancy
Calculator); Chiang CL, The Life Table and its Applications (Krieger 1984) and Introduction
to Stochastic Processes in Biostatistics (Wiley 1968), pp. 189-214; Silcocks PBS, Jenner DA,
Reza R, J Epidemiol Community Health 2001;55:38-43; Eayres DP & Williams ES, JECH
2004;58:243-249; Toson B & Baker A, ONS Methodology Series 33 (2003).

Per band i with width n_i (the last band open, width 2/M), death rate M_i = D_i / P_i and
a_i = 0.1 at age 0, else 0.5: q_i = n_i M_i / (1 + n_i M_i (1 - a_i)) (1 in the last band and
where the deaths are implausibly many), l_0 = 100,000, L_i = n_i (l_{i+1} + a_i d_i) and
L_last = l_last / M_last, e_i = T_i / l_i. Variance: var(q_i) = q_i^2 (1 - q_i) / D_i, and for
the open band Silcocks' 4 / (D M^2) weighted by (l/2)^2; SE(e_i) = sqrt(sum_{j>=i} W_j) / l_i.

Not reported (all NaN) when the total population is 5,000 or less, a band's population is
not above zero, deaths are negative or exceed a band's population, or the open band has
no deaths. A value is withheld (NaN, limits kept) where its 95% interval is wider than 20
years.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.stats import norm

from dashboard.stats.checks import as_float, z_value

PHE_AGE_STARTS: tuple[int, ...] = (0, 1, *range(5, 95, 5))
MIN_TOTAL_POPULATION = 5000
MAX_CI_WIDTH_YEARS = 20.0
RADIX = 100_000.0


@dataclass(frozen=True)
class LifeTable:
    """Life expectancy at the start of each band, with SE and limits.

    `reported` is False (and everything NaN) when the table cannot be trusted at all;
    `withheld` marks single values suppressed for a 95% interval wider than 20 years.
    """

    age_start: np.ndarray
    value: np.ndarray
    se: np.ndarray
    lower: np.ndarray
    upper: np.ndarray
    withheld: np.ndarray
    reported: bool
    reason: str | None
    confidence: float
    method: str = "Chiang II, Silcocks final interval"


def _not_reported(ages: np.ndarray, reason: str, confidence: float) -> LifeTable:
    nan = np.full(ages.shape, np.nan)
    return LifeTable(
        age_start=ages, value=nan, se=nan.copy(), lower=nan.copy(), upper=nan.copy(),
        withheld=np.zeros(ages.shape, bool), reported=False, reason=reason,
        confidence=confidence,
    )  # fmt: skip


def _refusal(deaths: np.ndarray, pops: np.ndarray) -> str | None:
    if (deaths < 0).any():
        return "negative_deaths"
    if not (pops > 0).all():
        return "population_not_positive"
    if (deaths > pops).any():
        return "deaths_exceed_population"
    if pops.sum() <= MIN_TOTAL_POPULATION:
        return "population_at_most_5000"
    if deaths[-1] <= 0:
        return "no_deaths_in_final_band"
    return None


def life_expectancy(
    deaths: object,
    population: object,
    age_start: object = PHE_AGE_STARTS,
    *,
    confidence: float = 0.95,
) -> LifeTable:
    """Abridged life table of one area; bands start at `age_start` (first 0, ascending)."""
    deaths = as_float("deaths", deaths)
    pops = as_float("population", population)
    ages = as_float("age_start", age_start)
    if not deaths.shape == pops.shape == ages.shape or ages.ndim != 1 or ages.size < 2:
        raise ValueError("deaths, population and age_start must be 1-D of equal length (>= 2)")
    if ages[0] != 0 or (np.diff(ages) <= 0).any():
        raise ValueError("age bands must start at 0 and increase")
    if np.isnan(deaths).any() or np.isnan(pops).any():
        raise ValueError("every band needs deaths and a population")
    z = z_value(confidence)
    reason = _refusal(deaths, pops)
    if reason is not None:
        return _not_reported(ages, reason, confidence)

    rate = deaths / pops
    width = np.append(np.diff(ages), 2 / rate[-1])
    a = np.where(ages == 0, 0.1, 0.5)
    plausible = deaths <= pops / width / a
    q = np.where(plausible, rate * width / (1 + rate * width * (1 - a)), 1.0)
    q[-1] = 1.0
    survivors = RADIX * np.concatenate([[1.0], np.cumprod(1 - q[:-1])])
    died = survivors - np.append(survivors[1:], 0.0)
    lived = width * (np.append(survivors[1:], 0.0) + a * died)
    lived[-1] = survivors[-1] / rate[-1]
    total = np.cumsum(lived[::-1])[::-1]
    with np.errstate(divide="ignore", invalid="ignore"):
        expectancy = np.where(survivors == 0, 0.0, total / survivors)
        var_q = np.where(died == 0, 0.0, q**2 * (1 - q) / deaths)
    var_q[-1] = 4 / (deaths[-1] * rate[-1] ** 2)
    weight = var_q * survivors**2 * ((1 - a) * width + np.append(expectancy[1:], 0.0)) ** 2
    weight[-1] = (survivors[-1] / 2) ** 2 * var_q[-1]
    with np.errstate(divide="ignore", invalid="ignore"):
        se = np.sqrt(np.cumsum(weight[::-1])[::-1] / survivors**2)
    withheld = 2 * float(norm.ppf(0.975)) * se > MAX_CI_WIDTH_YEARS
    return LifeTable(
        age_start=ages,
        value=np.where(withheld, np.nan, expectancy),
        se=se,
        lower=expectancy - z * se,
        upper=expectancy + z * se,
        withheld=withheld,
        reported=True,
        reason=None,
        confidence=confidence,
    )
