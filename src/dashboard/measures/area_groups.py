"""Small areas grouped into population-weighted fifths or tenths along a social determinant.

Convention: the areas are ranked by the determinant from the most to the least
disadvantaged end and cut into groups that each hold about 1/k of the population, not 1/k
of the areas, as in Public Health Scotland's population-weighted SIMD quintiles and deciles
of data zones (opendata.nhs.scot, "Scottish Index of Multiple Deprivation", data
dictionary) and the deprivation categories of England's public-health profiles (Fingertips
technical guidance, "Assigning deprivation categories"). An area is never split: the whole
area goes to the group in which its population midpoint falls, i.e. the area whose people
occupy the cumulative share (c - p/2, c] of the city's population lies in group
floor((c - p/2) * k) + 1, so group g holds the areas whose midpoint lies in
[(g - 1)/k, g/k). Areas that tie on the determinant are one block with one midpoint, so
they always share a group and the result does not depend on the input order.
The Swedish classification of small areas, Delmos and SCB's five "områdestyper" of RegSO,
cuts a socioeconomic index at fixed thresholds, so its groups differ in size; it is not used
here, where the groups must hold equal shares of the people for the slope index to read as
"from the poorest fifth to the richest".

A group's value is the population-weighted mean of its areas' values (or, where every area
gives a numerator and denominator, the pooled proportion with a Wilson interval: the same
weighting by the denominator). Its standard error, where the areas give one, is that of the
weighted mean of independent estimates.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from dashboard.measures.strata import Z95
from dashboard.stats.proportions import wilson_limits

BINS = (5, 10)


@dataclass(frozen=True, eq=False)
class AreaGroups:
    """Each area's group, 1 (most disadvantaged) to `bins`, and per group its people and areas.

    `midpoint` is each area's cumulative population share at its midpoint (0 to 1) on the
    ranking; `population` and `n_areas` have one entry per group, in group order.
    """

    bins: int
    group: np.ndarray
    midpoint: np.ndarray
    population: np.ndarray
    n_areas: np.ndarray

    def members(self, g: int) -> np.ndarray:
        """Indices of the areas in group g (1-based)."""
        return np.flatnonzero(self.group == g)


@dataclass(frozen=True, eq=False)
class GroupValues:
    """One value per group (NaN for a group without areas) with its standard error and 95%
    limits (NaN where the inputs give no uncertainty); `weight` is the population the value
    is weighted by. `method` names how the interval was made: 'wilson', 'se' or ''."""

    estimate: np.ndarray
    se: np.ndarray
    ci_low: np.ndarray
    ci_high: np.ndarray
    weight: np.ndarray
    method: str


def _vector(name: str, values: object) -> np.ndarray:
    array = np.asarray(values, dtype=float)
    if array.ndim != 1:
        raise ValueError(f"{name} must be one-dimensional, got shape {array.shape}")
    return array


def population_groups(key: object, population: object, bins: int, *,
                      ascending: bool) -> AreaGroups:
    """Group areas into `bins` population-weighted groups along `key`.

    `ascending=True` puts the lowest key in group 1 (a determinant where higher is better,
    e.g. income); `False` puts the highest key there (e.g. the share with low economic
    standard). Raises ValueError for unequal lengths, a missing key or population, a
    negative population, no people at all, or a number of groups other than 5 or 10.
    """
    keys, people = _vector("key", key), _vector("population", population)
    if keys.shape != people.shape:
        raise ValueError(f"key has {keys.size} values, population has {people.size}")
    if bins not in BINS:
        raise ValueError(f"groups must be fifths or tenths (5 or 10), got {bins!r}")
    if not np.isfinite(keys).all():
        raise ValueError(f"key is missing for area(s) {np.flatnonzero(~np.isfinite(keys))}")
    if not np.isfinite(people).all() or (people < 0).any():
        bad = np.flatnonzero(~np.isfinite(people) | (people < 0))
        raise ValueError(f"population must be known and not negative; area(s) {bad}")
    total = float(people.sum())
    if total <= 0:
        raise ValueError("the areas hold no people, so they cannot be weighted by population")
    levels, block = np.unique(keys, return_inverse=True)
    if not ascending:
        block = levels.size - 1 - block
    block_people = np.bincount(block, weights=people, minlength=levels.size)
    mid = (np.cumsum(block_people) - block_people / 2) / total
    block_group = np.minimum(np.floor(mid * bins).astype(int) + 1, bins)
    group = block_group[block]
    counts = np.bincount(group, minlength=bins + 1)[1:]
    sums = np.bincount(group, weights=people, minlength=bins + 1)[1:]
    return AreaGroups(bins, group, mid[block], sums, counts)


def group_values(groups: AreaGroups, values: object, weight: object, *,
                 se: object | None = None, numerator: object | None = None,
                 denominator: object | None = None, scale: float = 1.0) -> GroupValues:
    """The population-weighted value of each group, with an interval where the inputs allow.

    Counts (numerator and denominator for every area, a proportion times `scale`) give the
    pooled proportion and its Wilson interval; otherwise standard errors for every area
    give the se of the weighted mean and normal limits; otherwise no interval.
    """
    y, w = _vector("values", values), _vector("weight", weight)
    if y.shape != groups.group.shape or w.shape != y.shape:
        raise ValueError("values and weights need one entry per grouped area")
    if not (np.isfinite(y).all() and np.isfinite(w).all()) or (w < 0).any():
        raise ValueError("every grouped area needs a value and a weight that is not negative")
    k = groups.bins
    g = groups.group
    weight_sum = np.bincount(g, weights=w, minlength=k + 1)[1:]
    with np.errstate(invalid="ignore", divide="ignore"):
        estimate = np.bincount(g, weights=w * y, minlength=k + 1)[1:] / weight_sum
    estimate = np.where(groups.n_areas > 0, estimate, np.nan)
    nan = np.full(k, np.nan)
    if numerator is not None and denominator is not None:
        x, n = _vector("numerator", numerator), _vector("denominator", denominator)
        if np.isfinite(x).all() and np.isfinite(n).all() and (n > 0).all():
            xs = np.bincount(g, weights=x, minlength=k + 1)[1:]
            ns = np.bincount(g, weights=n, minlength=k + 1)[1:]
            present = ns > 0
            safe_n = np.where(present, ns, 1.0)
            low, high = wilson_limits(np.where(present, xs, 0.0), safe_n)
            p = np.where(present, xs / safe_n, np.nan)
            return GroupValues(p * scale, np.sqrt(p * (1 - p) / safe_n) * scale,
                               np.where(present, low * scale, np.nan),
                               np.where(present, high * scale, np.nan), ns, "wilson")
    if se is not None:
        s = _vector("se", se)
        if np.isfinite(s).all():
            with np.errstate(invalid="ignore", divide="ignore"):
                share = w / weight_sum[g - 1]
                err = np.sqrt(np.bincount(g, weights=(share * s) ** 2, minlength=k + 1)[1:])
            err = np.where(np.isfinite(estimate), err, np.nan)
            return GroupValues(estimate, err, estimate - Z95 * err, estimate + Z95 * err,
                               weight_sum, "se")
    return GroupValues(estimate, nan, nan.copy(), nan.copy(), weight_sum, "")
