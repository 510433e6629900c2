"""A composite welfare index by Malmö stad's method: the mean of polarity-aware rank scores.

Malmö's welfare reports rank the districts on each indicator from 1 (worst) to n (best;
"highest employment gives ten") and average the scores (Malmö stad, Välfärdsredovisning
2012, page_id=482). Here the user chooses the indicators and, optionally, weights.
Ties share the mean of the ranks they span, as in an ordinary rank average.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.stats import rankdata


@dataclass(frozen=True)
class CompositeIndex:
    """Scores per indicator (rows) and area (columns), and the weighted mean per area."""

    scores: np.ndarray
    index: np.ndarray
    weights: np.ndarray


def rank_scores(values: np.ndarray, favourable: np.ndarray) -> np.ndarray:
    """Rank each row's areas from 1 (worst) to n (best); NaN stays NaN.

    `values` is indicators x areas; `favourable[i]` says whether higher is better.
    """
    values = np.asarray(values, dtype=float)
    scores = np.full(values.shape, np.nan)
    for i, row in enumerate(values):
        present = ~np.isnan(row)
        if not present.any():
            continue
        signed = row[present] if favourable[i] else -row[present]
        scores[i, present] = rankdata(signed, method="average")
    return scores


def composite_index(values: np.ndarray, favourable: np.ndarray,
                    weights: np.ndarray | None = None) -> CompositeIndex:
    """Weighted mean rank score per area; NaN where an area lacks any chosen indicator."""
    values = np.atleast_2d(np.asarray(values, dtype=float))
    weights = np.ones(values.shape[0]) if weights is None else np.asarray(weights, float)
    if weights.shape != (values.shape[0],) or not np.isfinite(weights).all() \
            or (weights < 0).any() or weights.sum() <= 0:
        raise ValueError("weights must be one finite non-negative number per indicator, "
                         "not all 0")
    scores = rank_scores(values, np.asarray(favourable, dtype=bool))
    complete = ~np.isnan(scores).any(axis=0)
    index = np.full(values.shape[1], np.nan)
    index[complete] = (weights[:, None] * scores[:, complete]).sum(axis=0) / weights.sum()
    return CompositeIndex(scores, index, weights)
