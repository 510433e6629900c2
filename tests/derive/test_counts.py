"""Shares and rates from numerator and denominator: stats/ values, hand-worked limits, method."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from dashboard.derive import derive_tables
from dashboard.derive.counts import from_counts
from dashboard.derive.suppression import suppress_small_counts
from dashboard.stats import crude_rate, proportion
from tests.derive.helpers import indicators, observations

INDICATORS = indicators(("share", "percent", 100.0, None), ("rate", "per_1000", 1000.0, None),
                        ("people", "persons", 1.0, None))


def test_share_is_wilson_and_matches_a_hand_worked_case() -> None:
    # 30 of 100, z = 1.959964: (60 + z^2 -/+ z sqrt(z^2 + 120 * 0.7)) / (2 (100 + z^2))
    # = (63.8415 -/+ 18.3695) / 207.6829 = 0.21895 and 0.39585.
    out = from_counts(observations({"indicator_id": "share", "numerator": 30,
                                    "denominator": 100}), INDICATORS).iloc[0]
    assert out["value"] == pytest.approx(30.0)
    assert out["ci_low"] == pytest.approx(21.895, abs=5e-3)
    assert out["ci_high"] == pytest.approx(39.585, abs=5e-3)
    assert out["ci_method"] == "wilson"


def test_shares_equal_the_stats_functions() -> None:
    x, n = np.array([0.0, 7, 676, 950]), np.array([40.0, 12, 932, 950])
    obs = observations(*({"indicator_id": "share", "group": str(i), "numerator": a,
                          "denominator": b} for i, (a, b) in enumerate(zip(x, n, strict=True))))
    out = from_counts(obs, INDICATORS)
    want = proportion(x, n, multiplier=100)
    np.testing.assert_allclose(out["value"].astype(float), want.value, rtol=1e-12)
    np.testing.assert_allclose(out["ci_low"].astype(float), want.lower, rtol=1e-12)
    np.testing.assert_allclose(out["ci_high"].astype(float), want.upper, rtol=1e-12)
    assert set(out["ci_method"]) == {"wilson"}


def test_rates_are_exact_below_ten_events_and_byars_from_ten() -> None:
    obs = observations({"indicator_id": "rate", "group": "a", "numerator": 3,
                        "denominator": 2000},
                       {"indicator_id": "rate", "group": "b", "numerator": 20,
                        "denominator": 10000})
    out = from_counts(obs, INDICATORS).set_index("group")
    # Hand-worked: exact limits of 3 events chi2(0.025; 6)/2 = 0.6187, chi2(0.975; 8)/2 =
    # 8.7673; Byar's of 20: 20 (1 - 1/180 - z/(3 sqrt 20))^3 = 12.2115 and
    # 21 (1 - 1/189 + z/(3 sqrt 21))^3 = 30.8899.
    assert out.loc["a", ["ci_low", "ci_high"]].tolist() == pytest.approx(
        [0.6187 / 2, 8.7673 / 2], abs=1e-4)
    assert out.loc["b", ["ci_low", "ci_high"]].tolist() == pytest.approx(
        [1.22115, 3.08899], abs=1e-4)
    assert out["ci_method"].tolist() == ["exact", "byars"]
    want = crude_rate([3, 20], [2000, 10000], multiplier=1000)
    np.testing.assert_allclose(out["value"].astype(float), want.value, rtol=1e-12)
    np.testing.assert_allclose(out["ci_high"].astype(float), want.upper, rtol=1e-12)


def test_given_intervals_counts_of_people_and_missing_counts_are_left_alone() -> None:
    obs = observations(
        {"indicator_id": "share", "group": "given", "value": 50.0, "ci_low": 40.0,
         "ci_high": 60.0, "numerator": 5, "denominator": 10},
        {"indicator_id": "share", "group": "no-denominator", "value": 12.0, "numerator": 3},
        {"indicator_id": "share", "group": "zero", "numerator": 0, "denominator": 0,
         "value": None, "flag": "suppressed"},
        {"indicator_id": "people", "group": "count", "value": 900.0, "numerator": 900,
         "denominator": 1000})
    out = from_counts(obs, INDICATORS).set_index("group")
    assert out.loc["given", ["value", "ci_low", "ci_high"]].tolist() == [50.0, 40.0, 60.0]
    assert out["ci_method"].isna().all()
    assert out.loc["no-denominator", "value"] == 12.0
    assert out.loc["count", "value"] == 900.0


def test_printed_value_is_replaced_and_kept_in_the_note() -> None:
    obs = observations({"indicator_id": "share", "value": 26.0, "numerator": 12069,
                        "denominator": 47171, "note": "integer % as printed"})
    out = from_counts(obs, INDICATORS).iloc[0]
    assert out["value"] == pytest.approx(100 * 12069 / 47171)
    assert out["note"] == ("integer % as printed; value computed from the counts; "
                           "the source prints 26")


def test_share_above_one_is_flagged_not_derived() -> None:
    obs = observations({"indicator_id": "share", "numerator": 12, "denominator": 11})
    out = from_counts(obs, INDICATORS).iloc[0]
    assert pd.isna(out["value"]) and pd.isna(out["ci_method"])
    assert out["flag"] == "inconsistent|suppressed"
    assert "exceeds the denominator" in out["note"]


def test_tidy_csv_text_is_read_as_numbers_and_bad_cells_left_for_validation() -> None:
    obs = observations({"indicator_id": "share", "group": "a", "numerator": "30",
                        "denominator": "100", "value": ""},
                       {"indicator_id": "share", "group": "b", "numerator": "thirty",
                        "denominator": "100", "value": "30"}).astype(str)
    out = from_counts(obs, INDICATORS).set_index("group")
    assert out.loc["a", "value"] == pytest.approx(30.0) and out.loc["a", "ci_method"] == "wilson"
    assert out.loc["b", "numerator"] == "thirty" and out.loc["b", "value"] == "30"


def test_small_numerators_lose_value_interval_and_method_when_suppressed() -> None:
    obs = observations({"indicator_id": "share", "group": "small", "numerator": 3,
                        "denominator": 40},
                       {"indicator_id": "share", "group": "large", "numerator": 30,
                        "denominator": 40})
    derived = derive_tables({"observations": obs}, INDICATORS)["observations"]
    out, n = suppress_small_counts(derived, INDICATORS)
    out = out.set_index("group")
    assert n == 1
    assert out.loc["small", ["value", "numerator", "ci_low", "ci_high"]].isna().all()
    assert pd.isna(out.loc["small", "ci_method"]) and out.loc["small", "flag"] == "suppressed"
    assert out.loc["large", "ci_method"] == "wilson" and out.loc["large", "value"] == 75.0


def test_a_share_of_all_or_none_keeps_its_interval_around_it() -> None:
    """n of n is 100 % with an upper limit of 100 (not 99.999…), 0 of n 0 % with 0."""
    from dashboard.derive.counts import from_counts
    from tests.derive.helpers import indicators, observations

    obs = from_counts(observations({"indicator_id": "share", "numerator": 754,
                                    "denominator": 754},
                                   {"indicator_id": "share", "numerator": 0,
                                    "denominator": 754, "area_code": "1280SD02"}),
                      indicators(("share", "percent", 100.0, None)))
    assert obs["ci_high"].iloc[0] >= obs["value"].iloc[0] == 100
    assert obs["ci_low"].iloc[1] <= obs["value"].iloc[1] == 0
