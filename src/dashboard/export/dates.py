"""Retrieval dates as a reader of the chosen language writes them.

A source's `retrieved` field holds an ISO date or timestamp ('2026-01-31T09:12:00+00:00'),
a month ('2026-01') or a year ('2026'), optionally followed by a note in parentheses. The
date is written out in the language ('31 januari 2026', '31 January 2026'); a note the
project itself wrote is translated, any other text is kept as the source gives it.
"""

from __future__ import annotations

import re
from datetime import date

from dashboard.core.texts import t

_DATED = re.compile(r"^\s*(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2})(?:[T ][^\s(]*)?)?)?"
                    r"\s*(?:\((?P<note>[^()]*)\))?\s*$")
# Notes the project writes into `retrieved` (ingest.welfare_reports), by their text key.
PROJECT_NOTES = {"archived copy of the public page": "retrieved_archived"}
SEPARATOR = "; "
MONTHS = ("month_1", "month_2", "month_3", "month_4", "month_5", "month_6", "month_7",
          "month_8", "month_9", "month_10", "month_11", "month_12")


def format_date(day: date, lang: str) -> str:
    """'31 januari 2026' / '31 January 2026'."""
    return t("date_day", lang, day=day.day, month=t(MONTHS[day.month - 1], lang), year=day.year)


def _when(year: str, month: str | None, day: str | None, lang: str) -> str | None:
    try:
        if day:
            return format_date(date(int(year), int(month or 0), int(day)), lang)
        if month:
            date(int(year), int(month), 1)
            return t("date_month", lang, month=t(MONTHS[int(month) - 1], lang), year=year)
    except ValueError:
        return None
    return year


def format_retrieved(value: str, lang: str) -> str:
    """One `retrieved` value in the language; text that is not a date is kept as given."""
    found = _DATED.match(value)
    if not found:
        return value.strip()
    when = _when(found["year"], found["month"], found["day"], lang)
    if when is None:
        return value.strip()
    note = found["note"]
    if note is None:
        return when
    key = PROJECT_NOTES.get(note.strip())
    return f"{when} ({t(key, lang) if key else note.strip()})"


def retrieved_text(joined: str, lang: str) -> str:
    """The retrieval dates of a chart ('; '-joined, as `Chart.retrieved` holds them), each in
    the language, in order and without repeats."""
    shown = [format_retrieved(v, lang) for v in joined.split(SEPARATOR) if v.strip()]
    return SEPARATOR.join(dict.fromkeys(shown))
