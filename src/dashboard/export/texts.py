"""The words the exports add (file labels, citation lines, sheet names), in Swedish and English.

Kept beside the exports rather than in `core.texts`; words the page already has are taken
from there.
"""

from __future__ import annotations

from dashboard.core.i18n import normalise_language

TEXTS: dict[str, dict[str, str]] = {
    "licence": {"sv": "Licens: {licence}", "en": "Licence: {licence}"},
    "retrieved": {"sv": "Data hämtade: {date}", "en": "Data retrieved: {date}"},
    "link": {"sv": "Öppna vyn: {url}", "en": "Open this view: {url}"},
    "open_view": {"sv": "Öppna i Hälsoklyftor i Malmö", "en": "Open in Malmö health gaps"},
    "generated_by": {"sv": "Skapad med {app} {version}, {date}.",
                     "en": "Made with {app} {version}, {date}."},
    "cite_as": {"sv": "Citera som", "en": "Cite as"},
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
}


def text(key: str, lang: str, **fields: object) -> str:
    """The export text `key` in the language, with its fields filled in."""
    template = TEXTS[key][normalise_language(lang)]
    return template.format(**fields) if fields else template
