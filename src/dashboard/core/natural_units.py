"""What a gap in an indicator amounts to in things that can be counted, and what one of them
is worth: the one table of natural units, and the cited money values per unit.

A gap in a share (percent) is a number of people: the gap in percentage points times the
people the share is of. A gap in a rate per person (sickness days per insured person) is a
number of days. A gap in life expectancy at birth is read as life-years lost per year: in a
stationary population the yearly number of deaths is the population divided by the life
expectancy (Preston, Heuveline & Guillot, *Demography: Measuring and Modeling Population
Processes*, Blackwell 2001, section 3.5), and each of those deaths comes the gap earlier.

The money values per unit are read from `data/economics/unit_values.csv`, each with its
source; a unit without a citable value has none, and the view asks the user for one.
"""

from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass
from functools import cache
from importlib import resources

# How a gap turns into units: percentage points of a base, a rate per person, per 1,000
# people, or life expectancy (years) read as life-years per year.
CONVERSIONS = ("share", "per_person", "per_1000", "life_expectancy")


@dataclass(frozen=True)
class NaturalUnit:
    """The countable unit a gap in `indicator` amounts to: `kind` names it (a text key
    suffix), `conversion` says how, `money` names its row of money values ('' for none)."""

    indicator: str
    kind: str
    conversion: str
    money: str = ""


UNITS: tuple[NaturalUnit, ...] = (
    NaturalUnit("medellivslangd_vid_fodelsen", "life_years", "life_expectancy", "life_year"),
    NaturalUnit("ohalsotal", "sickness_days", "per_person", "sickness_day"),
    NaturalUnit("forvarvsfrekvens", "not_employed", "share", "employed_person_year"),
    NaturalUnit("sysselsatta_16_64", "not_employed", "share", "employed_person_year"),
    NaturalUnit("lag_ekonomisk_standard", "low_standard", "share", "low_standard_person_year"),
    NaturalUnit("barnfattigdom", "children_poor", "share"),
    NaturalUnit("vaccination_covid19_dos1", "unvaccinated", "share", "vaccinated_adult"),
    NaturalUnit("vaccination_covid19_dos2", "unvaccinated", "share", "vaccinated_adult"),
    NaturalUnit("vaccination_covid19_dos3", "unvaccinated", "share", "vaccinated_adult"),
    NaturalUnit("behorighet_gymnasieskolan", "not_eligible", "share"),
    NaturalUnit("eftergymnasial_utbildning", "no_post_secondary", "share"),
    NaturalUnit("skadeincidens_olycksfall", "injuries", "per_1000"),
)
BY_INDICATOR = {u.indicator: u for u in UNITS}


def unit_for(indicator: str) -> NaturalUnit | None:
    """The natural unit of an indicator's gap, or None where none is declared."""
    return BY_INDICATOR.get(indicator)


@dataclass(frozen=True)
class UnitValue:
    """A money value per unit (NaN: none citable) with its range where the source gives
    one, the price year and the source."""

    unit: str
    value: float
    low: float
    high: float
    currency: str
    price_year: str
    publisher: str
    title: str
    year: str
    url: str
    locator: str
    note_sv: str
    note_en: str

    @property
    def known(self) -> bool:
        """Whether a citable value exists."""
        return math.isfinite(self.value)

    def note(self, lang: str) -> str:
        """The note in `lang`."""
        return self.note_en if lang == "en" else self.note_sv


def _number(text: str) -> float:
    return float(text) if text.strip() else float("nan")


@cache
def unit_values() -> dict[str, UnitValue]:
    """Every cited money value per unit (and the discount rate), by unit."""
    path = resources.files("dashboard") / "data" / "economics" / "unit_values.csv"
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    return {r["unit"]: UnitValue(r["unit"], _number(r["value"]), _number(r["low"]),
                                 _number(r["high"]), r["currency"], r["price_year"],
                                 r["publisher"], r["title"], r["year"], r["url"], r["locator"],
                                 r["note_sv"], r["note_en"]) for r in rows}
