"""The yearly cost of a gap in natural units, and an indicator effect as units per person.

Pure and vectorised. `conversion` is one of `core.natural_units.CONVERSIONS`; the gap is
oriented so that a positive gap is a shortfall (the area is worse than its reference), and
only shortfalls count: an area better than its reference costs nothing.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

# Natural units per person for one unit of the indicator: a percentage point is a hundredth
# of a person, a rate per 1,000 a thousandth; a rate per person and a year of life
# expectancy (before dividing by the life expectancy, below) count whole.
PER_UNIT = {"share": 0.01, "per_person": 1.0, "per_1000": 0.001, "life_expectancy": 1.0}


def shortfall(values: ArrayLike, reference: float | ArrayLike, higher_better: bool
              ) -> np.ndarray:
    """How far each value falls short of the reference (0 where it is as good or better)."""
    values = np.asarray(values, dtype=float)
    gap = np.asarray(reference, dtype=float) - values if higher_better \
        else values - np.asarray(reference, dtype=float)
    return np.where(np.isnan(gap), np.nan, np.maximum(gap, 0.0))


def units_per_person(change: ArrayLike, conversion: str, level: ArrayLike) -> np.ndarray:
    """Natural units per person per year for a change of `change` in the indicator; `level`
    is the life expectancy the yearly deaths are counted from (used by 'life_expectancy')."""
    per = np.asarray(change, dtype=float) * PER_UNIT[conversion]
    if conversion == "life_expectancy":
        return per / np.asarray(level, dtype=float)
    return per


def yearly_units(gap: ArrayLike, base: ArrayLike, conversion: str, level: ArrayLike
                 ) -> np.ndarray:
    """The units a shortfall amounts to each year: people, days or life-years."""
    return units_per_person(gap, conversion, level) * np.asarray(base, dtype=float)


def relative_change(percent: ArrayLike, value: ArrayLike) -> np.ndarray:
    """A change given as a percent of the current value, in the indicator's own unit."""
    return np.asarray(percent, dtype=float) / 100 * np.asarray(value, dtype=float)
