"""Slope and relative index of inequality as England's public-health profiles compute them.

Source: PHEindicatormethods 2.1.0 `phe_sii()` (UKHSA; Low & Low, J Public Health
2004;26:388-395). Quantiles run from most deprived (1) to least deprived; a_j is the
population share and b_j the cumulative-rank midpoint. Weighted least squares of
y_j sqrt(a_j) on [sqrt(a_j), b_j sqrt(a_j)] gives the intercept (fitted value at rank 0) and
the slope: SII = slope, RII = (intercept + slope) / intercept.

Indicator types: 0 = normal (e.g. life expectancy), 1 = rate, 2 = proportion (0-1). A
standard error is taken as given, or derived from 95% limits as (U - L) / (2 z), after log
(rates) or logit (proportions) transformation of the limits; for those types a supplied
se is read as on the transformed scale. With `transform=True` the regression itself runs
on the log/logit scale and the fitted values at ranks 0 and 1 are transformed back:
SII = f(1) - f(0), RII = f(1) / f(0), intercept = f(0).

Confidence limits by Monte Carlo: each quantile's value is drawn from N(value, se) (on the
transformed scale for rates and proportions, transformed back unless `transform`), the
model refitted, and the simulated SIIs (RIIs) sorted; the limits are the values at 1-based
positions round(reps * alpha / 2) and round(reps * (1 - alpha / 2)). A negative
`multiplier` flips the sign of SII (and so swaps its limits) and inverts RII; the
intercept stays on the value scale. The generator is seeded, so limits are reproducible.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from scipy.special import expit, logit

from dashboard.measures.simulation import Simulation
from dashboard.measures.strata import Z95, Block, Strata, no_reason

DEFAULT_REPETITIONS = 100_000
DASHBOARD_REPETITIONS = 10_000
MIN_QUANTILES = 5
MAX_QUANTILES = 100
VALUE_TYPES = (0, 1, 2)


@dataclass(frozen=True)
class PheSii:
    """PHE SII/RII with limits, one pair per requested confidence level."""

    sii: float
    rii: float
    intercept: float
    confidence: tuple[float, ...]
    sii_lower: tuple[float, ...]
    sii_upper: tuple[float, ...]
    rii_lower: tuple[float, ...]
    rii_upper: tuple[float, ...]
    repetitions: int
    seed: int


def _forward(values: np.ndarray, value_type: int) -> np.ndarray:
    if value_type == 1:
        return np.log(values)
    if value_type == 2:
        return logit(values)
    return values


def _backward(values: np.ndarray, value_type: int) -> np.ndarray:
    if value_type == 1:
        return np.exp(values)
    if value_type == 2:
        return expit(values)
    return values


def design(population: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """sqrt(a) and the least-squares operator (X'X)^-1 X' for X = [sqrt a, b sqrt a]."""
    a = population / population.sum()
    b = np.cumsum(a) - a / 2
    root = np.sqrt(a)
    x = np.column_stack([root, b * root])
    return root, np.linalg.solve(x.T @ x, x.T)


def _indices(coefficients: np.ndarray, value_type: int, transformed: bool) -> tuple:
    """SII, RII and intercept from (..., 2) coefficient arrays [intercept, slope]."""
    intercept, slope = coefficients[..., 0], coefficients[..., 1]
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        if transformed:
            at0 = _backward(intercept, value_type)
            at1 = _backward(intercept + slope, value_type)
            return at1 - at0, at1 / at0, at0
        return slope, (intercept + slope) / intercept, intercept


def _check(
    value: np.ndarray, population: np.ndarray, se: np.ndarray, value_type: int, transform: bool
) -> None:
    n = value.shape[0]
    if not MIN_QUANTILES <= n <= MAX_QUANTILES:
        raise ValueError(f"PHE's SII needs {MIN_QUANTILES} to {MAX_QUANTILES} quantiles, got {n}")
    if population.shape != (n,) or se.shape != (n,):
        raise ValueError("value, population and standard errors must have the same length")
    if not (np.isfinite(population) & (population > 0)).all():
        raise ValueError("every quantile needs a positive population")
    if not np.isfinite(value).all():
        raise ValueError("every quantile needs a value")
    if not (np.isfinite(se) & (se >= 0)).all():
        raise ValueError("every quantile needs a standard error (or confidence limits) >= 0")
    if value_type not in VALUE_TYPES:
        raise ValueError(f"value_type must be 0 (normal), 1 (rate) or 2 (proportion): {value_type}")
    if value_type == 1 and (value <= 0).any():
        raise ValueError("rates must be positive")
    if value_type == 2 and ((value <= 0) | (value >= 1)).any():
        raise ValueError("proportions must lie strictly between 0 and 1")
    if transform and value_type == 0:
        raise ValueError("transform needs a rate (value_type 1) or proportion (value_type 2)")


def phe_sii(
    value: Sequence[float] | np.ndarray,
    population: Sequence[float] | np.ndarray,
    *,
    se: Sequence[float] | np.ndarray | None = None,
    lower_cl: Sequence[float] | np.ndarray | None = None,
    upper_cl: Sequence[float] | np.ndarray | None = None,
    quantile: Sequence[float] | np.ndarray | None = None,
    value_type: int = 0,
    transform: bool = False,
    multiplier: float = 1.0,
    confidence: float | Sequence[float] = 0.95,
    repetitions: int = DEFAULT_REPETITIONS,
    seed: int = 20240101,
) -> PheSii:
    """PHE's SII and RII for one area's quantiles, with Monte Carlo limits.

    Values are in the order of `quantile` (1 = most deprived) when given, else as passed.
    `confidence` is a fraction (0.95) or several; standard errors come from `se`, or from
    the 95% limits `lower_cl`/`upper_cl`. Raises ValueError on input PHE refuses.
    """
    value = np.asarray(value, dtype=float)
    population = np.asarray(population, dtype=float)
    if quantile is not None:
        perm = np.argsort(np.asarray(quantile, dtype=float), kind="stable")
        value, population = value[perm], population[perm]
        se = None if se is None else np.asarray(se, dtype=float)[perm]
        lower_cl = None if lower_cl is None else np.asarray(lower_cl, dtype=float)[perm]
        upper_cl = None if upper_cl is None else np.asarray(upper_cl, dtype=float)[perm]
    sigma: NDArray[np.float64]
    if se is not None:
        sigma = np.asarray(se, dtype=float)
    elif lower_cl is not None and upper_cl is not None:
        lower, upper = np.asarray(lower_cl, dtype=float), np.asarray(upper_cl, dtype=float)
        if value_type == 2 and ((lower <= 0) | (upper >= 1)).any():
            raise ValueError("confidence limits of proportions must lie between 0 and 1")
        with np.errstate(divide="ignore", invalid="ignore"):
            width = _forward(upper, value_type) - _forward(lower, value_type)
            sigma = np.asarray(width / (2 * Z95), dtype=float)
    else:
        raise ValueError("give standard errors, or lower and upper 95% confidence limits")
    _check(value, population, sigma, value_type, transform)
    levels = tuple(float(c) for c in np.atleast_1d(np.asarray(confidence, dtype=float)))
    if not all(0.5 <= c < 1 for c in levels):
        raise ValueError("confidence levels are fractions, e.g. 0.95 or 0.998")
    if repetitions < 1000:
        raise ValueError("PHE's simulation needs at least 1000 repetitions")

    root, operator = design(population)
    fit_values = _forward(value, value_type) if transform else value
    sii, rii, intercept = _indices(operator @ (fit_values * root), value_type, transform)

    rng = np.random.default_rng(seed)
    centre = _forward(value, value_type)
    draws = centre + sigma * rng.standard_normal((repetitions, value.shape[0]))
    if not transform:
        with np.errstate(over="ignore"):
            draws = _backward(draws, value_type)
    sim_sii, sim_rii, _ = _indices((draws * root) @ operator.T, value_type, transform)
    sii, sim_sii = sii * multiplier, np.sort(sim_sii * multiplier)
    if multiplier < 0:
        rii, sim_rii = 1 / rii, 1 / sim_rii
    sim_rii = np.sort(sim_rii)
    lows, highs = [], []
    for level in levels:
        upper_p = level + (1 - level) / 2
        lows.append(round(repetitions * (1 - upper_p)) - 1)
        highs.append(round(repetitions * upper_p) - 1)
    return PheSii(
        sii=float(sii),
        rii=float(rii),
        intercept=float(intercept),
        confidence=levels,
        sii_lower=tuple(float(sim_sii[i]) for i in lows),
        sii_upper=tuple(float(sim_sii[i]) for i in highs),
        rii_lower=tuple(float(sim_rii[i]) for i in lows),
        rii_upper=tuple(float(sim_rii[i]) for i in highs),
        repetitions=int(repetitions),
        seed=int(seed),
    )


def _point(st: Strata) -> tuple[np.ndarray, np.ndarray]:
    """Vectorised WLS intercept and slope (normal values), the PHE point estimates."""
    a, b, y = st.share, st.rank, st.est0
    with np.errstate(divide="ignore", invalid="ignore"):
        slope = (a * (b - 0.5) * y).sum(axis=1) / (a * (b - 0.5) ** 2).sum(axis=1)
        intercept = (a * y).sum(axis=1) - 0.5 * slope
    return intercept, slope


def _kernel(st: Strata, sim: Simulation | None, measure: str) -> Block:
    out = Block.empty(st.size)
    pops = np.where(st.present, st.pop, np.nan)
    out.flag(st.n_present < MIN_QUANTILES, "needs_at_least_five_subgroups")
    out.flag(st.n_present > MAX_QUANTILES, "too_many_subgroups")
    out.flag((st.present & ~(pops > 0)).any(axis=1), "missing_population")
    intercept, slope = _point(st)
    if measure == "sii_phe":
        out.estimate = slope
    else:
        out.flag(intercept == 0, "zero_denominator")
        with np.errstate(divide="ignore", invalid="ignore"):
            out.estimate = (intercept + slope) / intercept
    if sim is None:
        return out
    ok = no_reason(out.reason) & st.se_ok
    for row in np.nonzero(ok)[0]:
        keep = st.present[row]
        result = phe_sii(
            st.est[row, keep],
            st.pop[row, keep],
            se=st.se[row, keep],
            repetitions=DASHBOARD_REPETITIONS,
            seed=sim.seed,
        )
        if measure == "sii_phe":
            out.ci_lb[row], out.ci_ub[row] = result.sii_lower[0], result.sii_upper[0]
        else:
            out.ci_lb[row], out.ci_ub[row] = result.rii_lower[0], result.rii_upper[0]
    return out


def sii_phe(st: Strata, sim: Simulation | None = None) -> Block:
    """PHE's SII (normal values, multiplier 1) with a seeded Monte Carlo interval."""
    return _kernel(st, sim, "sii_phe")


def rii_phe(st: Strata, sim: Simulation | None = None) -> Block:
    """PHE's RII (normal values, multiplier 1) with a seeded Monte Carlo interval."""
    return _kernel(st, sim, "rii_phe")
