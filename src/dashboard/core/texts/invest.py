"""Texts of the social-investment view: what the gap costs and what closing it returns."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "page_invest": {"sv": "Social investering", "en": "Social investment"},
    "notice_no_ref": {
        "sv": "Jämförelsen ”{asked}” finns inte; klyftan mäts mot bästa området.",
        "en": "The reference “{asked}” does not exist; the gap is measured against the best "
              "area.",
    },
    "notice_no_effk": {
        "sv": "Effektsättet ”{asked}” finns inte; effekten räknas i indikatorns enhet.",
        "en": "The effect form “{asked}” does not exist; the effect is counted in the "
              "indicator's unit.",
    },
    "notice_no_number": {
        "sv": "Talet ”{asked}” kunde inte användas.",
        "en": "The number “{asked}” could not be used.",
    },
    "invest_open": {"sv": "Vad kostar klyftan varje år, och vad skulle en insats ge tillbaka? "
                          "Räkna på det under Social investering.",
                    "en": "What does the gap cost each year, and what would an intervention "
                          "return? Work it out under Social investment."},
    "invest_open_area": {"sv": "Räkna på en insats i det här området: vad den skulle kosta, "
                               "när den betalar sig och för vem (Social investering).",
                         "en": "Work out an intervention in this area: what it would cost, "
                               "when it pays back and for whom (Social investment)."},
    "money_units": {"sv": "{n} kr", "en": "SEK {n}"},
    "money_millions": {"sv": "{n} mnkr", "en": "SEK {n} million"},
    "money_billions": {"sv": "{n} mdkr", "en": "SEK {n} billion"},
    # The page: what it is for, and its inputs.
    "invest_intro": {
        "sv": "Malmökommissionens första rekommendation var att se förebyggande sociala "
              "insatser som investeringar och bedöma dem med hälsoekonomisk utvärdering. Här "
              "syns vad klyftan mellan områdena motsvarar varje år, och vad en insats i ett "
              "område skulle ge tillbaka: när, till vem och hur säkert. Alla antaganden är "
              "dina egna att ändra; standardvärden visas bara där en källa finns.",
        "en": "The Malmö Commission's first recommendation was to treat preventive social "
              "spending as an investment and judge it by health-economic evaluation. This "
              "view shows what the gap between areas amounts to each year, and what an "
              "intervention in one area would return: when, to whom and how surely. Every "
              "assumption is yours to change; defaults appear only where a source exists.",
    },
    "invest_no_gap": {
        "sv": "Den här vyn har för få områden med värden, eller en indikator utan bättre och "
              "sämre håll, för att räkna en klyfta.",
        "en": "This view has too few areas with values, or an indicator with no better or "
              "worse direction, to count a gap.",
    },
    "invest_box_low": {"sv": "Lågt", "en": "Low"},
    "invest_box_mid": {"sv": "Troligt", "en": "Likely"},
    "invest_box_high": {"sv": "Högt", "en": "High"},
    "invest_value_legend": {"sv": "Kronor per enhet ({unit}, per år)",
                            "en": "SEK per unit ({unit}, per year)"},
    "invest_default_from": {"sv": "Standardvärdet kommer från {source}.",
                            "en": "The default comes from {source}."},
    "invest_default_none": {"sv": "Det finns inget standardvärde.",
                            "en": "There is no default value."},
    "invest_source_link": {"sv": "Källan", "en": "The source"},
    "invest_value_hint": {
        "sv": "Utan ett värde i kronor per enhet räknas effekten bara i enheter; fyll i "
              "”Kronor per enhet” ovan.",
        "en": "Without a value in SEK per unit the effect is counted in units only; fill in "
              "“SEK per unit” above.",
    },
    "invest_scenario_heading": {"sv": "Räkna på en insats", "en": "Work out an intervention"},
    "invest_scenario_intro": {
        "sv": "Ange kostnaden, effekten och tidshorisonten. Ge gärna ett lågt och ett högt "
              "värde: då visas vad resultatet hänger på och hur säkert det är. Alla tal är "
              "noll eller mer; en ruta med ett tal som inte går att använda blir röd och "
              "räknas inte med förrän det är rättat.",
        "en": "Enter the cost, the effect and the time horizon. Give a low and a high value "
              "where you can: the view then shows what the result depends on and how sure "
              "it is. Every number is zero or more; a box holding a number that cannot be "
              "used turns red and is left out until it is corrected.",
    },
    "invest_area_label": {"sv": "Område för insatsen", "en": "Area of the intervention"},
    "invest_people_label": {"sv": "Målgruppens storlek (personer)",
                            "en": "Size of the target group (people)"},
    "invest_people_default": {
        "sv": "Tomt betyder alla {n} personer som indikatorn räknar i området ({how}).",
        "en": "Empty means all {n} people the indicator counts in the area ({how}).",
    },
    "invest_base_denominator": {"sv": "indikatorns egen nämnare",
                                "en": "the indicator's own denominator"},
    "invest_base_population": {"sv": "befolkningen som värdet gäller",
                               "en": "the population the value is for"},
    "invest_base_registered": {"sv": "områdets folkmängd", "en": "the area's population"},
    "invest_base_halved": {"sv": "halva områdets folkmängd, eftersom värdet gäller ett kön",
                           "en": "half the area's population, since the value is for one sex"},
    "invest_base_note": {
        "sv": "Hur många personer värdet gäller anges inte här, så områdets hela folkmängd "
              "används (hälften där värdet gäller ett kön). För ett mått som bara gäller en "
              "åldersgrupp, som ohälsotalet (16–64 år), blir antalet därför för stort.",
        "en": "How many people the value is for is not given here, so the area's whole "
              "population is used (half where the value is for one sex). For a measure of one "
              "age group only, such as sickness days (16–64), the number is therefore too "
              "large.",
    },
    "invest_cost0_legend": {"sv": "Kostnad direkt, år 0 (kronor)",
                            "en": "Up-front cost, year 0 (SEK)"},
    "invest_costy_legend": {"sv": "Kostnad per år (kronor)", "en": "Cost per year (SEK)"},
    "invest_cyrs_label": {"sv": "Antal år med kostnad per år",
                          "en": "Number of years with a yearly cost"},
    "invest_eff_legend": {"sv": "Effekt på indikatorn (förbättring)",
                          "en": "Effect on the indicator (improvement)"},
    "invest_effk_label": {"sv": "Effekten anges", "en": "The effect is given"},
    "invest_effk_abs": {"sv": "i {unit}", "en": "in {unit}"},
    "invest_effk_rel": {"sv": "i procent av områdets värde",
                        "en": "as a percent of the area's value"},
    "invest_start_label": {"sv": "Effekten börjar år", "en": "The effect starts in year"},
    "invest_decay_legend": {"sv": "Effekten avtar per år (%)",
                            "en": "The effect fades each year (%)"},
    "invest_hor_label": {"sv": "Tidshorisont (år)", "en": "Time horizon (years)"},
    "invest_rate_legend": {"sv": "Diskonteringsränta (%, real)",
                           "en": "Discount rate (%, real)"},
    "invest_shares_legend": {"sv": "Vem får nyttan? Andel i procent",
                             "en": "Who gains? Share in percent"},
    "invest_seed_label": {"sv": "Frö för slumptalen", "en": "Random seed"},
    # Natural units, plural, as a reader counts them.
    "nunit_life_years": {"sv": "förlorade levnadsår", "en": "life-years lost"},
    "nunit_sickness_days": {"sv": "sjukdagar", "en": "sickness days"},
    "nunit_not_employed": {"sv": "personer utan arbete", "en": "people not in employment"},
    "nunit_low_standard": {"sv": "personer med låg ekonomisk standard",
                          "en": "people with low economic standard"},
    "nunit_children_poor": {"sv": "barn i ekonomiskt utsatta hushåll",
                           "en": "children in low-income households"},
    "nunit_unvaccinated": {"sv": "ovaccinerade vuxna", "en": "unvaccinated adults"},
    "nunit_not_eligible": {"sv": "elever utan gymnasiebehörighet",
                          "en": "pupils not eligible for upper secondary school"},
    "nunit_no_post_secondary": {"sv": "personer utan eftergymnasial utbildning",
                               "en": "people without post-secondary education"},
    "nunit_injuries": {"sv": "skadefall", "en": "injuries"},
    # The same summed over the years of a scenario.
    "nunit_total_life_years": {"sv": "levnadsår", "en": "life-years"},
    "nunit_total_sickness_days": {"sv": "sjukdagar", "en": "sickness days"},
    "nunit_total_not_employed": {"sv": "personår i arbete", "en": "person-years in work"},
    "nunit_total_low_standard": {"sv": "personår utan låg ekonomisk standard",
                                "en": "person-years out of low economic standard"},
    "nunit_total_children_poor": {"sv": "barnår utan ekonomisk utsatthet",
                                 "en": "child-years out of low income"},
    "nunit_total_unvaccinated": {"sv": "personår som vaccinerad", "en": "person-years vaccinated"},
    "nunit_total_not_eligible": {"sv": "elevår med behörighet", "en": "pupil-years eligible"},
    "nunit_total_no_post_secondary": {"sv": "personår med eftergymnasial utbildning",
                                     "en": "person-years with post-secondary education"},
    "nunit_total_injuries": {"sv": "skadefall", "en": "injuries"},
    # The reference of the gap.
    "invest_ref_best": {"sv": "bästa området ({name})", "en": "the best area ({name})"},
    "invest_ref_city": {"sv": "Malmö som helhet", "en": "Malmö as a whole"},
    "invest_ref_sweden": {"sv": "Sverige", "en": "Sweden"},
    "invest_ref_label": {"sv": "Klyftan jämförs med", "en": "Gap measured against"},
    "invest_refopt_best": {"sv": "Bästa området", "en": "The best area"},
    "invest_refopt_city": {"sv": "Malmö", "en": "Malmö"},
    "invest_refopt_sweden": {"sv": "Sverige", "en": "Sweden"},
    "invest_ref_fallback": {
        "sv": "Det finns inget värde för {asked} i den här vyn, så klyftan mäts mot bästa "
              "området.",
        "en": "There is no value for {asked} in this view, so the gap is measured against "
              "the best area.",
    },
    # Chart headings.
    "invest_h_gapcost": {"sv": "Klyftan per år i {unit}, jämfört med {ref}",
                         "en": "The gap each year in {unit}, against {ref}"},
    "invest_h_investflows": {"sv": "Kostnader och nyttor år för år, i nuvärde",
                             "en": "Costs and benefits year by year, at present value"},
    "invest_h_tornado": {"sv": "Vad nettonuvärdet hänger på",
                         "en": "What the net present value depends on"},
    "invest_h_simulation": {"sv": "Nettonuvärdet i slumpade utfall",
                            "en": "The net present value over random draws"},
    "invest_h_gains": {"sv": "Vem som får nyttan", "en": "Who gains"},
    # Sentences.
    "invest_no_unit": {
        "sv": "”{title}” har ingen räknebar enhet här (som personer, dagar eller levnadsår), "
              "så klyftan kan inte räknas om till en årlig kostnad. Välj till exempel "
              "sysselsättning, låg ekonomisk standard, ohälsotal, medellivslängd eller "
              "vaccinationstäckning.",
        "en": "“{title}” has no countable unit here (such as people, days or life-years), so "
              "the gap cannot be turned into a yearly cost. Choose for example employment, low "
              "economic standard, sickness days, life expectancy or vaccination coverage.",
    },
    "invest_gap_sentence": {
        "sv": "Jämfört med {ref} ligger {n} områden efter; tillsammans motsvarar det {units} "
              "{unit} per år.",
        "en": "Against {ref}, {n} areas fall behind; together that comes to {units} {unit} "
              "a year.",
    },
    "invest_gap_money": {
        "sv": "Med {value} per enhet är det {money} per år.",
        "en": "At {value} a unit that is {money} a year.",
    },
    "invest_cost_yearly": {"sv": "{total} under {years} år", "en": "{total} over {years} years"},
    "invest_cost_both": {
        "sv": "{total} ({upfront} direkt och {yearly} per år i {years} år)",
        "en": "{total} ({upfront} up front and {yearly} a year for {years} years)",
    },
    "invest_raised": {"sv": "höjer", "en": "raises"},
    "invest_lowered": {"sv": "sänker", "en": "lowers"},
    "invest_repaid": {"sv": "vara återbetald år {year}", "en": "pay back in year {year}"},
    "invest_not_repaid": {"sv": "inte vara återbetald inom {horizon} år",
                          "en": "not pay back within {horizon} years"},
    "invest_headline": {
        "sv": "En investering på {cost} som {verb} ”{indicator}” i {area} med {effect} skulle "
              "{paid} vid {rate} diskonteringsränta; sannolikheten att nettonuvärdet är "
              "positivt är {p}.",
        "en": "An investment of {cost} that {verb} “{indicator}” in {area} by {effect} would "
              "{paid} at a {rate} discount rate; the probability that the net present value "
              "is positive is {p}.",
    },
    "invest_headline_units": {
        "sv": "En investering på {cost} som {verb} ”{indicator}” i {area} med {effect} skulle "
              "ge {units} {unit} på {horizon} år.",
        "en": "An investment of {cost} that {verb} “{indicator}” in {area} by {effect} would "
              "give {units} {unit} over {horizon} years.",
    },
    "invest_units_gained": {
        "sv": "Effekten ger {units} {unit} under tidshorisonten; kostnaden per enhet "
              "(nuvärden) är {cpu}.",
        "en": "The effect gives {units} {unit} over the horizon; the cost per unit (present "
              "values) is {cpu}.",
    },
    "invest_values": {
        "sv": "Nuvärdet av kostnaderna är {costs} och av nyttorna {benefits}: nettonuvärdet "
              "är {npv} och nyttan per satsad krona {bcr}.",
        "en": "The present value of the costs is {costs} and of the benefits {benefits}: the "
              "net present value is {npv} and the benefit-cost ratio {bcr}.",
    },
    "invest_interval": {
        "sv": "I {n} slumpade utfall (frö {seed}) ligger nettonuvärdet med 95 % sannolikhet "
              "mellan {low} och {high}.",
        "en": "Over {n} random draws (seed {seed}) the net present value lies between {low} "
              "and {high} with 95 % probability.",
    },
    "invest_not_stays": {
        "sv": "Kostnader som kommer senare gör att nettonuvärdet blir negativt igen efter "
              "återbetalningsåret.",
        "en": "Costs that come later turn the net present value negative again after the "
              "pay-back year.",
    },
    "invest_need_value": {
        "sv": "Ange ett värde i kronor per enhet ({unit}) för att räkna i pengar: "
              "nettonuvärde, återbetalningsår och sannolikhet.",
        "en": "Enter a value in kronor per unit ({unit}) to count in money: net present "
              "value, pay-back year and probability.",
    },
    "invest_gains": {"sv": "Nyttan i nuvärde fördelas så: {parts}.",
                     "en": "The benefits at present value go as follows: {parts}."},
    "invest_alt_top": {"sv": "Störst är klyftan i {areas}.",
                       "en": "The gap is largest in {areas}."},
    "invest_alt_tornado": {
        "sv": "Liggande staplar: nettonuvärdet när varje antagande flyttas till sitt lägsta och "
              "högsta värde. Mest betyder {name}: nettonuvärdet går från {low} till {high}.",
        "en": "Horizontal bars: the net present value when each assumption moves to its lowest "
              "and highest value. {name} matters most: the net present value goes from {low} "
              "to {high}.",
    },
    "invest_alt_simulation": {
        "sv": "Histogram över nettonuvärdet i {n} slumpade utfall: positivt i {p} av dem, "
              "95 % mellan {low} och {high}.",
        "en": "Histogram of the net present value over {n} random draws: positive in {p} of "
              "them, 95 % between {low} and {high}.",
    },
    # Inputs that are missing or wrong.
    "invest_need_cost": {"sv": "Ange en kostnad: direkt, per år eller båda.",
                         "en": "Enter a cost: up front, per year or both."},
    "invest_need_effect": {"sv": "Ange den väntade effekten på indikatorn.",
                           "en": "Enter the expected effect on the indicator."},
    "invest_need_horizon": {"sv": "Ange en tidshorisont i år.",
                            "en": "Enter a time horizon in years."},
    "invest_bad_decay": {"sv": "Avtagandet per år kan inte vara mer än 100 %.",
                         "en": "The yearly fading cannot be more than 100 %."},
    "invest_bad_start": {"sv": "Effekten kan inte börja efter tidshorisonten.",
                         "en": "The effect cannot start after the time horizon."},
    "invest_bad_cost_years": {"sv": "Kostnaden per år kan inte löpa längre än tidshorisonten.",
                              "en": "The yearly cost cannot run longer than the horizon."},
    "invest_bad_low_high": {
        "sv": "Ett intervall är i fel ordning: lågt värde får vara högst det troliga och högt "
              "minst det troliga ({labels}).",
        "en": "A range is out of order: the low value may be at most the likely one and the "
              "high at least the likely one ({labels}).",
    },
    "invest_bad_shares": {"sv": "Andelarna av nyttan blir mer än 100 % tillsammans.",
                          "en": "The shares of the benefits add up to more than 100 %."},
    "invest_no_ranges": {
        "sv": "Inget antagande har ett intervall, så det finns ingen osäkerhet att räkna på: "
              "ange lågt och högt för effekten, kostnaderna, räntan eller värdet.",
        "en": "No assumption has a range, so there is no uncertainty to count: give a low and "
              "a high for the effect, the costs, the rate or the value.",
    },
    "invest_headline_point": {
        "sv": "En investering på {cost} som {verb} ”{indicator}” i {area} med {effect} skulle "
              "{paid} vid {rate} diskonteringsränta.",
        "en": "An investment of {cost} that {verb} “{indicator}” in {area} by {effect} would "
              "{paid} at a {rate} discount rate.",
    },
    # Chart words.
    "invest_per_year": {"sv": "{unit} per år", "en": "{unit} a year"},
    "invest_year": {"sv": "År", "en": "Year"},
    "invest_sek": {"sv": "Kronor (nuvärde)", "en": "SEK (present value)"},
    "invest_npv_sek": {"sv": "Nettonuvärde, kronor", "en": "Net present value, SEK"},
    "invest_pv_benefit_sek": {"sv": "Nyttans nuvärde, kronor",
                              "en": "Present value of benefits, SEK"},
    "invest_pv_cost": {"sv": "Kostnad", "en": "Cost"},
    "invest_pv_benefit": {"sv": "Nytta", "en": "Benefit"},
    "invest_cumulative": {"sv": "Nettonuvärde hittills", "en": "Net present value so far"},
    "invest_repaid_mark": {"sv": "Återbetald år {year}", "en": "Paid back in year {year}"},
    "invest_draws": {"sv": "Antal utfall", "en": "Draws"},
    "invest_at_low": {"sv": "Vid lågt värde", "en": "At the low value"},
    "invest_at_high": {"sv": "Vid högt värde", "en": "At the high value"},
    "invest_param_range": {"sv": "{name} ({low} – {high})", "en": "{name} ({low} – {high})"},
    "invest_span": {"sv": "{mid} ({low} – {high})", "en": "{mid} ({low} – {high})"},
    "invest_part_low": {"sv": "lågt", "en": "low"},
    "invest_part_mid": {"sv": "troligt", "en": "likely"},
    "invest_part_high": {"sv": "högt", "en": "high"},
    "invest_param_upfront": {"sv": "Kostnad direkt", "en": "Up-front cost"},
    "invest_param_yearly": {"sv": "Kostnad per år", "en": "Cost per year"},
    "invest_param_effect": {"sv": "Effekt", "en": "Effect"},
    "invest_param_decay": {"sv": "Avtagande per år", "en": "Yearly fading"},
    "invest_param_rate": {"sv": "Diskonteringsränta", "en": "Discount rate"},
    "invest_param_value": {"sv": "Värde per enhet", "en": "Value per unit"},
    "invest_party_municipality": {"sv": "Kommunen", "en": "The municipality"},
    "invest_party_region": {"sv": "Regionen", "en": "The region"},
    "invest_party_state": {"sv": "Staten", "en": "The state"},
    "invest_party_individuals": {"sv": "Individerna", "en": "The individuals"},
    # Table columns.
    "invest_col_value": {"sv": "Värde", "en": "Value"},
    "invest_col_reference": {"sv": "Jämförelse", "en": "Reference"},
    "invest_col_gap": {"sv": "Efter med", "en": "Behind by"},
    "invest_col_base": {"sv": "Personer som räknas", "en": "People counted"},
    "invest_col_money": {"sv": "Kronor per år", "en": "SEK a year"},
    "invest_col_cost": {"sv": "Kostnad (kr)", "en": "Cost (SEK)"},
    "invest_col_units": {"sv": "Enheter vunna", "en": "Units gained"},
    "invest_col_benefit": {"sv": "Nytta (kr)", "en": "Benefit (SEK)"},
    "invest_col_discount": {"sv": "Diskonteringsfaktor", "en": "Discount factor"},
    "invest_col_pv_cost": {"sv": "Kostnad, nuvärde (kr)", "en": "Cost, present value (SEK)"},
    "invest_col_pv_benefit": {"sv": "Nytta, nuvärde (kr)", "en": "Benefit, present value (SEK)"},
    "invest_col_cumulative": {"sv": "Nettonuvärde hittills (kr)",
                              "en": "Net present value so far (SEK)"},
    "invest_col_parameter": {"sv": "Antagande", "en": "Assumption"},
    "invest_col_low": {"sv": "Lågt", "en": "Low"},
    "invest_col_high": {"sv": "Högt", "en": "High"},
    "invest_col_npv_low": {"sv": "Nettonuvärde vid lågt (kr)", "en": "NPV at low (SEK)"},
    "invest_col_npv_high": {"sv": "Nettonuvärde vid högt (kr)", "en": "NPV at high (SEK)"},
    "invest_col_statistic": {"sv": "Mått", "en": "Statistic"},
    "invest_col_value_plain": {"sv": "Värde", "en": "Value"},
    "invest_col_party": {"sv": "Vem", "en": "Who"},
    "invest_col_share": {"sv": "Andel (%)", "en": "Share (%)"},
    "invest_stat_draws": {"sv": "Antal slumpade utfall", "en": "Random draws"},
    "invest_stat_seed": {"sv": "Frö", "en": "Seed"},
    "invest_stat_positive": {"sv": "Sannolikhet för positivt nettonuvärde (%)",
                             "en": "Probability of a positive NPV (%)"},
    "invest_stat_low": {"sv": "Nettonuvärde, 2,5:e percentilen (kr)",
                        "en": "NPV, 2.5th percentile (SEK)"},
    "invest_stat_median": {"sv": "Nettonuvärde, median (kr)", "en": "NPV, median (SEK)"},
    "invest_stat_high": {"sv": "Nettonuvärde, 97,5:e percentilen (kr)",
                         "en": "NPV, 97.5th percentile (SEK)"},
    # Assumptions, as exports and the list under the headline print them.
    "invest_assumptions": {"sv": "Antaganden", "en": "Assumptions"},
    "invest_a_indicator": {"sv": "Indikator", "en": "Indicator"},
    "invest_a_reference": {"sv": "Klyftan jämförs med", "en": "Gap measured against"},
    "invest_a_value": {"sv": "Kronor per enhet ({unit})", "en": "SEK per unit ({unit})"},
    "invest_a_area": {"sv": "Område", "en": "Area"},
    "invest_a_people": {"sv": "Målgruppens storlek (personer)",
                        "en": "Size of the target group (people)"},
    "invest_a_per_change": {"sv": "Enheter per person för en enhet på indikatorn",
                            "en": "Units per person for one unit of the indicator"},
    "invest_a_start": {"sv": "Effekten börjar år", "en": "Effect starts in year"},
    "invest_a_cost_years": {"sv": "År med kostnad per år", "en": "Years of yearly cost"},
    "invest_a_horizon": {"sv": "Tidshorisont (år)", "en": "Time horizon (years)"},
    "invest_a_draws": {"sv": "Slumpade utfall", "en": "Random draws"},
    "invest_a_draws_how": {
        "sv": "Varje antagande med intervall dras ur en triangelfördelning (lågt, troligt, "
              "högt), oberoende av de andra.",
        "en": "Each assumption with a range is drawn from a triangular distribution (low, "
              "likely, high), independently of the others.",
    },
    "invest_a_seed": {"sv": "Frö för slumptalen", "en": "Random seed"},
    "invest_a_share": {"sv": "Andel av nyttan: {party} (%)",
                       "en": "Share of the benefits: {party} (%)"},
    "invest_own_value": {"sv": "eget värde", "en": "the user's own value"},
    "invest_no_value": {"sv": "inget värde angivet", "en": "no value given"},
}
