"""Overview: areas x indicators, each cell coloured against Malmö (better / similar / worse).

The comparison follows the polarity of the indicator. Where both the area and Malmö have
95% confidence intervals, a difference counts when the intervals do not overlap (as in
England's Fingertips); where they do not (the welfare-report figures have none), a stated
rule is used: a difference of more than half the standard deviation between the areas,
which adapts to each indicator's scale (a 5%-of-Malmö rule would call a four-year gap in
life expectancy "similar"). Each cell also shows the direction since the previous year.

Every judgement is made for all areas of a level at once (one pass per indicator, cached per
dataset), so that the 5,984 DeSO of Sweden cost what ten districts do. With few areas the
table has indicators as rows and areas as columns (`overview_rows`); with many, areas as
rows, sorted, filtered and cut into pages (`area_table`), so a page holds a few hundred
cells however many areas there are.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
import pandas as pd

from dashboard.core.i18n import format_number, format_period
from dashboard.core.schema import TOTAL
from dashboard.core.texts import t
from dashboard.core.units import UNITS
from dashboard.core.viewstate import ViewState
from dashboard.figures.labels import area_names, published_decimals
from dashboard.store import query
from dashboard.store.dataset import Dataset

SD_THRESHOLD = 0.5
# The judgement as a symbol as well as a colour (WCAG 2.1 1.4.1, use of colour): drawn apart
# from the number so it is not read as its sign; no judgement and no value have none.
SYMBOLS = {"better": "+", "similar": "≈", "worse": "−", "neutral": "", "missing": ""}
# SCB's socioeconomic area type (1-5) of each RegSO and DeSO, as the indicator ingest names it.
AREA_TYPE = "socioekonomisk_omradestyp"
# Above this many areas the overview turns: areas as rows, cut into pages of these sizes.
MAX_AREA_COLUMNS = 12
PAGE_SIZES = (25, 50, 100)
NAME_SORT = "name"


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


def compare_all(values: np.ndarray, ci_low: np.ndarray, ci_high: np.ndarray, city: float,
                city_ci: tuple[float, float], polarity: str, threshold: float) -> np.ndarray:
    """`compare` for every area at once; 'missing' where an area has no value, 'neutral'
    where the indicator has no judgement or the city no value."""
    out = np.full(len(values), "neutral", dtype=object)
    if polarity != "none" and not math.isnan(city):
        city_has_ci = not any(math.isnan(x) for x in city_ci)
        with_ci = ~(np.isnan(ci_low) | np.isnan(ci_high)) & city_has_ci
        above, below = ci_low > city_ci[1], ci_high < city_ci[0]
        differs = np.where(with_ci, above | below, np.abs(values - city) > threshold)
        higher = np.where(with_ci, above, values > city)
        good = higher == (polarity == "higher_better")
        out = np.where(differs, np.where(good, "better", "worse"), "similar").astype(object)
    out[np.isnan(values)] = "missing"
    return out


def _single_years(periods: pd.Series) -> pd.Series:
    return periods.str.fullmatch(r"\d{4}").fillna(False).astype(bool)


def _latest(obs: pd.DataFrame, min_areas: int) -> str | None:
    counts = obs.groupby("period")["area_code"].nunique()
    counts = counts[counts >= min_areas]
    if counts.empty:
        return None
    return max(counts.index, key=query.period_key)


def _trends(at_level: pd.DataFrame, period: str) -> pd.Series:
    """Each area's direction from its previous single year with a value to `period`
    (↑ ↓ →), for all areas at once; areas without an earlier year are left out."""
    if not query.is_point_in_time(period):
        return pd.Series(dtype=object)
    years = at_level[_single_years(at_level["period"]) & (at_level["period"] <= period)]
    years = years.dropna(subset=["value"]).sort_values(["area_code", "period"])
    before = years.groupby("area_code")["value"].shift(1)
    keep = (years["period"] == period) & before.notna()
    change = (years["value"] - before)[keep].to_numpy(float)
    arrows = np.where(change > 0, "↑", np.where(change < 0, "↓", "→"))
    return pd.Series(arrows, index=years.loc[keep, "area_code"].to_numpy(), dtype=object)


@dataclass(frozen=True)
class Column:
    """One indicator (one sex where it has no total) as the table shows it: its latest
    period with values for at least half of the level's areas and Malmö's value then."""

    key: str  # the indicator id, or '<id>:<sex>'
    indicator: str
    sex: str
    label: str
    period: str
    city: str
    decimals: int


@dataclass(frozen=True, eq=False)
class Judged:
    """Every area of a level against the city, for every indicator: arrays with one row per
    area of `codes` (code order) and one column per entry of `columns`."""

    codes: pd.Index
    columns: tuple[Column, ...]
    value: np.ndarray
    status: np.ndarray
    trend: np.ndarray
    flagged: np.ndarray
    names: pd.Series
    parents: pd.Series
    parent_names: tuple[tuple[str, str], ...]
    area_type: pd.Series
    left_out: tuple[str, ...]
    search: pd.Series = field(repr=False)


def _area_types(ds: Dataset, codes: pd.Index) -> pd.Series:
    """SCB's socioeconomic area type (1-5) of each area, latest period (NaN if none)."""
    obs = ds.observations[(ds.observations["indicator_id"] == AREA_TYPE)
                          & ds.observations["area_code"].isin(codes)].dropna(subset=["value"])
    if obs.empty:
        return pd.Series(np.nan, index=codes)
    obs = obs.assign(_k=obs["period"].map(query.period_key)).sort_values("_k")
    return obs.groupby("area_code")["value"].last().reindex(codes)


@lru_cache(maxsize=16)
def judged(ds: Dataset, lang: str, level: str) -> Judged:
    """The overview of a level, judged for all its areas in one pass per indicator (cached
    per dataset: a dataset is immutable and hashes by identity)."""
    index = pd.Index(query.level_areas(ds, level))
    city = query.city_code(ds)
    columns: list[Column] = []
    frames: dict[str, dict[str, object]] = {"value": {}, "status": {}, "trend": {},
                                           "flagged": {}}
    left_out: list[str] = []
    for info in ds.indicators.sort_values(["topic", f"title_{lang}"]).itertuples():
        before = len(columns)
        obs = query.for_indicator(ds, info.id)
        obs = obs[(obs["dimension"] == TOTAL) & (obs["group"] == TOTAL)]
        sexes = [TOTAL] if (obs["sex"] == TOTAL).any() else ["female", "male"]
        unit = UNITS.get(info.unit)
        decimals = published_decimals(ds, info.id, level, unit.decimals if unit else 1)
        for sex in sexes:
            at_level = obs[(obs["sex"] == sex) & (obs["level"] == level)]
            period = _latest(at_level, max(2, len(index) // 2))
            if period is None:
                continue
            now = at_level[at_level["period"] == period].drop_duplicates("area_code")
            now = now.set_index("area_code").reindex(index)
            ref = obs[(obs["sex"] == sex) & (obs["area_code"] == city)
                      & (obs["period"] == period)]
            city_value = float(ref["value"].iloc[0]) if len(ref) else math.nan
            city_ci = (float(ref["ci_low"].iloc[0]), float(ref["ci_high"].iloc[0])) \
                if len(ref) else (math.nan, math.nan)
            values = now["value"].to_numpy(float)
            threshold = SD_THRESHOLD * float(np.nanstd(values))
            key = info.id if sex == TOTAL else f"{info.id}:{sex}"
            frames["value"][key] = values
            frames["status"][key] = compare_all(
                values, now["ci_low"].to_numpy(float), now["ci_high"].to_numpy(float),
                city_value, city_ci, info.polarity, threshold)
            frames["trend"][key] = _trends(at_level, period).reindex(index).fillna("")
            frames["flagged"][key] = (now["flag"].fillna("") != "").to_numpy(bool)
            label = str(getattr(info, f"title_{lang}"))
            if sex != TOTAL:
                label = f"{label}, {t('who_' + sex, lang)}"
            columns.append(Column(key, info.id, sex, label, format_period(period),
                                  format_number(city_value, lang, decimals), decimals))
        if len(columns) == before:
            left_out.append(str(getattr(info, f"title_{lang}")))
    names = pd.Series(area_names(ds, list(index), lang)).reindex(index).fillna("")
    parents = ds.areas.set_index("code")["parent_code"].reindex(index)
    parent_codes = sorted(set(parents.dropna()))
    parent_names = area_names(ds, parent_codes, lang)
    by_name = tuple(sorted(((c, str(parent_names.get(c, c))) for c in parent_codes),
                           key=lambda p: p[1].casefold()))

    def stacked(kind: str, dtype: type) -> np.ndarray:
        arrays: list[np.ndarray] = [np.asarray(frames[kind][c.key], dtype=dtype)
                                    for c in columns]
        return np.column_stack(arrays) if arrays else np.empty((len(index), 0), dtype=dtype)

    return Judged(index, tuple(columns), stacked("value", float), stacked("status", object),
                  stacked("trend", object), stacked("flagged", bool), names, parents, by_name,
                  _area_types(ds, index), tuple(left_out),
                  (names + " " + pd.Series(index, index=index)).str.casefold())


def _cell(judge: Judged, i: int, j: int, lang: str) -> Cell:
    """The cell of area `i` and column `j`."""
    code = str(judge.codes[i])
    status = str(judge.status[i, j])
    if status == "missing":
        return Cell(code, "–", "missing", "", t("no_data", lang))
    text = format_number(float(judge.value[i, j]), lang, judge.columns[j].decimals)
    flag = " ⚑" if judge.flagged[i, j] else ""
    return Cell(code, text + flag, status, str(judge.trend[i, j]),
                f"{judge.names.iloc[i]}: {text} ({t('status_' + status, lang)})")


def overview_rows(ds: Dataset, state: ViewState) -> tuple[list[tuple[str, str]], list[Row]]:
    """(area code, name) columns and one row per indicator (and sex where no total)."""
    judge = judged(ds, state.lang, state.level)
    rows = [Row(c.indicator, c.sex, c.label, c.period, c.city,
                tuple(_cell(judge, i, j, state.lang) for i in range(len(judge.codes))))
            for j, c in enumerate(judge.columns)]
    return [(str(c), str(judge.names.iloc[i])) for i, c in enumerate(judge.codes)], rows


def overview_left_out(ds: Dataset, state: ViewState) -> list[str]:
    """The titles of the indicators without a row: no period has values for at least half
    of the level's areas."""
    return list(judged(ds, state.lang, state.level).left_out)


def many_areas(ds: Dataset, level: str) -> bool:
    """Whether the level has too many areas to stand as columns."""
    return len(query.level_areas(ds, level)) > MAX_AREA_COLUMNS


@dataclass(frozen=True)
class AreaRow:
    """One area of a page of the table, its cells in the order of the columns."""

    code: str
    name: str
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class AreaTable:
    """One page of the areas-as-rows table and what it was cut from: `matched` areas pass
    the filters, of `total` at the level; `sort` is a column key or 'name', with a leading
    '-' when descending; `first` is the number of the page's first row (1-based)."""

    columns: tuple[Column, ...]
    rows: tuple[AreaRow, ...]
    total: int
    matched: int
    page: int
    pages: int
    size: int
    first: int
    sort: str
    parents: tuple[tuple[str, str], ...]
    has_types: bool
    left_out: tuple[str, ...]


def _order(judge: Judged, keep: np.ndarray, sort: str) -> np.ndarray:
    """The positions of the kept areas, sorted by name or a column (missing values last)."""
    key = sort.lstrip("-")
    if key == NAME_SORT:
        order = judge.names.str.casefold().to_numpy()[keep]
    else:
        order = judge.value[keep, [c.key for c in judge.columns].index(key)]
    ranked = pd.Series(order).sort_values(ascending=not sort.startswith("-"),
                                          na_position="last", kind="stable")
    return np.flatnonzero(keep)[ranked.index.to_numpy()]


def area_table(ds: Dataset, state: ViewState) -> AreaTable:
    """The page of areas the view asks for: filtered by parent area, SCB's area type and
    a text found in the name or code, sorted by name or any column, cut into pages."""
    return _area_table(ds, state.lang, state.level, state.oparent, state.otype, state.ofind,
                       state.osort, state.osize, state.opage)


@lru_cache(maxsize=64)
def _area_table(ds: Dataset, lang: str, level: str, parent: str, area_type: str, find: str,
                sort: str, size_text: str, page_text: str) -> AreaTable:
    judge = judged(ds, lang, level)
    keep = np.ones(len(judge.codes), dtype=bool)
    if parent:
        keep &= (judge.parents == parent).to_numpy()
    if area_type:
        keep &= (judge.area_type == float(area_type)).to_numpy()
    if find:
        keep &= judge.search.str.contains(find.casefold(), regex=False).to_numpy()
    keys = {c.key for c in judge.columns} | {NAME_SORT}
    sort = sort if sort.lstrip("-") in keys else NAME_SORT
    chosen = _order(judge, keep, sort)
    size = int(size_text) if size_text else PAGE_SIZES[0]
    pages = max(1, math.ceil(len(chosen) / size))
    page = min(int(page_text or 1), pages)
    rows = tuple(AreaRow(str(judge.codes[i]), str(judge.names.iloc[i]),
                         tuple(_cell(judge, i, j, lang) for j in range(len(judge.columns))))
                 for i in chosen[(page - 1) * size: page * size])
    return AreaTable(judge.columns, rows, len(judge.codes), len(chosen), page, pages, size,
                     (page - 1) * size + 1, sort, judge.parent_names,
                     bool(judge.area_type.notna().any()), judge.left_out)
