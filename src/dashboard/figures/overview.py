"""Overview: areas x indicators, each cell coloured against Malmö (better / similar / worse).

The comparison follows the polarity of the indicator. Where both the area and Malmö have
95% confidence intervals, a difference counts when the intervals do not overlap (as in
England's Fingertips); where they do not (the welfare-report figures have none), a stated
rule is used: a difference of more than half the standard deviation between the areas,
which adapts to each indicator's scale (a 5%-of-Malmö rule would call a four-year gap in
life expectancy "similar"). Each cell also shows the direction since the previous year.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from dashboard.core.i18n import format_number, format_period
from dashboard.core.schema import TOTAL
from dashboard.core.texts import t
from dashboard.core.units import UNITS
from dashboard.core.viewstate import ViewState
from dashboard.figures.labels import area_names
from dashboard.store import query
from dashboard.store.dataset import Dataset

SD_THRESHOLD = 0.5


@dataclass(frozen=True)
class Cell:
    """One area's latest value of one indicator, judged against the city."""

    area: str
    value: str
    status: str  # better | similar | worse | neutral | missing
    trend: str  # ↑ ↓ → or ''
    title: str


@dataclass(frozen=True)
class Row:
    indicator: str
    sex: str
    label: str
    period: str
    city: str
    cells: tuple[Cell, ...]


def compare(value: float, ci: tuple[float, float], city: float, city_ci: tuple[float, float],
            polarity: str, threshold: float) -> str:
    """better / similar / worse against the city: by CIs when both have them, else by
    whether the difference exceeds `threshold` (half the between-area SD)."""
    if polarity == "none":
        return "neutral"
    if not any(math.isnan(x) for x in (*ci, *city_ci)):
        if ci[0] > city_ci[1]:
            higher = True
        elif ci[1] < city_ci[0]:
            higher = False
        else:
            return "similar"
    elif not abs(value - city) > threshold:
        return "similar"
    else:
        higher = value > city
    return "better" if higher == (polarity == "higher_better") else "worse"


def _latest(obs: pd.DataFrame, min_areas: int) -> str | None:
    counts = obs.groupby("period")["area_code"].nunique()
    counts = counts[counts >= min_areas]
    if counts.empty:
        return None
    return max(counts.index, key=query.period_key)


def _trends(at_level: pd.DataFrame, period: str) -> dict[str, str]:
    """Each area's direction from the previous single year to `period` (↑ ↓ →)."""
    if not query.is_single_year(period):
        return {}
    years = at_level[at_level["period"].map(query.is_single_year)
                     & (at_level["period"] <= period)].dropna(subset=["value"])
    wide = years.pivot_table(index="area_code", columns="period", values="value",
                             aggfunc="first")
    out = {}
    for code, series in wide.iterrows():
        present = series.dropna()
        if len(present) >= 2 and present.index[-1] == period:
            change = present.iloc[-1] - present.iloc[-2]
            out[code] = "→" if change == 0 else ("↑" if change > 0 else "↓")
    return out


def overview_rows(ds: Dataset, state: ViewState) -> tuple[list[tuple[str, str]], list[Row]]:
    """(area code, name) columns and one row per indicator (and sex where no total)."""
    areas, rows, _ = _overview(ds, state.lang, state.level)
    return areas, rows


def overview_left_out(ds: Dataset, state: ViewState) -> list[str]:
    """The titles of the indicators without a row: no period has values for at least half
    of the level's areas."""
    return _overview(ds, state.lang, state.level)[2]


@lru_cache(maxsize=32)
def _overview(ds: Dataset, lang: str, level: str
              ) -> tuple[list[tuple[str, str]], list[Row], list[str]]:
    codes = query.level_areas(ds, level)
    names = area_names(ds, codes, lang)
    city = query.city_code(ds)
    rows: list[Row] = []
    left_out: list[str] = []
    for info in ds.indicators.sort_values(["topic", f"title_{lang}"]).itertuples():
        before = len(rows)
        obs = query.for_indicator(ds, info.id)
        obs = obs[(obs["dimension"] == TOTAL) & (obs["group"] == TOTAL)]
        sexes = [TOTAL] if TOTAL in set(obs["sex"]) else ["female", "male"]
        unit = UNITS.get(info.unit)
        decimals = unit.decimals if unit else 1
        for sex in sexes:
            at_level = obs[(obs["sex"] == sex) & (obs["level"] == level)]
            period = _latest(at_level, max(2, len(codes) // 2))
            if period is None:
                continue
            now = at_level[at_level["period"] == period].set_index("area_code")
            ref = obs[(obs["sex"] == sex) & (obs["area_code"] == city)
                      & (obs["period"] == period)]
            city_value = float(ref["value"].iloc[0]) if len(ref) else math.nan
            city_ci = (float(ref["ci_low"].iloc[0]), float(ref["ci_high"].iloc[0])) \
                if len(ref) else (math.nan, math.nan)
            threshold = SD_THRESHOLD * float(now["value"].std(ddof=0))
            trends = _trends(at_level, period)
            records = now.to_dict("index")
            cells = []
            for code in codes:
                row = records.get(code)
                if row is None or math.isnan(row["value"]):
                    cells.append(Cell(code, "–", "missing", "", t("no_data", lang)))
                    continue
                status = "neutral" if math.isnan(city_value) and info.polarity != "none" \
                    else compare(row["value"], (row["ci_low"], row["ci_high"]), city_value,
                                 city_ci, info.polarity, threshold)
                trend = trends.get(code, "")
                text = format_number(row["value"], lang, decimals)
                flag = isinstance(row["flag"], str) and bool(row["flag"])
                cells.append(Cell(code, text + (" ⚑" if flag else ""), status, trend,
                                  f"{names[code]}: {text} ({t('status_' + status, lang)})"))
            label = getattr(info, f"title_{lang}")
            if sex != TOTAL:
                label = f"{label}, {t('who_' + sex, lang)}"
            rows.append(Row(info.id, sex, label, format_period(period),
                            format_number(city_value, lang, decimals), tuple(cells)))
        if len(rows) == before:
            left_out.append(str(getattr(info, f"title_{lang}")))
    return [(c, names[c]) for c in codes], rows, left_out

