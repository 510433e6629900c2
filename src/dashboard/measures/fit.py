"""A population-weighted straight line through area values, with a t interval for its slope."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from scipy import stats


@dataclass(frozen=True)
class Fit:
    """The line y = intercept + slope x and the slope's confidence interval."""

    intercept: float
    slope: float
    lower: float
    upper: float
    n: int
    method: str = "weighted least squares (analytic weights), t interval of the slope"


def weighted_fit(x: np.ndarray, y: np.ndarray, w: np.ndarray, level: float = 0.95) -> Fit:
    """Weighted least squares with weights scaled to sum to n (analytic weights).

    The slope's interval uses the residual variance on n - 2 degrees of freedom; at least
    three points are needed.
    """
    x, y, w = (np.asarray(a, dtype=float) for a in (x, y, w))
    n = len(x)
    if n < 3:
        raise ValueError("a fit with an interval needs at least three points")
    w = w * n / w.sum()
    xm, ym = np.average(x, weights=w), np.average(y, weights=w)
    sxx = float(np.sum(w * (x - xm) ** 2))
    slope = float(np.sum(w * (x - xm) * (y - ym)) / sxx)
    intercept = float(ym - slope * xm)
    resid = y - intercept - slope * x
    sigma2 = float(np.sum(w * resid**2)) / (n - 2)
    half = float(stats.t.ppf(0.5 + level / 2, n - 2)) * math.sqrt(sigma2 / sxx)
    return Fit(intercept, slope, slope - half, slope + half, n)
