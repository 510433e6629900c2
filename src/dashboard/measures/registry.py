"""What each gap measure is, as data: kind, unit, scope, interval method and text keys.

The 21 measures of WHO HEAT Plus v6 (definitions in the HEAT technical notes and the R
package healthequal) plus PHE's slope and relative index (PHEindicatormethods `phe_sii`).
The words are in the text catalogue (dashboard.core.texts.measures): each measure refers
to its name, reading and method by key, and `REASONS` maps each not-applicable code to the
key of its explanation. A reading takes an already formatted `{value}` and, where the
measure is in indicator units, the indicator's unit text as `{unit}`; a method takes the
formatted number of `{draws}` and the `{seed}`.
"""

from __future__ import annotations

from dataclasses import dataclass

ORDERED = "ordered"
NON_ORDERED = "non_ordered"
BOTH = frozenset({ORDERED, NON_ORDERED})

ANALYTIC = "analytic"
SIMULATION = "simulation"
MONTE_CARLO = "monte_carlo"


@dataclass(frozen=True)
class MeasureInfo:
    """Metadata of one measure; `needs_*` drive the shared applicability checks."""

    id: str
    kind: str  # "absolute" or "relative"
    complexity: str  # "simple" or "complex"
    weighted: bool
    null_value: float
    unit: str
    se_scale: str  # "same" (as the estimate), "log" (of the ratio) or "none"
    dimensions: frozenset[str]
    ci_method: str
    source: str
    min_subgroups: int = 3
    needs_population: bool = False
    needs_mean: bool = False
    needs_reference: bool = False
    uses_reference: bool = False

    @property
    def name_key(self) -> str:
        """Catalogue key of the measure's name."""
        return f"measure_{self.id}"

    @property
    def reading_key(self) -> str:
        """Catalogue key of the one-sentence reading (fields `value` and `unit`)."""
        return f"measure_{self.id}_reading"

    @property
    def method_key(self) -> str:
        """Catalogue key of how the interval is made (fields `draws` and `seed`)."""
        return f"method_{self.ci_method}"

    @property
    def method(self) -> str:
        """Technical label of the method family for output files (shown words: `method_key`)."""
        if self.source == "PHE":
            return "PHE WLS"
        return f"WHO HEAT v6 {self.ci_method}"


_WHO = "WHO HEAT v6"
_ORD = frozenset({ORDERED})
_NON = frozenset({NON_ORDERED})

MEASURES: dict[str, MeasureInfo] = {
    m.id: m
    for m in (
        MeasureInfo(
            id="d", kind="absolute", complexity="simple", weighted=False, null_value=0.0,
            unit="indicator units", se_scale="same", dimensions=BOTH, ci_method=ANALYTIC,
            source=_WHO, min_subgroups=2, uses_reference=True,
        ),
        MeasureInfo(
            id="r", kind="relative", complexity="simple", weighted=False, null_value=1.0,
            unit="ratio", se_scale="log", dimensions=BOTH, ci_method=ANALYTIC,
            source=_WHO, min_subgroups=2, uses_reference=True,
        ),
        MeasureInfo(
            id="aci", kind="absolute", complexity="complex", weighted=True, null_value=0.0,
            unit="indicator units", se_scale="same", dimensions=_ORD, ci_method=ANALYTIC,
            source=_WHO, needs_population=True,
        ),
        MeasureInfo(
            id="rci", kind="relative", complexity="complex", weighted=True, null_value=0.0,
            unit="fraction", se_scale="same", dimensions=_ORD, ci_method=ANALYTIC,
            source=_WHO, needs_population=True,
        ),
        MeasureInfo(
            id="sii", kind="absolute", complexity="complex", weighted=True, null_value=0.0,
            unit="indicator units", se_scale="same", dimensions=_ORD, ci_method=ANALYTIC,
            source=_WHO, needs_population=True,
        ),
        MeasureInfo(
            id="rii", kind="relative", complexity="complex", weighted=True, null_value=1.0,
            unit="ratio", se_scale="log", dimensions=_ORD, ci_method=ANALYTIC,
            source=_WHO, needs_population=True,
        ),
        MeasureInfo(
            id="paf", kind="relative", complexity="complex", weighted=True, null_value=0.0,
            unit="percent", se_scale="same", dimensions=BOTH, ci_method=ANALYTIC,
            source=_WHO, needs_mean=True, uses_reference=True,
        ),
        MeasureInfo(
            id="par", kind="absolute", complexity="complex", weighted=True, null_value=0.0,
            unit="indicator units", se_scale="same", dimensions=BOTH, ci_method=ANALYTIC,
            source=_WHO, needs_mean=True, uses_reference=True,
        ),
        MeasureInfo(
            id="bgv", kind="absolute", complexity="complex", weighted=True, null_value=0.0,
            unit="squared indicator units", se_scale="same", dimensions=_NON,
            ci_method=ANALYTIC, source=_WHO, needs_population=True,
        ),
        MeasureInfo(
            id="bgsd", kind="absolute", complexity="complex", weighted=True, null_value=0.0,
            unit="indicator units", se_scale="none", dimensions=_NON, ci_method=SIMULATION,
            source=_WHO, needs_population=True,
        ),
        MeasureInfo(
            id="cov", kind="relative", complexity="complex", weighted=True, null_value=0.0,
            unit="percent", se_scale="none", dimensions=_NON, ci_method=SIMULATION,
            source=_WHO, needs_population=True,
        ),
        MeasureInfo(
            id="idisu", kind="relative", complexity="complex", weighted=False, null_value=0.0,
            unit="percent", se_scale="none", dimensions=_NON, ci_method=SIMULATION,
            source=_WHO, needs_mean=True,
        ),
        MeasureInfo(
            id="idisw", kind="relative", complexity="complex", weighted=True, null_value=0.0,
            unit="percent", se_scale="none", dimensions=_NON, ci_method=SIMULATION,
            source=_WHO, needs_population=True,
        ),
        MeasureInfo(
            id="mdbu", kind="absolute", complexity="complex", weighted=False, null_value=0.0,
            unit="indicator units", se_scale="none", dimensions=_NON, ci_method=SIMULATION,
            source=_WHO,
        ),
        MeasureInfo(
            id="mdbw", kind="absolute", complexity="complex", weighted=True, null_value=0.0,
            unit="indicator units", se_scale="none", dimensions=_NON, ci_method=SIMULATION,
            source=_WHO, needs_population=True,
        ),
        MeasureInfo(
            id="mdmu", kind="absolute", complexity="complex", weighted=False, null_value=0.0,
            unit="indicator units", se_scale="none", dimensions=_NON, ci_method=SIMULATION,
            source=_WHO, needs_mean=True,
        ),
        MeasureInfo(
            id="mdmw", kind="absolute", complexity="complex", weighted=True, null_value=0.0,
            unit="indicator units", se_scale="none", dimensions=_NON, ci_method=SIMULATION,
            source=_WHO, needs_population=True,
        ),
        MeasureInfo(
            id="mdru", kind="absolute", complexity="complex", weighted=False, null_value=0.0,
            unit="indicator units", se_scale="none", dimensions=_NON, ci_method=SIMULATION,
            source=_WHO, needs_reference=True, uses_reference=True,
        ),
        MeasureInfo(
            id="mdrw", kind="absolute", complexity="complex", weighted=True, null_value=0.0,
            unit="indicator units", se_scale="none", dimensions=_NON, ci_method=SIMULATION,
            source=_WHO, needs_population=True, needs_reference=True, uses_reference=True,
        ),
        MeasureInfo(
            id="ti", kind="relative", complexity="complex", weighted=True, null_value=0.0,
            unit="x1000", se_scale="same", dimensions=_NON, ci_method=ANALYTIC,
            source=_WHO, needs_population=True,
        ),
        MeasureInfo(
            id="mld", kind="relative", complexity="complex", weighted=True, null_value=0.0,
            unit="x1000", se_scale="same", dimensions=_NON, ci_method=ANALYTIC,
            source=_WHO, needs_population=True,
        ),
        MeasureInfo(
            id="sii_phe", kind="absolute", complexity="complex", weighted=True, null_value=0.0,
            unit="indicator units", se_scale="none", dimensions=_ORD, ci_method=MONTE_CARLO,
            source="PHE", needs_population=True,
        ),
        MeasureInfo(
            id="rii_phe", kind="relative", complexity="complex", weighted=True, null_value=1.0,
            unit="ratio", se_scale="none", dimensions=_ORD, ci_method=MONTE_CARLO,
            source="PHE", needs_population=True,
        ),
    )
}

HEAT_MEASURES: tuple[str, ...] = tuple(k for k, m in MEASURES.items() if m.source == _WHO)

# Why a measure does not apply: each code and the catalogue key of its explanation.
REASONS: dict[str, str] = {
    code: f"reason_{code}"
    for code in (
        "needs_ordered_dimension",
        "needs_non_ordered_dimension",
        "too_few_subgroups",
        "needs_more_than_two_subgroups",
        "needs_at_least_five_subgroups",
        "too_many_subgroups",
        "missing_estimates",
        "too_many_missing_estimates",
        "missing_population",
        "missing_mean",
        "needs_reference_subgroup",
        "missing_reference_estimate",
        "zero_denominator",
        "zero_mean",
        "needs_positive_estimates",
        "estimate_outside_scale",
        "degenerate_counts",
        "model_did_not_converge",
        "not_computable",
    )
}
