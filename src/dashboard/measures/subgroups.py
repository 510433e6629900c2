"""The input of every measure: the subgroups of one stratum, checked once on construction.

A stratum is one setting, year, indicator and dimension (e.g. Malmö, 2012, life
expectancy, district). Invalid input (arrays of different lengths, negative populations or
standard errors, repeated subgroup orders, a reference index out of range) raises
`ValueError` here, so the measures only ever see well-formed data. Missing values are
allowed where WHO HEAT allows them: estimates (the subgroup is then left out where the
measure permits), standard errors (no interval) and populations (the reported setting
average stands in where a measure only needs the mean).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np


def _vector(name: str, values: object, length: int | None) -> np.ndarray:
    array = np.array(values, dtype=float, copy=True)
    if array.ndim != 1:
        raise ValueError(f"{name} must be one-dimensional, got shape {array.shape}")
    if length is not None and array.shape[0] != length:
        raise ValueError(f"{name} has {array.shape[0]} values, estimate has {length}")
    if np.isinf(array).any():
        raise ValueError(f"{name} must not contain infinite values")
    array.setflags(write=False)
    return array


@dataclass(frozen=True, eq=False)
class Subgroups:
    """One stratum's subgroups; arrays of equal length, one entry per subgroup.

    `order` ranks the subgroups of an ordered dimension, 1 = most disadvantaged (any
    increasing numbers will do); None means a non-ordered dimension. `reference` is the
    index of the reference subgroup, if any. `favourable` is True when higher values are
    better. `scale` is the indicator scale (100 for percent, 1000 for per-1,000 rates, 1
    for years). `setting_average` is the reported average, used only where populations
    are missing.
    """

    estimate: np.ndarray
    se: np.ndarray
    population: np.ndarray
    order: np.ndarray | None = None
    reference: int | None = None
    favourable: bool = True
    scale: float = 1.0
    setting_average: float | None = None

    def __post_init__(self) -> None:
        estimate = _vector("estimate", self.estimate, None)
        n = estimate.shape[0]
        se = _vector("se", np.full(n, np.nan) if self.se is None else self.se, n)
        population = _vector(
            "population", np.full(n, np.nan) if self.population is None else self.population, n
        )
        if (se < 0).any():
            raise ValueError("se must not be negative")
        if (population < 0).any():
            raise ValueError("population must not be negative")
        order = None
        if self.order is not None:
            order = _vector("order", self.order, n)
            if np.isnan(order).any():
                raise ValueError("order must be given for every subgroup of an ordered dimension")
            if np.unique(order).shape[0] != n:
                raise ValueError("order must not repeat: each subgroup needs its own rank")
        reference = self.reference
        if reference is not None:
            if isinstance(reference, bool) or not isinstance(reference, int | np.integer):
                raise ValueError(f"reference must be a subgroup index, got {reference!r}")
            if not 0 <= reference < n:
                raise ValueError(f"reference index {reference} is outside 0..{n - 1}")
            reference = int(reference)
        scale = float(self.scale)
        if not math.isfinite(scale) or scale <= 0:
            raise ValueError(f"scale must be a positive number, got {self.scale!r}")
        average = self.setting_average
        if average is not None:
            average = float(average)
            if not math.isfinite(average):
                average = None
        object.__setattr__(self, "estimate", estimate)
        object.__setattr__(self, "se", se)
        object.__setattr__(self, "population", population)
        object.__setattr__(self, "order", order)
        object.__setattr__(self, "reference", reference)
        object.__setattr__(self, "favourable", bool(self.favourable))
        object.__setattr__(self, "scale", scale)
        object.__setattr__(self, "setting_average", average)

    @property
    def ordered(self) -> bool:
        """True for an ordered dimension (the subgroups carry a rank)."""
        return self.order is not None

    def __len__(self) -> int:
        return int(self.estimate.shape[0])
