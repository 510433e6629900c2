"""The vectorised path gives what the one-stratum path gives, stratum by stratum."""

from __future__ import annotations

import math

import numpy as np
import pytest

from dashboard.measures import MEASURES, Subgroups, compute, compute_batch

ANALYTIC = [m for m, info in MEASURES.items() if info.ci_method == "analytic"]
SIMULATED = [m for m, info in MEASURES.items() if info.ci_method != "analytic"]


def _random_strata(rng, size, width, *, scale=100.0):
    est = rng.uniform(5, 60, (size, width))
    se = rng.uniform(0.5, 3, (size, width))
    pop = rng.integers(100, 5000, (size, width)).astype(float)
    counts = rng.integers(2, width + 1, size)
    pad = np.arange(width)[None, :] >= counts[:, None]
    est[pad] = np.nan
    return est, se, pop


def _single(est, se, pop, row, order=None, reference=-1, scale=100.0):
    keep = ~np.isnan(est[row])
    return Subgroups(
        estimate=est[row, keep],
        se=se[row, keep],
        population=pop[row, keep],
        order=None if order is None else order[row, keep],
        reference=None if reference < 0 else int(reference),
        scale=scale,
    )


def _agree(batch, row, single):
    assert batch["applicable"][row] == single.applicable
    assert batch["reason"][row] == single.reason
    for field in ("estimate", "se", "ci_lb", "ci_ub"):
        a, b = batch[field][row], getattr(single, field)
        assert (math.isnan(a) and math.isnan(b)) or a == pytest.approx(b, rel=1e-9), field


@pytest.mark.parametrize("measure", ANALYTIC)
def test_batch_matches_single_for_non_ordered_strata(measure):
    rng = np.random.default_rng(3)
    est, se, pop = _random_strata(rng, 25, 8)
    batch = compute_batch(measure, est, se, pop, scale=100.0)
    for row in range(25):
        _agree(batch, row, compute(measure, _single(est, se, pop, row)))


@pytest.mark.parametrize("measure", ANALYTIC)
def test_batch_matches_single_for_ordered_strata(measure):
    rng = np.random.default_rng(4)
    est, se, pop = _random_strata(rng, 25, 7)
    order = np.argsort(rng.random((25, 7)), axis=1) + 1.0
    batch = compute_batch(measure, est, se, pop, order, scale=100.0)
    for row in range(25):
        _agree(batch, row, compute(measure, _single(est, se, pop, row, order)))


@pytest.mark.parametrize("measure", SIMULATED)
def test_batch_gives_estimates_but_no_simulated_interval(measure):
    rng = np.random.default_rng(5)
    est, se, pop = _random_strata(rng, 10, 6)
    order = np.tile(np.arange(1.0, 7.0), (10, 1)) if MEASURES[measure].dimensions == {
        "ordered"
    } else None
    batch = compute_batch(measure, est, se, pop, order, reference=0, scale=100.0)
    for row in range(10):
        single = compute(measure, _single(est, se, pop, row, order, reference=0))
        assert batch["applicable"][row] == single.applicable
        if single.applicable:
            assert batch["estimate"][row] == pytest.approx(single.estimate, rel=1e-12)
            assert math.isnan(batch["ci_lb"][row]) and math.isnan(batch["ci_ub"][row])


def test_mask_marks_missing_estimates_apart_from_padding():
    est = np.array([[10.0, np.nan, 30.0, 40.0]])
    pop = np.full((1, 4), 100.0)
    padded = compute_batch("aci", est, None, pop, np.array([[1.0, 2.0, 3.0, 4.0]]))
    assert padded["applicable"][0]
    missing = compute_batch(
        "aci", est, None, pop, np.array([[1.0, 2.0, 3.0, 4.0]]), mask=np.ones((1, 4), bool)
    )
    assert missing["reason"][0] == "missing_estimates"


def test_per_stratum_settings():
    est = np.array([[10.0, 20.0, 30.0], [10.0, 20.0, 30.0]])
    result = compute_batch("d", est, order2d=np.tile([1.0, 2.0, 3.0], (2, 1)),
                           favourable=np.array([True, False]))
    assert result["estimate"].tolist() == [20.0, -20.0]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"estimate2d": np.ones(3)}, "2-D"),
        ({"estimate2d": np.ones((2, 3)), "se2d": np.ones((2, 2))}, "se has shape"),
        ({"estimate2d": np.ones((2, 3)), "pop2d": -np.ones((2, 3))}, "must not be negative"),
        ({"estimate2d": np.ones((2, 3)), "order2d": np.ones((2, 3))}, "must not repeat"),
        ({"estimate2d": np.ones((2, 3)), "scale": np.ones(3)}, "one value per stratum"),
        ({"estimate2d": np.ones((2, 3)), "reference": 5}, "reference index"),
    ],
)
def test_batch_rejects_malformed_input(kwargs, message):
    with pytest.raises(ValueError, match=message):
        compute_batch("d", **kwargs)
