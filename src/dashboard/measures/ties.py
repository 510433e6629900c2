"""Ties in a ranking: subgroups with the same ranking value become one rank group.

Rank-based measures (slope and concentration indices, and the difference and ratio between
the ends of an ordered dimension) need one rank per subgroup. Areas that tie on the ranking
variable are merged into one group: its estimate is the population-weighted mean of theirs
(the plain mean where a population is missing), its population the sum, and its standard
error that of the weighted mean. Linear measures give the same result as the cumulative-rank
midpoint shared by the tied areas, and the ends of the ranking are whole groups, so a sentence
naming them names exactly the subgroups the measures compare.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class RankGroups:
    """Merged subgroups in rank order (1 = most disadvantaged) and each one's members."""

    estimate: np.ndarray
    se: np.ndarray
    population: np.ndarray
    order: np.ndarray
    members: tuple[tuple[int, ...], ...]

    @property
    def tied(self) -> tuple[tuple[int, ...], ...]:
        """The groups made of more than one subgroup."""
        return tuple(m for m in self.members if len(m) > 1)


def merge_ties(key: np.ndarray, estimate: np.ndarray, se: np.ndarray,
               population: np.ndarray, *, ascending: bool) -> RankGroups:
    """Group subgroups by equal `key`, ranked by key (ascending: the lowest key is rank 1)."""
    key = np.asarray(key, dtype=float)
    estimate = np.asarray(estimate, dtype=float)
    se = np.asarray(se, dtype=float)
    population = np.asarray(population, dtype=float)
    levels = np.unique(key)
    if not ascending:
        levels = levels[::-1]
    est, err, pop, members = [], [], [], []
    for level in levels:
        idx = np.flatnonzero(key == level)
        people = population[idx]
        weights = people if np.isfinite(people).all() and people.sum() > 0 else np.ones(len(idx))
        share = weights / weights.sum()
        est.append(float(share @ estimate[idx]))
        err.append(float(np.sqrt(np.sum(share**2 * se[idx] ** 2))))
        pop.append(float(people.sum()))
        members.append(tuple(int(i) for i in idx))
    return RankGroups(np.array(est), np.array(err), np.array(pop),
                      np.arange(1, len(levels) + 1, dtype=float), tuple(members))
