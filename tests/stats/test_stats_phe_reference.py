"""PHE reference values for proportions and crude rates (../shared/golden/phe, 1e-9 relative)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from dashboard.stats import byars_lower, byars_upper, crude_rate, proportion, wilson_limits

pytestmark = pytest.mark.shared
REL = 1e-9
LEVELS = {"95_0": 0.95, "99_8": 0.998}


def _same(actual: float, wanted: float) -> None:
    if math.isnan(wanted):
        assert math.isnan(actual)
    else:
        assert actual == pytest.approx(wanted, rel=REL)


def _inputs(rows):
    return np.array([r["Numerator"] for r in rows]), np.array([r["Denominator"] for r in rows])


def test_wilson_ungrouped(golden_table):
    rows = golden_table("phe/proportion_wilson_ungrouped.csv")
    for multiplier in (1, 100):
        subset = [r for r in rows if r["multiplier"] == multiplier]
        x, n = _inputs(subset)
        for suffix, level in LEVELS.items():
            result = proportion(x, n, confidence=level, multiplier=multiplier)
            for i, r in enumerate(subset):
                _same(result.value[i], r["value"])
                _same(result.lower[i], r[f"lower{suffix}cl"])
                _same(result.upper[i], r[f"upper{suffix}cl"])


def test_wilson_grouped_sums(golden_table):
    rows = golden_table("phe/proportion_wilson_grouped_expected.csv")
    x, n = _inputs(rows)
    result = proportion(x, n, confidence=0.95)
    for i, r in enumerate(rows):
        _same(result.value[i], r["value"])
        _same(result.lower[i], r["lowercl"])
        _same(result.upper[i], r["uppercl"])


@pytest.mark.parametrize("name", ["ungrouped", "grouped"])
def test_rates_exact_below_ten_byars_from_ten(golden_table, name):
    file = "rate_exact_byars_ungrouped.csv" if name == "ungrouped" else (
        "rate_exact_byars_grouped_expected.csv"
    )
    rows = golden_table(f"phe/{file}")
    for multiplier in sorted({r["multiplier"] for r in rows}):
        subset = [r for r in rows if r["multiplier"] == multiplier]
        x, n = _inputs(subset)
        levels = LEVELS if name == "ungrouped" else {"": 0.95}
        for suffix, level in levels.items():
            result = crude_rate(x, n, confidence=level, multiplier=multiplier)
            for i, r in enumerate(subset):
                _same(result.value[i], r["value"])
                lower = r[f"lower{suffix}cl"] if suffix else r["lowercl"]
                upper = r[f"upper{suffix}cl"] if suffix else r["uppercl"]
                _same(result.lower[i], lower)
                _same(result.upper[i], upper)
                method = r["method"]
                assert result.method[i] == (None if isinstance(method, float) else method.lower())


def test_byars_and_wilson_limits(golden_table):
    for r in golden_table("phe/byars_wilson_limits.csv"):
        level = 0.95 if r["confidence"] == "95%" else 0.998
        if r["method"] == "Byars":
            lower, upper = byars_lower(r["x"], level), byars_upper(r["x"], level)
        else:
            lower, upper = wilson_limits(r["x"], r["n"], level)
        _same(float(lower), r["lowercl"])
        _same(float(upper), r["uppercl"])
