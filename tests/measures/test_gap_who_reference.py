"""WHO reference vectors (../shared/golden/who_healthequal, from healthequal 1.0.1).

The reference prints some numbers in other units than this project (see the golden
README): SII's se on the 0-1 scale, PAF's se as a fraction with its interval built from
that fraction. The tests convert; our own output keeps one unit per measure.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from dashboard.measures import Subgroups, compute
from dashboard.measures.strata import Z95

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def ordered(golden_table):
    rows = golden_table("who_healthequal/ordered_inputs.csv")
    return Subgroups(
        estimate=np.array([r["est"] for r in rows]),
        se=np.array([r["se"] for r in rows]),
        population=np.array([r["pop"] for r in rows]),
        order=np.array([r["subgroup_order"] for r in rows]),
        favourable=rows[0]["favourable_indicator"] == 1,
        scale=rows[0]["indicator_scale"],
    )


@pytest.fixture(scope="module")
def expected(golden_table):
    return {r["measure"]: r for r in golden_table("who_healthequal/ordered_expected.csv")}


def _close(actual: float, wanted: float, rel: float) -> None:
    assert actual == pytest.approx(wanted, rel=rel), (actual, wanted)


@pytest.mark.parametrize("measure", ["aci", "rci", "rii", "par"])
def test_measures_in_reference_units(ordered, expected, measure):
    ref = expected[measure]
    tol = ref["upstream_test_tolerance"]
    result = compute(measure, ordered)
    assert result.applicable
    _close(result.estimate, ref["estimate"], tol)
    _close(result.se, ref["se"], tol)
    _close(result.ci_lb, ref["lowerci"], tol)
    _close(result.ci_ub, ref["upperci"], tol)


def test_sii_se_is_reported_on_the_indicator_scale(ordered, expected):
    ref = expected["sii"]
    result = compute("sii", ordered)
    _close(result.estimate, ref["estimate"], ref["upstream_test_tolerance"])
    _close(result.ci_lb, ref["lowerci"], ref["upstream_test_tolerance"])
    _close(result.ci_ub, ref["upperci"], ref["upstream_test_tolerance"])
    _close(result.se / ordered.scale, ref["se"], ref["upstream_test_tolerance"])
    assert result.unit == "indicator units"


def test_paf_se_and_interval_are_in_percent(ordered, expected):
    ref = expected["paf"]
    tol = ref["upstream_test_tolerance"]
    result = compute("paf", ordered)
    _close(result.estimate, ref["estimate"], tol)
    _close(result.se / 100, ref["se"], tol)
    # The reference's interval mixes units: percent estimate -/+ z * fractional se.
    assert ref["lowerci"] == pytest.approx(ref["estimate"] - Z95 * ref["se"], rel=1e-7)
    _close(result.ci_lb, ref["estimate"] - Z95 * ref["se"] * 100, tol)
    _close(result.ci_ub, ref["estimate"] + Z95 * ref["se"] * 100, tol)
    assert result.unit == "percent"


def test_rci_is_a_fraction(ordered, expected):
    result = compute("rci", ordered)
    assert result.unit == "fraction"
    mean = np.average(ordered.estimate, weights=ordered.population)
    assert math.isclose(result.estimate, compute("aci", ordered).estimate / mean)
