"""The tidy data model as data: the tables of a dataset, their columns and keys.

A dataset is five long tables (design.md, "Data model"): observations, indicators,
areas, groups and sources. Loading checks every table against these specifications,
so the rules live in one place and the error messages can name the column.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

Kind = Literal["str", "float"]

SEXES = ("total", "female", "male")
POLARITIES = ("higher_better", "lower_better", "none")
AREA_LEVELS = (
    "riket",
    "lan",
    "kommun",
    "stadsomrade",
    "stadsdel",
    "geso",
    "delomrade",
    "regso",
    "deso",
    "deso2025",
    "regso2025",
    "skola",
)
FLAGS = (
    "suppressed",
    "provisional",
    "estimated",
    "inconsistent",
    "secondary",
    "rounded",
    "unsourced",
    "interpreted",
    "banded",
)
TOTAL = "total"
# How an observation's interval (ci_low, ci_high) was derived from counts (derive/):
# wilson     Wilson score interval of a proportion;
# exact      exact Poisson (chi-square) limits of a rate, used below 10 events;
# byars      Byar's approximation to the Poisson limits of a rate, from 10 events;
# dobson     Dobson's method for a directly standardised rate;
# chiang_ii  Chiang II life table with Silcocks' final interval (life expectancy).
CI_METHODS = ("wilson", "exact", "byars", "dobson", "chiang_ii")


@dataclass(frozen=True)
class Column:
    """One column: its type, whether a cell may be empty, and the values it may take.

    An `optional` column may be missing from a stored table (older stores predate it); it
    is then read as empty. A column with a `fallback` (a text in one language, such as
    `note_sv`) is read, where it is missing or empty, from that column (the one-language text
    older stores and other ingests carry).
    """

    name: str
    kind: Kind = "str"
    nullable: bool = False
    choices: tuple[str, ...] | None = None
    optional: bool = False
    fallback: str | None = None


@dataclass(frozen=True)
class TableSpec:
    """A table: its columns in order and the columns that together identify a row."""

    name: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)


OBSERVATIONS = TableSpec(
    "observations",
    (
        Column("indicator_id"),
        Column("area_code"),
        Column("period"),
        Column("sex", choices=SEXES),
        Column("dimension"),
        Column("group"),
        Column("value", "float", nullable=True),
        Column("se", "float", nullable=True),
        Column("ci_low", "float", nullable=True),
        Column("ci_high", "float", nullable=True),
        Column("ci_method", nullable=True, choices=CI_METHODS, optional=True),
        Column("numerator", "float", nullable=True),
        Column("denominator", "float", nullable=True),
        Column("population", "float", nullable=True),
        Column("flag", nullable=True),
        # A value published only as a band ("75-80"): `value` is the band's midpoint, kept
        # for ordering and colour; the band is what is shown (flag `banded`).
        Column("band_low", "float", nullable=True, optional=True),
        Column("band_high", "float", nullable=True, optional=True),
        Column("source_id"),
        Column("note", nullable=True),
        Column("note_sv", nullable=True, optional=True, fallback="note"),
        Column("note_en", nullable=True, optional=True, fallback="note"),
    ),
    ("indicator_id", "area_code", "period", "sex", "dimension", "group"),
)

INDICATORS = TableSpec(
    "indicators",
    (
        Column("id"),
        Column("topic"),
        Column("title_sv"),
        Column("title_en"),
        Column("definition_sv"),
        Column("definition_en"),
        Column("unit"),
        Column("polarity", choices=POLARITIES),
        Column("scale", "float"),
        Column("ci_method", nullable=True),  # dobson / chiang_ii: derived by age (derive/)
        Column("source_ids"),
        Column("caveats_sv", nullable=True),
        Column("caveats_en", nullable=True),
        Column("sentence_sv", nullable=True),
        Column("sentence_en", nullable=True),
    ),
    ("id",),
)

AREAS = TableSpec(
    "areas",
    (
        Column("code"),
        Column("name"),
        Column("name_en", nullable=True),
        Column("level", choices=AREA_LEVELS),
        Column("parent_code", nullable=True),
        Column("valid_from", nullable=True),
        Column("valid_to", nullable=True),
        Column("tile_x", "float", nullable=True),
        Column("tile_y", "float", nullable=True),
    ),
    ("code",),
)

GROUPS = TableSpec(
    "groups",
    (
        Column("dimension"),
        Column("group"),
        Column("label_sv"),
        Column("label_en"),
        Column("dimension_sv"),
        Column("dimension_en"),
        Column("order", "float", nullable=True),
    ),
    ("dimension", "group"),
)

SOURCES = TableSpec(
    "sources",
    (
        Column("id"),
        Column("publisher"),
        Column("title"),
        Column("url"),
        Column("licence"),
        Column("retrieved"),
        Column("notes", nullable=True),
        Column("licence_sv", nullable=True, optional=True, fallback="licence"),
        Column("licence_en", nullable=True, optional=True, fallback="licence"),
        Column("notes_sv", nullable=True, optional=True, fallback="notes"),
        Column("notes_en", nullable=True, optional=True, fallback="notes"),
    ),
    ("id",),
)


def in_language(row: Any, column: str, lang: str) -> str:
    """A row's `column` (note, notes, licence) in language `lang` (`note_sv`), else its
    one-language text (`note`; older stores and frames lack the language columns); '' if
    neither is given. `row` is a mapping (a record, a Series) or a named tuple."""
    for name in (f"{column}_{lang}", column):
        value = getattr(row, name, None) if isinstance(row, tuple) else row.get(name)
        if isinstance(value, str) and value:
            return value
    return ""


TABLES: dict[str, TableSpec] = {
    t.name: t for t in (OBSERVATIONS, INDICATORS, AREAS, GROUPS, SOURCES)
}
