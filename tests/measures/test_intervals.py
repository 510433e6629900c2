"""Standard errors from intervals and the margin of a change, against closed forms."""

from __future__ import annotations

import math

import numpy as np
import pytest

from dashboard.measures.intervals import change_margin, se_from_ci, z_value

# Standard-normal quantiles from tables (Abramowitz & Stegun 26.2).
Z_95 = 1.959963984540054
Z_90 = 1.6448536269514722


def test_quantiles_are_the_normal_ones() -> None:
    assert z_value() == pytest.approx(Z_95, rel=1e-12)
    assert z_value(0.90) == pytest.approx(Z_90, rel=1e-12)


def test_se_is_the_half_width_over_z_and_missing_stays_missing() -> None:
    low = np.array([70.0, 10.0, math.nan])
    high = np.array([74.0, 11.0, 5.0])
    se = se_from_ci(low, high)
    assert se[:2] == pytest.approx([4.0 / (2 * Z_95), 1.0 / (2 * Z_95)], rel=1e-12)
    assert math.isnan(se[2])
    assert se_from_ci(low[:1], high[:1], level=0.90)[0] == pytest.approx(4.0 / (2 * Z_90))


def test_a_normal_interval_round_trips() -> None:
    estimate, se = 12.5, 0.8
    low, high = estimate - Z_95 * se, estimate + Z_95 * se
    assert se_from_ci(np.array([low]), np.array([high]))[0] == pytest.approx(se, rel=1e-12)


def test_change_margin_adds_variances() -> None:
    assert change_margin(0.3, 0.4) == pytest.approx(Z_95 * 0.5, rel=1e-12)
    assert math.isnan(change_margin(math.nan, 0.4))
