"""What reaching the best area would gain: distances, PAR/PAF and life-years, against the
closed forms of WHO HEAT (PAR = best - population-weighted mean, PAF = PAR / mean)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from dashboard.measures.potential import distances_to_best, life_years, potential_gain

LIFE = np.array([74.6, 77.2, 81.0, 79.9])
POP = np.array([20_000.0, 35_000.0, 15_000.0, 30_000.0])
NO_SE = np.full(4, np.nan)


def test_distances_follow_the_direction() -> None:
    best, gaps = distances_to_best(LIFE, higher_better=True)
    assert best == 2 and gaps == pytest.approx([6.4, 3.8, 0.0, 1.1])
    best, gaps = distances_to_best(LIFE, higher_better=False)
    assert best == 0 and gaps == pytest.approx([0.0, 2.6, 6.4, 5.3])


def test_par_and_paf_equal_the_closed_form() -> None:
    gain = potential_gain(LIFE, NO_SE, POP, higher_better=True, scale=1, years=True,
                          halved=False)
    mean = float(np.sum(LIFE * POP) / np.sum(POP))
    assert gain.par.estimate == pytest.approx(81.0 - mean, rel=1e-12)
    assert gain.paf.estimate == pytest.approx((81.0 - mean) / mean * 100, rel=1e-12)
    assert gain.best == 2 and gain.gaps == pytest.approx((6.4, 3.8, 0.0, 1.1))


def test_life_years_are_distance_times_people() -> None:
    expected = 6.4 * 20_000 + 3.8 * 35_000 + 1.1 * 30_000
    gain = potential_gain(LIFE, NO_SE, POP, higher_better=True, scale=1, years=True,
                          halved=False)
    assert gain.life_years == pytest.approx(expected)
    halved = potential_gain(LIFE, NO_SE, POP, higher_better=True, scale=1, years=True,
                            halved=True)
    assert halved.life_years == pytest.approx(expected / 2)
    other = potential_gain(LIFE, NO_SE, POP, higher_better=True, scale=1, years=False,
                           halved=False)
    assert math.isnan(other.life_years)


def test_life_years_skip_unknown_populations_and_need_one() -> None:
    gaps = np.array([1.0, 2.0, 0.0])
    assert life_years(gaps, np.array([100.0, np.nan, 50.0])) == pytest.approx(100.0)
    assert math.isnan(life_years(gaps, np.full(3, np.nan)))
