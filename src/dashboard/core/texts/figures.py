"""Words the charts print: headings, axis titles, legends, hover labels and sentences."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    # Population-weighted groups of areas along a social determinant (figures/gradient.py).
    "bins_5_one": {"sv": "Femtedel {n}", "en": "Fifth {n}"},
    "bins_10_one": {"sv": "Tiondel {n}", "en": "Tenth {n}"},
    "bins_5_singular": {"sv": "femtedel", "en": "fifth"},
    "bins_10_singular": {"sv": "tiondel", "en": "tenth"},
    "bins_5_plural": {"sv": "femtedelar", "en": "fifths"},
    "bins_10_plural": {"sv": "tiondelar", "en": "tenths"},
    "bins_end": {"sv": "{name} ({end})", "en": "{name} ({end})"},
    "lowest": {"sv": "lägst", "en": "lowest"},
    "highest": {"sv": "högst", "en": "highest"},
    "areagroups_heading": {"sv": "{y} i befolkningsviktade {groups} efter {x}",
                           "en": "{y} in population-weighted {groups} by {x}"},
    "areagroups_steps": {"sv": "Befolkningsviktat värde i {groups}",
                         "en": "Population-weighted value of the {groups}"},
    "areagroups_key": {"sv": "Grupp {first}: {low_end} {x}, grupp {last}: {high_end}.",
                       "en": "Group {first}: {low_end} {x}, group {last}: {high_end}."},
    "areagroups_group": {"sv": "Grupp", "en": "Group"},
    "areagroups_areas": {"sv": "Områden", "en": "Areas"},
    "alt_areagroups": {
        "sv": "Equiplot: {y} i {n} befolkningsviktade {groups} av {count} områden ordnade "
              "efter {x}, en punkt per grupp på samma axel: {values}.",
        "en": "Equiplot: {y} in {n} population-weighted {groups} of {count} areas ranked by "
              "{x}, one dot per group on a common axis: {values}.",
    },
    "areagroups_sentence": {
        "sv": "I den {fraction} av {city} {level} med {low_end} {x} var {y} {low_value} {when}, "
              "{cmp} i den {fraction} med {high_end} {x} ({high_value}).",
        "en": "In the {fraction} of {city} {level} with the {low_end} {x}, {y} was {low_value} "
              "{when}, {cmp} in the {fraction} with the {high_end} {x} ({high_value}).",
    },
    "areagroups_lower": {"sv": "lägre än", "en": "lower than"},
    "areagroups_higher": {"sv": "högre än", "en": "higher than"},
    "areagroups_same": {"sv": "samma som", "en": "the same as"},
    "areagroups_difference": {"sv": "Skillnaden är {diff} {unit}.",
                              "en": "The difference is {diff} {unit}."},
    "areagroups_source": {"sv": "Källa: {publishers}.", "en": "Source: {publishers}."},
    "areagroups_city_fallback": {"sv": "stadens", "en": "the city's"},
    "when_date": {"sv": "den {day} {month} {year}", "en": "on {day} {month} {year}"},
    "when_period": {"sv": "år {period}", "en": "in {period}"},
    "month_names": {
        "sv": "januari,februari,mars,april,maj,juni,juli,augusti,september,oktober,november,"
              "december",
        "en": "January,February,March,April,May,June,July,August,September,October,November,"
              "December",
    },
    "ci_method_wilson": {"sv": "Wilson", "en": "Wilson"},
    "ci_method_exact": {"sv": "exakt Poisson", "en": "exact Poisson"},
    "ci_method_byars": {"sv": "Byar", "en": "Byar"},
    "ci_method_dobson": {"sv": "Dobson", "en": "Dobson"},
    "ci_method_chiang_ii": {"sv": "Chiang II", "en": "Chiang II"},
    "ci_methods_heading": {"sv": "Konfidensintervall beräknade ur antal",
                           "en": "Confidence intervals computed from counts"},
    "ci_methods_lead": {
        "sv": "Där källan ger antal (t.ex. sysselsatta och befolkning) beräknar instrumentpanelen "
              "värdet och dess 95-procentiga konfidensintervall själv, med metoder som Public "
              "Health Englands tekniska vägledning anger. Metoden står vid varje sådant intervall.",
        "en": "Where the source gives counts (e.g. people in work and the population), the "
              "dashboard computes the value and its 95% confidence interval itself, with the "
              "methods Public Health England's technical guidance sets out. The method is named "
              "beside each such interval.",
    },
    "ci_method_wilson_about": {
        "sv": "Andelar: Wilsons score-intervall (Wilson 1927), som håller sig inom 0–100 % även "
              "för små tal.",
        "en": "Proportions: Wilson's score interval (Wilson 1927), which stays within 0–100% "
              "even for small numbers.",
    },
    "ci_method_exact_about": {
        "sv": "Kvoter med färre än 10 händelser: exakt Poissonintervall.",
        "en": "Rates with fewer than 10 events: the exact Poisson interval.",
    },
    "ci_method_byars_about": {
        "sv": "Kvoter med 10 händelser eller fler: Byars approximation av Poissonintervallet "
              "(Breslow och Day 1987).",
        "en": "Rates with 10 events or more: Byar's approximation to the Poisson interval "
              "(Breslow and Day 1987).",
    },
    "ci_method_dobson_about": {
        "sv": "Direkt åldersstandardiserade kvoter: Dobsons metod (Dobson m.fl. 1991) mot "
              "Europastandardbefolkningen 2013.",
        "en": "Directly age-standardised rates: Dobson's method (Dobson et al. 1991) against the "
              "2013 European Standard Population.",
    },
    "ci_method_chiang_ii_about": {
        "sv": "Medellivslängd ur döda och befolkning per åldersgrupp: förkortad livstabell enligt "
              "Chiang II med Silcocks varians (Chiang 1984, Silcocks m.fl. 2001).",
        "en": "Life expectancy from deaths and population by age band: abridged life table by "
              "Chiang II with Silcocks' variance (Chiang 1984, Silcocks et al. 2001).",
    },
    "residents_short": {"sv": "inv.", "en": "residents"},
    "ci_range": {"sv": "{ci} {lo} till {hi}", "en": "{ci} {lo} to {hi}"},
    "ci_span": {"sv": "{ci}: {lo}–{hi}", "en": "{ci}: {lo}–{hi}"},
    "rank_of": {"sv": "{rank_word} {rank} av {n}", "en": "{rank_word} {rank} of {n}"},
    "index_year_span": {"sv": "{year} (värden från {span})", "en": "{year} (values from {span})"},
    "gaptrend_title": {
        "sv": "{title}: skillnaden mellan områdena med högst och lägst värde",
        "en": "{title}: the difference between the areas with the highest and lowest value",
    },
    "gradient_subtitle": {"sv": "{subtitle}; {x} {x_period}",
                          "en": "{subtitle}; {x} {x_period}"},
    "groups_areas": {"sv": "{level} och {city}", "en": "{level} and {city}"},
    "potential_sentence_mean": {
        "sv": "Om alla områden nådde {best}s nivå ({best_value}) skulle områdenas "
              "befolkningsviktade medelvärde, {mean}, {direction} med {par} {unit}{ci}, "
              "{paf} % (WHO HEAT: befolkningsattributabel risk och andel).",
        "en": "If every area reached {best}'s level ({best_value}), the areas' "
              "population-weighted mean, {mean}, would {direction} by {par} {unit}{ci}, "
              "{paf}% (WHO HEAT: population attributable risk and fraction).",
    },
    "potential_city_value": {
        "sv": "Malmös eget redovisade värde är {city_value}; medelvärdet ovan väger "
              "områdenas värden efter deras senaste folkmängd.",
        "en": "Malmö's own published figure is {city_value}; the mean above weights the "
              "areas' values by their latest population.",
    },
    "potential_life_years_rounded": {
        "sv": "För medellivslängd motsvarar det i storleksordningen {years} levnadsår för "
              "stadens {who} (avrundat till två värdesiffror): varje områdes avstånd till "
              "det bästa gånger {people}.",
        "en": "For life expectancy that is of the order of {years} life-years for the "
              "city's {who} (rounded to two significant figures): each area's distance to "
              "the best times {people}.",
    },
    "potential_people": {"sv": "dess folkmängd", "en": "its population"},
    "potential_people_halved": {
        "sv": "hälften av dess folkmängd, eftersom folkmängd per kön saknas i datat",
        "en": "half of its population, since the data have no population by sex",
    },
    "gradient_tie": {
        "sv": "{areas} har samma värde i rangordningen ({value}) och räknas som en grupp: "
              "alla mått använder deras befolkningsviktade medelvärde ({merged}).",
        "en": "{areas} tie in the ranking ({value}) and count as one group: every measure "
              "uses their population-weighted mean ({merged}).",
    },
    "gradient_ties": {
        "sv": "{areas} områden har samma värde i rangordningen som något annat område och "
              "bildar {groups} grupper: alla mått använder varje grupps befolkningsviktade "
              "medelvärde. Tabellen med rangordningen visar vilka.",
        "en": "{areas} areas tie in the ranking with another area and form {groups} groups: "
              "every measure uses each group's population-weighted mean. The table of the "
              "ranking shows which.",
    },
    "gap_only_area": {
        "sv": "{area} är det enda området med värden, så skillnaden kan inte jämföras mellan "
              "områden.",
        "en": "{area} is the only area with values, so the gap cannot be compared between "
              "areas.",
    },
    "sex_gap_city_only": {
        "sv": "I {city} är {higher_lc}s värde {diff} {unit} högre än {lower}s ({period}).",
        "en": "In {city}, {higher_lc}'s value is {diff} {unit} higher than {lower}'s "
              "({period}).",
    },
    "sex_gap_one_area": {
        "sv": "Skillnaden mellan kvinnor och män är {max_diff} i {max_area} ({period}).",
        "en": "The gap between women and men is {max_diff} in {max_area} ({period}).",
    },
    "group_gap_one_area": {
        "sv": "Skillnaden mellan {high_group} och {low_group} är {max_diff} i {max_area} "
              "({period}).",
        "en": "The gap between {high_group} and {low_group} is {max_diff} in {max_area} "
              "({period}).",
    },
    "profile_heading_only_area": {
        "sv": "{area}: det enda området, inget att jämföra med",
        "en": "{area}: the only area, nothing to compare with",
    },
    "profile_only_area": {
        "sv": "Här finns bara ett område, {area}, så det finns inget annat område att jämföra "
              "med.",
        "en": "There is only one area here, {area}, so there is no other area to compare it "
              "with.",
    },
}
