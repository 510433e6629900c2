"""Questions the views ask of a dataset: what exists and what a view shows.

All functions are pure (dataset in, small frames or values out) and fast on boolean
masks, so callbacks stay well under the 50 ms budget.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import pandas as pd

from dashboard.core.schema import TOTAL
from dashboard.core.viewstate import ViewState
from dashboard.store.dataset import Dataset

SEX_PREFERENCE = (TOTAL, "male", "female")
LEVEL_PREFERENCE = ("stadsdel", "delomrade", "deso", "regso", "deso2025", "regso2025",
                    "stadsomrade", "geso", "skola")
REFERENCE_LEVELS = ("kommun", "riket")
CITY_LEVELS = ("kommun",)


def period_key(period: str) -> tuple[int, int, str]:
    """Sort key: by last year covered, then first year (multi-year means before single years)."""
    first = int(period[:4])
    last = int(period[5:9]) if len(period) == 9 and period[4] == "-" else first
    return last, first, period


@lru_cache(maxsize=256)
def indicator_info(ds: Dataset, indicator_id: str) -> dict[str, Any]:
    """The indicator's metadata row as a dict (cached; do not modify it)."""
    rows = ds.indicators[ds.indicators["id"] == indicator_id]
    if rows.empty:
        raise KeyError(indicator_id)
    return rows.iloc[0].to_dict()


@lru_cache(maxsize=8)
def _joined(ds: Dataset) -> tuple[pd.DataFrame, dict[str, pd.Index]]:
    """All observations with each area's name and level joined on, and each indicator's
    rows in it: one join for all, as a view's first call reads every indicator (cached)."""
    areas = ds.areas[["code", "name", "name_en", "level"]].rename(columns={"code": "area_code"})
    joined = ds.observations.merge(areas, on="area_code", how="left")
    return joined, {str(k): rows for k, rows in joined.groupby("indicator_id").groups.items()}


@lru_cache(maxsize=256)
def for_indicator(ds: Dataset, indicator_id: str) -> pd.DataFrame:
    """The indicator's observations with each area's name and level joined on (cached)."""
    joined, rows = _joined(ds)
    return joined.loc[rows.get(indicator_id, joined.index[:0])].reset_index(drop=True)


@lru_cache(maxsize=8)
def _levels_present(ds: Dataset) -> dict[str, frozenset[str]]:
    """indicator -> the levels of the areas it has observations for, in one pass over all
    observations (cached; a view asking for a level checks every indicator)."""
    levels = ds.observations["area_code"].map(dict(zip(ds.areas["code"], ds.areas["level"],
                                                       strict=True)))
    pairs = pd.DataFrame({"indicator": ds.observations["indicator_id"], "level": levels})
    pairs = pairs.dropna().drop_duplicates()
    return {str(i): frozenset(group["level"]) for i, group in pairs.groupby("indicator")}


def levels_with_data(ds: Dataset, indicator_id: str) -> list[str]:
    """Area levels (comparable units, not references) that have values of the indicator;
    an indicator given only for the city (e.g. a survey by education) has the city's level."""
    present = _levels_present(ds).get(indicator_id, frozenset())
    return [lvl for lvl in LEVEL_PREFERENCE if lvl in present] or \
        [lvl for lvl in CITY_LEVELS if lvl in present]


def options(ds: Dataset, indicator_id: str, level: str) -> dict[str, list]:
    """The periods, sexes and dimension/group pairs that have data for indicator and level."""
    obs = _selection(ds, indicator_id, level)
    groups = sorted(set(zip(obs["dimension"], obs["group"], strict=True)),
                    key=lambda dg: (dg[0] != TOTAL, dg))
    return {
        "periods": sorted(obs["period"].unique(), key=period_key),
        "sexes": [s for s in SEX_PREFERENCE if s in set(obs["sex"])],
        "groups": groups,
    }


@lru_cache(maxsize=256)
def split_options(ds: Dataset, indicator: str, level: str) -> list[str]:
    """Ways to break the indicator down into groups: 'sex' and each dimension with groups."""
    obs = _selection(ds, indicator, level)
    out = []
    if {"female", "male"} <= set(obs["sex"]):
        out.append("sex")
    dims = obs.loc[obs["dimension"] != TOTAL].groupby("dimension")["group"].nunique()
    out.extend(sorted(d for d, n in dims.items() if n >= 2))
    return out


@lru_cache(maxsize=64)
def composite_options(ds: Dataset, level: str) -> list[str]:
    """Indicators with a judgement that cover the level's areas well enough to be ranked."""
    out = []
    for row in ds.indicators.itertuples():
        if row.polarity == "none":
            continue
        obs = _selection(ds, row.id, level)
        obs = obs[obs["group"] == TOTAL]
        if not obs.empty and obs.groupby(["period", "sex"])["area_code"].nunique().max() >= \
                MIN_ORDERED_AREAS:
            out.append(row.id)
    return out


MIN_ORDERED_AREAS = 5


@lru_cache(maxsize=256)
def order_options(ds: Dataset, indicator: str, level: str) -> list[str]:
    """Indicators with a judgement that can rank this level's areas (five or more areas).

    Ranking areas by a social determinant (e.g. employment) turns them into an ordered
    dimension, for which the slope and concentration indices are defined.
    """
    out = []
    for row in ds.indicators.itertuples():
        if row.id == indicator or row.polarity == "none" or row.topic != "living_conditions":
            continue
        obs = _selection(ds, row.id, level)
        obs = obs[(obs["sex"] == TOTAL) & (obs["group"] == TOTAL)]
        if not obs.empty and obs.groupby("period")["area_code"].nunique().max() >= \
                MIN_ORDERED_AREAS:
            out.append(row.id)
    return out


@lru_cache(maxsize=256)
def ordering(ds: Dataset, state: ViewState) -> tuple[str, pd.Series] | None:
    """The order-by indicator's values (period nearest the view's) for the view's areas.

    Returns (period, values by area code) or None when the view has no ordering (cached).
    """
    if not state.order:
        return None
    obs = _selection(ds, state.order, state.level)
    obs = obs[(obs["sex"] == TOTAL) & (obs["group"] == TOTAL)]
    shown = set(view_values(ds, state)["area_code"])
    obs = obs[obs["area_code"].isin(shown)]
    if obs.empty:
        return None
    target = period_key(state.period)[0]
    counts = obs.groupby("period")["area_code"].nunique()
    period = min(counts.index, key=lambda p: (-counts[p], abs(period_key(p)[0] - target),
                                              -period_key(p)[0]))
    chosen = obs[obs["period"] == period]
    return period, chosen.set_index("area_code")["value"]


def _selection(ds: Dataset, indicator: str, level: str) -> pd.DataFrame:
    obs = for_indicator(ds, indicator)
    return obs[obs["level"] == level]


def _matching(obs: pd.DataFrame, state: ViewState) -> pd.DataFrame:
    return obs[(obs["period"] == state.period) & (obs["sex"] == state.sex)
               & (obs["dimension"] == state.dimension) & (obs["group"] == state.group)]


@lru_cache(maxsize=512)
def view_values(ds: Dataset, state: ViewState) -> pd.DataFrame:
    """One row per area at the view's level: value, limits, flag, note, source, name (cached;
    do not modify the frame returned)."""
    return _matching(_selection(ds, state.indicator, state.level), state).reset_index(drop=True)


@lru_cache(maxsize=512)
def reference_values(ds: Dataset, state: ViewState) -> pd.DataFrame:
    """The same choice for the city and the country (reference lines), where they exist."""
    obs = for_indicator(ds, state.indicator)
    return _matching(obs[obs["level"].isin(REFERENCE_LEVELS)], state).reset_index(drop=True)


@lru_cache(maxsize=256)
def values_by(ds: Dataset, state: ViewState, column: str) -> pd.DataFrame:
    """Areas x categories of `column` ('sex' or 'group') for the view, other choices fixed.

    Used for gaps between groups: one row per area, one column per category (cached).
    """
    obs = _selection(ds, state.indicator, state.level)
    obs = obs[obs["period"] == state.period]
    if column == "sex":
        obs = obs[(obs["dimension"] == state.dimension) & (obs["group"] == state.group)]
    else:
        obs = obs[(obs["sex"] == state.sex) & (obs["dimension"] == state.dimension)]
    first = obs.drop_duplicates(["area_code", column])
    return first.pivot(index="area_code", columns=column, values="value")


def sources_for(ds: Dataset, source_ids: list[str]) -> pd.DataFrame:
    """The source rows behind a set of observations, in a stable order."""
    return ds.sources[ds.sources["id"].isin(set(source_ids))].sort_values("id")


POPULATION_INDICATOR = "folkmangd"


@lru_cache(maxsize=8)
def _latest_population(ds: Dataset) -> dict[str, float]:
    obs = ds.observations
    pop = obs[(obs["indicator_id"] == POPULATION_INDICATOR) & (obs["sex"] == TOTAL)
              & (obs["group"] == TOTAL) & obs["value"].notna()]
    if pop.empty:
        return {}
    pop = pop.assign(_k=pop["period"].map(period_key))
    latest = pop.sort_values("_k").groupby("area_code").tail(1)
    return dict(zip(latest["area_code"], latest["value"], strict=True))


def population_weights(ds: Dataset, codes: list[str]) -> dict[str, float]:
    """The latest registered population of each area, for population-weighted measures."""
    latest = _latest_population(ds)
    return {c: latest[c] for c in codes if c in latest}


def is_single_year(period: str) -> bool:
    """A single calendar year (not a multi-year mean, a month or a date)."""
    return len(period) == 4 and period.isdigit()


_POINT = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def is_point_in_time(period: str) -> bool:
    """A year, a month or a date, which make a time series; a multi-year mean
    ('2006-2010') does not (it would be drawn twice)."""
    return bool(_POINT.fullmatch(period))


@lru_cache(maxsize=256)
def series(ds: Dataset, state: ViewState) -> pd.DataFrame:
    """Every period of the view's indicator/sex/dimension/group at its level and for the city
    (cached; do not modify the frame returned)."""
    obs = for_indicator(ds, state.indicator)
    obs = obs[obs["level"].isin((state.level, "kommun")) & (obs["sex"] == state.sex)
              & (obs["dimension"] == state.dimension) & (obs["group"] == state.group)]
    return obs.assign(_k=obs["period"].map(period_key)).sort_values("_k").drop(columns="_k")


def city_code(ds: Dataset) -> str | None:
    """The municipality the areas belong to (the reference for 'better/worse than Malmö')."""
    rows = ds.areas[ds.areas["level"] == "kommun"]
    return None if rows.empty else str(rows["code"].iloc[0])


def level_areas(ds: Dataset, level: str) -> list[str]:
    """Area codes of a level, in code order."""
    return sorted(ds.areas.loc[ds.areas["level"] == level, "code"])
