"""Standardised rates and life expectancy from counts by age band, as the stats/ compute them."""

from __future__ import annotations

from itertools import pairwise

import numpy as np
import pandas as pd
import pytest

from dashboard.core.problems import DatasetError
from dashboard.derive import derive_tables
from dashboard.stats import PHE_AGE_STARTS, life_expectancy, standardised_rate
from dashboard.stats.dsr import ESP2013_19, ESP2013_19_BANDS
from tests.derive.helpers import indicators, observations

INDICATORS = indicators(("dsr", "per_1000", 1000.0, "dobson"),
                        ("le", "years", 1.0, "chiang_ii"))
LE_BANDS = [*(f"{a}-{b - 1}" for a, b in pairwise(PHE_AGE_STARTS)), f"{PHE_AGE_STARTS[-1]}+"]


def _by_age(indicator: str, bands: list[str], events: np.ndarray, people: np.ndarray,
            **total: object) -> pd.DataFrame:
    rows = [{"indicator_id": indicator, "dimension": "age", "group": g, "numerator": x,
             "denominator": n} for g, x, n in zip(bands, events, people, strict=True)]
    if total:
        rows.append({"indicator_id": indicator} | total)
    return observations(*rows)


def _derive(obs: pd.DataFrame) -> pd.DataFrame:
    return derive_tables({"observations": obs}, INDICATORS)["observations"]


def _total(out: pd.DataFrame) -> pd.Series:
    [row] = out[out["dimension"] == "total"].to_dict("records")
    return pd.Series(row)


def test_standardised_rate_is_dobson_as_stats_computes_it() -> None:
    people = np.linspace(3000, 900, 19)
    events = np.round(people * np.linspace(0.001, 0.05, 19))
    out = _derive(_by_age("dsr", list(ESP2013_19_BANDS[::-1]), events[::-1], people[::-1]))
    total = _total(out)
    want = standardised_rate(events, people, ESP2013_19, multiplier=1000)
    assert total[["value", "ci_low", "ci_high"]].tolist() == pytest.approx(
        [want.value, want.lower, want.upper], rel=1e-12)
    assert total["ci_method"] == "dobson" and total["source_id"] == "src"
    assert (total["numerator"], total["denominator"]) == (events.sum(), people.sum())
    bands = out[out["dimension"] == "age"]
    assert set(bands["ci_method"]) <= {"exact", "byars"}  # crude age-specific rates


def test_equal_rates_in_every_band_standardise_to_that_rate() -> None:
    people = np.linspace(2000, 9000, 19)
    out = _derive(_by_age("dsr", list(ESP2013_19_BANDS), people * 0.004, people,
                          value=999.0, note="printed"))
    total = _total(out)
    assert total["value"] == pytest.approx(4.0)  # 0.004 per person = 4 per 1000
    assert total["ci_low"] < 4.0 < total["ci_high"]
    assert len(out) == 20  # the existing total row was filled, not repeated


def test_too_few_events_or_a_suppressed_band_leave_the_total_empty_and_flagged() -> None:
    few = np.zeros(19)
    few[-1] = 9
    total = _total(_derive(_by_age("dsr", list(ESP2013_19_BANDS), few, np.full(19, 1e4))))
    assert np.isnan(total["value"]) and total["flag"] == "suppressed"
    assert "fewer than 10 events" in total["note"]
    obs = _by_age("dsr", list(ESP2013_19_BANDS), np.full(19, 50.0), np.full(19, 1e4))
    obs["flag"] = obs["flag"].astype(object)
    obs.loc[3, ["numerator", "flag"]] = [None, "suppressed"]
    total = _total(_derive(obs))
    assert total["flag"] == "suppressed" and "age band(s) 15-19 suppressed" in total["note"]


def test_bands_that_are_not_the_standard_are_refused_by_name() -> None:
    obs = _by_age("dsr", ["0-14", "15-64", "65+"], np.full(3, 50.0), np.full(3, 1e4))
    with pytest.raises(DatasetError, match=r"dsr / 1280SD01 / 2024 / total: age groups "
                                           r"0-14, 15-64, 65\+ are not the European"):
        _derive(obs)


def _mortality(scale: float = 1.0) -> tuple[np.ndarray, np.ndarray]:
    ages = np.array(PHE_AGE_STARTS, dtype=float)
    people = np.full(ages.size, 20_000.0) * scale
    people[-1] = 2_000.0 * scale
    return np.round(people * 0.0002 * np.exp(0.085 * (ages + 2.5))), people


def test_life_expectancy_is_chiang_ii_at_every_band_and_at_birth() -> None:
    deaths, people = _mortality()
    out = _derive(_by_age("le", LE_BANDS, deaths, people))
    want = life_expectancy(deaths, people)
    bands = out[out["dimension"] == "age"]
    np.testing.assert_allclose(bands["value"].astype(float), want.value, rtol=1e-12)
    np.testing.assert_allclose(bands["se"].astype(float), want.se, rtol=1e-12)
    np.testing.assert_allclose(bands["ci_low"].astype(float), want.lower, rtol=1e-12)
    total = _total(out)
    assert total[["value", "ci_low", "ci_high"]].tolist() == pytest.approx(
        [want.value[0], want.lower[0], want.upper[0]], rel=1e-12)
    assert set(out["ci_method"]) == {"chiang_ii"}
    assert (total["numerator"], total["denominator"]) == (deaths.sum(), people.sum())


def test_constant_mortality_gives_one_over_the_rate() -> None:
    people = np.full(len(LE_BANDS), 40_000.0)
    total = _total(_derive(_by_age("le", LE_BANDS, people * 0.02, people)))
    assert total["value"] == pytest.approx(50.0, rel=0.01)  # hand-worked: 1 / 0.02 years


def test_small_populations_get_no_life_table_and_say_why() -> None:
    deaths, people = _mortality(scale=0.01)
    out = _derive(_by_age("le", LE_BANDS, deaths + 1, people))
    assert out["value"].isna().all() and out["ci_method"].isna().all()
    assert (out["flag"] == "suppressed").all()
    assert out["note"].str.contains("no life table: population at most 5000").all()


def test_life_table_bands_must_start_at_zero_and_end_open() -> None:
    deaths, people = _mortality()
    with pytest.raises(DatasetError, match="must start at 0 and end with an open band"):
        _derive(_by_age("le", [*LE_BANDS[:-1], "85-89"], deaths, people))


def test_values_with_an_interval_wider_than_20_years_are_withheld_with_their_limits() -> None:
    people = np.full(len(LE_BANDS), 300.0 * 20)
    deaths = people * 0.002
    people[-1], deaths[-1] = 300.0 * 20, 1.0
    out = _derive(_by_age("le", LE_BANDS, deaths, people))
    withheld = out[out["flag"] == "suppressed"]
    assert len(withheld) > 0 and withheld["value"].isna().all()
    assert withheld["ci_low"].notna().all() and set(withheld["ci_method"]) == {"chiang_ii"}
    assert withheld["note"].str.contains("wider than 20 years").all()
