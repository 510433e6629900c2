"""Invalid input raises a clear error; a measure that does not apply says why."""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pytest

from dashboard.measures import (
    REASONS,
    Subgroups,
    UnknownMeasureError,
    compute,
    compute_all,
    phe_sii,
)

GOOD = {"estimate": [10.0, 20.0, 30.0], "se": [1.0, 1.0, 1.0], "population": [5.0, 6.0, 7.0]}
DISTRICTS = Subgroups(
    estimate=np.array([12.0, 18.0, 25.0, 9.0]),
    se=np.array([1.0, 1.2, 0.9, 1.1]),
    population=np.array([900.0, 1100.0, 1000.0, 1200.0]),
    scale=100.0,
)
EDUCATION = dataclasses.replace(DISTRICTS, order=np.array([1, 2, 3, 4]))


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"se": [1.0, 1.0]}, "se has 2 values"),
        ({"population": [1.0, 2.0, 3.0, 4.0]}, "population has 4 values"),
        ({"population": [5.0, -1.0, 7.0]}, "population must not be negative"),
        ({"se": [1.0, -0.1, 1.0]}, "se must not be negative"),
        ({"estimate": [[1.0, 2.0, 3.0]]}, "one-dimensional"),
        ({"estimate": [1.0, np.inf, 3.0]}, "infinite"),
        ({"order": [1, 1, 2]}, "must not repeat"),
        ({"order": [1, np.nan, 2]}, "order must be given"),
        ({"order": [1, 2]}, "order has 2 values"),
        ({"reference": 3}, "outside 0..2"),
        ({"reference": 1.0}, "must be a subgroup index"),
        ({"scale": 0}, "scale must be a positive number"),
        ({"estimate": ["a", "b", "c"]}, "could not convert"),
    ],
)
def test_invalid_subgroups_raise(changes, message):
    with pytest.raises(ValueError, match=message):
        Subgroups(**{**GOOD, **changes})


def test_unknown_measure_id_raises_and_names_the_known_ones():
    with pytest.raises(UnknownMeasureError, match=r"unknown measure 'gini'.*sii"):
        compute("gini", DISTRICTS)
    with pytest.raises(UnknownMeasureError):
        compute_all(DISTRICTS, ["d", "nope"])


def test_compute_needs_subgroups():
    with pytest.raises(TypeError, match="expected Subgroups"):
        compute("d", GOOD)  # type: ignore[arg-type]


def _not_applicable(measure: str, groups: Subgroups, reason: str) -> None:
    result = compute(measure, groups)
    assert not result.applicable
    assert result.reason == reason
    assert reason in REASONS
    assert all(math.isnan(v) for v in (result.estimate, result.se, result.ci_lb, result.ci_ub))


@pytest.mark.parametrize("measure", ["sii", "rii", "aci", "rci", "sii_phe", "rii_phe"])
def test_ordered_measures_refuse_a_non_ordered_dimension(measure):
    _not_applicable(measure, DISTRICTS, "needs_ordered_dimension")


@pytest.mark.parametrize("measure", ["bgv", "bgsd", "cov", "idisw", "mdmu", "ti", "mld"])
def test_non_ordered_measures_refuse_an_ordered_dimension(measure):
    _not_applicable(measure, EDUCATION, "needs_non_ordered_dimension")


def test_ratio_with_a_zero_denominator():
    zero = dataclasses.replace(DISTRICTS, estimate=np.array([0.0, 18.0, 25.0, 9.0]))
    _not_applicable("r", zero, "zero_denominator")
    assert compute("d", zero).applicable


@pytest.mark.parametrize("measure", ["ti", "mld"])
def test_entropy_measures_need_positive_estimates(measure):
    groups = dataclasses.replace(DISTRICTS, estimate=np.array([-1.0, 18.0, 25.0, 9.0]))
    _not_applicable(measure, groups, "needs_positive_estimates")
    groups = dataclasses.replace(DISTRICTS, estimate=np.array([0.0, 18.0, 25.0, 9.0]))
    _not_applicable(measure, groups, "needs_positive_estimates")


def test_relative_measures_with_a_zero_mean():
    groups = dataclasses.replace(DISTRICTS, estimate=np.array([-2.0, 2.0, -2.0, 2.0]))
    groups = dataclasses.replace(groups, population=np.ones(4))
    for measure in ("cov", "idisu", "idisw", "paf"):
        _not_applicable(measure, groups, "zero_mean")


def test_reference_measures_need_a_reference():
    _not_applicable("mdru", DISTRICTS, "needs_reference_subgroup")
    est = DISTRICTS.estimate.copy()
    est[1] = np.nan
    missing_ref = dataclasses.replace(DISTRICTS, estimate=est, reference=1)
    _not_applicable("mdrw", missing_ref, "missing_reference_estimate")
    _not_applicable("d", missing_ref, "missing_reference_estimate")


def test_all_estimates_missing():
    empty = dataclasses.replace(DISTRICTS, estimate=np.full(4, np.nan))
    for result in compute_all(empty):
        assert not result.applicable


def test_complex_measures_need_populations():
    no_pop = dataclasses.replace(EDUCATION, population=np.array([900.0, np.nan, 1000.0, 1.0]))
    for measure in ("aci", "sii", "rii", "sii_phe"):
        _not_applicable(measure, no_pop, "missing_population")
    zero_pop = dataclasses.replace(EDUCATION, population=np.zeros(4))
    _not_applicable("sii", zero_pop, "missing_population")


def test_logistic_sii_refuses_estimates_beyond_the_scale():
    too_big = dataclasses.replace(EDUCATION, estimate=np.array([12.0, 18.0, 25.0, 109.0]))
    _not_applicable("sii", too_big, "estimate_outside_scale")
    years = dataclasses.replace(EDUCATION, estimate=np.array([78.0, 79.0, 81.0, 83.0]), scale=1)
    _not_applicable("rii", years, "estimate_outside_scale")
    assert compute("sii_phe", years).reason == "needs_at_least_five_subgroups"


def test_logistic_sii_without_events():
    none = dataclasses.replace(EDUCATION, estimate=np.zeros(4))
    _not_applicable("sii", none, "degenerate_counts")


def test_phe_sii_refuses_what_phe_refuses():
    value, pop, se = np.arange(70.0, 80.0), np.full(10, 1000.0), np.full(10, 0.5)
    with pytest.raises(ValueError, match="5 to 100 quantiles"):
        phe_sii(value[:4], pop[:4], se=se[:4])
    with pytest.raises(ValueError, match="positive population"):
        phe_sii(value, np.where(np.arange(10) == 3, 0.0, pop), se=se)
    with pytest.raises(ValueError, match="standard error"):
        phe_sii(value, pop, se=np.where(np.arange(10) == 3, np.nan, se))
    with pytest.raises(ValueError, match="give standard errors"):
        phe_sii(value, pop)
    with pytest.raises(ValueError, match="proportions must lie"):
        phe_sii(value, pop, se=se, value_type=2)
    with pytest.raises(ValueError, match="at least 1000 repetitions"):
        phe_sii(value, pop, se=se, repetitions=999)
    with pytest.raises(ValueError, match="transform needs"):
        phe_sii(value, pop, se=se, transform=True)
    with pytest.raises(ValueError, match="fractions"):
        phe_sii(value, pop, se=se, confidence=95)
