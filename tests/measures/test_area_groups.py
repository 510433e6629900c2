"""Areas in population-weighted fifths and tenths (issue 10, item 6): each group holds about
a fifth of the people, not of the areas; an area is never split; ties share a group."""

from __future__ import annotations

import numpy as np
import pytest

from dashboard.measures.area_groups import group_values, population_groups


def test_groups_hold_fifths_of_the_people_not_of_the_areas() -> None:
    # Ten areas ranked by income; the two poorest hold half of the city's 8,000 people.
    # Midpoints: 12.5 %, 37.5 %, then 53, 59, 66, 72, 78, 84, 91, 97 %.
    income = np.arange(10, dtype=float)
    people = np.array([2000, 2000, 500, 500, 500, 500, 500, 500, 500, 500], dtype=float)
    groups = population_groups(income, people, 5, ascending=True)
    by_count = np.repeat(np.arange(1, 6), 2)  # what area-count fifths would give
    assert groups.group.tolist() == [1, 2, 3, 3, 4, 4, 4, 5, 5, 5]
    assert groups.group.tolist() != by_count.tolist()
    assert groups.population.tolist() == [2000, 2000, 1000, 1500, 1500]
    assert groups.n_areas.tolist() == [1, 1, 2, 3, 3]


def test_an_area_across_a_boundary_goes_whole_to_the_group_of_its_midpoint() -> None:
    # Cumulative people: 0-300, 300-1000 (midpoint 650 of 1000: 65 %), 1000-1000.
    people = np.array([300.0, 700.0, 0.0])
    groups = population_groups(np.array([1.0, 2.0, 3.0]), people, 5, ascending=True)
    assert groups.group.tolist() == [1, 4, 5]
    assert groups.midpoint.tolist() == pytest.approx([0.15, 0.65, 1.0])
    # A midpoint exactly on a boundary (40 %) starts the next group.
    on_edge = population_groups(np.array([1.0, 2.0, 3.0]), np.array([200.0, 400.0, 400.0]),
                                5, ascending=True)
    assert on_edge.group.tolist() == [1, 3, 5]


def test_tied_areas_share_a_group_whatever_the_input_order() -> None:
    key = np.array([5.0, 1.0, 5.0, 3.0, 5.0, 2.0])
    people = np.array([100.0, 100.0, 100.0, 100.0, 100.0, 100.0])
    groups = population_groups(key, people, 5, ascending=True)
    tied = groups.group[key == 5.0]
    assert len(set(tied.tolist())) == 1
    order = np.array([3, 0, 5, 1, 4, 2])
    shuffled = population_groups(key[order], people[order], 5, ascending=True)
    assert shuffled.group.tolist() == groups.group[order].tolist()


def test_group_one_is_the_disadvantaged_end_of_the_determinant() -> None:
    income = np.array([300.0, 100.0, 200.0, 400.0, 500.0])
    low_standard = np.array([5.0, 30.0, 20.0, 10.0, 2.0])
    people = np.full(5, 1000.0)
    by_income = population_groups(income, people, 5, ascending=True)
    assert by_income.group.tolist() == [3, 1, 2, 4, 5]  # lowest income first
    by_share = population_groups(low_standard, people, 5, ascending=False)
    assert by_share.group.tolist() == [4, 1, 2, 3, 5]  # highest low-standard share first


def test_tenths_and_the_group_value_is_population_weighted() -> None:
    rng = np.random.default_rng(3)
    key = rng.normal(size=200)
    people = rng.integers(700, 2700, size=200).astype(float)
    groups = population_groups(key, people, 10, ascending=True)
    assert groups.group.min() == 1 and groups.group.max() == 10
    # Every group's people are within one area's population of a tenth of the city.
    assert np.abs(groups.population - people.sum() / 10).max() <= people.max()
    assert np.all(np.diff([key[groups.group == g].max() for g in range(1, 11)]) > 0)
    y = rng.uniform(40, 95, size=200)
    result = group_values(groups, y, people)
    g3 = groups.group == 3
    assert result.estimate[2] == pytest.approx(np.sum(y[g3] * people[g3]) / people[g3].sum())
    assert np.isnan(result.ci_low).all() and result.method == ""


def test_counts_give_a_pooled_proportion_with_a_wilson_interval() -> None:
    groups = population_groups(np.array([1.0, 2.0, 3.0, 4.0, 5.0]), np.full(5, 100.0), 5,
                               ascending=True)
    numerator = np.array([50.0, 60.0, 70.0, 80.0, 90.0])
    denominator = np.full(5, 100.0)
    result = group_values(groups, numerator, denominator, numerator=numerator,
                          denominator=denominator, scale=100.0)
    assert result.method == "wilson"
    assert result.estimate.tolist() == pytest.approx([50, 60, 70, 80, 90])
    assert result.ci_low[0] == pytest.approx(40.38, abs=0.01)  # Wilson, 50 of 100
    assert result.ci_high[0] == pytest.approx(59.62, abs=0.01)


@pytest.mark.parametrize(("key", "people", "bins", "message"), [
    ([1.0, 2.0], [1.0], 5, "key has 2 values, population has 1"),
    ([1.0, np.nan], [1.0, 1.0], 5, "key is missing"),
    ([1.0, 2.0], [1.0, -1.0], 5, "not negative"),
    ([1.0, 2.0], [0.0, 0.0], 5, "hold no people"),
    ([1.0, 2.0], [1.0, 1.0], 4, "fifths or tenths"),
])
def test_bad_input_says_what_is_wrong(key, people, bins, message) -> None:
    with pytest.raises(ValueError, match=message):
        population_groups(np.array(key), np.array(people), bins, ascending=True)
