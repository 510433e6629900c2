"""Malmö's welfare-index method: polarity-aware rank scores averaged across indicators."""

from __future__ import annotations

import numpy as np
import pytest

from dashboard.measures.composite import composite_index, rank_scores


def test_best_gets_the_highest_score_whatever_the_polarity() -> None:
    values = np.array([[60.0, 75.0, 36.0],    # employment: higher is better
                       [30.0, 22.0, 53.0]])   # sickness days: lower is better
    scores = rank_scores(values, np.array([True, False]))
    assert scores.tolist() == [[2.0, 3.0, 1.0], [2.0, 3.0, 1.0]]


def test_ties_share_the_mean_rank_and_weights_shift_the_index() -> None:
    values = np.array([[1.0, 1.0, 3.0], [3.0, 2.0, 1.0]])
    result = composite_index(values, np.array([True, True]))
    assert result.scores[0].tolist() == [1.5, 1.5, 3.0]
    assert result.index.tolist() == pytest.approx([2.25, 1.75, 2.0])
    weighted = composite_index(values, np.array([True, True]), np.array([3.0, 1.0]))
    assert weighted.index.tolist() == pytest.approx([1.875, 1.625, 2.5])


def test_an_area_missing_a_component_gets_no_index() -> None:
    values = np.array([[1.0, np.nan, 3.0], [3.0, 2.0, 1.0]])
    result = composite_index(values, np.array([True, True]))
    assert np.isnan(result.index[1]) and not np.isnan(result.index[0])


def test_bad_weights_are_refused() -> None:
    with pytest.raises(ValueError, match="non-negative"):
        composite_index(np.ones((2, 3)), np.array([True, True]), np.array([1.0, -1.0]))
    with pytest.raises(ValueError, match="not all 0"):
        composite_index(np.ones((2, 3)), np.array([True, True]), np.array([0.0, 0.0]))
