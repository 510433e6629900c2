"""Ties in a ranking become one rank group, and rounding to significant figures."""

from __future__ import annotations

import math

import numpy as np
import pytest

from dashboard.measures import Subgroups, compute_all
from dashboard.measures.potential import round_significant, weighted_mean
from dashboard.measures.ties import merge_ties

KEY = np.array([60.0, 75.0, 36.0, 75.0])
LIFE = np.array([77.8, 80.0, 76.2, 77.2])
POP = np.array([47_000.0, 33_000.0, 23_000.0, 21_000.0])
NO_SE = np.full(4, np.nan)


def test_tied_subgroups_merge_into_one_population_weighted_group() -> None:
    ranked = merge_ties(KEY, LIFE, NO_SE, POP, ascending=True)
    assert ranked.members == ((2,), (0,), (1, 3))
    assert ranked.tied == ((1, 3),)
    merged = (80.0 * 33_000 + 77.2 * 21_000) / 54_000
    assert ranked.estimate == pytest.approx([76.2, 77.8, merged])
    assert ranked.population == pytest.approx([23_000, 47_000, 54_000])
    assert list(ranked.order) == [1, 2, 3]
    down = merge_ties(KEY, LIFE, NO_SE, POP, ascending=False)
    assert down.members == ((1, 3), (0,), (2,))


def test_merged_se_is_that_of_the_weighted_mean_and_plain_without_population() -> None:
    se = np.array([0.1, 0.3, 0.2, 0.4])
    ranked = merge_ties(KEY, LIFE, se, POP, ascending=True)
    share = np.array([33_000, 21_000]) / 54_000
    assert ranked.se[2] == pytest.approx(math.sqrt(share[0] ** 2 * 0.09 + share[1] ** 2 * 0.16))
    unknown = merge_ties(KEY, LIFE, se, np.array([1.0, np.nan, 1.0, 1.0]), ascending=True)
    assert unknown.estimate[2] == pytest.approx((80.0 + 77.2) / 2)
    assert math.isnan(unknown.population[2])


def test_the_difference_compares_the_groups_the_ranking_ends_with() -> None:
    ranked = merge_ties(KEY, LIFE, NO_SE, POP, ascending=True)
    groups = Subgroups(estimate=ranked.estimate, se=ranked.se, population=ranked.population,
                       order=ranked.order)
    d, = compute_all(groups, ("d",))
    assert d.estimate == pytest.approx(ranked.estimate[-1] - 76.2)


def test_round_significant_and_weighted_mean() -> None:
    assert round_significant(504_850.9) == 500_000
    assert round_significant(12_345.0, 3) == 12_300
    assert round_significant(-0.04567) == pytest.approx(-0.046)
    assert math.isnan(round_significant(math.nan)) and round_significant(0.0) == 0.0
    assert weighted_mean(LIFE, POP) == pytest.approx(float(np.average(LIFE, weights=POP)))
    assert math.isnan(weighted_mean(LIFE, np.array([1.0, np.nan, 1.0, 1.0])))
