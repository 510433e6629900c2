"""The gap in natural units: shortfalls, units per person and yearly units."""

from __future__ import annotations

import numpy as np
import pytest

from dashboard.measures.gapcost import relative_change, shortfall, units_per_person, yearly_units


def test_only_a_shortfall_counts_in_either_direction() -> None:
    values = np.array([70.0, 80.0, 85.0, np.nan])
    assert shortfall(values, 80.0, higher_better=True).tolist()[:3] == [10.0, 0.0, 0.0]
    assert shortfall(values, 80.0, higher_better=False).tolist()[:3] == [0.0, 0.0, 5.0]
    assert np.isnan(shortfall(values, 80.0, higher_better=True)[3])


def test_percentage_points_of_a_base_are_people() -> None:
    # 5 percentage points of 2,000 people aged 16-64 are 100 people.
    assert yearly_units([5.0], [2000.0], "share", [np.nan]).tolist() == [100.0]


def test_a_rate_per_person_and_per_thousand() -> None:
    # 3 sickness days more per insured person, 1,000 insured: 3,000 days.
    assert yearly_units([3.0], [1000.0], "per_person", [np.nan]).tolist() == [3000.0]
    # 4 injuries more per 1,000 inhabitants, 25,000 inhabitants: 100 injuries.
    assert yearly_units([4.0], [25000.0], "per_1000", [np.nan]).tolist() == [100.0]


def test_a_life_expectancy_gap_is_life_years_lost_each_year() -> None:
    # Stationary population: 16,000 people with life expectancy 80 have 200 deaths a year;
    # each comes 2 years early, so 400 life-years are lost each year.
    assert yearly_units([2.0], [16000.0], "life_expectancy", [80.0]).tolist() == [400.0]
    assert units_per_person(2.0, "life_expectancy", 80.0) == pytest.approx(0.025)


def test_a_relative_change_is_a_share_of_the_current_value() -> None:
    # 10 % fewer of 40 sickness days per person is 4 days.
    assert relative_change(10.0, 40.0) == pytest.approx(4.0)
