"""Units of measurement and how values are written in them.

`unit_<code>` is the label of each unit in dashboard.core.units.UNITS.
"""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "unit_years": {"sv": "år", "en": "years"},
    "unit_percent": {"sv": "%", "en": "%"},
    "unit_days_per_person": {"sv": "dagar per person", "en": "days per person"},
    "unit_per_1000": {"sv": "per 1 000 invånare", "en": "per 1,000 residents"},
    "unit_rank": {"sv": "placering", "en": "position"},
    "unit_mean_rank": {"sv": "medelrang", "en": "mean rank"},
    "unit_index": {"sv": "index", "en": "index"},
    "unit_persons": {"sv": "personer", "en": "persons"},
    "unit_persons_change": {"sv": "personer", "en": "persons"},
    "unit_hectares": {"sv": "hektar", "en": "hectares"},
    "unit_sek_thousands": {"sv": "tkr", "en": "SEK thousand"},
    "unit_dwellings": {"sv": "bostäder", "en": "dwellings"},
    "unit_area_type": {"sv": "områdestyp (1–5)", "en": "area type (1–5)"},
    "percentage_points": {"sv": "procentenheter", "en": "percentage points"},
}
