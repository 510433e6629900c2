"""Many strata at once: the padded 2-D form every measure kernel works on.

Rows are strata, columns subgroups. A column that holds no subgroup (padding) is not a
*member*; a member whose estimate is missing is not *present*. Rows of ordered strata are
sorted by subgroup order, so column 0 is the most disadvantaged subgroup and members come
before padding. Kernels return a `Block` of per-stratum arrays plus a reason code where the
measure does not apply; they never raise on a row that some check has already ruled out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

import numpy as np
from numpy.typing import ArrayLike, NDArray
from scipy.stats import norm

from dashboard.measures.subgroups import Subgroups

Z95 = float(norm.ppf(0.975))


@dataclass(frozen=True, eq=False)
class Strata:
    """Strata x subgroups arrays with the derived quantities the measures share."""

    est: np.ndarray
    se: np.ndarray
    pop: np.ndarray
    member: np.ndarray
    ordered: np.ndarray
    favourable: np.ndarray
    scale: np.ndarray
    reference: np.ndarray
    setting_average: np.ndarray

    @property
    def size(self) -> int:
        """Number of strata."""
        return int(self.est.shape[0])

    @cached_property
    def present(self) -> np.ndarray:
        """Members whose estimate is known."""
        return self.member & np.isfinite(self.est)

    @cached_property
    def est0(self) -> np.ndarray:
        """Estimates with absent entries set to 0, for masked sums."""
        return np.where(self.present, self.est, 0.0)

    @cached_property
    def n_member(self) -> np.ndarray:
        return self.member.sum(axis=1)

    @cached_property
    def n_present(self) -> np.ndarray:
        return self.present.sum(axis=1)

    @cached_property
    def pop_ok(self) -> np.ndarray:
        """Every present subgroup has a population and they do not sum to zero."""
        known = ~self.present | np.isfinite(self.pop)
        total = np.where(self.present, np.nan_to_num(self.pop), 0.0).sum(axis=1)
        return known.all(axis=1) & (total > 0)

    @cached_property
    def share(self) -> np.ndarray:
        """Population shares of the present subgroups (0 elsewhere and where unusable)."""
        pop = np.where(self.present & self.pop_ok[:, None], np.nan_to_num(self.pop), 0.0)
        total = pop.sum(axis=1, keepdims=True)
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(total > 0, pop / np.where(total > 0, total, 1.0), 0.0)

    @cached_property
    def weighted_mean(self) -> np.ndarray:
        """Population-weighted mean of the present estimates (NaN without populations)."""
        return np.where(self.pop_ok, (self.share * self.est0).sum(axis=1), np.nan)

    @cached_property
    def mean(self) -> np.ndarray:
        """The setting average as WHO uses it: weighted mean, else the reported average."""
        return np.where(self.pop_ok, self.weighted_mean, self.setting_average)

    @cached_property
    def se_ok(self) -> np.ndarray:
        """Every present subgroup has a standard error."""
        return (~self.present | np.isfinite(self.se)).all(axis=1) & (self.n_present > 0)

    @cached_property
    def rows(self) -> np.ndarray:
        return np.arange(self.size)

    @cached_property
    def last(self) -> np.ndarray:
        """Column of the last member: the most advantaged subgroup of an ordered stratum."""
        return np.maximum(self.n_member - 1, 0)

    @cached_property
    def ref_present(self) -> np.ndarray:
        """A reference subgroup is named and its estimate is known."""
        ref = np.maximum(self.reference, 0)
        return (self.reference >= 0) & self.present[self.rows, ref]

    @cached_property
    def rank(self) -> np.ndarray:
        """Cumulative-rank midpoints of the present subgroups (ordered strata)."""
        cum = np.cumsum(self.share, axis=1)
        return cum - self.share / 2


@dataclass
class Block:
    """Per-stratum output of one measure kernel."""

    estimate: np.ndarray
    se: np.ndarray
    ci_lb: np.ndarray
    ci_ub: np.ndarray
    reason: np.ndarray

    @classmethod
    def empty(cls, size: int) -> Block:
        nan = np.full(size, np.nan)
        return cls(nan.copy(), nan.copy(), nan.copy(), nan.copy(), np.full(size, None, object))

    def flag(self, condition: ArrayLike, code: str) -> None:
        """Mark rows as not applicable with `code`, keeping an earlier reason."""
        self.reason[np.asarray(condition, bool) & no_reason(self.reason)] = code


def no_reason(reason: np.ndarray) -> NDArray[np.bool_]:
    """Where an array of reason codes holds None: the measure applies there."""
    return np.equal(reason, np.array(None, dtype=object))


def normal_limits(estimate: np.ndarray, se: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Symmetric 95% limits estimate -/+ z * se."""
    return estimate - Z95 * se, estimate + Z95 * se


def _per_row(
    name: str, value: object, size: int, dtype: type[bool] | type[int] | type[float]
) -> np.ndarray:
    array = np.asarray(value, dtype=dtype)
    if array.ndim == 0:
        return np.full(size, array.item(), dtype=dtype)
    if array.shape != (size,):
        raise ValueError(f"{name} must be a scalar or have one value per stratum ({size})")
    return array.copy()


def build(
    est: np.ndarray,
    se: np.ndarray | None = None,
    pop: np.ndarray | None = None,
    *,
    member: np.ndarray | None = None,
    order: np.ndarray | None = None,
    ordered: object = None,
    favourable: object = True,
    scale: object = 1.0,
    reference: object = -1,
    setting_average: object = np.nan,
) -> Strata:
    """Check and normalise 2-D inputs into `Strata` (ordered rows sorted by order).

    `member` marks the real subgroups; by default every column whose estimate is not NaN.
    `ordered` defaults to True for every row when `order` is given.
    """
    est = np.array(est, dtype=float)
    if est.ndim != 2:
        raise ValueError(f"estimates must be 2-D (strata x subgroups), got shape {est.shape}")
    shape = est.shape
    size = shape[0]

    def matrix(name: str, value: object, fill: float) -> np.ndarray:
        if value is None:
            return np.full(shape, fill)
        array = np.array(value, dtype=float)
        if array.shape != shape:
            raise ValueError(f"{name} has shape {array.shape}, estimates have {shape}")
        return array

    se = matrix("se", se, np.nan)
    pop = matrix("population", pop, np.nan)
    for name, array in (("estimate", est), ("se", se), ("population", pop)):
        if np.isinf(array).any():
            raise ValueError(f"{name} must not contain infinite values")
    if member is None:
        member = np.isfinite(est)
    else:
        member = np.array(member, dtype=bool)
        if member.shape != shape:
            raise ValueError(f"mask has shape {member.shape}, estimates have {shape}")
    if (np.where(member, se, 0) < 0).any():
        raise ValueError("se must not be negative")
    if (np.where(member, pop, 0) < 0).any():
        raise ValueError("population must not be negative")
    if ordered is None:
        ordered = order is not None
    ordered = _per_row("ordered", ordered, size, bool)
    if ordered.any() and order is None:
        raise ValueError("ordered strata need an order for their subgroups")
    reference = _per_row("reference", reference, size, int)
    if ((reference >= shape[1]) | (reference < -1)).any():
        raise ValueError("reference index outside the subgroups")
    if order is not None:
        order = matrix("order", order, np.nan)
        key = np.where(member & ordered[:, None], order, np.inf)
        if np.isnan(key).any():
            raise ValueError("every subgroup of an ordered stratum needs an order")
        key = np.where(ordered[:, None], key, np.arange(shape[1], dtype=float)[None, :])
        perm = np.argsort(key, axis=1, kind="stable")
        sorted_key = np.take_along_axis(key, perm, axis=1)
        with np.errstate(invalid="ignore"):
            repeats = np.isfinite(sorted_key[:, 1:]) & (np.diff(sorted_key, axis=1) == 0)
        if repeats.any():
            raise ValueError("subgroup order must not repeat within a stratum")
        est, se, pop, member = (np.take_along_axis(a, perm, axis=1) for a in (est, se, pop, member))
        inverse = np.argsort(perm, axis=1)
        rows = np.arange(size)
        reference = np.where(reference >= 0, inverse[rows, np.maximum(reference, 0)], -1)
    if (reference >= 0).any() and not member[np.arange(size), np.maximum(reference, 0)][
        reference >= 0
    ].all():
        raise ValueError("the reference subgroup must be one of the stratum's subgroups")
    scale = _per_row("scale", scale, size, float)
    if not (np.isfinite(scale) & (scale > 0)).all():
        raise ValueError("scale must be a positive number")
    return Strata(
        est=np.where(member, est, np.nan),
        se=np.where(member, se, np.nan),
        pop=np.where(member, pop, np.nan),
        member=member,
        ordered=ordered,
        favourable=_per_row("favourable", favourable, size, bool),
        scale=scale,
        reference=reference,
        setting_average=_per_row("setting_average", setting_average, size, float),
    )


def from_subgroups(groups: Sequence[Subgroups]) -> Strata:
    """Stack already validated `Subgroups` into one padded `Strata`."""
    size = len(groups)
    width = max((len(g) for g in groups), default=0)
    est = np.full((size, width), np.nan)
    se = np.full((size, width), np.nan)
    pop = np.full((size, width), np.nan)
    order = np.full((size, width), np.nan)
    member = np.zeros((size, width), dtype=bool)
    for i, g in enumerate(groups):
        n = len(g)
        est[i, :n], se[i, :n], pop[i, :n] = g.estimate, g.se, g.population
        member[i, :n] = True
        if g.order is not None:
            order[i, :n] = g.order
    return build(
        est,
        se,
        pop,
        member=member,
        order=order,
        ordered=np.array([g.ordered for g in groups], dtype=bool),
        favourable=np.array([g.favourable for g in groups], dtype=bool),
        scale=np.array([g.scale for g in groups], dtype=float),
        reference=np.array([-1 if g.reference is None else g.reference for g in groups]),
        setting_average=np.array(
            [np.nan if g.setting_average is None else g.setting_average for g in groups]
        ),
    )
