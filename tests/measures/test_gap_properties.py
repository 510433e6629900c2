"""Behaviour every gap measure must show, whatever the data."""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pytest

from dashboard.measures import (
    DEFAULT_DRAWS,
    HEAT_MEASURES,
    MEASURES,
    Subgroups,
    applicable_measures,
    compute,
    compute_all,
)
from dashboard.measures.simulation import draw_estimates
from dashboard.measures.strata import from_subgroups

ORDERED = Subgroups(
    estimate=np.array([22.0, 31.5, 38.0, 47.5, 58.0, 61.0]),
    se=np.array([2.0, 2.5, 1.8, 2.2, 3.0, 2.4]),
    population=np.array([1200.0, 900.0, 1500.0, 1100.0, 800.0, 950.0]),
    order=np.array([1, 2, 3, 4, 5, 6]),
    scale=100.0,
)
DISTRICTS = Subgroups(
    estimate=np.array([78.1, 80.2, 82.5, 79.0, 83.1, 81.0, 77.5, 80.0, 82.0, 79.5]),
    se=np.array([0.5, 0.6, 0.4, 0.7, 0.5, 0.6, 0.8, 0.5, 0.4, 0.6]),
    population=np.arange(1.0, 11.0) * 4000,
    reference=2,
)
ABSOLUTE = ("d", "aci", "sii", "par", "bgsd", "mdbu", "mdbw", "mdmu", "mdmw", "mdru", "mdrw")
RELATIVE = ("r", "rci", "rii", "paf", "cov", "idisu", "idisw", "ti", "mld", "rii_phe")


def _same(a, b, rel: float = 0.0) -> None:
    """Results equal field by field, NaN equal to NaN, numbers within `rel`."""
    for field in dataclasses.fields(a):
        x, y = getattr(a, field.name), getattr(b, field.name)
        if isinstance(x, float):
            assert (math.isnan(x) and math.isnan(y)) or x == pytest.approx(y, rel=rel), field.name
        else:
            assert x == y, field.name


def _rescaled(groups: Subgroups, k: float, *, with_scale: bool = True) -> Subgroups:
    return dataclasses.replace(
        groups,
        estimate=groups.estimate * k,
        se=groups.se * k,
        scale=groups.scale * k if with_scale else groups.scale,
    )


@pytest.mark.parametrize("groups", [ORDERED, DISTRICTS], ids=["ordered", "non-ordered"])
def test_changing_units_scales_absolute_and_keeps_relative_measures(groups):
    """Estimates, se and indicator scale times k (e.g. percent -> per mille)."""
    k = 10.0
    before = {r.measure: r for r in compute_all(groups)}
    after = {r.measure: r for r in compute_all(_rescaled(groups, k))}
    checked = 0
    for m in (*ABSOLUTE, *RELATIVE, "sii_phe"):
        if not before[m].applicable:
            continue
        factor = 1.0 if m in RELATIVE else k
        assert after[m].estimate == pytest.approx(before[m].estimate * factor, rel=1e-9), m
        if math.isfinite(before[m].se):
            assert after[m].se == pytest.approx(before[m].se * factor, rel=1e-6), m
        checked += 1
    assert checked >= 8
    bgv_before, bgv_after = before["bgv"], after["bgv"]
    if bgv_before.applicable:
        assert bgv_after.estimate == pytest.approx(bgv_before.estimate * k**2, rel=1e-9)


def test_scaling_estimates_scales_d_and_the_linear_sii_exactly():
    k = 3.0
    groups = dataclasses.replace(ORDERED, scale=1000.0)
    scaled = _rescaled(groups, k, with_scale=False)
    for m in ("d", "sii_phe", "aci"):
        assert compute(m, scaled).estimate == pytest.approx(k * compute(m, groups).estimate)
    for m in ("r", "rii_phe", "rci"):
        assert compute(m, scaled).estimate == pytest.approx(compute(m, groups).estimate)


def test_whos_logistic_sii_follows_the_unit_not_the_proportion():
    """WHO's SII models proportions; only a change of unit (scale too) scales it by k."""
    k = 10.0
    base = compute("sii", ORDERED)
    assert compute("sii", _rescaled(ORDERED, k)).estimate == pytest.approx(k * base.estimate)
    assert compute("rii", _rescaled(ORDERED, k)).estimate == pytest.approx(
        compute("rii", ORDERED).estimate
    )


@pytest.mark.parametrize("ordered", [True, False])
def test_equal_subgroups_show_no_inequality(ordered):
    n = 6
    groups = Subgroups(
        estimate=np.full(n, 40.0),
        se=np.full(n, 1.5),
        population=np.full(n, 500.0),
        order=np.arange(1, n + 1) if ordered else None,
        reference=None if ordered else 0,
        scale=100.0,
    )
    results = compute_all(groups)
    applicable = [r for r in results if r.applicable]
    assert len(applicable) >= 8
    for r in applicable:
        assert r.estimate == pytest.approx(MEASURES[r.measure].null_value, abs=1e-9), r.measure


def test_reversing_the_order_flips_sii_and_aci():
    reversed_order = dataclasses.replace(ORDERED, order=ORDERED.order.max() + 1 - ORDERED.order)
    for m in ("sii", "aci", "sii_phe"):
        assert compute(m, reversed_order).estimate == pytest.approx(
            -compute(m, ORDERED).estimate, rel=1e-8
        ), m
    assert compute("rii", reversed_order).estimate == pytest.approx(
        1 / compute("rii", ORDERED).estimate, rel=1e-8
    )
    assert compute("sii", reversed_order).se == pytest.approx(compute("sii", ORDERED).se, rel=1e-6)


def test_order_is_by_rank_not_by_position():
    perm = np.array([3, 0, 5, 1, 4, 2])
    shuffled = Subgroups(
        estimate=ORDERED.estimate[perm],
        se=ORDERED.se[perm],
        population=ORDERED.population[perm],
        order=ORDERED.order[perm],
        scale=ORDERED.scale,
    )
    for a, b in zip(compute_all(ORDERED), compute_all(shuffled), strict=True):
        _same(a, b, rel=1e-9)


def test_same_seed_same_interval_other_seed_other_interval():
    first = compute("bgsd", DISTRICTS, seed=7)
    _same(compute("bgsd", DISTRICTS, seed=7), first)
    assert compute("bgsd", DISTRICTS, seed=8).ci_lb != first.ci_lb
    assert "seed 7" in first.method
    assert (first.seed, first.draws) == (7, DEFAULT_DRAWS)


def test_the_seed_and_draws_are_kept_only_where_chance_is_involved():
    analytic, phe = compute("d", ORDERED, seed=3), compute("sii_phe", ORDERED, seed=3)
    assert (analytic.seed, analytic.draws) == (None, None)
    assert phe.seed == 3 and phe.draws is not None and phe.draws > 0


def test_compute_all_matches_single_measures():
    together = compute_all(DISTRICTS, seed=11)
    assert [r.measure for r in together] == list(MEASURES)
    for r in together:
        _same(compute(r.measure, DISTRICTS, seed=11), r)


def test_simulated_intervals_are_ordered_and_finite():
    for r in compute_all(DISTRICTS):
        if r.applicable and MEASURES[r.measure].ci_method == "simulation":
            assert math.isnan(r.se)
            assert r.ci_lb <= r.ci_ub, r.measure


def test_simulated_draws_stay_in_the_valid_range():
    groups = Subgroups(
        estimate=np.array([0.5, 99.0, 50.0, 2.0]),
        se=np.array([3.0, 4.0, 10.0, 5.0]),
        population=np.ones(4),
        scale=100.0,
    )
    draws = draw_estimates(from_subgroups([groups]), 500, np.random.default_rng(1))
    assert draws.min() >= 0 and draws.max() <= 100
    rate = dataclasses.replace(groups, scale=1000.0)
    draws = draw_estimates(from_subgroups([rate]), 500, np.random.default_rng(1))
    assert draws.min() >= 0 and draws.max() > 100


def test_difference_direction_for_favourable_and_adverse_indicators():
    fav = compute("d", ORDERED)
    assert fav.estimate == pytest.approx(ORDERED.estimate[-1] - ORDERED.estimate[0])
    adverse = compute("d", dataclasses.replace(ORDERED, favourable=False))
    assert adverse.estimate == pytest.approx(ORDERED.estimate[0] - ORDERED.estimate[-1])
    assert compute("r", ORDERED).estimate == pytest.approx(
        ORDERED.estimate[-1] / ORDERED.estimate[0]
    )


def test_non_ordered_pair_and_reference():
    no_ref = dataclasses.replace(DISTRICTS, reference=None)
    est = DISTRICTS.estimate
    assert compute("d", no_ref).estimate == pytest.approx(est.max() - est.min())
    ref = DISTRICTS.reference
    others = np.delete(est, ref)
    assert compute("d", DISTRICTS).estimate == pytest.approx(est[ref] - others.min())
    adverse = dataclasses.replace(DISTRICTS, favourable=False)
    assert compute("d", adverse).estimate == pytest.approx(others.max() - est[ref])
    assert compute("mdru", DISTRICTS).estimate == pytest.approx(np.abs(est - est[ref]).mean())


def test_attributable_measures_point_towards_the_better_value():
    for groups in (ORDERED, DISTRICTS):
        assert compute("paf", groups).estimate >= 0
        adverse = dataclasses.replace(groups, favourable=False)
        assert compute("par", adverse).estimate <= 0


def test_setting_average_stands_in_for_missing_populations():
    average = 80.0
    groups = dataclasses.replace(
        DISTRICTS, population=np.full(10, np.nan), setting_average=average
    )
    mdmu = compute("mdmu", groups)
    assert mdmu.estimate == pytest.approx(np.abs(DISTRICTS.estimate - average).mean())
    assert compute("par", groups).applicable
    assert math.isnan(compute("par", groups).ci_lb)
    assert compute("bgv", groups).reason == "missing_population"
    no_average = dataclasses.replace(groups, setting_average=None)
    assert compute("mdmu", no_average).reason == "missing_mean"


def test_populations_win_over_the_reported_average():
    groups = dataclasses.replace(DISTRICTS, setting_average=1.0)
    weighted = np.average(DISTRICTS.estimate, weights=DISTRICTS.population)
    assert compute("mdmu", groups).estimate == pytest.approx(
        np.abs(DISTRICTS.estimate - weighted).mean()
    )


def test_missing_estimates_follow_heat_rules():
    est = DISTRICTS.estimate.copy()
    est[4] = np.nan
    one_missing = dataclasses.replace(DISTRICTS, estimate=est)
    kept = np.delete(DISTRICTS.estimate, 4)
    assert compute("mdbu", one_missing).estimate == pytest.approx(
        np.abs(kept - kept.max()).mean()
    )
    est[5] = np.nan
    two_missing = dataclasses.replace(DISTRICTS, estimate=est)
    assert compute("bgv", two_missing).reason == "too_many_missing_estimates"
    assert compute("d", two_missing).applicable

    ordered_est = ORDERED.estimate.copy()
    ordered_est[2] = np.nan
    gap = dataclasses.replace(ORDERED, estimate=ordered_est)
    assert compute("aci", gap).reason == "missing_estimates"
    assert compute("d", gap).applicable
    ordered_est[0] = np.nan
    assert compute("d", dataclasses.replace(ORDERED, estimate=ordered_est)).reason == (
        "missing_estimates"
    )


def test_missing_standard_errors_leave_the_estimate_without_interval():
    groups = dataclasses.replace(DISTRICTS, se=np.full(10, np.nan))
    for r in compute_all(groups):
        if r.applicable:
            assert math.isfinite(r.estimate)
            assert math.isnan(r.ci_lb) and math.isnan(r.ci_ub), r.measure


def test_two_subgroups_get_only_d_and_r():
    sex = Subgroups(estimate=[80.0, 84.0], se=[0.3, 0.3], population=[5000, 5100])
    assert applicable_measures(sex) == ["d", "r"]


def test_applicable_measures_by_dimension():
    ordered = set(applicable_measures(ORDERED))
    assert {"d", "r", "aci", "rci", "sii", "rii", "paf", "par", "sii_phe", "rii_phe"} <= ordered
    assert not ordered & {"bgv", "ti", "mdbu"}
    non_ordered = set(applicable_measures(DISTRICTS))
    assert set(HEAT_MEASURES) - {"aci", "rci", "sii", "rii"} <= non_ordered
