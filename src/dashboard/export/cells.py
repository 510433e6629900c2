"""Spreadsheet cells that cannot run: text a spreadsheet would read as a formula is defused.

Excel, LibreOffice and Google Sheets evaluate a cell that starts with '=', '+', '-' or
'@' (and, after some imports, a tab or carriage return) as a formula, so a note in the
data could otherwise run on the reader's machine ("CSV injection", OWASP). Such text gets
a leading apostrophe, which the spreadsheet shows as text. Only text is touched: numbers
are written as numbers, so a negative value stays a number.

A number the page shows as text ('81,0', '47 171', '−2.5') is read back as a number with
a spreadsheet number format that shows it with the same decimals and grouping, tagged
with the language's locale so a spreadsheet writes the language's decimal mark.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Control characters that XML 1.0 (and so XLSX) cannot hold at all.
_NOT_IN_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def neutralise(text: str) -> str:
    """The text with an apostrophe in front if a spreadsheet would execute it."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def xml_safe(text: str) -> str:
    """The text without the control characters an XLSX file cannot store."""
    return _NOT_IN_XML.sub("", text)


# (decimal mark, thousands separators) as core.i18n.format_number writes them.
NUMBER_MARKS = {"sv": (",", "\u00a0\u202f "), "en": (".", ",")}
# Excel/LibreOffice locale tags (LCID): Swedish (Sweden), English (United Kingdom).
LOCALE_TAGS = {"sv": "[$-41D]", "en": "[$-809]"}
MINUS_SIGNS = "-\u2212"


@dataclass(frozen=True)
class NumberCell:
    """A number read from its shown text and the number format that shows it the same."""

    value: float
    number_format: str


def _number_pattern(lang: str) -> re.Pattern[str]:
    decimal, groups = NUMBER_MARKS[lang]
    group = f"[{re.escape(groups)}]"
    signs = re.escape("+" + MINUS_SIGNS)
    return re.compile(rf"^(?P<sign>[{signs}])?(?P<int>\d{{1,3}}(?:{group}\d{{3}})+|\d+)"
                      rf"(?:{re.escape(decimal)}(?P<frac>\d+))?$")


_PATTERNS = {lang: _number_pattern(lang) for lang in NUMBER_MARKS}


def shown_number(text: str, lang: str) -> NumberCell | None:
    """The number a formatted text shows in the language ('81,0' in Swedish is 81.0 with
    format '0.0'), or None when the text is not exactly one number."""
    found = _PATTERNS.get(lang, _PATTERNS["sv"]).match(text.strip())
    if not found:
        return None
    digits = re.sub(r"\D", "", found["int"])
    frac = found["frac"] or ""
    negative = found["sign"] is not None and found["sign"] in MINUS_SIGNS
    value = float(f"{'-' if negative else ''}{digits}.{frac or 0}")
    body = ("#,##0" if digits != found["int"] else "0") + ("." + "0" * len(frac) if frac else "")
    if found["sign"] == "+":
        body = f"+{body};-{body};{body}"
    return NumberCell(value, LOCALE_TAGS.get(lang, LOCALE_TAGS["sv"]) + body)
