"""Every word of the interface, in Swedish and English, looked up by key.

Templates use str.format fields; numbers are formatted before they are inserted
(see core.i18n), so templates never format numbers themselves.
"""

from __future__ import annotations

from dashboard.core.i18n import normalise_language

TEXTS: dict[str, dict[str, str]] = {
    "app_title": {"sv": "Hälsoklyftor i Malmö", "en": "Health gaps in Malmö"},
    "app_tagline": {
        "sv": "Hur hälsa och levnadsvillkor skiljer sig mellan Malmös stadsdelar och grupper, "
              "och om klyftorna minskar.",
        "en": "How health and living conditions differ between Malmö's districts and groups, "
              "and whether the gaps are closing.",
    },
    "language": {"sv": "Language: English", "en": "Språk: svenska"},
    "indicator": {"sv": "Indikator", "en": "Indicator"},
    "period": {"sv": "År", "en": "Year"},
    "sex": {"sv": "Kön", "en": "Sex"},
    "group": {"sv": "Grupp", "en": "Group"},
    "level": {"sv": "Områdesnivå", "en": "Area level"},
    "map_title": {"sv": "Karta", "en": "Map"},
    "bars_title": {"sv": "Stadsdelarna i rangordning", "en": "Districts ranked"},
    "bars_title_level": {"sv": "{level} i rangordning", "en": "{level} ranked"},
    "gap_title": {"sv": "Klyftan", "en": "The gap"},
    "source": {"sv": "Källa", "en": "Source"},
    "sources": {"sv": "Källor", "en": "Sources"},
    "processing": {"sv": "Bearbetning: Hälsoklyftor i Malmö",
                   "en": "Processing: Malmö health gaps"},
    "sex_total": {"sv": "Alla", "en": "All"},
    "sex_female": {"sv": "Kvinnor", "en": "Women"},
    "sex_male": {"sv": "Män", "en": "Men"},
    "who_total": {"sv": "invånare", "en": "residents"},
    "who_female": {"sv": "kvinnor", "en": "women"},
    "who_male": {"sv": "män", "en": "men"},
    "level_stadsdel": {"sv": "Stadsdelar (1996–2013)", "en": "Districts (1996–2013)"},
    "level_delomrade": {"sv": "Delområden", "en": "Neighbourhoods (delområden)"},
    "level_skola": {"sv": "Skolor", "en": "Schools"},
    "level_deso": {"sv": "DeSO", "en": "DeSO"},
    "level_regso": {"sv": "RegSO", "en": "RegSO"},
    "level_stadsomrade": {"sv": "Stadsområden", "en": "City areas"},
    "level_geso": {"sv": "Geografiska statistikområden", "en": "Statistical areas (GeSO)"},
    "level_kommun": {"sv": "Kommun", "en": "Municipality"},
    "level_riket": {"sv": "Riket", "en": "Country"},
    "better": {"sv": "bättre", "en": "better"},
    "worse": {"sv": "sämre", "en": "worse"},
    "higher": {"sv": "högre", "en": "higher"},
    "lower": {"sv": "lägre", "en": "lower"},
    "no_data": {"sv": "Uppgift saknas", "en": "No data"},
    "flagged": {"sv": "Flaggat värde", "en": "Flagged value"},
    "rank": {"sv": "Rang", "en": "Rank"},
    "of": {"sv": "av", "en": "of"},
    "ci": {"sv": "95 % KI", "en": "95% CI"},
    "value": {"sv": "Värde", "en": "Value"},
    "area": {"sv": "Område", "en": "Area"},
    "note": {"sv": "Anmärkning", "en": "Note"},
    "polarity_higher_better": {"sv": "Högre är bättre", "en": "Higher is better"},
    "polarity_lower_better": {"sv": "Lägre är bättre", "en": "Lower is better"},
    "polarity_none": {"sv": "Ingen värdering (högre eller lägre är varken bättre eller sämre)",
                      "en": "No judgement (neither higher nor lower is better)"},
    "map_schematic": {
        "sv": "Schematisk karta: varje stadsdel är en lika stor ruta, ungefär på sin plats.",
        "en": "Schematic map: each district is an equal tile, roughly where it lies.",
    },
    "map_boundaries": {"sv": "Gränser: {source}", "en": "Boundaries: {source}"},
    "map_none": {
        "sv": "Ingen karta för den här nivån: inga gränser är inlästa för den.",
        "en": "No map for this level: no boundaries are loaded for it.",
    },
    "colour_rule": {
        "sv": "Färg efter värde; mörkare = sämre.",
        "en": "Coloured by value; darker = worse.",
    },
    "colour_rule_none": {
        "sv": "Färg efter värde; mörkare = högre (ingen värdering).",
        "en": "Coloured by value; darker = higher (no judgement).",
    },
    "gap_sentence_judged": {
        "sv": "{Title}, {period}: sämst i {worst} ({worst_value}), bäst i {best} "
              "({best_value}) – en skillnad på {diff} {unit}.",
        "en": "{Title}, {period}: worst in {worst} ({worst_value}), best in {best} "
              "({best_value}) – a gap of {diff} {unit}.",
    },
    "gap_sentence_neutral": {
        "sv": "{Title}, {period}: högst i {high} ({high_value}), lägst i {low} "
              "({low_value}) – en skillnad på {diff} {unit}.",
        "en": "{Title}, {period}: highest in {high} ({high_value}), lowest in {low} "
              "({low_value}) – a gap of {diff} {unit}.",
    },
    "gap_one_area": {
        "sv": "Bara ett område har värden för det här valet; ingen klyfta kan beräknas.",
        "en": "Only one area has a value for this choice; no gap can be computed.",
    },
    "gap_areas_label": {"sv": "Mellan {level_lc}", "en": "Between {level_lc}"},
    "no_ci": {"sv": "KI saknas: källan anger inga standardfel",
              "en": "No CI: the source gives no standard errors"},
    "weights_note": {
        "sv": "Viktade mått använder områdenas senaste folkmängd som vikter.",
        "en": "Weighted measures use the areas' latest population as weights.",
    },
    "weights_missing": {
        "sv": "Folkmängd saknas för några områden, så befolkningsviktade mått visas inte.",
        "en": "Population is missing for some areas, so population-weighted measures are "
              "not shown.",
    },
    "gradient_title": {"sv": "Social gradient: områden ordnade efter {order}",
                       "en": "Social gradient: areas ranked by {order}"},
    "gradient_sentence": {
        "sv": "När områdena ordnas efter {order} ({order_period}), från {most} till {least}, "
              "ändras {title} med {slope} längs hela rangordningen, enligt {method}.",
        "en": "Ranking the areas by {order} ({order_period}), from {most} to {least}, "
              "{title} changes by {slope} along the whole ranking, by the {method}.",
    },
    "gradient_sentence_none": {
        "sv": "Områdena ordnade efter {order} ({order_period}), från {most} till {least}; "
              "inget lutningsindex kan beräknas för de här värdena.",
        "en": "Areas ranked by {order} ({order_period}), from {most} to {least}; no slope "
              "index can be computed for these values.",
    },
    "gradient_too_few": {
        "sv": "För få områden har värden för båda indikatorerna (minst fem behövs).",
        "en": "Too few areas have values for both indicators (at least five are needed).",
    },
    "order_by": {"sv": "Ordna områdena efter", "en": "Rank the areas by"},
    "more_measures": {"sv": "Fler mått ({n})", "en": "More measures ({n})"},
    "not_applicable": {"sv": "Mått som inte gäller här", "en": "Measures that do not apply here"},
    "method": {"sv": "Metod", "en": "Method"},
    "meaning": {"sv": "Betydelse", "en": "Meaning"},
    "text_description": {"sv": "Textbeskrivning av diagrammet",
                         "en": "Text description of the chart"},
    "measure": {"sv": "Mått", "en": "Measure"},
    "notice_no_order": {
        "sv": "Det går inte att ordna områdena efter ”{asked}”; visar standardvalet.",
        "en": "The areas cannot be ranked by “{asked}”; showing the default.",
    },
    "sex_gap_title": {"sv": "Mellan kvinnor och män", "en": "Between women and men"},
    "sex_gap_sentence": {
        "sv": "I {city} är {higher_lc}s värde {diff} {unit} högre än {lower}s ({period}). "
              "Skillnaden är störst i {max_area} ({max_diff}) och minst i {min_area} "
              "({min_diff}).",
        "en": "In {city}, {higher_lc}'s value is {diff} {unit} higher than {lower}'s ({period}). "
              "The gap is largest in {max_area} ({max_diff}) and smallest in {min_area} "
              "({min_diff}).",
    },
    "sex_gap_sentence_no_city": {
        "sv": "Skillnaden mellan kvinnor och män är störst i {max_area} ({max_diff}) "
              "och minst i {min_area} ({min_diff}) ({period}).",
        "en": "The gap between women and men is largest in {max_area} ({max_diff}) "
              "and smallest in {min_area} ({min_diff}) ({period}).",
    },
    "group_gap_title": {"sv": "Mellan grupper: {dimension}", "en": "Between groups: {dimension}"},
    "group_gap_sentence": {
        "sv": "Skillnaden mellan {high_group} och {low_group} är störst i {max_area} "
              "({max_diff}) och minst i {min_area} ({min_diff}) ({period}).",
        "en": "The gap between {high_group} and {low_group} is largest in {max_area} "
              "({max_diff}) and smallest in {min_area} ({min_diff}) ({period}).",
    },
    "flag_note": {
        "sv": "Flaggade värden (⚑, randiga staplar, prickad kant på kartan) ska läsas med "
              "försiktighet:",
        "en": "Flagged values (⚑, striped bars, dotted outline on the map) should be read "
              "with care:",
    },
    "flag_suppressed": {"sv": "undertryckt (för få fall)", "en": "suppressed (too few cases)"},
    "flag_provisional": {"sv": "preliminärt", "en": "provisional"},
    "flag_estimated": {"sv": "uppskattat", "en": "estimated"},
    "flag_inconsistent": {"sv": "motsägelsefullt i källan", "en": "inconsistent in the source"},
    "flag_secondary": {"sv": "sekundär källa", "en": "secondary source"},
    "flag_rounded": {"sv": "avrundat", "en": "rounded"},
    "flag_unsourced": {"sv": "ursprunglig källa ej angiven", "en": "original source not stated"},
    "flag_interpreted": {"sv": "tolkat ur otydlig källa",
                         "en": "interpreted from an unclear source"},
    "notice_unknown_indicator": {
        "sv": "Indikatorn ”{asked}” finns inte; visar standardvalet i stället.",
        "en": "The indicator “{asked}” does not exist; showing the default instead.",
    },
    "notice_no_level": {
        "sv": "Ingen data på nivån ”{asked}”; visar {shown}.",
        "en": "No data at level “{asked}”; showing {shown}.",
    },
    "notice_no_sex": {
        "sv": "Ingen uppdelning på ”{asked}” för den här indikatorn; visar {shown}.",
        "en": "No breakdown “{asked}” for this indicator; showing {shown}.",
    },
    "notice_no_group": {
        "sv": "Gruppen ”{asked}” finns inte för det här valet; visar standardgruppen.",
        "en": "The group “{asked}” does not exist for this choice; showing the default group.",
    },
    "notice_no_period": {
        "sv": "Inga uppgifter för {asked}; visar {shown}. Närmaste år med data: {nearest}.",
        "en": "No data for {asked}; showing {shown}. Nearest years with data: {nearest}.",
    },
    "notice_ignored": {
        "sv": "Okända parametrar i adressen ignorerades: {names}.",
        "en": "Unknown parameters in the address were ignored: {names}.",
    },
    "reference_city": {"sv": "Malmö", "en": "Malmö"},
    "alt_map": {
        "sv": "Karta över {title} ({subtitle}) för {n} områden. Högst i {high} ({high_value}), "
              "lägst i {low} ({low_value}). {refs}",
        "en": "Map of {title} ({subtitle}) for {n} areas. Highest in {high} ({high_value}), "
              "lowest in {low} ({low_value}). {refs}",
    },
    "alt_bars": {
        "sv": "Liggande stapeldiagram över {title} ({subtitle}), {n} områden i rangordning: "
              "{order}. {refs}",
        "en": "Horizontal bar chart of {title} ({subtitle}), {n} areas in rank order: "
              "{order}. {refs}",
    },
    "alt_refs": {"sv": "Jämförelse: {refs}.", "en": "For comparison: {refs}."},
    "alt_empty": {"sv": "Diagrammet är tomt: inga värden för det här valet.",
                  "en": "The chart is empty: no values for this choice."},
    "definition": {"sv": "Definition", "en": "Definition"},
    "caveats": {"sv": "Att tänka på", "en": "Caveats"},
    "unit_word": {"sv": "Enhet", "en": "Unit"},
    "percentage_points": {"sv": "procentenheter", "en": "percentage points"},
    "table_alternative": {"sv": "Visa som tabell", "en": "Show as table"},
    "dataset_note": {
        "sv": "Inbäddade data: {title}. Varje värde har sin källa.",
        "en": "Embedded data: {title}. Every value carries its source.",
    },
}


def t(key: str, lang: str, **fields: object) -> str:
    """The text for `key` in `lang`, with fields filled in; the key itself if unknown."""
    entry = TEXTS.get(key)
    if entry is None:
        return key
    text = entry[normalise_language(lang)]
    return text.format(**fields) if fields else text


def decapitalise(text: str) -> str:
    """Lower-case the first letter for use inside a sentence, unless it starts an acronym."""
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


def capitalise(text: str) -> str:
    """Upper-case the first letter only (str.capitalize would lower-case the rest)."""
    return text[:1].upper() + text[1:]
