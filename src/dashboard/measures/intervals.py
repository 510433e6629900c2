"""Standard errors from confidence intervals, and the margin of a change between two values.

Both assume a normal sampling distribution; the quantile comes from scipy rather than a
rounded 1.96, so other levels work the same way.
"""

from __future__ import annotations

import numpy as np
from scipy import stats


def z_value(level: float = 0.95) -> float:
    """The two-sided standard-normal quantile of a confidence level (1.959964 at 95 %)."""
    return float(stats.norm.ppf(0.5 + level / 2))


def se_from_ci(low: np.ndarray, high: np.ndarray, level: float = 0.95) -> np.ndarray:
    """Standard errors from symmetric normal intervals: (high - low) / (2 z); NaN stays NaN."""
    low, high = np.asarray(low, dtype=float), np.asarray(high, dtype=float)
    return (high - low) / (2 * z_value(level))


def change_margin(se_first: float, se_last: float, level: float = 0.95) -> float:
    """Half-width of the interval of a difference between two independent estimates."""
    return z_value(level) * float(np.hypot(se_first, se_last))
