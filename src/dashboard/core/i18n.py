"""Languages and number formatting per language; the words themselves are in core.texts.

Swedish is the default. Numbers use a decimal comma and a (narrow) space between
thousands in Swedish, a decimal point and a comma in English; negative numbers carry
a real minus sign. Periods such as 2006-2010 are printed with an en dash.
"""

from __future__ import annotations

import math

from dashboard.core.texts import DEFAULT_LANGUAGE, LANGUAGES, normalise_language, t

__all__ = [
    "DEFAULT_LANGUAGE",
    "LANGUAGES",
    "MINUS",
    "NBSP",
    "format_number",
    "format_period",
    "join_names",
    "normalise_language",
    "plotly_separators",
]

MINUS = "\u2212"
NBSP = "\u00a0"


def format_number(value: float | None, lang: str, decimals: int = 1, *,
                  signed: bool = False) -> str:
    """Format a number for display: '6,4' in Swedish, '6.4' in English; '–' when missing."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    text = f"{abs(value):,.{decimals}f}"
    if lang == "sv":
        text = text.replace(",", NBSP).replace(".", ",")
    if value < 0 and text.strip("0,.") != "":
        text = MINUS + text
    elif signed and value > 0:
        text = "+" + text
    return text


def format_money(value: float | None, lang: str) -> str:
    """Kronor in words a reader uses: '450 000 kr', '12,0 mnkr', '1,2 mdkr' (Swedish);
    'SEK 450,000', 'SEK 12.0 million', 'SEK 1.2 billion' (English); '–' when missing."""
    if value is None or not math.isfinite(value):
        return "–"
    size = abs(value)
    if size >= 1e9:
        return t("money_billions", lang, n=format_number(value / 1e9, lang, 1))
    if size >= 1e6:
        return t("money_millions", lang, n=format_number(value / 1e6, lang, 1))
    return t("money_units", lang, n=format_number(value, lang, 0))


def plotly_separators(lang: str) -> str:
    """Plotly's `layout.separators` for the language (decimal mark, then thousands mark)."""
    return ", " if lang == "sv" else ".,"


def format_period(period: str) -> str:
    """Print a period label with an en dash between years: '2006–2010'."""
    parts = period.split("-")
    if len(parts) == 2 and all(len(p) == 4 and p.isdigit() for p in parts):
        return f"{parts[0]}\u2013{parts[1]}"
    return period


def join_names(names: list[str], lang: str) -> str:
    """Join names as prose: 'A, B och C' / 'A, B and C'."""
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} {t('and', lang)} {names[-1]}"
