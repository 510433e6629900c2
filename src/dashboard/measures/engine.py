"""Dispatch: which kernel computes a measure, when it applies, and the public entry points.

Applicability follows WHO HEAT's validation rules (HEAT-Measures `validation-tests.R`):
ordered-only and non-ordered-only measures, only d and r for two subgroups, a reference
subgroup where one is needed, all estimates for ordered complex measures, at least 85% of
estimates otherwise, populations (or the reported setting average) where a measure uses
them. A measure that does not apply returns `applicable=False` with a reason code (see
`registry.REASONS`, which names the catalogue key of its explanation) instead of a number.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from dashboard.measures import (
    attributable,
    concentration,
    meandiff,
    phe,
    regression,
    simple,
    theil,
    variance,
)
from dashboard.measures.registry import (
    MEASURES,
    MONTE_CARLO,
    NON_ORDERED,
    ORDERED,
    SIMULATION,
    MeasureInfo,
)
from dashboard.measures.result import MeasureResult
from dashboard.measures.simulation import DEFAULT_DRAWS, Simulation
from dashboard.measures.strata import Block, Strata, build, from_subgroups, no_reason
from dashboard.measures.subgroups import Subgroups

DEFAULT_SEED = 20240101
MIN_SHARE_PRESENT = 0.85

Kernel = Callable[[Strata, Simulation | None], Block]

KERNELS: dict[str, Kernel] = {
    "d": simple.difference,
    "r": simple.ratio,
    "aci": concentration.aci,
    "rci": concentration.rci,
    "sii": regression.sii,
    "rii": regression.rii,
    "paf": attributable.paf,
    "par": attributable.par,
    "bgv": variance.bgv,
    "bgsd": variance.bgsd,
    "cov": variance.cov,
    "idisu": meandiff.idisu,
    "idisw": meandiff.idisw,
    "mdbu": meandiff.mdbu,
    "mdbw": meandiff.mdbw,
    "mdmu": meandiff.mdmu,
    "mdmw": meandiff.mdmw,
    "mdru": meandiff.mdru,
    "mdrw": meandiff.mdrw,
    "ti": theil.ti,
    "mld": theil.mld,
    "sii_phe": phe.sii_phe,
    "rii_phe": phe.rii_phe,
}


class UnknownMeasureError(ValueError):
    """Raised for a measure id that is not in the registry."""


def measure_info(measure_id: str) -> MeasureInfo:
    """The registry entry of `measure_id`; UnknownMeasureError when there is none."""
    try:
        return MEASURES[measure_id]
    except KeyError:
        known = ", ".join(MEASURES)
        raise UnknownMeasureError(f"unknown measure {measure_id!r}; known: {known}") from None


def _common_reasons(info: MeasureInfo, st: Strata) -> np.ndarray:
    """Reason codes from the checks every measure shares, in order of precedence."""
    out = Block.empty(st.size)
    ordered = st.ordered
    out.flag(ordered & (ORDERED not in info.dimensions), "needs_non_ordered_dimension")
    out.flag(~ordered & (NON_ORDERED not in info.dimensions), "needs_ordered_dimension")
    out.flag(st.n_present < 2, "too_few_subgroups")
    out.flag(st.n_present < info.min_subgroups, "needs_more_than_two_subgroups")
    if info.needs_reference:
        out.flag(st.reference < 0, "needs_reference_subgroup")
    if info.uses_reference:
        named = (st.reference >= 0) & ~ordered
        out.flag(named & ~st.ref_present, "missing_reference_estimate")
    if info.min_subgroups > 2:
        incomplete = st.n_present < st.n_member
        out.flag(ordered & incomplete, "missing_estimates")
        out.flag(st.n_present < MIN_SHARE_PRESENT * st.n_member, "too_many_missing_estimates")
    if info.needs_population:
        out.flag(~st.pop_ok, "missing_population")
    if info.needs_mean:
        out.flag(~np.isfinite(st.mean), "missing_mean")
    return out.reason


def evaluate(measure_id: str, st: Strata, sim: Simulation | None) -> Block:
    """Run one measure over all strata; NaN numbers wherever it does not apply."""
    info = measure_info(measure_id)
    common = _common_reasons(info, st)
    with np.errstate(all="ignore"):
        block = KERNELS[measure_id](st, sim)
    reason = np.where(no_reason(common), block.reason, common)
    reason[no_reason(reason) & ~np.isfinite(block.estimate)] = "not_computable"
    off = ~no_reason(reason)
    return Block(
        estimate=np.where(off, np.nan, block.estimate),
        se=np.where(off, np.nan, block.se),
        ci_lb=np.where(off, np.nan, block.ci_lb),
        ci_ub=np.where(off, np.nan, block.ci_ub),
        reason=reason,
    )


def method_draws(info: MeasureInfo, n_draws: int) -> int | None:
    """How many random draws the measure's interval takes; None for an analytic interval."""
    if info.ci_method == SIMULATION:
        return n_draws
    if info.ci_method == MONTE_CARLO:
        return phe.DASHBOARD_REPETITIONS
    return None


def method_label(info: MeasureInfo, seed: int, n_draws: int) -> str:
    """How the numbers were made, with the seed wherever randomness is involved."""
    if info.ci_method == SIMULATION:
        return f"{info.method} ({n_draws} draws, seed {seed})"
    if info.ci_method == MONTE_CARLO:
        return f"{info.method}, Monte Carlo ({phe.DASHBOARD_REPETITIONS} reps, seed {seed})"
    return info.method


def _result(info: MeasureInfo, block: Block, row: int, seed: int, n_draws: int
            ) -> MeasureResult:
    reason = block.reason[row]
    draws = method_draws(info, n_draws)
    return MeasureResult(
        measure=info.id,
        estimate=float(block.estimate[row]),
        se=float(block.se[row]),
        ci_lb=float(block.ci_lb[row]),
        ci_ub=float(block.ci_ub[row]),
        applicable=reason is None,
        reason=reason,
        unit=info.unit,
        method=method_label(info, seed, n_draws),
        draws=draws,
        seed=None if draws is None else seed,
    )


def _strata(groups: Subgroups) -> Strata:
    if not isinstance(groups, Subgroups):
        raise TypeError(f"expected Subgroups, got {type(groups).__name__}")
    return from_subgroups([groups])


def compute(
    measure_id: str, groups: Subgroups, *, seed: int = DEFAULT_SEED, n_draws: int = DEFAULT_DRAWS
) -> MeasureResult:
    """One measure for one stratum; the same input and seed always give the same interval."""
    return compute_all(groups, [measure_id], seed=seed, n_draws=n_draws)[0]


def compute_all(
    groups: Subgroups,
    measures: Sequence[str] | None = None,
    *,
    seed: int = DEFAULT_SEED,
    n_draws: int = DEFAULT_DRAWS,
) -> list[MeasureResult]:
    """Several measures (default: all registered) for one stratum, sharing one set of draws."""
    ids = list(MEASURES) if measures is None else list(measures)
    infos = [measure_info(m) for m in ids]
    st = _strata(groups)
    sim = Simulation(st, seed, n_draws)
    return [
        _result(info, evaluate(info.id, st, sim), 0, seed, n_draws)
        for info in infos
    ]


def applicable_measures(groups: Subgroups) -> list[str]:
    """Ids of the registered measures that give a number for this stratum."""
    st = _strata(groups)
    return [m for m in MEASURES if evaluate(m, st, None).reason[0] is None]


def compute_batch(
    measure_id: str,
    estimate2d: np.ndarray,
    se2d: np.ndarray | None = None,
    pop2d: np.ndarray | None = None,
    order2d: np.ndarray | None = None,
    *,
    mask: np.ndarray | None = None,
    favourable: bool | np.ndarray = True,
    scale: float | np.ndarray = 1.0,
    reference: int | np.ndarray | None = None,
    setting_average: float | np.ndarray | None = None,
) -> dict[str, np.ndarray]:
    """One measure for many strata at once: point estimates and analytic intervals.

    Arrays are strata x subgroups. Padding is NaN in `estimate2d` unless `mask` marks the
    real subgroups (then a NaN estimate inside the mask is a missing estimate). `order2d`
    makes every stratum ordered. Per-stratum settings may be scalars or 1-D arrays;
    `reference` uses -1 (or None) for none. Simulation-based intervals are not drawn here
    (NaN limits); use `compute` for them. Returns arrays estimate, se, ci_lb, ci_ub,
    applicable (bool) and reason (object: code or None).
    """
    measure_info(measure_id)
    st = build(
        estimate2d,
        se2d,
        pop2d,
        member=mask,
        order=order2d,
        favourable=favourable,
        scale=scale,
        reference=-1 if reference is None else reference,
        setting_average=np.nan if setting_average is None else setting_average,
    )
    block = evaluate(measure_id, st, None)
    return {
        "estimate": block.estimate,
        "se": block.se,
        "ci_lb": block.ci_lb,
        "ci_ub": block.ci_ub,
        "applicable": no_reason(block.reason),
        "reason": block.reason,
    }
