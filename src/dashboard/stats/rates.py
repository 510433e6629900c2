"""Crude rates with exact (chi-square) limits below 10 events and Byar's method from 10.

Source: PHEindicatormethods 2.1.0 `phe_rate()` and `byars_lower/upper()`; Breslow NE & Day
NE, Statistical Methods in Cancer Research vol. II (IARC 1987). For x events and z the
normal quantile at 1 - alpha/2:

    exact:  lower = chi2(alpha/2; 2x) / 2,        upper = chi2(1 - alpha/2; 2x + 2) / 2
    Byar's: lower = x (1 - 1/(9x) - z/(3 sqrt x))^3,
            upper = (x + 1) (1 - 1/(9(x + 1)) + z/(3 sqrt(x + 1)))^3

A negative Byar's lower limit (tiny counts at high confidence) is reported as NaN.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.stats import chi2

from dashboard.stats.checks import as_float, not_negative, z_value

EXACT_BELOW = 10


@dataclass(frozen=True)
class Rate:
    """x / n times `multiplier` with limits; `method` says which limits each value got."""

    value: np.ndarray
    lower: np.ndarray
    upper: np.ndarray
    method: np.ndarray
    confidence: float
    multiplier: float


def byars_lower(x: object, confidence: float = 0.95) -> np.ndarray:
    """Byar's lower limit of a count; NaN where the approximation goes negative."""
    x = as_float("x", x)
    not_negative("x", x)
    z = z_value(confidence)
    with np.errstate(invalid="ignore", divide="ignore"):
        limit = x * (1 - 1 / (9 * x) - z / (3 * np.sqrt(x))) ** 3
    return np.where(limit < 0, np.nan, limit)


def byars_upper(x: object, confidence: float = 0.95) -> np.ndarray:
    """Byar's upper limit of a count."""
    x = as_float("x", x)
    not_negative("x", x)
    z = z_value(confidence)
    return (x + 1) * (1 - 1 / (9 * (x + 1)) + z / (3 * np.sqrt(x + 1))) ** 3


def exact_lower(x: object, confidence: float = 0.95) -> np.ndarray:
    """Exact (chi-square) lower limit of a Poisson count; 0 for no events."""
    x = as_float("x", x)
    alpha = 1 - confidence
    with np.errstate(invalid="ignore"):
        limit = chi2.ppf(alpha / 2, 2 * x) / 2
    return np.where(x == 0, 0.0, limit)


def exact_upper(x: object, confidence: float = 0.95) -> np.ndarray:
    """Exact (chi-square) upper limit of a Poisson count."""
    x = as_float("x", x)
    return chi2.ppf(1 - (1 - confidence) / 2, 2 * x + 2) / 2


def crude_rate(
    x: object, n: object, *, confidence: float = 0.95, multiplier: float = 100_000
) -> Rate:
    """Rates x / n per `multiplier` with exact limits below 10 events, Byar's from 10."""
    x, n = as_float("x", x), as_float("n", n)
    not_negative("x", x)
    not_negative("n", n)
    z_value(confidence)
    exact = x < EXACT_BELOW
    lower = np.where(exact, exact_lower(x, confidence), byars_lower(x, confidence))
    upper = np.where(exact, exact_upper(x, confidence), byars_upper(x, confidence))
    with np.errstate(invalid="ignore", divide="ignore"):
        scale = multiplier / n
    method = np.where(exact, "exact", "byars").astype(object)
    method[np.isnan(x)] = None
    return Rate(
        value=x * scale,
        lower=lower * scale,
        upper=upper * scale,
        method=method,
        confidence=confidence,
        multiplier=multiplier,
    )
