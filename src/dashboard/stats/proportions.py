"""Proportions with Wilson score confidence limits.

Source: PHEindicatormethods 2.1.0 `phe_proportion()` and `wilson_lower/upper()`; Wilson EB,
J Am Stat Assoc 1927;22:209-212; Newcombe RG & Altman DG in Statistics with Confidence
(2nd edn, BMJ Books 2000), pp. 46-48. For x events out of n and z the normal quantile:

    limits = (2x + z^2 -/+ z sqrt(z^2 + 4x (1 - x/n))) / (2 (n + z^2))
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from dashboard.stats.checks import as_float, not_negative, z_value


@dataclass(frozen=True)
class Proportion:
    """x / n times `multiplier` with Wilson limits; NaN where an input is missing."""

    value: np.ndarray
    lower: np.ndarray
    upper: np.ndarray
    confidence: float
    multiplier: float
    method: str = "Wilson"


def wilson_limits(
    x: object, n: object, confidence: float = 0.95
) -> tuple[np.ndarray, np.ndarray]:
    """Wilson score limits of the proportion x / n (on the 0-1 scale)."""
    x, n = as_float("x", x), as_float("n", n)
    not_negative("x", x)
    not_negative("n", n)
    if (x > n).any():
        raise ValueError("x must not exceed n for a proportion")
    z = z_value(confidence)
    with np.errstate(invalid="ignore", divide="ignore"):
        centre = 2 * x + z**2
        spread = z * np.sqrt(z**2 + 4 * x * (1 - x / n))
        denominator = 2 * (n + z**2)
        return (centre - spread) / denominator, (centre + spread) / denominator


def proportion(
    x: object, n: object, *, confidence: float = 0.95, multiplier: float = 1.0
) -> Proportion:
    """Proportions x / n with Wilson limits, all times `multiplier` (100 for percent)."""
    x, n = as_float("x", x), as_float("n", n)
    lower, upper = wilson_limits(x, n, confidence)
    with np.errstate(invalid="ignore", divide="ignore"):
        value = x / n
    return Proportion(
        value=value * multiplier,
        lower=lower * multiplier,
        upper=upper * multiplier,
        confidence=confidence,
        multiplier=multiplier,
    )
