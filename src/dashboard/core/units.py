"""Units of measurement: their codes, the range a value may take and their labels.

The range is what loading checks a value against ("value outside its unit's range"); the
labels in both languages are in the text catalogue under `unit_<code>`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from dashboard.core.texts import t


@dataclass(frozen=True)
class Unit:
    """A unit code with its valid range (inclusive) and the decimals it is shown with."""

    code: str
    minimum: float
    maximum: float
    decimals: int


UNITS: dict[str, Unit] = {
    u.code: u
    for u in (
        Unit("years", 0.0, 130.0, 1),
        Unit("percent", 0.0, 100.0, 1),
        Unit("days_per_person", 0.0, 366.0, 1),
        Unit("per_1000", 0.0, 1000.0, 1),
        Unit("rank", 1.0, 1000.0, 0),
        Unit("mean_rank", 1.0, 1000.0, 1),
        Unit("index", -math.inf, math.inf, 1),
        Unit("persons", 0.0, math.inf, 0),
        Unit("persons_change", -math.inf, math.inf, 0),
        Unit("hectares", 0.0, math.inf, 0),
        Unit("sek_thousands", -math.inf, math.inf, 1),
        Unit("dwellings", 0.0, math.inf, 0),
        Unit("area_type", 1.0, 5.0, 0),
    )
}


def unit_label(code: str, lang: str) -> str:
    """The unit's label in `lang`; an unknown code warns (core.texts.UnknownTextKey)."""
    return t(f"unit_{code}", lang)

