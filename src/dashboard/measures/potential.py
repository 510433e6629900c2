"""The gain if every area reached the best area's level: attributable risk and life-years.

Population attributable risk and fraction (WHO HEAT, reference = the best area) from the
measures engine, each area's distance to the best, and, for life expectancy, the distance
times the population as person-years. The setting average PAR and PAF start from is the
population-weighted mean of the areas' values (WHO HEAT), which need not equal the city's
own published figure; `Gain.mean` carries it so a sentence can say which average it means.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from dashboard.measures.engine import compute_all
from dashboard.measures.result import MeasureResult
from dashboard.measures.subgroups import Subgroups


@dataclass(frozen=True)
class Gain:
    """The best area (index), each area's distance to it, PAR, PAF, life-years and the
    population-weighted mean PAR and PAF start from (NaN without populations)."""

    best: int
    gaps: tuple[float, ...]
    par: MeasureResult
    paf: MeasureResult
    life_years: float
    mean: float


def distances_to_best(values: np.ndarray, higher_better: bool) -> tuple[int, np.ndarray]:
    """Index of the best value and every value's distance to it (never negative)."""
    values = np.asarray(values, dtype=float)
    best = int(np.argmax(values) if higher_better else np.argmin(values))
    gaps = values[best] - values if higher_better else values - values[best]
    return best, gaps


def life_years(gaps: np.ndarray, population: np.ndarray, halved: bool = False) -> float:
    """Sum of distance x people over the areas with a population; NaN when none has one.

    `halved` uses half of each population, for a sex-specific value where only the total
    population is known.
    """
    population = np.asarray(population, dtype=float)
    if np.isnan(population).all():
        return float("nan")
    people = population / 2 if halved else population
    return float(np.nansum(np.asarray(gaps, dtype=float) * people))


def weighted_mean(values: np.ndarray, population: np.ndarray) -> float:
    """The population-weighted mean; NaN unless every value has a population."""
    values = np.asarray(values, dtype=float)
    population = np.asarray(population, dtype=float)
    if not np.isfinite(population).all() or population.sum() <= 0:
        return float("nan")
    return float(np.average(values, weights=population))


def round_significant(value: float, digits: int = 2) -> float:
    """`value` rounded to `digits` significant figures (NaN and 0 unchanged)."""
    if not math.isfinite(value) or value == 0:
        return value
    return round(value, digits - 1 - math.floor(math.log10(abs(value))))


def potential_gain(estimate: np.ndarray, se: np.ndarray, population: np.ndarray, *,
                   higher_better: bool, scale: float, years: bool, halved: bool) -> Gain:
    """PAR, PAF and distances for areas' values; life-years only when `years` (the values
    are life expectancies), else NaN."""
    best, gaps = distances_to_best(estimate, higher_better)
    groups = Subgroups(estimate=np.asarray(estimate, dtype=float), se=se,
                       population=population, favourable=higher_better, scale=scale)
    par, paf = compute_all(groups, ("par", "paf"))
    total = life_years(gaps, population, halved) if years else float("nan")
    return Gain(best, tuple(float(g) for g in gaps), par, paf, total,
                weighted_mean(estimate, population))
