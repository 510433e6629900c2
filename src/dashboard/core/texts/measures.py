"""Gap measures: their names, what they mean, their methods and why one does not apply.

Keys follow the registry (dashboard.measures.registry): `measure_<id>` is a measure's name
and `measure_<id>_reading` a one-sentence reading that takes an already formatted
`{value}` and the indicator's unit text `{unit}`; `method_<ci_method>` says how the
interval was made; `reason_<code>` says why a measure does not apply.
"""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "aggregated_count": {"sv": "Summan av områdets DeSO.", "en": "The sum of the area's DeSO."},
    "aggregated_share_of_counts": {
        "sv": "Beräknat ur DeSO: täljare och nämnare summerade, andelen räknad om.",
        "en": "Made from the DeSO: numerators and denominators summed, the share recomputed."},
    "aggregated_weighted_mean": {
        "sv": "Beräknat ur DeSO: medelvärdena vägda med antalet personer de avser.",
        "en": "Made from the DeSO: the means weighted by the number of persons they cover."},
    "aggregated_weighted_share": {
        "sv": "Beräknat ur DeSO: andelarna vägda med DeSO:s folkmängd (källan anger inga "
              "antal), en uppskattning.",
        "en": "Made from the DeSO: the shares weighted by the DeSO's population (the source "
              "gives no counts), an approximation."},
    "measure_d": {"sv": "Differens", "en": "Difference"},
    "measure_d_reading": {
        "sv": "Den gynnade (eller bäst ställda) gruppen ligger {value} {unit} före den missgynnade "
              "(eller sämst ställda); 0 betyder ingen skillnad och ett negativt värde att den "
              "missgynnade gruppen har det bättre.",
        "en": "The advantaged (or best-off) subgroup is {value} {unit} ahead of the disadvantaged "
              "(or worst-off) one; 0 would mean no gap, and a negative value means the "
              "disadvantaged subgroup does better.",
    },
    "measure_r": {"sv": "Kvot", "en": "Ratio"},
    "measure_r_reading": {
        "sv": "Värdet i den ena av de jämförda grupperna är {value} gånger värdet i den andra; 1 "
              "betyder ingen skillnad, och ju längre från 1, desto större klyfta.",
        "en": "One of the compared subgroups has {value} times the value of the other; 1 would "
              "mean no gap, and the further from 1, the wider the gap.",
    },
    "measure_aci": {"sv": "Absolut koncentrationsindex", "en": "Absolute concentration index"},
    "measure_aci_reading": {
        "sv": "Det absoluta koncentrationsindexet är {value} {unit}; 0 betyder ingen ojämlikhet, "
              "ett positivt värde att indikatorn är koncentrerad till de mer gynnade och ett "
              "negativt till de mer missgynnade.",
        "en": "The absolute concentration index is {value} {unit}; 0 would mean no inequality, a "
              "positive value that the indicator is concentrated among the more advantaged, a "
              "negative one among the more disadvantaged.",
    },
    "measure_rci": {"sv": "Relativt koncentrationsindex", "en": "Relative concentration index"},
    "measure_rci_reading": {
        "sv": "Det relativa koncentrationsindexet är {value} (mellan -1 och 1); 0 betyder ingen "
              "ojämlikhet, ett positivt värde koncentration till de mer gynnade och ett negativt "
              "till de mer missgynnade.",
        "en": "The relative concentration index is {value} (between -1 and 1); 0 would mean no "
              "inequality, a positive value concentration among the more advantaged, a negative "
              "one among the more disadvantaged.",
    },
    "measure_sii": {"sv": "Lutningsindex för ojämlikhet", "en": "Slope index of inequality"},
    "measure_sii_reading": {
        "sv": "Längs hela rangordningen, från de mest missgynnade till de mest gynnade, ändras "
              "indikatorn med {value} {unit}; 0 betyder ingen social gradient.",
        "en": "Along the whole ranking, from the most disadvantaged to the most advantaged, the "
              "indicator changes by {value} {unit}; 0 would mean no social gradient.",
    },
    "measure_rii": {"sv": "Relativt ojämlikhetsindex", "en": "Relative index of inequality"},
    "measure_rii_reading": {
        "sv": "Den mest gynnade änden av rangordningen har {value} gånger värdet i den mest "
              "missgynnade änden; 1 betyder ingen social gradient.",
        "en": "The most advantaged end of the ranking has {value} times the value of the most "
              "disadvantaged end; 1 would mean no social gradient.",
    },
    "measure_paf": {
        "sv": "Populationsattributabel andel",
        "en": "Population attributable fraction",
    },
    "measure_paf_reading": {
        "sv": "Genomsnittet skulle förändras med {value} procent om alla grupper nådde "
              "referensgruppens nivå; 0 betyder att det inte finns något att vinna.",
        "en": "The average would change by {value} percent if every subgroup reached the reference "
              "subgroup's level; 0 would mean there is nothing to gain.",
    },
    "measure_par": {"sv": "Populationsattributabel risk", "en": "Population attributable risk"},
    "measure_par_reading": {
        "sv": "Genomsnittet skulle förändras med {value} {unit} om alla grupper nådde "
              "referensgruppens nivå; 0 betyder att det inte finns något att vinna.",
        "en": "The average would change by {value} {unit} if every subgroup reached the reference "
              "subgroup's level; 0 would mean there is nothing to gain.",
    },
    "measure_bgv": {"sv": "Varians mellan grupper", "en": "Between-group variance"},
    "measure_bgv_reading": {
        "sv": "Den befolkningsviktade variansen mellan grupperna är {value} ({unit} i kvadrat); 0 "
              "betyder att alla grupper ligger lika.",
        "en": "The population-weighted variance between subgroups is {value} (squared {unit}); 0 "
              "would mean all subgroups are level.",
    },
    "measure_bgsd": {
        "sv": "Standardavvikelse mellan grupper",
        "en": "Between-group standard deviation",
    },
    "measure_bgsd_reading": {
        "sv": "Grupperna avviker från genomsnittet med {value} {unit}, mätt som befolkningsviktad "
              "standardavvikelse; 0 betyder att alla grupper ligger lika.",
        "en": "Subgroups deviate from the average by {value} {unit}, as a population-weighted "
              "standard deviation; 0 would mean all subgroups are level.",
    },
    "measure_cov": {"sv": "Variationskoefficient", "en": "Coefficient of variation"},
    "measure_cov_reading": {
        "sv": "Standardavvikelsen mellan grupperna är {value} procent av genomsnittet; 0 betyder "
              "att alla grupper ligger lika.",
        "en": "The standard deviation between subgroups is {value} percent of the average; 0 would "
              "mean all subgroups are level.",
    },
    "measure_idisu": {"sv": "Disparitetsindex, oviktat", "en": "Index of disparity (unweighted)"},
    "measure_idisu_reading": {
        "sv": "En grupp avviker i genomsnitt {value} procent från genomsnittet (alla grupper "
              "räknas lika); 0 betyder att alla grupper ligger på genomsnittet.",
        "en": "A subgroup differs from the average by {value} percent of it, on average (each "
              "subgroup counts equally); 0 would mean every subgroup is at the average.",
    },
    "measure_idisw": {"sv": "Disparitetsindex, viktat", "en": "Index of disparity (weighted)"},
    "measure_idisw_reading": {
        "sv": "Vägt efter folkmängd avviker en grupp i genomsnitt {value} procent från "
              "genomsnittet; 0 betyder att alla grupper ligger på genomsnittet.",
        "en": "Weighted by population, a subgroup differs from the average by {value} percent of "
              "it; 0 would mean every subgroup is at the average.",
    },
    "measure_mdbu": {
        "sv": "Medelavvikelse från bästa gruppen, oviktad",
        "en": "Mean difference from best performing subgroup (unweighted)",
    },
    "measure_mdbu_reading": {
        "sv": "En grupp ligger i genomsnitt {value} {unit} från den bästa gruppen (alla grupper "
              "räknas lika); 0 betyder att alla når den bästa gruppens nivå.",
        "en": "A subgroup is on average {value} {unit} from the best-performing one (each subgroup "
              "counts equally); 0 would mean all reach the best level.",
    },
    "measure_mdbw": {
        "sv": "Medelavvikelse från bästa gruppen, viktad",
        "en": "Mean difference from best performing subgroup (weighted)",
    },
    "measure_mdbw_reading": {
        "sv": "Vägt efter folkmängd ligger en grupp i genomsnitt {value} {unit} från den bästa "
              "gruppen; 0 betyder att alla når den bästa gruppens nivå.",
        "en": "Weighted by population, a subgroup is on average {value} {unit} from the "
              "best-performing one; 0 would mean all reach the best level.",
    },
    "measure_mdmu": {
        "sv": "Medelavvikelse från genomsnittet, oviktad",
        "en": "Mean difference from mean (unweighted)",
    },
    "measure_mdmu_reading": {
        "sv": "En grupp ligger i genomsnitt {value} {unit} från genomsnittet (alla grupper räknas "
              "lika); 0 betyder att alla grupper ligger på genomsnittet.",
        "en": "A subgroup is on average {value} {unit} from the average (each subgroup counts "
              "equally); 0 would mean every subgroup is at the average.",
    },
    "measure_mdmw": {
        "sv": "Medelavvikelse från genomsnittet, viktad",
        "en": "Mean difference from mean (weighted)",
    },
    "measure_mdmw_reading": {
        "sv": "Vägt efter folkmängd ligger en grupp i genomsnitt {value} {unit} från genomsnittet; "
              "0 betyder att alla grupper ligger på genomsnittet.",
        "en": "Weighted by population, a subgroup is on average {value} {unit} from the average; 0 "
              "would mean every subgroup is at the average.",
    },
    "measure_mdru": {
        "sv": "Medelavvikelse från referensgruppen, oviktad",
        "en": "Mean difference from reference subgroup (unweighted)",
    },
    "measure_mdru_reading": {
        "sv": "En grupp ligger i genomsnitt {value} {unit} från referensgruppen (alla grupper "
              "räknas lika); 0 betyder att alla ligger på referensgruppens nivå.",
        "en": "A subgroup is on average {value} {unit} from the reference subgroup (each subgroup "
              "counts equally); 0 would mean all are at the reference level.",
    },
    "measure_mdrw": {
        "sv": "Medelavvikelse från referensgruppen, viktad",
        "en": "Mean difference from reference subgroup (weighted)",
    },
    "measure_mdrw_reading": {
        "sv": "Vägt efter folkmängd ligger en grupp i genomsnitt {value} {unit} från "
              "referensgruppen; 0 betyder att alla ligger på referensgruppens nivå.",
        "en": "Weighted by population, a subgroup is on average {value} {unit} from the reference "
              "subgroup; 0 would mean all are at the reference level.",
    },
    "measure_ti": {"sv": "Theils index", "en": "Theil index"},
    "measure_ti_reading": {
        "sv": "Theils index är {value} (gånger 1 000); 0 betyder att indikatorn är jämnt fördelad "
              "efter folkmängd, och högre värden betyder större ojämlikhet.",
        "en": "The Theil index is {value} (times 1,000); 0 would mean the indicator is spread in "
              "proportion to population, and higher values mean more inequality.",
    },
    "measure_mld": {"sv": "Medellogaritmisk avvikelse", "en": "Mean log deviation"},
    "measure_mld_reading": {
        "sv": "Den medellogaritmiska avvikelsen är {value} (gånger 1 000); 0 betyder att "
              "indikatorn är jämnt fördelad efter folkmängd, och högre värden betyder större "
              "ojämlikhet.",
        "en": "The mean log deviation is {value} (times 1,000); 0 would mean the indicator is "
              "spread in proportion to population, and higher values mean more inequality.",
    },
    "measure_sii_phe": {
        "sv": "Lutningsindex för ojämlikhet (PHE)",
        "en": "Slope index of inequality (PHE)",
    },
    "measure_sii_phe_reading": {
        "sv": "Enligt PHE:s metod ändras indikatorn med {value} {unit} från den mest missgynnade "
              "till den minst missgynnade änden; 0 betyder ingen social gradient.",
        "en": "By PHE's method, the indicator changes by {value} {unit} from the most to the least "
              "deprived end; 0 would mean no social gradient.",
    },
    "measure_rii_phe": {
        "sv": "Relativt ojämlikhetsindex (PHE)",
        "en": "Relative index of inequality (PHE)",
    },
    "measure_rii_phe_reading": {
        "sv": "Enligt PHE:s metod har den minst missgynnade änden {value} gånger värdet i den mest "
              "missgynnade; 1 betyder ingen social gradient.",
        "en": "By PHE's method, the least deprived end has {value} times the value of the most "
              "deprived end; 1 would mean no social gradient.",
    },
    "reason_needs_ordered_dimension": {
        "sv": "Mäts bara för ordnade dimensioner (t.ex. utbildningsnivå).",
        "en": "Only defined for ordered dimensions (e.g. education level).",
    },
    "reason_needs_non_ordered_dimension": {
        "sv": "Mäts bara för icke-ordnade dimensioner (t.ex. stadsdel).",
        "en": "Only defined for non-ordered dimensions (e.g. district).",
    },
    "reason_too_few_subgroups": {
        "sv": "Färre än två grupper har värden.",
        "en": "Fewer than two subgroups have values.",
    },
    "reason_needs_more_than_two_subgroups": {
        "sv": "Kräver minst tre grupper med värden.",
        "en": "Needs at least three subgroups with values.",
    },
    "reason_needs_at_least_five_subgroups": {
        "sv": "PHE:s metod kräver minst fem grupper.",
        "en": "PHE's method needs at least five subgroups.",
    },
    "reason_too_many_subgroups": {
        "sv": "PHE:s metod tillåter högst 100 grupper.",
        "en": "PHE's method allows at most 100 subgroups.",
    },
    "reason_missing_estimates": {
        "sv": "Värden saknas för grupper som måttet behöver.",
        "en": "Values are missing for subgroups the measure needs.",
    },
    "reason_too_many_missing_estimates": {
        "sv": "Värden saknas för mer än 15 procent av grupperna.",
        "en": "Values are missing for more than 15 percent of subgroups.",
    },
    "reason_missing_population": {
        "sv": "Folkmängd saknas för någon grupp.",
        "en": "A subgroup's population is missing.",
    },
    "reason_missing_mean": {
        "sv": "Varken folkmängder eller ett rapporterat genomsnitt finns.",
        "en": "Neither populations nor a reported average are available.",
    },
    "reason_needs_reference_subgroup": {
        "sv": "Ingen referensgrupp är angiven.",
        "en": "No reference subgroup is given.",
    },
    "reason_missing_reference_estimate": {
        "sv": "Referensgruppens värde saknas.",
        "en": "The reference subgroup's value is missing.",
    },
    "reason_zero_denominator": {"sv": "Nämnaren är noll.", "en": "The denominator is zero."},
    "reason_zero_mean": {"sv": "Genomsnittet är noll.", "en": "The average is zero."},
    "reason_needs_positive_estimates": {
        "sv": "Kräver att alla värden är större än noll.",
        "en": "Needs every value to be above zero.",
    },
    "reason_estimate_outside_scale": {
        "sv": "Ett värde ligger utanför indikatorns skala (t.ex. över 100 procent).",
        "en": "A value lies outside the indicator's scale (e.g. above 100 percent).",
    },
    "reason_degenerate_counts": {
        "sv": "Inga eller alla händelser i varje grupp; lutningen kan inte skattas.",
        "en": "No events or only events in every subgroup; the slope cannot be estimated.",
    },
    "reason_model_did_not_converge": {
        "sv": "Regressionsmodellen kunde inte skattas.",
        "en": "The regression model could not be fitted.",
    },
    "reason_not_computable": {
        "sv": "Måttet kunde inte beräknas för dessa värden.",
        "en": "The measure could not be computed from these values.",
    },
    "measure_d_short": {"sv": "Skillnad", "en": "Difference"},
    "measure_r_short": {"sv": "Kvot", "en": "Ratio"},
    "measure_name_d": {"sv": "Skillnad, högsta − lägsta område",
                       "en": "Difference, highest − lowest area"},
    "method_analytic": {"sv": "Formel, som WHO", "en": "Formula, as WHO"},
    "method_simulation": {"sv": "Simulering, som WHO ({draws} försök)",
                          "en": "Simulation, as WHO ({draws} trials)"},
    "method_monte_carlo": {"sv": "Simulering, som PHE ({draws} försök)",
                           "en": "Simulation, as PHE ({draws} trials)"},
    "method_technical_analytic": {
        "sv": "WHO HEAT v6: analytiskt konfidensintervall ur värdenas standardfel",
        "en": "WHO HEAT v6: analytic confidence interval from the values' standard errors",
    },
    "method_technical_simulation": {
        "sv": "WHO HEAT v6: simulerat konfidensintervall (Monte Carlo, fast frö)",
        "en": "WHO HEAT v6: simulated confidence interval (Monte Carlo, fixed seed)",
    },
    "method_technical_monte_carlo": {
        "sv": "PHE: viktad minsta kvadrat-regression (WLS), Monte Carlo-intervall (fast frö)",
        "en": "PHE: weighted least squares (WLS), Monte Carlo interval (fixed seed)",
    },
}
