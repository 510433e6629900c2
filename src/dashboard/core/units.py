"""Units of measurement: their labels in both languages and the range a value may take.

The range is what loading checks a value against ("value outside its unit's range").
"""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class Unit:
    """A unit code with its labels and valid range (inclusive)."""

    code: str
    sv: str
    en: str
    minimum: float
    maximum: float
    decimals: int


UNITS: dict[str, Unit] = {
    u.code: u
    for u in (
        Unit("years", "år", "years", 0.0, 130.0, 1),
        Unit("percent", "%", "%", 0.0, 100.0, 1),
        Unit("days_per_person", "dagar per person", "days per person", 0.0, 366.0, 1),
        Unit("per_1000", "per 1 000 invånare", "per 1,000 residents", 0.0, 1000.0, 1),
        Unit("rank", "placering", "position", 1.0, 1000.0, 0),
        Unit("mean_rank", "medelrang", "mean rank", 1.0, 1000.0, 1),
        Unit("index", "index", "index", -math.inf, math.inf, 1),
        Unit("persons", "personer", "persons", 0.0, math.inf, 0),
        Unit("persons_change", "personer", "persons", -math.inf, math.inf, 0),
        Unit("hectares", "hektar", "hectares", 0.0, math.inf, 0),
    )
}


def unit_label(code: str, lang: str) -> str:
    """The unit's label in `lang` ('sv' or 'en'); the code itself when unknown."""
    unit = UNITS.get(code)
    if unit is None:
        return code
    return unit.sv if lang == "sv" else unit.en
