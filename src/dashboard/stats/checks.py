"""Argument checks shared by the indicator statistics."""

from __future__ import annotations

import numpy as np
from scipy.stats import norm


def z_value(confidence: float) -> float:
    """Two-sided normal quantile for a confidence level given as a fraction."""
    if not 0 < confidence < 1:
        raise ValueError(f"confidence is a fraction between 0 and 1 (e.g. 0.95), got {confidence}")
    return float(norm.ppf(confidence + (1 - confidence) / 2))


def as_float(name: str, values: object) -> np.ndarray:
    """A float array of `values`; NaN stays NaN (missing), infinity is refused."""
    array = np.asarray(values, dtype=float)
    if np.isinf(array).any():
        raise ValueError(f"{name} must not contain infinite values")
    return array


def not_negative(name: str, array: np.ndarray) -> None:
    if (array < 0).any():
        raise ValueError(f"{name} must not be negative")
