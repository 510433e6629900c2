"""Standardised rates and life expectancy: behaviour and PHE's reporting rules."""

from __future__ import annotations

import math

import numpy as np
import pytest

from dashboard.stats import (
    ESP2013,
    ESP2013_19,
    PHE_AGE_STARTS,
    crude_rate,
    life_expectancy,
    proportion,
    standardised_rate,
)


def test_esp2013_is_the_eurostat_standard():
    assert len(ESP2013) == 21 and sum(ESP2013) == 100_000
    assert len(ESP2013_19) == 19 and sum(ESP2013_19) == 100_000


def test_dsr_of_equal_band_rates_is_that_rate():
    pops = np.linspace(2000, 9000, 19)
    counts = pops * 0.004
    result = standardised_rate(counts, pops)
    assert result.reported
    assert result.value == pytest.approx(400.0)
    assert result.lower < result.value < result.upper


def test_dsr_weights_only_need_to_be_proportional():
    pops, counts = np.full(19, 5000.0), np.arange(1.0, 20.0) * 3
    a = standardised_rate(counts, pops)
    b = standardised_rate(counts, pops, np.array(ESP2013_19) * 7)
    assert (a.value, a.lower, a.upper) == pytest.approx((b.value, b.lower, b.upper))


def test_dsr_not_reported_below_ten_events():
    result = standardised_rate(np.r_[np.ones(9), np.zeros(10)], np.full(19, 1000.0))
    assert not result.reported and result.reason == "total_count_below_10"
    assert math.isnan(result.value) and math.isnan(result.lower)
    assert standardised_rate(np.r_[np.ones(10), np.zeros(9)], np.full(19, 1000.0)).reported


def test_dsr_missing_counts_count_as_zero_and_bad_input_raises():
    counts = np.r_[np.full(18, 5.0), np.nan]
    assert standardised_rate(counts, np.full(19, 1e4)).total_count == 90
    with pytest.raises(ValueError, match="population above zero"):
        standardised_rate(np.ones(19), np.r_[np.zeros(1), np.ones(18)])
    with pytest.raises(ValueError, match="equal length"):
        standardised_rate(np.ones(18), np.ones(19))


def test_rates_and_proportions_reject_impossible_input():
    with pytest.raises(ValueError, match="must not be negative"):
        crude_rate([-1], [100])
    with pytest.raises(ValueError, match="must not exceed n"):
        proportion([11], [10])
    with pytest.raises(ValueError, match="confidence"):
        proportion([1], [10], confidence=95)


def _table(scale: float = 1.0, rate: float = 0.01):
    pops = np.full(len(PHE_AGE_STARTS), 3000.0) * scale
    return pops * rate, pops


def _gompertz(scale: float = 1.0):
    """Mortality rising with age, as in real populations; large enough to report all ages."""
    ages = np.array(PHE_AGE_STARTS, dtype=float)
    pops = np.full(ages.size, 20_000.0) * scale
    pops[-1] = 2_000.0 * scale
    rates = 0.0002 * np.exp(0.085 * (ages + 2.5))
    return pops * rates, pops


def test_constant_mortality_gives_one_over_the_rate_at_every_age():
    deaths, pops = _table(scale=20, rate=0.02)
    table = life_expectancy(deaths, pops)
    assert table.reported and not table.withheld.any()
    assert table.value == pytest.approx(np.full(len(PHE_AGE_STARTS), 1 / 0.02), rel=0.01)


def test_rising_mortality_gives_falling_expectancy_within_its_interval():
    table = life_expectancy(*_gompertz())
    assert table.reported and not table.withheld.any()
    assert np.all(np.diff(table.value[1:]) < 0)
    assert np.all(table.lower < table.value) and np.all(table.value < table.upper)
    wider = life_expectancy(*_gompertz(), confidence=0.998)
    assert np.all(wider.upper - wider.lower > table.upper - table.lower)


def test_more_people_same_rates_same_expectancy_narrower_interval():
    small = life_expectancy(*_gompertz(1.0))
    large = life_expectancy(*_gompertz(4.0))
    assert large.value == pytest.approx(small.value)
    assert large.se == pytest.approx(small.se / 2)


def _band3(values: np.ndarray, new: float) -> np.ndarray:
    return np.where(np.arange(values.size) == 3, new, values)


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda d, p: (d, p * 0 + 200), "population_at_most_5000"),
        (lambda d, p: (_band3(d, p[3] + 1), p), "deaths_exceed_population"),
        (lambda d, p: (_band3(d, -1), p), "negative_deaths"),
        (lambda d, p: (d, _band3(p, 0)), "population_not_positive"),
        (lambda d, p: (np.r_[d[:-1], 0], p), "no_deaths_in_final_band"),
    ],
)
def test_life_expectancy_not_reported(change, reason):
    table = life_expectancy(*change(*_table()))
    assert not table.reported and table.reason == reason
    assert np.isnan(table.value).all() and np.isnan(table.upper).all()


def test_values_with_a_very_wide_interval_are_withheld():
    deaths, pops = _table(scale=0.1, rate=0.002)
    pops[-1], deaths[-1] = 300.0, 1.0
    table = life_expectancy(deaths, pops * 20)
    assert table.reported
    assert table.withheld.any()
    assert np.isnan(table.value[table.withheld]).all()
    assert np.isfinite(table.lower[table.withheld]).all()
    width = table.upper - table.lower
    assert (width[table.withheld] > 20).all() and (width[~table.withheld] <= 20).all()


def test_life_table_rejects_malformed_bands():
    deaths, pops = _table()
    with pytest.raises(ValueError, match="start at 0"):
        life_expectancy(deaths, pops, np.array(PHE_AGE_STARTS) + 1)
    with pytest.raises(ValueError, match="equal length"):
        life_expectancy(deaths[:-1], pops)
