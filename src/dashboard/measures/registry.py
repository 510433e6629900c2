"""What each gap measure is, as data: names, kind, unit, scope, interval method and reading.

The 21 measures of WHO HEAT Plus v6 (definitions in the HEAT technical notes and the R
package healthequal) plus PHE's slope and relative index (PHEindicatormethods `phe_sii`).
`reading_sv` / `reading_en` are one-sentence templates for a dashboard: they take an
already formatted `{value}` and, where the measure is in indicator units, the indicator's
unit text as `{unit}`. `REASONS` explains each not-applicable code in both languages.
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
    name_sv: str
    name_en: str
    kind: str  # "absolute" or "relative"
    complexity: str  # "simple" or "complex"
    weighted: bool
    null_value: float
    unit: str
    se_scale: str  # "same" (as the estimate), "log" (of the ratio) or "none"
    dimensions: frozenset[str]
    ci_method: str
    source: str
    reading_sv: str
    reading_en: str
    min_subgroups: int = 3
    needs_population: bool = False
    needs_mean: bool = False
    needs_reference: bool = False
    uses_reference: bool = False

    @property
    def method(self) -> str:
        """Label of the method family, completed with seed and draws by the engine."""
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
            id="d", name_sv="Differens", name_en="Difference",
            kind="absolute", complexity="simple", weighted=False, null_value=0.0,
            unit="indicator units", se_scale="same", dimensions=BOTH, ci_method=ANALYTIC,
            source=_WHO, min_subgroups=2, uses_reference=True,
            reading_sv=(
                "Den gynnade (eller bäst ställda) gruppen ligger {value} {unit} före den "
                "missgynnade (eller sämst ställda); 0 betyder ingen skillnad och ett negativt "
                "värde att den missgynnade gruppen har det bättre."
            ),
            reading_en=(
                "The advantaged (or best-off) subgroup is {value} {unit} ahead of the "
                "disadvantaged (or worst-off) one; 0 would mean no gap, and a negative value "
                "means the disadvantaged subgroup does better."
            ),
        ),
        MeasureInfo(
            id="r", name_sv="Kvot", name_en="Ratio",
            kind="relative", complexity="simple", weighted=False, null_value=1.0,
            unit="ratio", se_scale="log", dimensions=BOTH, ci_method=ANALYTIC,
            source=_WHO, min_subgroups=2, uses_reference=True,
            reading_sv=(
                "Värdet i den ena av de jämförda grupperna är {value} gånger värdet i den "
                "andra; 1 betyder ingen skillnad, och ju längre från 1, desto större klyfta."
            ),
            reading_en=(
                "One of the compared subgroups has {value} times the value of the other; 1 "
                "would mean no gap, and the further from 1, the wider the gap."
            ),
        ),
        MeasureInfo(
            id="aci", name_sv="Absolut koncentrationsindex",
            name_en="Absolute concentration index",
            kind="absolute", complexity="complex", weighted=True, null_value=0.0,
            unit="indicator units", se_scale="same", dimensions=_ORD, ci_method=ANALYTIC,
            source=_WHO, needs_population=True,
            reading_sv=(
                "Det absoluta koncentrationsindexet är {value} {unit}; 0 betyder ingen "
                "ojämlikhet, ett positivt värde att indikatorn är koncentrerad till de mer "
                "gynnade och ett negativt till de mer missgynnade."
            ),
            reading_en=(
                "The absolute concentration index is {value} {unit}; 0 would mean no "
                "inequality, a positive value that the indicator is concentrated among the "
                "more advantaged, a negative one among the more disadvantaged."
            ),
        ),
        MeasureInfo(
            id="rci", name_sv="Relativt koncentrationsindex",
            name_en="Relative concentration index",
            kind="relative", complexity="complex", weighted=True, null_value=0.0,
            unit="fraction", se_scale="same", dimensions=_ORD, ci_method=ANALYTIC,
            source=_WHO, needs_population=True,
            reading_sv=(
                "Det relativa koncentrationsindexet är {value} (mellan -1 och 1); 0 betyder "
                "ingen ojämlikhet, ett positivt värde koncentration till de mer gynnade och "
                "ett negativt till de mer missgynnade."
            ),
            reading_en=(
                "The relative concentration index is {value} (between -1 and 1); 0 would "
                "mean no inequality, a positive value concentration among the more "
                "advantaged, a negative one among the more disadvantaged."
            ),
        ),
        MeasureInfo(
            id="sii", name_sv="Lutningsindex för ojämlikhet",
            name_en="Slope index of inequality",
            kind="absolute", complexity="complex", weighted=True, null_value=0.0,
            unit="indicator units", se_scale="same", dimensions=_ORD, ci_method=ANALYTIC,
            source=_WHO, needs_population=True,
            reading_sv=(
                "Längs hela rangordningen, från de mest missgynnade till de mest gynnade, "
                "ändras indikatorn med {value} {unit}; 0 betyder ingen social gradient."
            ),
            reading_en=(
                "Along the whole ranking, from the most disadvantaged to the most "
                "advantaged, the indicator changes by {value} {unit}; 0 would mean no "
                "social gradient."
            ),
        ),
        MeasureInfo(
            id="rii", name_sv="Relativt ojämlikhetsindex",
            name_en="Relative index of inequality",
            kind="relative", complexity="complex", weighted=True, null_value=1.0,
            unit="ratio", se_scale="log", dimensions=_ORD, ci_method=ANALYTIC,
            source=_WHO, needs_population=True,
            reading_sv=(
                "Den mest gynnade änden av rangordningen har {value} gånger värdet i den "
                "mest missgynnade änden; 1 betyder ingen social gradient."
            ),
            reading_en=(
                "The most advantaged end of the ranking has {value} times the value of the "
                "most disadvantaged end; 1 would mean no social gradient."
            ),
        ),
        MeasureInfo(
            id="paf", name_sv="Populationsattributabel andel",
            name_en="Population attributable fraction",
            kind="relative", complexity="complex", weighted=True, null_value=0.0,
            unit="percent", se_scale="same", dimensions=BOTH, ci_method=ANALYTIC,
            source=_WHO, needs_mean=True, uses_reference=True,
            reading_sv=(
                "Genomsnittet skulle förändras med {value} procent om alla grupper nådde "
                "referensgruppens nivå; 0 betyder att det inte finns något att vinna."
            ),
            reading_en=(
                "The average would change by {value} percent if every subgroup reached the "
                "reference subgroup's level; 0 would mean there is nothing to gain."
            ),
        ),
        MeasureInfo(
            id="par", name_sv="Populationsattributabel risk",
            name_en="Population attributable risk",
            kind="absolute", complexity="complex", weighted=True, null_value=0.0,
            unit="indicator units", se_scale="same", dimensions=BOTH, ci_method=ANALYTIC,
            source=_WHO, needs_mean=True, uses_reference=True,
            reading_sv=(
                "Genomsnittet skulle förändras med {value} {unit} om alla grupper nådde "
                "referensgruppens nivå; 0 betyder att det inte finns något att vinna."
            ),
            reading_en=(
                "The average would change by {value} {unit} if every subgroup reached the "
                "reference subgroup's level; 0 would mean there is nothing to gain."
            ),
        ),
        MeasureInfo(
            id="bgv", name_sv="Varians mellan grupper", name_en="Between-group variance",
            kind="absolute", complexity="complex", weighted=True, null_value=0.0,
            unit="squared indicator units", se_scale="same", dimensions=_NON,
            ci_method=ANALYTIC, source=_WHO, needs_population=True,
            reading_sv=(
                "Den befolkningsviktade variansen mellan grupperna är {value} ({unit} i "
                "kvadrat); 0 betyder att alla grupper ligger lika."
            ),
            reading_en=(
                "The population-weighted variance between subgroups is {value} (squared "
                "{unit}); 0 would mean all subgroups are level."
            ),
        ),
        MeasureInfo(
            id="bgsd", name_sv="Standardavvikelse mellan grupper",
            name_en="Between-group standard deviation",
            kind="absolute", complexity="complex", weighted=True, null_value=0.0,
            unit="indicator units", se_scale="none", dimensions=_NON, ci_method=SIMULATION,
            source=_WHO, needs_population=True,
            reading_sv=(
                "Grupperna avviker från genomsnittet med {value} {unit}, mätt som "
                "befolkningsviktad standardavvikelse; 0 betyder att alla grupper ligger lika."
            ),
            reading_en=(
                "Subgroups deviate from the average by {value} {unit}, as a "
                "population-weighted standard deviation; 0 would mean all subgroups are level."
            ),
        ),
        MeasureInfo(
            id="cov", name_sv="Variationskoefficient", name_en="Coefficient of variation",
            kind="relative", complexity="complex", weighted=True, null_value=0.0,
            unit="percent", se_scale="none", dimensions=_NON, ci_method=SIMULATION,
            source=_WHO, needs_population=True,
            reading_sv=(
                "Standardavvikelsen mellan grupperna är {value} procent av genomsnittet; 0 "
                "betyder att alla grupper ligger lika."
            ),
            reading_en=(
                "The standard deviation between subgroups is {value} percent of the "
                "average; 0 would mean all subgroups are level."
            ),
        ),
        MeasureInfo(
            id="idisu", name_sv="Disparitetsindex, oviktat",
            name_en="Index of disparity (unweighted)",
            kind="relative", complexity="complex", weighted=False, null_value=0.0,
            unit="percent", se_scale="none", dimensions=_NON, ci_method=SIMULATION,
            source=_WHO, needs_mean=True,
            reading_sv=(
                "En grupp avviker i genomsnitt {value} procent från genomsnittet (alla "
                "grupper räknas lika); 0 betyder att alla grupper ligger på genomsnittet."
            ),
            reading_en=(
                "A subgroup differs from the average by {value} percent of it, on average "
                "(each subgroup counts equally); 0 would mean every subgroup is at the average."
            ),
        ),
        MeasureInfo(
            id="idisw", name_sv="Disparitetsindex, viktat",
            name_en="Index of disparity (weighted)",
            kind="relative", complexity="complex", weighted=True, null_value=0.0,
            unit="percent", se_scale="none", dimensions=_NON, ci_method=SIMULATION,
            source=_WHO, needs_population=True,
            reading_sv=(
                "Vägt efter folkmängd avviker en grupp i genomsnitt {value} procent från "
                "genomsnittet; 0 betyder att alla grupper ligger på genomsnittet."
            ),
            reading_en=(
                "Weighted by population, a subgroup differs from the average by {value} "
                "percent of it; 0 would mean every subgroup is at the average."
            ),
        ),
        MeasureInfo(
            id="mdbu", name_sv="Medelavvikelse från bästa gruppen, oviktad",
            name_en="Mean difference from best performing subgroup (unweighted)",
            kind="absolute", complexity="complex", weighted=False, null_value=0.0,
            unit="indicator units", se_scale="none", dimensions=_NON, ci_method=SIMULATION,
            source=_WHO,
            reading_sv=(
                "En grupp ligger i genomsnitt {value} {unit} från den bästa gruppen (alla "
                "grupper räknas lika); 0 betyder att alla når den bästa gruppens nivå."
            ),
            reading_en=(
                "A subgroup is on average {value} {unit} from the best-performing one "
                "(each subgroup counts equally); 0 would mean all reach the best level."
            ),
        ),
        MeasureInfo(
            id="mdbw", name_sv="Medelavvikelse från bästa gruppen, viktad",
            name_en="Mean difference from best performing subgroup (weighted)",
            kind="absolute", complexity="complex", weighted=True, null_value=0.0,
            unit="indicator units", se_scale="none", dimensions=_NON, ci_method=SIMULATION,
            source=_WHO, needs_population=True,
            reading_sv=(
                "Vägt efter folkmängd ligger en grupp i genomsnitt {value} {unit} från den "
                "bästa gruppen; 0 betyder att alla når den bästa gruppens nivå."
            ),
            reading_en=(
                "Weighted by population, a subgroup is on average {value} {unit} from the "
                "best-performing one; 0 would mean all reach the best level."
            ),
        ),
        MeasureInfo(
            id="mdmu", name_sv="Medelavvikelse från genomsnittet, oviktad",
            name_en="Mean difference from mean (unweighted)",
            kind="absolute", complexity="complex", weighted=False, null_value=0.0,
            unit="indicator units", se_scale="none", dimensions=_NON, ci_method=SIMULATION,
            source=_WHO, needs_mean=True,
            reading_sv=(
                "En grupp ligger i genomsnitt {value} {unit} från genomsnittet (alla grupper "
                "räknas lika); 0 betyder att alla grupper ligger på genomsnittet."
            ),
            reading_en=(
                "A subgroup is on average {value} {unit} from the average (each subgroup "
                "counts equally); 0 would mean every subgroup is at the average."
            ),
        ),
        MeasureInfo(
            id="mdmw", name_sv="Medelavvikelse från genomsnittet, viktad",
            name_en="Mean difference from mean (weighted)",
            kind="absolute", complexity="complex", weighted=True, null_value=0.0,
            unit="indicator units", se_scale="none", dimensions=_NON, ci_method=SIMULATION,
            source=_WHO, needs_population=True,
            reading_sv=(
                "Vägt efter folkmängd ligger en grupp i genomsnitt {value} {unit} från "
                "genomsnittet; 0 betyder att alla grupper ligger på genomsnittet."
            ),
            reading_en=(
                "Weighted by population, a subgroup is on average {value} {unit} from the "
                "average; 0 would mean every subgroup is at the average."
            ),
        ),
        MeasureInfo(
            id="mdru", name_sv="Medelavvikelse från referensgruppen, oviktad",
            name_en="Mean difference from reference subgroup (unweighted)",
            kind="absolute", complexity="complex", weighted=False, null_value=0.0,
            unit="indicator units", se_scale="none", dimensions=_NON, ci_method=SIMULATION,
            source=_WHO, needs_reference=True, uses_reference=True,
            reading_sv=(
                "En grupp ligger i genomsnitt {value} {unit} från referensgruppen (alla "
                "grupper räknas lika); 0 betyder att alla ligger på referensgruppens nivå."
            ),
            reading_en=(
                "A subgroup is on average {value} {unit} from the reference subgroup (each "
                "subgroup counts equally); 0 would mean all are at the reference level."
            ),
        ),
        MeasureInfo(
            id="mdrw", name_sv="Medelavvikelse från referensgruppen, viktad",
            name_en="Mean difference from reference subgroup (weighted)",
            kind="absolute", complexity="complex", weighted=True, null_value=0.0,
            unit="indicator units", se_scale="none", dimensions=_NON, ci_method=SIMULATION,
            source=_WHO, needs_population=True, needs_reference=True, uses_reference=True,
            reading_sv=(
                "Vägt efter folkmängd ligger en grupp i genomsnitt {value} {unit} från "
                "referensgruppen; 0 betyder att alla ligger på referensgruppens nivå."
            ),
            reading_en=(
                "Weighted by population, a subgroup is on average {value} {unit} from the "
                "reference subgroup; 0 would mean all are at the reference level."
            ),
        ),
        MeasureInfo(
            id="ti", name_sv="Theils index", name_en="Theil index",
            kind="relative", complexity="complex", weighted=True, null_value=0.0,
            unit="x1000", se_scale="same", dimensions=_NON, ci_method=ANALYTIC,
            source=_WHO, needs_population=True,
            reading_sv=(
                "Theils index är {value} (gånger 1 000); 0 betyder att indikatorn är jämnt "
                "fördelad efter folkmängd, och högre värden betyder större ojämlikhet."
            ),
            reading_en=(
                "The Theil index is {value} (times 1,000); 0 would mean the indicator is "
                "spread in proportion to population, and higher values mean more inequality."
            ),
        ),
        MeasureInfo(
            id="mld", name_sv="Medellogaritmisk avvikelse", name_en="Mean log deviation",
            kind="relative", complexity="complex", weighted=True, null_value=0.0,
            unit="x1000", se_scale="same", dimensions=_NON, ci_method=ANALYTIC,
            source=_WHO, needs_population=True,
            reading_sv=(
                "Den medellogaritmiska avvikelsen är {value} (gånger 1 000); 0 betyder att "
                "indikatorn är jämnt fördelad efter folkmängd, och högre värden betyder "
                "större ojämlikhet."
            ),
            reading_en=(
                "The mean log deviation is {value} (times 1,000); 0 would mean the "
                "indicator is spread in proportion to population, and higher values mean "
                "more inequality."
            ),
        ),
        MeasureInfo(
            id="sii_phe", name_sv="Lutningsindex för ojämlikhet (PHE)",
            name_en="Slope index of inequality (PHE)",
            kind="absolute", complexity="complex", weighted=True, null_value=0.0,
            unit="indicator units", se_scale="none", dimensions=_ORD, ci_method=MONTE_CARLO,
            source="PHE", needs_population=True,
            reading_sv=(
                "Enligt PHE:s metod ändras indikatorn med {value} {unit} från den mest "
                "missgynnade till den minst missgynnade änden; 0 betyder ingen social gradient."
            ),
            reading_en=(
                "By PHE's method, the indicator changes by {value} {unit} from the most to "
                "the least deprived end; 0 would mean no social gradient."
            ),
        ),
        MeasureInfo(
            id="rii_phe", name_sv="Relativt ojämlikhetsindex (PHE)",
            name_en="Relative index of inequality (PHE)",
            kind="relative", complexity="complex", weighted=True, null_value=1.0,
            unit="ratio", se_scale="none", dimensions=_ORD, ci_method=MONTE_CARLO,
            source="PHE", needs_population=True,
            reading_sv=(
                "Enligt PHE:s metod har den minst missgynnade änden {value} gånger värdet i "
                "den mest missgynnade; 1 betyder ingen social gradient."
            ),
            reading_en=(
                "By PHE's method, the least deprived end has {value} times the value of the "
                "most deprived end; 1 would mean no social gradient."
            ),
        ),
    )
}

HEAT_MEASURES: tuple[str, ...] = tuple(k for k, m in MEASURES.items() if m.source == _WHO)

REASONS: dict[str, tuple[str, str]] = {
    "needs_ordered_dimension": (
        "Mäts bara för ordnade dimensioner (t.ex. utbildningsnivå).",
        "Only defined for ordered dimensions (e.g. education level).",
    ),
    "needs_non_ordered_dimension": (
        "Mäts bara för icke-ordnade dimensioner (t.ex. stadsdel).",
        "Only defined for non-ordered dimensions (e.g. district).",
    ),
    "too_few_subgroups": (
        "Färre än två grupper har värden.",
        "Fewer than two subgroups have values.",
    ),
    "needs_more_than_two_subgroups": (
        "Kräver minst tre grupper med värden.",
        "Needs at least three subgroups with values.",
    ),
    "needs_at_least_five_subgroups": (
        "PHE:s metod kräver minst fem grupper.",
        "PHE's method needs at least five subgroups.",
    ),
    "too_many_subgroups": (
        "PHE:s metod tillåter högst 100 grupper.",
        "PHE's method allows at most 100 subgroups.",
    ),
    "missing_estimates": (
        "Värden saknas för grupper som måttet behöver.",
        "Values are missing for subgroups the measure needs.",
    ),
    "too_many_missing_estimates": (
        "Värden saknas för mer än 15 procent av grupperna.",
        "Values are missing for more than 15 percent of subgroups.",
    ),
    "missing_population": (
        "Folkmängd saknas för någon grupp.",
        "A subgroup's population is missing.",
    ),
    "missing_mean": (
        "Varken folkmängder eller ett rapporterat genomsnitt finns.",
        "Neither populations nor a reported average are available.",
    ),
    "needs_reference_subgroup": (
        "Ingen referensgrupp är angiven.",
        "No reference subgroup is given.",
    ),
    "missing_reference_estimate": (
        "Referensgruppens värde saknas.",
        "The reference subgroup's value is missing.",
    ),
    "zero_denominator": (
        "Nämnaren är noll.",
        "The denominator is zero.",
    ),
    "zero_mean": (
        "Genomsnittet är noll.",
        "The average is zero.",
    ),
    "needs_positive_estimates": (
        "Kräver att alla värden är större än noll.",
        "Needs every value to be above zero.",
    ),
    "estimate_outside_scale": (
        "Ett värde ligger utanför indikatorns skala (t.ex. över 100 procent).",
        "A value lies outside the indicator's scale (e.g. above 100 percent).",
    ),
    "degenerate_counts": (
        "Inga eller alla händelser i varje grupp; lutningen kan inte skattas.",
        "No events or only events in every subgroup; the slope cannot be estimated.",
    ),
    "model_did_not_converge": (
        "Regressionsmodellen kunde inte skattas.",
        "The regression model could not be fitted.",
    ),
    "not_computable": (
        "Måttet kunde inte beräknas för dessa värden.",
        "The measure could not be computed from these values.",
    ),
}
