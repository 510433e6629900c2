"""The project's indicators of Malmö today, computed from SCB's exports as SCB publishes them.

SCB's tables give counts, means, medians and shares per area in its own terms (read by
`ingest.scb_file` as indicators `scb_<table>_<statistic>` with groups). A recipe says how one
of the project's indicators is made from them: a value taken as it is (with the count it is
taken over, where SCB gives one), or a share of two sums of counts, kept as numerator and
denominator so the derive stage computes the share and its interval exactly.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import pandas as pd

from dashboard.core.schema import TOTAL

Part = tuple[str, str]  # (SCB indicator id, group); the group `total` is the table's total
Kind = Literal["value", "share"]


@dataclass(frozen=True)
class Recipe:
    """One project indicator from SCB's cells: `value` of `parts[0]` (with `over`, the count
    it is taken over), or the `share` (sum(parts) - sum(less)) / sum(over) in percent."""

    indicator: str
    kind: Kind
    parts: tuple[Part, ...]
    over: tuple[Part, ...] = ()
    less: tuple[Part, ...] = ()


def _t(matrix: str, statistic: str, group: str = TOTAL) -> Part:
    return f"scb_{matrix}_{statistic}", group


POP = "folkmangden_per_region"
EDUCATION = "befolkning_25_64_ar"
_EDUCATION_LEVELS = ("forgymnasial_utbildning", "gymnasial_utbildning",
                     "eftergymnasial_utbildning_mindre_an_3_ar",
                     "eftergymnasial_utbildning_3_ar_eller_mer",
                     "uppgift_om_utbildningsniva_saknas")
TENURE = ("hyresratt", "bostadsratt", "aganderatt", "uppgift_saknas")

# DeSO tables of 2022 (and the population of 2023): scb_deso_2022/ in the raw data.
DESO: tuple[Recipe, ...] = (
    Recipe("folkmangd", "value", (_t("000005FE", POP),)),
    Recipe("folkmangd", "value", (_t("000005FC", "folkmangden_per_region"),)),
    Recipe("median_nettoinkomst", "value", (_t("000005FM", "medianvarde_nettoinkomst"),),
           (_t("000005FM", "antal_personer_totalt_nettoinkomst"),)),
    Recipe("medel_nettoinkomst", "value", (_t("000005FM", "medelvarde_nettoinkomst"),),
           (_t("000005FM", "antal_personer_totalt_nettoinkomst"),)),
    Recipe("lag_ekonomisk_standard", "value", (_t("000006TA", "lag_ekonomisk_standard"),),
           (_t("000006TA", "antal_personer_totalt"),)),
    Recipe("eftergymnasial_utbildning", "share",
           tuple(_t("000005MO", EDUCATION, g) for g in _EDUCATION_LEVELS[2:4]),
           tuple(_t("000005MO", EDUCATION, g) for g in _EDUCATION_LEVELS)),
    Recipe("sysselsatta_16_64", "share", (_t("000007A8", "antal_sysselsatta_16_64_ar"),),
           (_t("000007A8", "antal_totalt_16_64_ar"),)),
    Recipe("utlandsk_bakgrund_andel", "share",
           (_t("000005FE", POP, "utlandsk_bakgrund"),), (_t("000005FE", POP),)),
    Recipe("fodda_i_utlandet_andel", "share",
           (_t("000005FB", POP, "europa_utom_sverige"),
            _t("000005FB", POP, "ovriga_varlden_inkl_uppgift_saknas")),
           (_t("000005FB", POP),)),
)

# RegSO tables 2020-2023: scb_regso_2020_2023/ (SCB's CSV exports, named by file).
_BORN = "scb_malmo_regso_foreign_born_antal"
_TENURE = "scb_malmo_regso_housing_tenure_antal"
REGSO: tuple[Recipe, ...] = (
    Recipe("folkmangd", "value", ((_BORN, TOTAL),)),
    Recipe("fodda_i_utlandet_andel", "share", ((_BORN, TOTAL),), ((_BORN, TOTAL),),
           ((_BORN, "sverige"),)),
    Recipe("medel_loneinkomst", "value",
           (("scb_malmo_regso_income_medelvarde_for_samtliga_loneinkomst", TOTAL),)),
    Recipe("hyresratt_andel", "share", ((_TENURE, "hyresratt"),),
           tuple((_TENURE, g) for g in TENURE)),
)
KEYS = ["area_code", "period", "sex"]


def _cells(values: pd.DataFrame, parts: tuple[Part, ...]) -> pd.Series:
    """The sum over `parts` per (area, period, sex); NaN where any part is missing."""
    total: pd.Series | None = None
    for indicator, group in parts:
        rows = values[(values["indicator_id"] == indicator) & (values["group"] == group)]
        if rows.empty:
            raise KeyError(f"{indicator} / {group}")
        series = rows.set_index(KEYS)["value"]
        total = series if total is None else total.add(series)
    assert total is not None
    return total


def apply(recipe: Recipe, values: pd.DataFrame) -> pd.DataFrame:
    """Observations (indicator, area, period, sex, value, numerator, denominator, source)."""
    indicator, group = recipe.parts[0]
    source = values[(values["indicator_id"] == indicator) & (values["group"] == group)
                    ].set_index(KEYS)["source_id"]
    first = _cells(values, recipe.parts)
    if recipe.kind == "value":
        out = pd.DataFrame({"value": first})
        if recipe.over:
            out["denominator"] = _cells(values, recipe.over)
    else:
        over = _cells(values, recipe.over)
        numerator = first - _cells(values, recipe.less) if recipe.less else first
        out = pd.DataFrame({"numerator": numerator, "denominator": over})
        out["value"] = 100 * out["numerator"] / out["denominator"]
    out["source_id"] = source.reindex(out.index)
    out = out.reset_index()
    out["indicator_id"] = recipe.indicator
    return out
