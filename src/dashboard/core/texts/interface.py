"""The interface's words: the shell, the views, the controls and the exports."""

from __future__ import annotations

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
    "period_date": {"sv": "Datum", "en": "Date"},
    "sex": {"sv": "Kön", "en": "Sex"},
    "group": {"sv": "Grupp", "en": "Group"},
    "level": {"sv": "Områdesnivå", "en": "Area level"},
    "map_title": {"sv": "Karta", "en": "Map"},
    "bars_title": {"sv": "Stadsdelarna i rangordning", "en": "Districts ranked"},
    "bars_title_level": {"sv": "{level} i rangordning", "en": "{level} ranked"},
    "bars_dots_axis": {"sv": "Rang bland {n} områden (1 = bäst överst)",
                       "en": "Rank among {n} areas (1 = best, at the top)"},
    "bars_dots_axis_name": {"sv": "{n} områden i namnordning", "en": "{n} areas by name"},
    "bars_ends_axis": {"sv": "De {k} bästa och {k} sämsta av {n} områden",
                       "en": "The {k} best and {k} worst of {n} areas"},
    "bars_ends_axis_chosen": {
        "sv": "De {k} bästa och {k} sämsta av {n} områden, och det markerade",
        "en": "The {k} best and {k} worst of {n} areas, and the highlighted one"},
    "bars_left_out": {"sv": "⋯ {n} områden till ⋯", "en": "⋯ {n} more areas ⋯"},
    "bars_quantile_25": {"sv": "nedre kvartil {value}", "en": "lower quartile {value}"},
    "bars_quantile_50": {"sv": "median {value}", "en": "median {value}"},
    "bars_quantile_75": {"sv": "övre kvartil {value}", "en": "upper quartile {value}"},
    "gap_title": {"sv": "Klyftan", "en": "The gap"},
    "source": {"sv": "Källa", "en": "Source"},
    "sources": {"sv": "Källor", "en": "Sources"},
    "processing": {"sv": "Bearbetning: Hälsoklyftor i Malmö",
                   "en": "Processing: Malmö health gaps"},
    "sex_total": {"sv": "Alla", "en": "All"},
    "sex_female": {"sv": "Kvinnor", "en": "Women"},
    "sex_male": {"sv": "Män", "en": "Men"},
    "group_total": {"sv": "Alla", "en": "All"},
    "dimension_total": {"sv": "Totalt", "en": "Total"},
    "who_total": {"sv": "invånare", "en": "residents"},
    "who_female": {"sv": "kvinnor", "en": "women"},
    "who_male": {"sv": "män", "en": "men"},
    "level_stadsdel": {"sv": "Stadsdelar (indelningen 1996–2013)",
                       "en": "Districts (the 1996–2013 division)"},
    "level_delomrade": {"sv": "Delområden", "en": "Neighbourhoods (delområden)"},
    "level_skola": {"sv": "Skolor", "en": "Schools"},
    "level_deso": {"sv": "DeSO (2018 års indelning)", "en": "DeSO (2018 division)"},
    "level_regso": {"sv": "RegSO (2020 års indelning)", "en": "RegSO (2020 division)"},
    "level_deso2025": {"sv": "DeSO (2025 års indelning)", "en": "DeSO (2025 division)"},
    "level_regso2025": {"sv": "RegSO (2025 års indelning)", "en": "RegSO (2025 division)"},
    "level_stadsomrade": {"sv": "Stadsområden", "en": "City areas"},
    "level_geso": {"sv": "Geografiska statistikområden", "en": "Statistical areas (GeSO)"},
    "level_lan": {"sv": "Län", "en": "County"},
    "level_kommun": {"sv": "Kommun", "en": "Municipality"},
    "level_riket": {"sv": "Riket", "en": "Country"},
    "topic_health": {"sv": "Hälsa", "en": "Health"},
    "topic_living_conditions": {"sv": "Levnadsvillkor", "en": "Living conditions"},
    "topic_population": {"sv": "Befolkning", "en": "Population"},
    "and": {"sv": "och", "en": "and"},
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
    "bins_label": {"sv": "Grupper längs den sociala faktorn",
                   "en": "Groups along the social determinant"},
    "bins_option_5": {"sv": "Femtedelar (5)", "en": "Fifths (5)"},
    "bins_option_10": {"sv": "Tiondelar (10)", "en": "Tenths (10)"},
    "notice_no_bins": {
        "sv": "Grupperingen ”{asked}” finns inte; visar {shown} grupper.",
        "en": "The grouping “{asked}” does not exist; showing {shown} groups.",
    },
    "areagroups_measures_title": {"sv": "Klyftan mellan grupperna",
                                  "en": "The gap between the groups"},
    "areagroups_method": {
        "sv": "Områdena ordnas efter {x} ({x_period}) och delas i {groups} med ungefär lika "
              "stor befolkning (inte lika många områden), som Public Health Scotlands "
              "befolkningsviktade SIMD-kvintiler och Fingertips deprivationsgrupper. Ett område "
              "delas aldrig: hela området hamnar i den grupp där mitten av dess befolkning "
              "ligger, och områden med samma värde hamnar i samma grupp. Varje grupps värde är "
              "områdenas befolkningsviktade medelvärde.",
        "en": "The areas are ranked by {x} ({x_period}) and split into {groups} of about "
              "equal population (not equal numbers of areas), like Public Health Scotland's "
              "population-weighted SIMD quintiles and Fingertips' deprivation categories. An "
              "area is never split: the whole area goes to the group where the midpoint of its "
              "population falls, and areas with the same value share a group. Each group's "
              "value is the population-weighted mean of its areas.",
    },
    "areagroups_weight_observation": {
        "sv": "Värdena vägs med den befolkning källan anger för indikatorn.",
        "en": "The values are weighted by the population the source gives for the indicator.",
    },
    "areagroups_weight_folkmangd": {
        "sv": "Värdena vägs med områdenas senaste folkmängd.",
        "en": "The values are weighted by the areas' latest population.",
    },
    "areagroups_ci_wilson": {
        "sv": "Intervallen är Wilsonintervall för gruppens sammanlagda antal.",
        "en": "The intervals are Wilson intervals of the group's pooled counts.",
    },
    "areagroups_ci_se": {
        "sv": "Intervallen bygger på områdenas standardfel.",
        "en": "The intervals come from the areas' standard errors.",
    },
    "areagroups_ci_none": {
        "sv": "Källan ger varken antal (täljare och nämnare) eller standardfel för områdena, "
              "så grupperna visas utan intervall.",
        "en": "The source gives neither counts (numerators and denominators) nor standard "
              "errors for the areas, so the groups are shown without intervals.",
    },
    "areagroups_left_out": {
        "sv": "{n} områden saknar folkmängd och är inte med.",
        "en": "{n} areas have no registered population and are left out.",
    },
    "lead_gradient_link": {"sv": "Se alla {level} och grupperna på sidan Social gradient",
                           "en": "See every {level} and the groups on the Social gradient page"},
    "lead_historic_link": {
        "sv": "Den historiska klyftan i medellivslängd mellan stadsdelarna (1998–2013)",
        "en": "The historical life-expectancy gap between the districts (1998–2013)",
    },
    "lead_heading": {"sv": "Klyftan i dag", "en": "The gap today"},
    "historic_heading": {"sv": "Den valda vyn", "en": "The chosen view"},
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
    "notice_no_area": {
        "sv": "Området ”{asked}” finns inte på den här nivån.",
        "en": "The area “{asked}” does not exist at this level.",
    },
    "notice_no_language": {
        "sv": "Språket ”{asked}” finns inte; visar svenska.",
        "en": "The language “{asked}” is not available; showing Swedish.",
    },
    "overview_left_out": {
        "sv": "Visas inte här: {names}. Ingen period har värden för minst hälften av områdena "
              "på den här nivån; se indikatorns egen vy.",
        "en": "Not shown here: {names}. No period has values for at least half of the areas "
              "at this level; see the indicator's own view.",
    },
    "dropdown_select_all": {"sv": "Välj alla", "en": "Select all"},
    "dropdown_deselect_all": {"sv": "Välj bort alla", "en": "Deselect all"},
    "dropdown_selected_count": {"sv": "{num_selected} valda", "en": "{num_selected} selected"},
    "dropdown_search": {"sv": "Sök", "en": "Search"},
    "dropdown_clear_search": {"sv": "Töm sökrutan", "en": "Clear search"},
    "dropdown_clear_selection": {"sv": "Töm valet", "en": "Clear selection"},
    "dropdown_no_options_found": {"sv": "Inga val hittades", "en": "No options found"},
    "notice_no_split": {
        "sv": "Uppdelningen ”{asked}” finns inte för den här indikatorn; visar standardvalet.",
        "en": "The breakdown “{asked}” does not exist for this indicator; showing the default.",
    },
    "notice_no_topic": {
        "sv": "Ämnet ”{asked}” finns inte; visar alla indikatorer.",
        "en": "The topic “{asked}” does not exist; showing every indicator.",
    },
    "topic_all": {"sv": "Alla ämnen", "en": "All topics"},
    "topic": {"sv": "Ämne", "en": "Topic"},
    "notice_no_shape": {
        "sv": "Kartformen ”{asked}” finns inte; visar kartan.",
        "en": "The map form “{asked}” does not exist; showing the map.",
    },
    "map_shape": {"sv": "Visa som", "en": "Show as"},
    "map_shape_map": {"sv": "Karta med verkliga gränser", "en": "Map with real boundaries"},
    "map_shape_tiles": {"sv": "Lika stora rutor", "en": "Equal tiles"},
    "map_add_scb": {
        "sv": "Inga gränser för {level} är inlästa, så kartan kan inte ritas. Med nätverk: kör "
              "”{command}” (SCB:s öppna geodata, CC0). Utan nätverk: ange en gränsfil "
              "(GeoJSON, GeoPackage eller shapefil) i miljövariabeln DASHBOARD_BOUNDARIES.",
        "en": "No boundaries for {level} are loaded, so the map cannot be drawn. Online: run "
              "“{command}” (SCB's open geodata, CC0). Offline: name a boundary file (GeoJSON, "
              "GeoPackage or shapefile) in the environment variable DASHBOARD_BOUNDARIES.",
    },
    "map_add_file": {
        "sv": "Inga gränser för {level} är inlästa, så kartan kan inte ritas. SCB:s "
              "geodatatjänst (”dashboard ingest scb-geodata”) ger bara 2025 års indelning; "
              "ange SCB:s gränsfil för den här indelningen (GeoPackage) i miljövariabeln "
              "DASHBOARD_BOUNDARIES.",
        "en": "No boundaries for {level} are loaded, so the map cannot be drawn. SCB's geodata "
              "service (“dashboard ingest scb-geodata”) serves only the 2025 division; name "
              "SCB's boundary file of this division (GeoPackage) in the environment variable "
              "DASHBOARD_BOUNDARIES.",
    },
    "notice_no_sort": {
        "sv": "Sorteringen ”{asked}” finns inte; visar sortering efter värde.",
        "en": "The sort order “{asked}” does not exist; sorting by value.",
    },
    "notice_no_sel": {
        "sv": "Indikatorerna {asked} kan inte ingå i indexet här och togs bort.",
        "en": "The indicators {asked} cannot be part of the index here and were removed.",
    },
    "notice_no_view": {
        "sv": "Sidan ”{asked}” finns inte; visar startsidan.",
        "en": "The page “{asked}” does not exist; showing the start page.",
    },
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
        "sv": "Flaggade värden (⚑; randig stapel eller romb i diagrammet, prickad kant på "
              "kartan) ska läsas med försiktighet:",
        "en": "Flagged values (⚑; a striped bar or a diamond in the chart, a dotted outline "
              "on the map) should be read with care:",
    },
    "flag_suppressed": {"sv": "undertryckt (för få fall)", "en": "suppressed (too few cases)"},
    "flag_banded": {"sv": "publicerat som intervall (t.ex. 75–80)",
                    "en": "published as a band (e.g. 75–80)"},
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
        "sv": "Gruppen ”{asked}” finns inte för det här valet; visar standardgruppen. "
              "Grupper med data: {available}.",
        "en": "The group “{asked}” does not exist for this choice; showing the default group. "
              "Groups with data: {available}.",
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
    "page_summary": {"sv": "Klyftan i korthet", "en": "The gap in brief"},
    "page_overview": {"sv": "Översikt", "en": "Overview"},
    "page_map": {"sv": "Karta", "en": "Map"},
    "page_profile": {"sv": "Områdesprofil", "en": "Area profile"},
    "page_compare": {"sv": "Jämför områden", "en": "Compare areas"},
    "page_groups": {"sv": "Klyftor mellan grupper", "en": "Gaps between groups"},
    "page_trends": {"sv": "Utveckling över tid", "en": "Trends"},
    "page_gradient": {"sv": "Social gradient", "en": "Social gradient"},
    "page_potential": {"sv": "Om klyftan slöts", "en": "Closing the gap"},
    "page_index": {"sv": "Välfärdsindex", "en": "Welfare index"},
    "page_definitions": {"sv": "Definitioner och källor", "en": "Definitions and sources"},
    "nav_label": {"sv": "Vyer", "en": "Views"},
    "skip_to_content": {"sv": "Hoppa till innehållet", "en": "Skip to content"},
    "page_upload": {"sv": "Lägg till data", "en": "Add data"},
    "upload_lead": {
        "sv": "Lägg till egna resultat per område, till exempel en enkät, i WHO:s mall för "
              "HEAT Plus.",
        "en": "Add your own results by area, for example a survey, in WHO's HEAT Plus "
              "template.",
    },
    "upload_help": {
        "sv": "Filen (CSV eller Excel, högst 5 MB) ska ha mallens kolumner: setting, year, "
              "indicator_abbr, indicator_name, indicator_scale, dimension, subgroup, estimate, "
              "se, ci_lb, ci_ub, population, favourable_indicator, ordered_dimension, "
              "subgroup_order m.fl. Områden anges med kod eller namn. Filen kontrolleras "
              "först; inget läggs till förrän du har sett förhandsvisningen.",
        "en": "The file (CSV or Excel, at most 5 MB) must have the template's columns: "
              "setting, year, indicator_abbr, indicator_name, indicator_scale, dimension, "
              "subgroup, estimate, se, ci_lb, ci_ub, population, favourable_indicator, "
              "ordered_dimension, subgroup_order and so on. Areas are given by code or name. "
              "The file is checked first; nothing is added until you have seen the preview.",
    },
    "upload_drop": {"sv": "Dra hit en fil eller klicka för att välja",
                    "en": "Drop a file here or click to choose one"},
    "upload_cli": {
        "sv": "Samma kontroll finns på kommandoraden: dashboard ingest heat-file FIL.",
        "en": "The same check runs on the command line: dashboard ingest heat-file FILE.",
    },
    "upload_empty": {"sv": "Filen är tom.", "en": "The file is empty."},
    "request_too_large": {"sv": "Begäran är för stor: högst {mb} MB tas emot.",
                          "en": "The request is too large: at most {mb} MB is accepted."},
    "upload_suffix": {
        "sv": "{name}: bara CSV- och Excel-filer (.csv, .xlsx) kan läsas.",
        "en": "{name}: only CSV and Excel files (.csv, .xlsx) can be read.",
    },
    "upload_unreadable": {"sv": "{name}: filen kunde inte läsas.",
                          "en": "{name}: the file could not be read."},
    "upload_too_big": {"sv": "{name}: filen är större än {mb} MB.",
                       "en": "{name}: the file is larger than {mb} MB."},
    "upload_refused": {
        "sv": "{name} lades inte till: {n} problem att rätta (rad och kolumn anges).",
        "en": "{name} was not added: {n} problem(s) to fix (row and column given).",
    },
    "upload_ok": {
        "sv": "{name} är giltig: {values}{new}. Förhandsvisning:",
        "en": "{name} is valid: {values}{new}. Preview:",
    },
    "upload_preview_note": {
        "sv": "Små antal (under 5) döljs och flaggas innan något sparas.",
        "en": "Small counts (below 5) are suppressed and flagged before anything is stored.",
    },
    "upload_not_added": {"sv": "Inget lades till.", "en": "Nothing was added."},
    "upload_values_one": {"sv": "1 värde", "en": "1 value"},
    "upload_values_many": {"sv": "{n} värden", "en": "{n} values"},
    "upload_new_one": {"sv": ", varav 1 ny indikator", "en": ", 1 new indicator"},
    "upload_new_many": {"sv": ", varav {n} nya indikatorer", "en": ", {n} new indicators"},
    "upload_licence": {"sv": "Licens (till exempel CC BY 4.0)",
                       "en": "Licence (for example CC BY 4.0)"},
    "upload_duplicate": {
        "sv": "{name} finns redan i instrumentpanelen (samma innehåll); inget nytt läggs till.",
        "en": "{name} is already in the dashboard (same content); nothing new is added.",
    },
    "upload_too_large": {
        "sv": "Filen är för stor: högst {mb} MB kan läggas till. Dela upp den i mindre filer.",
        "en": "The file is too large: at most {mb} MB can be added. Split it into smaller "
              "files.",
    },
    "upload_problems_shown": {"sv": "Här visas de första {shown} av {n} problem.",
                              "en": "The first {shown} of {n} problems are shown here."},
    "upload_problems_download": {"sv": "Ladda ned alla problem (CSV)",
                                 "en": "Download every problem (CSV)"},
    "upload_csv_file": {"sv": "fil", "en": "file"},
    "upload_csv_row": {"sv": "rad", "en": "row"},
    "upload_csv_line": {"sv": "rad i filen", "en": "line"},
    "upload_csv_column": {"sv": "kolumn", "en": "column"},
    "upload_csv_problem": {"sv": "problem", "en": "problem"},
    "problem_row": {"sv": "rad {row}", "en": "row {row}"},
    "problem_line": {"sv": " (rad {line} i filen)", "en": " (line {line})"},
    "problem_column": {"sv": "kolumnen ”{column}”", "en": "column '{column}'"},
    "problem_file": {"sv": "filen", "en": "file"},
    "problem_value_required": {"sv": "ett värde krävs", "en": "a value is required"},
    "problem_number_required": {"sv": "ett tal krävs", "en": "a number is required"},
    "problem_not_a_number": {"sv": "ska vara ett tal, men är {got}",
                             "en": "expected a number, got {got}"},
    "problem_not_finite": {"sv": "ska vara ett ändligt tal, men är {got}",
                           "en": "expected a finite number, got {got}"},
    "problem_not_flag": {"sv": "ska vara 0 eller 1, men är {got}",
                         "en": "must be 0 or 1, got {got}"},
    "problem_not_year": {"sv": "ska vara ett helt år, till exempel 2012, men är {got}",
                         "en": "must be a whole year such as 2012, got {got}"},
    "problem_scale_not_positive": {
        "sv": "ska vara större än 0 (till exempel 100 för procent), men är {got}",
        "en": "must be above 0 (e.g. 100 for percent), got {got}",
    },
    "problem_negative": {"sv": "får inte vara negativt, men är {got}",
                         "en": "must not be negative, got {got}"},
    "problem_ci_reversed": {"sv": "den nedre gränsen {lb} är större än den övre {ub}",
                            "en": "lower limit {lb} is above the upper limit {ub}"},
    "problem_outside_ci": {"sv": "{got} ligger utanför sitt intervall {lb} till {ub}",
                           "en": "{got} is outside its interval {lb} to {ub}"},
    "problem_bad_order": {"sv": "ska vara ett heltal från 1 och uppåt, men är {got}",
                          "en": "must be a whole number from 1 up, got {got}"},
    "problem_differs": {
        "sv": "skiljer sig inom stratumet ({here} här, {first} på rad {row}); det ska vara "
              "samma för alla undergrupper",
        "en": "differs within the stratum ({here} here, {first} in row {row}); it must be the "
              "same for every subgroup",
    },
    "problem_average_differs": {"sv": "skiljer sig inom stratumet",
                                "en": "differs within the stratum"},
    "problem_subgroup_repeats": {"sv": "{name} upprepar rad {row}",
                                 "en": "{name} repeats row {row}"},
    "problem_order_repeats": {"sv": "ordningen {order} upprepar rad {row}",
                              "en": "order {order} repeats row {row}"},
    "problem_second_reference": {
        "sv": "en andra referensgrupp (den första finns på rad {row})",
        "en": "a second reference subgroup (the first is in row {row})",
    },
    "problem_column_missing": {"sv": "kolumnen saknas i rubrikraden men krävs",
                               "en": "required column is missing from the header"},
    "problem_no_rows": {"sv": "filen har inga datarader", "en": "the file has no data rows"},
    "problem_file_empty": {"sv": "filen är tom", "en": "the file is empty"},
    "problem_sheet_empty": {"sv": "kalkylbladet är tomt", "en": "the spreadsheet is empty"},
    "problem_sheet_unreadable": {"sv": "kalkylbladet kan inte läsas",
                                 "en": "cannot read the spreadsheet"},
    "problem_unknown_area": {"sv": "{name} är ingen känd områdeskod och inget känt områdesnamn",
                             "en": "{name} is not a known area code or name"},
    "problem_csv_unreadable": {"sv": "filen kan inte läsas som CSV",
                               "en": "cannot be read as CSV"},
    "problem_unknown_sex": {"sv": "{name} är inte kvinnor, män eller totalt",
                            "en": "{name} is not female, male or total"},
    "problem_not_fohm_workbook": {
        "sv": "är inte en av Folkhälsomyndighetens arbetsböcker om vaccinationstäckning per DeSO",
        "en": "is not one of Folkhälsomyndigheten's workbooks of vaccination coverage by DeSO"},
    "problem_file_damaged": {"sv": "kan inte läsas som en Excel-arbetsbok; filen kan vara "
                                   "avkortad eller skadad",
                             "en": "cannot be read as an Excel workbook; the file may be "
                                   "truncated or damaged"},
    "problem_no_sheet_date": {"sv": "bladets rubrik slutar inte med datum som dd/mm",
                              "en": "the sheet's title does not end in a date as dd/mm"},
    "problem_unknown_heading": {"sv": "rubriken {name} är ingen känd doskolumn",
                                "en": "the heading {name} is not a known dose column"},
    "problem_not_deso": {"sv": "{name} är ingen DeSO-kod (till exempel 1280C1010)",
                         "en": "{name} is not a DeSO code (such as 1280C1010)"},
    "problem_not_a_share": {
        "sv": "{got} är varken en andel från 0 till 100, ett intervall som 75-80 eller tomt",
        "en": "{got} is neither a share from 0 to 100, a band such as 75-80, nor empty"},
    "problem_unknown_age": {"sv": "{name} är ingen känd åldersgrupp (18-64, 65+, 80+)",
                            "en": "{name} is not a known age group (18-64, 65+, 80+)"},
    "problem_repeats_date": {"sv": "upprepar samma datum som {other}",
                             "en": "repeats the same date as {other}"},
    "store_fallback": {
        "sv": "Den senaste dataversionen ({wanted}) kunde inte läsas, så sidan visar den "
              "senaste version som går att läsa ({shown}). Nästa inläsning av data lägger en "
              "ny version ovanpå den.",
        "en": "The latest data version ({wanted}) could not be read, so the page shows the "
              "latest version that can be read ({shown}). The next data load adds a new "
              "version on top of it."},
    "store_unreadable": {
        "sv": "Den senaste dataversionen ({wanted}) kunde inte läsas, så sidan visar de data "
              "den redan visade.",
        "en": "The latest data version ({wanted}) could not be read, so the page keeps "
              "showing the data it already showed."},
    "store_busy": {
        "sv": "Datalagret används just nu av en annan inläsning. Inget lades till; försök "
              "igen om en stund.",
        "en": "The data store is busy with another data load. Nothing was added; try again "
              "in a moment."},
    "spine_subtitle": {"sv": "Alla indikatorer med värdering, {level}, senaste period",
                       "en": "All indicators with a judgement, {level}, latest period"},
    "share_download": {"sv": "Ladda ner, länka, bädda in", "en": "Download, link, embed"},
    "download": {"sv": "Ladda ner", "en": "Download"},
    "download_full": {"sv": "CSV: indikatorns alla data", "en": "CSV: all the indicator's data"},
    "download_note": {
        "sv": "Bilderna bär titel, källa, licens, hämtningsdatum och länk till vyn; CSV och "
              "Excel innehåller exakt det diagrammet visar, ZIP allt med en README för "
              "citering.",
        "en": "Images carry title, source, licence, retrieval date and the link to this "
              "view; CSV and Excel hold exactly what the chart shows, ZIP everything with a "
              "README for citing.",
    },
    "share_link": {"sv": "Länk till vyn", "en": "Link to this view"},
    "copy_link": {"sv": "Kopiera länken", "en": "Copy the link"},
    "copy_embed": {"sv": "Kopiera inbäddningskoden", "en": "Copy the embed code"},
    "copied": {"sv": "Kopierat.", "en": "Copied."},
    "embed_code": {"sv": "Kod för inbäddning", "en": "Embed code"},
    "alt_for_download": {"sv": "Alternativtext att använda med bilden",
                         "en": "Alt text to use with the image"},
    "overview_lead": {
        "sv": "{n} indikatorer för {areas} områden, jämförda med Malmö som helhet.",
        "en": "{n} indicators for {areas} areas, compared with Malmö as a whole.",
    },
    "notice_no_parent": {
        "sv": "Området ”{asked}” har inga delområden på den här nivån; visar alla områden.",
        "en": "The area “{asked}” has no parts at this level; showing every area.",
    },
    "notice_no_area_type": {
        "sv": "Inget område har områdestyp {asked}; visar alla områden.",
        "en": "No area has area type {asked}; showing every area.",
    },
    "notice_no_find": {"sv": "Sökningen ”{asked}” kunde inte användas.",
                       "en": "The search “{asked}” could not be used."},
    "notice_no_table_sort": {
        "sv": "Översikten har ingen kolumn ”{asked}”; sorterar efter namn.",
        "en": "The overview has no column “{asked}”; sorting by name.",
    },
    "notice_no_page_size": {"sv": "{asked} rader per sida går inte; visar 25.",
                            "en": "{asked} rows per page is not offered; showing 25."},
    "notice_no_table_page": {"sv": "Tabellen har ingen sida {asked}; visar sida {shown}.",
                             "en": "The table has no page {asked}; showing page {shown}."},
    "overview_find": {"sv": "Sök område (namn eller kod)", "en": "Find an area (name or code)"},
    "overview_parent": {"sv": "Del av", "en": "Part of"},
    "overview_type": {"sv": "Områdestyp (SCB)", "en": "Area type (SCB)"},
    "overview_all": {"sv": "Alla", "en": "All"},
    "overview_size": {"sv": "Rader per sida", "en": "Rows per page"},
    # SCB's and Delmos's five RegSO area types ("Områdestyper",
    # https://delmos.se/om-segregation/arbete-mot-segregation/omradestyper/).
    "area_type_1": {"sv": "1 – stora socioekonomiska utmaningar",
                    "en": "1 – major socioeconomic challenges"},
    "area_type_2": {"sv": "2 – socioekonomiska utmaningar", "en": "2 – socioeconomic challenges"},
    "area_type_3": {"sv": "3 – blandade socioekonomiska förutsättningar",
                    "en": "3 – mixed socioeconomic conditions"},
    "area_type_4": {"sv": "4 – goda socioekonomiska förutsättningar",
                    "en": "4 – good socioeconomic conditions"},
    "area_type_5": {"sv": "5 – mycket goda socioekonomiska förutsättningar",
                    "en": "5 – very good socioeconomic conditions"},
    "overview_pages": {"sv": "Sidor i tabellen", "en": "Pages of the table"},
    "overview_page_of": {
        "sv": "Sida {page} av {pages}: område {first}–{last} av {matched}",
        "en": "Page {page} of {pages}: areas {first}–{last} of {matched}",
    },
    "overview_of_level": {"sv": " (av {total} på nivån)", "en": " ({total} at this level)"},
    "overview_first": {"sv": "« Första", "en": "« First"},
    "overview_prev": {"sv": "‹ Föregående", "en": "‹ Previous"},
    "overview_next": {"sv": "Nästa ›", "en": "Next ›"},
    "overview_last": {"sv": "Sista »", "en": "Last »"},
    "overview_sort": {"sv": "Sortera efter {column}", "en": "Sort by {column}"},
    "overview_none": {"sv": "Inget område passar urvalet.", "en": "No area matches the choice."},
    "overview_scale_note": {
        "sv": "Klicka på en kolumnrubrik för att sortera, på ett område för dess profil. "
              "Pilarna visar riktningen sedan föregående år där det finns.",
        "en": "Click a column heading to sort, an area to open its profile. Arrows show "
              "the direction since the previous year where there is one.",
    },
    "map_click": {"sv": "Klicka på ett område för att öppna dess profil.",
                  "en": "Click an area to open its profile."},
    "worst": {"sv": "Sämst", "en": "Worst"},
    "best": {"sv": "Bäst", "en": "Best"},
    "comparison": {"sv": "Jämfört med Malmö", "en": "Compared with Malmö"},
    "profile_heading": {"sv": "{area} jämfört med Malmö", "en": "{area} compared with Malmö"},
    "alt_profile": {
        "sv": "Ryggradsdiagram: för varje indikator visas spannet från sämsta till bästa område, "
              "mittersta hälften, Malmös värde och {area} som en punkt.",
        "en": "Spine chart: for each indicator the range from the worst to the best area, the "
              "middle half, Malmö's value and {area} as a dot.",
    },
    "spine_note": {
        "sv": "Ljusgrå stapel: från sämsta till bästa område; mörkgrå: mittersta hälften; röd "
              "linje: Malmö. Punkten: blå = bättre, orange = som Malmö, röd = sämre. Senaste "
              "period med värde för området.",
        "en": "Light grey bar: worst to best area; dark grey: the middle half; red line: "
              "Malmö. The dot: blue = better, orange = similar, red = worse. Latest period "
              "with a value for the area.",
    },
    "profile_source": {
        "sv": "Källa: Malmö stads välfärdsredovisningar (se Definitioner och källor). "
              "Bearbetning: Hälsoklyftor i Malmö.",
        "en": "Source: Malmö stad's welfare reports (see Definitions and sources). "
              "Processing: Malmö health gaps.",
    },
    "highlight": {"sv": "Markera område", "en": "Highlight an area"},
    "none_selected": {"sv": "Inget", "en": "None"},
    "sort_by": {"sv": "Sortera", "en": "Sort"},
    "sort_value": {"sv": "Efter värde (bäst överst)", "en": "By value (best first)"},
    "sort_name": {"sv": "Efter namn", "en": "By name"},
    "bars_click": {"sv": "Klicka på ett område i diagrammet för att markera det.",
                   "en": "Click an area in the chart to highlight it."},
    "split_by": {"sv": "Dela upp efter", "en": "Break down by"},
    "trend_by_area": {"sv": "Område", "en": "Area"},
    "area_for_groups": {"sv": "Gruppernas område (inget = Malmö)",
                        "en": "Area of the groups (none = Malmö)"},
    "groups_none": {
        "sv": "Indikatorn har ingen uppdelning i grupper för det här valet. Välj till exempel "
              "förvärvsfrekvens (födelseland) eller medellivslängd (kön).",
        "en": "The indicator has no breakdown into groups for this choice. Try, for example, "
              "the employment rate (country of birth) or life expectancy (sex).",
    },
    "equiplot_heading": {"sv": "Ekviplot: grupperna per område efter {split}",
                         "en": "Equiplot: the groups in each area by {split}"},
    "equiplot_note": {
        "sv": "En punkt per grupp; linjen går från lägsta till högsta gruppen. Malmö överst.",
        "en": "One dot per group; the line runs from the lowest to the highest group. Malmö "
              "first.",
    },
    "alt_equiplot": {
        "sv": "Diagram över {title} för {groups} i {n} områden.",
        "en": "Chart of {title} for {groups} in {n} areas.",
    },
    "groupbars_heading": {"sv": "Staplar per grupp", "en": "Bars by group"},
    "group_gaps_heading": {"sv": "Klyftan mellan grupperna i varje område",
                           "en": "The gap between the groups in each area"},
    "trend_heading": {"sv": "{title} över tid", "en": "{title} over time"},
    "trend_band_all": {"sv": "Alla {n} områden", "en": "All {n} areas"},
    "trend_band_middle": {"sv": "Mittersta hälften av områdena",
                          "en": "The middle half of the areas"},
    "trend_band_median": {"sv": "Medianområdet", "en": "The median area"},
    "trend_band_hover": {
        "sv": "{n} områden<br>högst {high}<br>övre kvartil {q3}<br>median {median}<br>"
              "nedre kvartil {q1}<br>lägst {low}",
        "en": "{n} areas<br>highest {high}<br>upper quartile {q3}<br>median {median}<br>"
              "lower quartile {q1}<br>lowest {low}",
    },
    "trend_band_note": {
        "sv": "Med så många områden visas de som ett grått fält: ljust från det lägsta till "
              "det högsta värdet, mörkare för den mittersta hälften, prickat för medianen. "
              "Malmö och det markerade området är linjer; tabellen har alla områden.",
        "en": "With this many areas they are shown as a grey band: light from the lowest to "
              "the highest value, darker for the middle half, dotted for the median. Malmö "
              "and the highlighted area are lines; the table holds every area.",
    },
    "alt_trend": {
        "sv": "Linjediagram över {title}, {first}–{last}, {n} områden.",
        "en": "Line chart of {title}, {first}–{last}, {n} areas.",
    },
    "gaptrend_heading": {"sv": "Klyftan över tid", "en": "The gap over time"},
    "gaptrend_note": {
        "sv": "Skillnaden mellan högsta och lägsta område vid varje tidpunkt (WHO HEAT), med "
              "95 % KI där källan ger standardfel.",
        "en": "The difference between the highest and lowest area at each time (WHO HEAT), with "
              "95% CIs where the source gives standard errors.",
    },
    "x_axis": {"sv": "Social faktor (x-axel)", "en": "Social determinant (x axis)"},
    "gradient_none": {
        "sv": "Det finns ingen social faktor att jämföra med för den här nivån.",
        "en": "There is no social determinant to compare with at this level.",
    },
    "gradient_heading": {"sv": "{y} mot {x}", "en": "{y} against {x}"},
    "alt_gradient": {
        "sv": "Spridningsdiagram: {y} mot {x} för {n} områden, punktstorlek efter folkmängd.",
        "en": "Scatter plot: {y} against {x} for {n} areas, dot size by population.",
    },
    "gradient_note": {
        "sv": "Punktens storlek visar folkmängden; linjen är en befolkningsviktad regression.",
        "en": "Dot size shows the population; the line is a population-weighted regression.",
    },
    "potential_sentence": {
        "sv": "Om alla områden nådde {best}s nivå ({best_value}) skulle Malmös genomsnitt "
              "{direction} med {par} {unit}{ci}, {paf} % (WHO HEAT: befolkningsattributabel "
              "risk och andel).",
        "en": "If every area reached {best}'s level ({best_value}), Malmö's average would "
              "{direction} by {par} {unit}{ci}, {paf}% (WHO HEAT: population attributable "
              "risk and fraction).",
    },
    "potential_up": {"sv": "förbättras", "en": "improve"},
    "potential_down": {"sv": "förbättras (minska)", "en": "improve (fall)"},
    "potential_reading": {
        "sv": "Det här är den hälsovinst som Malmökommissionen ville att beslutsfattare skulle "
              "väga sociala investeringar mot.",
        "en": "This is the health gain the Malmö Commission asked decision makers to weigh "
              "social investment against.",
    },
    "potential_heading": {"sv": "Varje områdes avstånd till {best}",
                          "en": "Each area's distance to {best}"},
    "gap_to_best": {"sv": "Avstånd till bästa", "en": "Distance to the best"},
    "population": {"sv": "Folkmängd", "en": "Population"},
    "index_components": {"sv": "Indikatorer i indexet", "en": "Indicators in the index"},
    "index_weights": {"sv": "Vikter (0–3)", "en": "Weights (0–3)"},
    "index_zero_weights": {"sv": "Alla vikter är 0, så indikatorerna vägs lika.",
                           "en": "All weights are 0, so the indicators are weighted equally."},
    "index_none": {
        "sv": "Välj minst en indikator med värden för områdena.",
        "en": "Choose at least one indicator with values for the areas.",
    },
    "index_sentence": {
        "sv": "Välfärdsindex {year} av {n} indikatorer: högst i {best} ({hi}), lägst i {worst} "
              "({lo}).",
        "en": "Welfare index {year} from {n} indicators: highest in {best} ({hi}), lowest in "
              "{worst} ({lo}).",
    },
    "index_method": {
        "sv": "Malmö stads metod: på varje indikator får områdena ett rangvärde från 1 (sämst) "
              "till 10 (bäst); indexet är det (viktade) medelvärdet.",
        "en": "Malmö stad's method: on each indicator the areas get a rank score from 1 (worst) "
              "to 10 (best); the index is the (weighted) mean.",
    },
    "index_years_used": {"sv": "År som används: {used}.", "en": "Years used: {used}."},
    "index_value": {"sv": "Index", "en": "Index"},
    "index_map_heading": {"sv": "Indexet på kartan, {year}", "en": "The index on the map, {year}"},
    "index_bars_heading": {"sv": "Områdena i rangordning, {year}",
                           "en": "The areas ranked, {year}"},
    "index_trend_heading": {"sv": "Indexet över tid", "en": "The index over time"},
    "index_trend_alt": {"sv": "Linjediagram över indexet per område, {first}–{last}.",
                        "en": "Line chart of the index by area, {first}–{last}."},
    "polarity": {"sv": "Värdering", "en": "Judgement"},
    "flags": {"sv": "Flaggade värden", "en": "Flagged values"},
    "definitions_lead": {
        "sv": "{n} indikatorer: definition, enhet, värdering, källa, licens och förbehåll.",
        "en": "{n} indicators: definition, unit, judgement, source, licence and caveats.",
    },
    "measures_heading": {"sv": "Klyftmåtten", "en": "The gap measures"},
    "measures_source": {
        "sv": "Definitioner enligt WHO:s Health Equity Assessment Toolkit (HEAT Plus v6) och "
              "PHE:s indikatormetoder (PHEindicatormethods).",
        "en": "Definitions as in WHO's Health Equity Assessment Toolkit (HEAT Plus v6) and "
              "PHE's indicator methods (PHEindicatormethods).",
    },
    "gradient_fit": {"sv": "Befolkningsviktad linje", "en": "Population-weighted line"},
    "scatter_sentence": {
        "sv": "För varje enhet ({xunit}) högre {x} är {y} i genomsnitt {slope} {unit} högre "
              "(befolkningsviktad regression över {n} områden, 95 % KI {lo} till {hi}).",
        "en": "For each unit ({xunit}) higher {x}, {y} is on average {slope} {unit} higher "
              "(population-weighted regression over {n} areas, 95% CI {lo} to {hi}).",
    },
    "trend_wider": {
        "sv": "Skillnaden mellan högsta och lägsta område ökade från {d0} {unit} ({first}) "
              "till {d1} {unit} ({last}).",
        "en": "The gap between the highest and lowest area widened from {d0} {unit} ({first}) "
              "to {d1} {unit} ({last}).",
    },
    "trend_narrower": {
        "sv": "Skillnaden mellan högsta och lägsta område minskade från {d0} {unit} ({first}) "
              "till {d1} {unit} ({last}).",
        "en": "The gap between the highest and lowest area narrowed from {d0} {unit} "
              "({first}) to {d1} {unit} ({last}).",
    },
    "trend_same": {
        "sv": "Skillnaden mellan högsta och lägsta område var {d0} {unit} både {first} och "
              "{last}.",
        "en": "The gap between the highest and lowest area was {d0} {unit} in both {first} "
              "and {last}.",
    },
    "trend_no_uncertainty": {
        "sv": "Om förändringen är större än osäkerheten går inte att avgöra: källan anger "
              "inga konfidensintervall.",
        "en": "Whether the change is larger than its uncertainty cannot be judged: the source "
              "gives no confidence intervals.",
    },
    "trend_beyond": {
        "sv": "Förändringen är större än osäkerheten (±{margin} {unit}, 95 %).",
        "en": "The change is larger than its uncertainty (±{margin} {unit}, 95%).",
    },
    "trend_within": {
        "sv": "Förändringen ryms inom osäkerheten (±{margin} {unit}, 95 %).",
        "en": "The change is within its uncertainty (±{margin} {unit}, 95%).",
    },
    "trend_too_short": {
        "sv": "För få år med värden för att beskriva en utveckling.",
        "en": "Too few years with values to describe a trend.",
    },
    "profile_counts": {
        "sv": "{area} är bättre än Malmö på {better}, som Malmö på {similar} och sämre än "
              "Malmö på {worse} av {n} indikatorer med värdering.",
        "en": "{area} is better than Malmö on {better}, similar on {similar} and worse on "
              "{worse} of {n} indicators with a judgement.",
    },
    "profile_worst": {"sv": "{area} har det sämsta värdet av alla områden för: {items}.",
                      "en": "{area} has the worst value of all areas for: {items}."},
    "profile_best": {"sv": "{area} har det bästa värdet av alla områden för: {items}.",
                     "en": "{area} has the best value of all areas for: {items}."},
    "profile_none": {"sv": "Det finns inga indikatorer med värden för {area}.",
                     "en": "There are no indicators with values for {area}."},
    "status_better": {"sv": "bättre än Malmö", "en": "better than Malmö"},
    "status_similar": {"sv": "som Malmö", "en": "similar to Malmö"},
    "status_worse": {"sv": "sämre än Malmö", "en": "worse than Malmö"},
    "status_neutral": {"sv": "ingen värdering", "en": "no judgement"},
    "status_missing": {"sv": "uppgift saknas", "en": "no data"},
    "overview_rule": {
        "sv": "Jämförelse med Malmö: där både området och Malmö har 95 % konfidensintervall "
              "räknas en skillnad när intervallen inte överlappar; annars när skillnaden är "
              "större än {share} standardavvikelse mellan områdena. Pilen visar riktningen "
              "sedan föregående år. Senaste år med värden för minst hälften av områdena.",
        "en": "Compared with Malmö: where both the area and Malmö have 95% confidence "
              "intervals, a difference counts when they do not overlap; otherwise when it is "
              "more than {share} standard deviation between the areas. The arrow shows the "
              "direction since the previous year. Latest year with values for at least half "
              "of the areas.",
    },
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
    "alt_left_out": {"sv": "… {n} områden till (se tabellen) …",
                     "en": "… {n} more areas (see the table) …"},
    "alt_empty": {"sv": "Diagrammet är tomt: inga värden för det här valet.",
                  "en": "The chart is empty: no values for this choice."},
    "definition": {"sv": "Definition", "en": "Definition"},
    "caveats": {"sv": "Att tänka på", "en": "Caveats"},
    "unit_word": {"sv": "Enhet", "en": "Unit"},
    "table_alternative": {"sv": "Visa som tabell", "en": "Show as table"},
    "dataset_note": {
        "sv": "Inbäddade data: {title}. Varje värde har sin källa.",
        "en": "Embedded data: {title}. Every value carries its source.",
    },
    # Exports (figure footers, data files, bundles, embeds).
    "licence": {"sv": "Licens: {licence}", "en": "Licence: {licence}"},
    "retrieved": {"sv": "Data hämtade: {date}", "en": "Data retrieved: {date}"},
    "link": {"sv": "Öppna vyn: {url}", "en": "Open this view: {url}"},
    "open_view": {"sv": "Öppna i Hälsoklyftor i Malmö", "en": "Open in Malmö health gaps"},
    "generated_by": {"sv": "Skapad med {app} {version}, {date}.",
                     "en": "Made with {app} {version}, {date}."},
    "cite_as": {"sv": "Citera som", "en": "Cite as"},
    "month_1": {"sv": "januari", "en": "January"},
    "month_2": {"sv": "februari", "en": "February"},
    "month_3": {"sv": "mars", "en": "March"},
    "month_4": {"sv": "april", "en": "April"},
    "month_5": {"sv": "maj", "en": "May"},
    "month_6": {"sv": "juni", "en": "June"},
    "month_7": {"sv": "juli", "en": "July"},
    "month_8": {"sv": "augusti", "en": "August"},
    "month_9": {"sv": "september", "en": "September"},
    "month_10": {"sv": "oktober", "en": "October"},
    "month_11": {"sv": "november", "en": "November"},
    "month_12": {"sv": "december", "en": "December"},
    "date_day": {"sv": "{day} {month} {year}", "en": "{day} {month} {year}"},
    "date_month": {"sv": "{month} {year}", "en": "{month} {year}"},
    "retrieved_archived": {"sv": "arkiverad kopia av den offentliga sidan",
                           "en": "archived copy of the public page"},
    "file_pdf": {"sv": "diagrammet som vektorgrafik för tryck (PDF)",
                 "en": "the chart as vector graphics for print (PDF)"},
    "bundle_no_figures": {
        "sv": "Bilderna (PNG, SVG, PDF) saknas i paketet: servern kunde inte rita diagrammet "
              "när paketet skapades. Data och citering är kompletta; bilderna går att hämta "
              "senare från länken till vyn.",
        "en": "The images (PNG, SVG, PDF) are missing from this bundle: the server could not "
              "draw the chart when the bundle was made. The data and citation are complete; "
              "the images can be fetched later from the link to the view.",
    },
    "render_unavailable": {
        "sv": "Bilder (PNG, SVG, PDF) kan inte skapas just nu: servern saknar en webbläsare "
              "att rita diagrammet med. CSV, Excel och ZIP (med data och README, utan bilder) "
              "går att ladda ner.",
        "en": "Images (PNG, SVG, PDF) cannot be made right now: the server has no browser to "
              "draw the chart with. CSV, Excel and ZIP (with the data and README, without "
              "images) can be downloaded.",
    },
    "render_unavailable_title": {"sv": "Bilden kunde inte skapas",
                                 "en": "The image could not be made"},
    "alt_text": {"sv": "Textbeskrivning ({language})", "en": "Text description ({language})"},
    "language_sv": {"sv": "svenska", "en": "Swedish"},
    "language_en": {"sv": "engelska", "en": "English"},
    "files": {"sv": "Filer", "en": "Files"},
    "file_png": {"sv": "diagrammet som bild (PNG)", "en": "the chart as an image (PNG)"},
    "file_svg": {"sv": "diagrammet som vektorgrafik (SVG)",
                 "en": "the chart as vector graphics (SVG)"},
    "file_shown_csv": {"sv": "siffrorna som diagrammet visar (CSV)",
                       "en": "the numbers the chart shows (CSV)"},
    "file_full_csv": {"sv": "indikatorns alla data (CSV)", "en": "all data of the indicator (CSV)"},
    "file_xlsx": {"sv": "båda tabellerna och metadata (XLSX)",
                  "en": "both tables and the metadata (XLSX)"},
    "sheet_shown": {"sv": "Diagrammet", "en": "Chart"},
    "sheet_full": {"sv": "Alla data", "en": "All data"},
    "sheet_meta": {"sv": "Om data", "en": "About the data"},
    "col_indicator": {"sv": "Indikator", "en": "Indicator"},
    "col_area_code": {"sv": "Områdeskod", "en": "Area code"},
    "col_area": {"sv": "Område", "en": "Area"},
    "col_level": {"sv": "Områdesnivå", "en": "Area level"},
    "col_period": {"sv": "Period", "en": "Period"},
    "col_sex": {"sv": "Kön", "en": "Sex"},
    "col_dimension": {"sv": "Indelning", "en": "Breakdown"},
    "col_group": {"sv": "Grupp", "en": "Group"},
    "col_value": {"sv": "Värde", "en": "Value"},
    "col_ci_low": {"sv": "KI nedre gräns", "en": "CI lower limit"},
    "col_ci_high": {"sv": "KI övre gräns", "en": "CI upper limit"},
    "col_flag": {"sv": "Flagga", "en": "Flag"},
    "col_note": {"sv": "Anmärkning", "en": "Note"},
    "col_source_url": {"sv": "Källa (adress)", "en": "Source (address)"},
    "meta_title": {"sv": "Indikator", "en": "Indicator"},
    "meta_view": {"sv": "Urval", "en": "Selection"},
    "meta_unit": {"sv": "Enhet", "en": "Unit"},
    "meta_polarity": {"sv": "Riktning", "en": "Direction"},
    "meta_dataset": {"sv": "Datamängd", "en": "Dataset"},
    "meta_link": {"sv": "Länk till vyn", "en": "Link to the view"},
    "meta_sources": {"sv": "Källor", "en": "Sources"},
    "meta_flags": {"sv": "Flaggor", "en": "Flags"},
    "meta_gaps": {"sv": "Klyftmått", "en": "Gap measures"},
    "col_publisher": {"sv": "Utgivare", "en": "Publisher"},
    "col_title": {"sv": "Titel", "en": "Title"},
    "col_url": {"sv": "Adress", "en": "Address"},
    "col_licence": {"sv": "Licens", "en": "Licence"},
    "col_retrieved": {"sv": "Hämtad", "en": "Retrieved"},
    "col_notes": {"sv": "Anteckningar", "en": "Notes"},
    "col_flag_code": {"sv": "Kod", "en": "Code"},
    "col_meaning": {"sv": "Betydelse", "en": "Meaning"},
    "col_count": {"sv": "Antal värden", "en": "Number of values"},
    "col_section": {"sv": "Avsnitt", "en": "Section"},
    "col_measure": {"sv": "Mått", "en": "Measure"},
    "col_ci": {"sv": "95 % KI", "en": "95% CI"},
    "col_reading": {"sv": "Tolkning", "en": "Reading"},
    "col_method": {"sv": "Metod", "en": "Method"},
    # dashboard ingest scb-file: words the import writes into the data (ingest/scb_file.py)
    "scb_file_definition": {
        "sv": "Ur SCB:s tabell ”{title}” ({matrix}) i Statistikdatabasen.",
        "en": "From Statistics Sweden's table “{title}” ({matrix}) in its Statistical "
              "Database (title in Swedish).",
    },
    "scb_file_all": {"sv": "Alla", "en": "All"},
    "scb_file_total": {"sv": "Totalt", "en": "Total"},
    "scb_file_notes": {
        "sv": "Källa: SCB, Statistikdatabasen, tabell {matrix}; exporterad {exported} "
              "(filen {file}). SCB:s fotnoter:",
        "en": "Source: Statistics Sweden, Statistical Database, table {matrix}; exported "
              "{exported} (file {file}). Statistics Sweden's footnotes, in Swedish:",
    },
    "regso_undated_notes": {
        "sv": "Källa: SCB, Statistikdatabasen, tabell {matrix}. Filen {file} är ett utdrag "
              "utan exporttid och utan SCB:s fotnoter, hämtat ur {origin}.",
        "en": "Source: Statistics Sweden, Statistical Database, table {matrix}. The file "
              "{file} is an extract with neither export time nor Statistics Sweden's "
              "footnotes, taken from {origin}.",
    },
    "scb_file_licence": {
        "sv": "CC0 (SCB:s öppna data); SCB rekommenderar källangivelsen ”Källa: SCB”",
        "en": "CC0 (Statistics Sweden open data); Statistics Sweden recommends the credit "
              "“Source: Statistics Sweden”",
    },
    "scb_file_note_symbol": {
        "sv": "SCB redovisar inget värde här (tecknet ”{symbol}”).",
        "en": "Statistics Sweden publishes no value here (marked “{symbol}”).",
    },
}

