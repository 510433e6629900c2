"""The gradient's weighted line: estimates and the slope's t interval, checked against
numpy's weighted polynomial fit and scipy's ordinary regression."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats

from dashboard.measures.fit import weighted_fit

X = np.array([42.0, 55.0, 61.0, 68.0, 73.0, 80.0])
Y = np.array([84.0, 71.0, 66.0, 52.0, 49.0, 37.0])
W = np.array([12_000.0, 31_000.0, 18_500.0, 42_000.0, 9_000.0, 25_500.0])
T_975_4 = 2.7764451051977987  # t quantile, 97.5 %, 4 degrees of freedom (tables)


def test_line_equals_numpys_weighted_polyfit() -> None:
    fit = weighted_fit(X, Y, W)
    # polyfit weights multiply the residuals, so the square roots give weighted least squares.
    (slope, intercept), cov = np.polyfit(X, Y, 1, w=np.sqrt(W), cov=True)
    assert fit.slope == pytest.approx(slope, rel=1e-12)
    assert fit.intercept == pytest.approx(intercept, rel=1e-12)
    # polyfit scales its covariance by the weighted residual variance on n - 2 df.
    half = T_975_4 * np.sqrt(cov[0, 0])
    assert (fit.lower, fit.upper) == pytest.approx((slope - half, slope + half), rel=1e-9)
    assert fit.n == 6


def test_equal_weights_give_ordinary_regression() -> None:
    fit = weighted_fit(X, Y, np.ones(len(X)))
    ols = stats.linregress(X, Y)
    assert fit.slope == pytest.approx(ols.slope, rel=1e-12)
    assert fit.intercept == pytest.approx(ols.intercept, rel=1e-12)
    assert fit.upper - fit.slope == pytest.approx(T_975_4 * ols.stderr, rel=1e-9)


def test_scaling_the_weights_changes_nothing() -> None:
    one, other = weighted_fit(X, Y, W), weighted_fit(X, Y, W / 1000)
    assert (one.slope, one.lower, one.upper) == pytest.approx(
        (other.slope, other.lower, other.upper), rel=1e-12)


def test_a_perfect_line_has_no_width_and_a_narrower_level_is_narrower() -> None:
    exact = weighted_fit(X, 3.0 - 0.5 * X, W)
    assert exact.slope == pytest.approx(-0.5) and exact.intercept == pytest.approx(3.0)
    assert exact.upper - exact.lower == pytest.approx(0.0, abs=1e-9)
    wide, narrow = weighted_fit(X, Y, W), weighted_fit(X, Y, W, level=0.80)
    assert narrow.upper - narrow.lower < wide.upper - wide.lower


def test_two_points_are_refused() -> None:
    with pytest.raises(ValueError, match="three points"):
        weighted_fit(X[:2], Y[:2], W[:2])
