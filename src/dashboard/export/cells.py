"""Spreadsheet cells that cannot run: text a spreadsheet would read as a formula is defused.

Excel, LibreOffice and Google Sheets evaluate a cell that starts with '=', '+', '-' or
'@' (and, after some imports, a tab or carriage return) as a formula, so a note in the
data could otherwise run on the reader's machine ("CSV injection", OWASP). Such text gets
a leading apostrophe, which the spreadsheet shows as text. Only text is touched: numbers
are written as numbers, so a negative value stays a number.
"""

from __future__ import annotations

import re

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Control characters that XML 1.0 (and so XLSX) cannot hold at all.
_NOT_IN_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def neutralise(text: str) -> str:
    """The text with an apostrophe in front if a spreadsheet would execute it."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def xml_safe(text: str) -> str:
    """The text without the control characters an XLSX file cannot store."""
    return _NOT_IN_XML.sub("", text)
