"""Weights of the composite index: all 0 falls back to equal weights and says so; weights
that are not finite never reach the index."""

from __future__ import annotations

import numpy as np
import pytest

from dashboard.core.viewstate import ViewState, from_query
from dashboard.figures.composite import composite_years, latest_index
from dashboard.measures.composite import composite_index

SEL = ("forvarvsfrekvens", "ohalsotal")


@pytest.mark.parametrize("weight", [np.inf, np.nan])
def test_the_measure_refuses_weights_that_are_not_finite(weight) -> None:
    with pytest.raises(ValueError, match="finite"):
        composite_index(np.ones((2, 3)), np.array([True, True]), np.array([1.0, weight]))


def test_all_zero_weights_give_the_equal_weight_index_and_a_notice(dataset) -> None:
    zero = ViewState(level="stadsdel", sel=SEL, weights=(0.0, 0.0))
    equal = ViewState(level="stadsdel", sel=SEL, weights=(1.0, 1.0))
    zero_years, equal_years = composite_years(dataset, zero), composite_years(dataset, equal)
    assert zero_years
    for a, b in zip(zero_years, equal_years, strict=True):
        np.testing.assert_array_equal(a.result.index, b.result.index)
    data = latest_index(dataset, zero)
    assert data is not None and data.weights == (1.0, 1.0)
    assert "Alla vikter är 0" in data.subtitle
    english = latest_index(dataset, zero.with_changes(lang="en"))
    assert english is not None and "All weights are 0" in english.subtitle
    assert "weights" not in (latest_index(dataset, equal) or data).subtitle.lower()


@pytest.mark.parametrize("text", ["inf", "-inf", "nan", "1e400", "101", "-1"])
def test_the_address_refuses_weights_out_of_range(text) -> None:
    state, ignored = from_query(f"?sel=ohalsotal&w={text}")
    assert ignored == ["w"] and state.weights == ()
