"""The accessibility statement's words (tillgänglighetsredogörelse, app/pages/statement.py).

The Swedish terms for compliance ("helt/delvis/inte förenlig") are the ones DIGG prescribes
(https://www.digg.se/kunskap-och-stod/digital-tillganglighet/skapa-en-tillganglighetsredogorelse);
the English ones ("fully/partially/not compliant") are those of the EU model statement,
Commission Implementing Decision (EU) 2018/1523.
"""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "page_statement": {"sv": "Tillgänglighetsredogörelse", "en": "Accessibility statement"},
    "statement_lead": {
        "sv": "Vi vill att alla ska kunna använda {service}, oavsett funktionsförmåga och "
              "skärm. Här beskriver vi hur webbplatsen uppfyller lagen om tillgänglighet till "
              "digital offentlig service, vilka brister vi känner till och hur du meddelar oss "
              "om fler.",
        "en": "We want everyone to be able to use {service}, whatever their abilities and "
              "screen. This page describes how the website meets the Swedish Act on "
              "accessibility to digital public services, the shortcomings we know of, and how "
              "to tell us about others.",
    },
    "statement_scope_heading": {"sv": "Vad redogörelsen gäller",
                                "en": "What this statement covers"},
    "statement_scope": {
        "sv": "Redogörelsen gäller webbplatsen {service}: alla dess vyer på svenska och "
              "engelska, nedladdningarna och de inbäddade diagrammen. Webbplatsen "
              "tillhandahålls för Malmö stad, som är ansvarig offentlig aktör.",
        "en": "This statement covers the website {service}: all its views in Swedish and "
              "English, its downloads and its embedded charts. The website is provided for "
              "Malmö stad (the City of Malmö), the public body responsible for it.",
    },
    "statement_status_heading": {"sv": "Hur tillgänglig är webbplatsen?",
                                 "en": "How accessible is this website?"},
    "statement_status_partial": {
        "sv": "Webbplatsen är delvis förenlig med lagen (2018:1937) om tillgänglighet till "
              "digital offentlig service, på grund av de brister som beskrivs nedan. Kraven är "
              "standarden EN 301 549, som bygger på WCAG 2.1 nivå AA.",
        "en": "This website is partially compliant with the Act (2018:1937) on accessibility "
              "to digital public services, because of the shortcomings listed below. The "
              "requirements are those of the standard EN 301 549, which builds on WCAG 2.1 "
              "level AA.",
    },
    "statement_status_full": {
        "sv": "Webbplatsen är helt förenlig med lagen (2018:1937) om tillgänglighet till "
              "digital offentlig service. Kraven är standarden EN 301 549, som bygger på "
              "WCAG 2.1 nivå AA.",
        "en": "This website is fully compliant with the Act (2018:1937) on accessibility to "
              "digital public services. The requirements are those of the standard "
              "EN 301 549, which builds on WCAG 2.1 level AA.",
    },
    "statement_gaps_heading": {"sv": "Innehåll som inte är tillgängligt",
                               "en": "Content that is not accessible"},
    "statement_gaps_lead": {
        "sv": "Vår egen granskning hittade bristerna nedan. De beror på fel i webbplatsens kod "
              "och i ramverken den bygger på (Dash och Plotly) som vi ännu inte har rättat; vi "
              "arbetar med dem och tar bort varje punkt när den är rättad. Inom parentes står "
              "de framgångskriterier i WCAG 2.1 som inte uppfylls.",
        "en": "Our own review found the shortcomings below. They come from faults in the "
              "website's code and in the frameworks it is built on (Dash and Plotly) that we "
              "have not fixed yet; we are working on them and remove each item once it is "
              "fixed. In brackets are the WCAG 2.1 success criteria not met.",
    },
    "statement_criteria": {"sv": "(WCAG 2.1: {criteria})", "en": "(WCAG 2.1: {criteria})"},
    "statement_gap_hover": {
        "sv": "Rutan med uppgifter som visas när muspekaren vilar på ett diagram kan inte "
              "stängas med Esc-tangenten och försvinner när pekaren flyttas till den. Samma "
              "uppgifter finns i tabellen under varje diagram.",
        "en": "The box of figures shown when the pointer rests on a chart cannot be closed "
              "with the Esc key and disappears when the pointer moves onto it. The same "
              "figures are in the table under each chart.",
    },
    "statement_gap_fills": {
        "sv": "De ljusaste färgerna i kartorna och diagrammen har lägre kontrast än 3:1 mot "
              "den vita bakgrunden, så att ljusa rutor och staplar kan vara svåra att urskilja. "
              "Värdena står på rutor och staplar där de får plats och finns alltid i tabellen.",
        "en": "The lightest colours of the maps and charts have less than 3:1 contrast "
              "against the white background, so light tiles and bars can be hard to make "
              "out. Values are written on tiles and bars where they fit, and are always in "
              "the table.",
    },
    "statement_exempt_heading": {"sv": "Undantag", "en": "Exemptions"},
    "statement_exempt": {
        "sv": "Vi åberopar inget undantag för oskäligt betungande anpassning (12 § i lagen) "
              "och gör inte gällande att något innehåll faller utanför lagen (9 §). Källorna "
              "vi länkar till på andra webbplatser omfattas av sina utgivares redogörelser.",
        "en": "We claim no exemption for disproportionate burden (section 12 of the Act) and "
              "do not hold that any content falls outside the Act (section 9). The sources "
              "we link to on other websites are covered by their publishers' statements.",
    },
    "statement_report_heading": {
        "sv": "Om du hittar brister eller behöver innehållet i annan form",
        "en": "Reporting a problem or asking for content in another form",
    },
    "statement_report": {
        "sv": "Om något hindrar dig från att använda webbplatsen, eller om du behöver en "
              "uppgift i en form du kan ta del av, skriv till oss. Berätta vad du försökte "
              "göra, på vilken sida (kopiera gärna adressen) och vilken webbläsare och vilka "
              "hjälpmedel du använder.",
        "en": "If something stops you from using the website, or you need information in a "
              "form you can use, write to us. Tell us what you were trying to do, on which "
              "page (copy its address if you can), and which browser and assistive "
              "technology you use.",
    },
    "statement_contact": {"sv": "Kontakt: ", "en": "Contact: "},
    "statement_contact_missing": {
        "sv": "Kontaktadressen är inte angiven. Den som driver webbplatsen måste ange en "
              "e-postadress eller en webbadress till ett formulär i inställningen {variable}. "
              "Till dess kan du vända dig direkt till Digg (se Tillsyn nedan).",
        "en": "The contact address has not been set. Whoever runs the website must set an "
              "e-mail address or the address of a web form in the setting {variable}. Until "
              "then you can turn directly to Digg (see Enforcement below).",
    },
    "statement_contact_invalid": {
        "sv": "Inställningen {variable} är varken en e-postadress eller en http(s)-adress: "
              "{value}. Till dess den är rättad kan du vända dig direkt till Digg (se Tillsyn "
              "nedan).",
        "en": "The setting {variable} is neither an e-mail address nor an http(s) address: "
              "{value}. Until it is corrected you can turn directly to Digg (see Enforcement "
              "below).",
    },
    "statement_tables": {
        "sv": "Siffrorna bakom varje diagram finns redan som tabell under diagrammet och som "
              "CSV- och Excelfil i dess nedladdningsruta.",
        "en": "The numbers behind every chart are already there as a table under the chart "
              "and as CSV and Excel files in its download box.",
    },
    "statement_enforcement_heading": {"sv": "Tillsyn", "en": "Enforcement"},
    "statement_enforcement": {
        "sv": "Myndigheten för digital förvaltning (Digg) har ansvar för tillsynen enligt "
              "lagen om tillgänglighet till digital offentlig service. Om du inte är nöjd med "
              "hur vi hanterar dina synpunkter, eller inte kan eller vill kontakta oss, kan du "
              "anmäla bristande tillgänglighet till Digg.",
        "en": "The Agency for Digital Government (Digg) supervises compliance with the Act "
              "on accessibility to digital public services. If you are not satisfied with "
              "how we handle your comments, or cannot or do not want to contact us, you can "
              "report the lack of accessibility to Digg.",
    },
    "statement_digg_link": {
        "sv": "Anmäl bristande tillgänglighet till Digg",
        "en": "Report a lack of accessibility to Digg (the form is in Swedish)",
    },
    "statement_method_heading": {"sv": "Hur vi testat webbplatsen",
                                 "en": "How we tested this website"},
    "statement_method": {
        "sv": "Redogörelsen bygger på en självskattning. Vi har granskat varje vy på svenska "
              "och engelska med verktyget axe-core 4.14 i webbläsaren Chromium, och för hand "
              "kontrollerat tangentbordsnavigering, rubriker och landmärken, kontraster och "
              "hur sidan fungerar vid 320 pixlars bredd.",
        "en": "This statement is based on a self-assessment. We checked every view in Swedish "
              "and English with the tool axe-core 4.14 in the Chromium browser, and checked "
              "by hand keyboard navigation, headings and landmarks, contrast, and how the "
              "page works at a width of 320 pixels.",
    },
    "statement_dates": {
        "sv": "Bedömningen gjordes {assessed}. Redogörelsen uppdaterades senast {updated}.",
        "en": "The assessment was made on {assessed}. The statement was last updated on "
              "{updated}.",
    },
}
