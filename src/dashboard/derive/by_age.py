"""Directly standardised rates and life expectancy from counts that come by age band.

An indicator asks for this through its `ci_method` in the indicators table; its rows in
dimension `age` carry the events (numerator) and the population (denominator) of each band
of one area, period and sex:
- `dobson`: the bands must be the 2013 European Standard Population's, 19 (0-4, ..., 90+)
  or 21 (0, 1-4, ..., 95+); the total row (dimension and group `total`) becomes the
  directly standardised rate per the indicator's scale with Dobson limits;
- `chiang_ii`: the bands start at 0 and the last is open (85+); each band's row becomes the
  life expectancy at the start of the band (Chiang II life table, Silcocks' final
  interval) and the total row the life expectancy at birth.
Where PHE's rules withhold a figure (fewer than 10 events; a population of 5,000 or less;
an interval wider than 20 years) the row is emptied, flagged suppressed and says why. A
band that is suppressed or lacks its counts leaves the area's total empty and flagged.
"""

from __future__ import annotations

import re
from collections.abc import Hashable
from typing import Any

import numpy as np
import pandas as pd

from dashboard.core.problems import DatasetError, Problem
from dashboard.core.schema import TOTAL
from dashboard.derive.counts import CONFIDENCE, editable, numbers, suppressed
from dashboard.derive.suppression import note_values, text, with_flag
from dashboard.stats import life_expectancy, standardised_rate
from dashboard.stats.dsr import ESP2013, ESP2013_19, ESP2013_19_BANDS, ESP2013_BANDS

AGE = "age"
DOBSON = "dobson"
CHIANG = "chiang_ii"
STANDARDS: dict[tuple[str, ...], tuple[int, ...]] = {
    ESP2013_19_BANDS: ESP2013_19,
    ESP2013_BANDS: ESP2013,
}
BAND_RE = re.compile(r"^(\d+)(-\d+|\+)?$")
KEY = ["indicator_id", "area_code", "period", "sex"]


def _start(group: str) -> float:
    match = BAND_RE.match(group)
    return float(match.group(1)) if match else np.nan


def _refuse(name: str, key: tuple[Hashable, ...], message: str) -> DatasetError:
    where = " / ".join(str(k) for k in key)
    return DatasetError([Problem(f"observations of {name}", None, "group",
                                 f"{where}: {message}")])


def by_age(observations: pd.DataFrame, indicators: pd.DataFrame) -> pd.DataFrame:
    """The observations with standardised rates and life expectancies derived by age."""
    methods = {i: text(m) for i, m in zip(indicators["id"], indicators["ci_method"],
                                          strict=True)}
    wanted = observations["indicator_id"].map(methods).isin([DOBSON, CHIANG])
    if not wanted.any():
        return observations
    obs = editable(observations)
    scales = dict(zip(indicators["id"], pd.to_numeric(indicators["scale"], errors="coerce"),
                      strict=True))
    age_rows = obs[wanted & (obs["dimension"] == AGE)]
    added: list[dict[str, Any]] = []
    for key, part in age_rows.groupby(KEY, sort=False):
        bands = part.assign(_start=part["group"].map(_start)).sort_values("_start")
        if bands["_start"].isna().any():
            raise _refuse(str(key[0]), key, "age groups must read like 0, 1-4 or 85+ (got "
                                            f"{', '.join(part['group'])})")
        total = _total_row(obs, key, bands, added)
        if methods[str(key[0])] == DOBSON:
            _standardise(obs, key, bands, total, float(scales[key[0]]))
        else:
            _life_table(obs, key, bands, total)
    if added:
        obs = pd.concat([obs, pd.DataFrame(added, columns=obs.columns).astype(object)],
                        ignore_index=True)
    return obs


def _total_row(obs: pd.DataFrame, key: tuple[Hashable, ...], bands: pd.DataFrame,
               added: list[dict[str, Any]]) -> dict[str, Any]:
    """The key's total row to fill: the existing one, or a new one appended to `added`."""
    match = (obs[KEY] == pd.Series(key, index=KEY)).all(axis=1) \
        & (obs["dimension"] == TOTAL) & (obs["group"] == TOTAL)
    if match.any():
        return {"index": obs.index[match.to_numpy()][0]}
    first = bands.iloc[0]
    row = dict.fromkeys(obs.columns)
    row |= dict(zip(KEY, key, strict=True)) | {"dimension": TOTAL, "group": TOTAL,
                                               "source_id": first["source_id"]}
    added.append(row)
    return row


def _set(obs: pd.DataFrame, target: dict[str, Any], **values: Any) -> None:
    if "index" in target:
        for column, value in values.items():
            obs.at[target["index"], column] = value
    else:
        target.update(values)


# Why a life table is not reported (stats.life_table's reasons), in Swedish.
LIFE_TABLE_REASONS_SV = {
    "negative_deaths": "negativt antal döda",
    "population_not_positive": "befolkningen är inte större än noll",
    "deaths_exceed_population": "fler döda än befolkningen",
    "population_at_most_5000": "befolkningen är högst 5 000",
    "no_deaths_in_final_band": "inga döda i den sista åldersgruppen",
}


def _withhold(obs: pd.DataFrame, target: dict[str, Any], reason: tuple[str, str]) -> None:
    """Empty a row and flag it suppressed, saying why (in English and Swedish)."""
    current = obs.loc[target["index"]] if "index" in target else pd.Series(target)
    _set(obs, target, value=np.nan, ci_low=np.nan, ci_high=np.nan, ci_method=None,
         flag=with_flag(pd.Series([current["flag"]]), "suppressed")[0],
         **note_values(current, *reason))


def _counts(bands: pd.DataFrame
            ) -> tuple[np.ndarray, np.ndarray, tuple[str, str] | None]:
    x, n = numbers(bands, "numerator"), numbers(bands, "denominator")
    missing = suppressed(bands) | x.isna() | n.isna()
    if missing.any():
        names = ", ".join(bands.loc[missing, "group"])
        return x.to_numpy(), n.to_numpy(), (
            f"not derived: age band(s) {names} suppressed or without counts",
            f"inte beräknat: åldersgrupp(er) {names} undertryckta eller utan antal")
    return x.to_numpy(), n.to_numpy(), None


def _standardise(obs: pd.DataFrame, key: tuple[Hashable, ...], bands: pd.DataFrame,
                 total: dict[str, Any], scale: float) -> None:
    groups = tuple(bands["group"])
    if groups not in STANDARDS:
        raise _refuse(str(key[0]), key, f"age groups {', '.join(groups)} are not the European "
                                        "Standard Population's 19 (0-4, ..., 90+) or 21 (0, "
                                        "1-4, ..., 95+) bands a standardised rate needs")
    x, n, problem = _counts(bands)
    if problem is not None:
        _withhold(obs, total, problem)
        return
    got = standardised_rate(x, n, STANDARDS[groups], confidence=CONFIDENCE, multiplier=scale)
    if not got.reported:
        _withhold(obs, total, ("fewer than 10 events in all: no standardised rate",
                               "färre än 10 händelser totalt: ingen standardiserad kvot"))
        return
    _set(obs, total, value=got.value, ci_low=got.lower, ci_high=got.upper, ci_method=DOBSON,
         numerator=got.total_count, denominator=got.total_population)


def _life_table(obs: pd.DataFrame, key: tuple[Hashable, ...], bands: pd.DataFrame,
                total: dict[str, Any]) -> None:
    groups = list(bands["group"])
    if bands["_start"].iloc[0] != 0 or not groups[-1].endswith("+"):
        raise _refuse(str(key[0]), key, f"age groups {', '.join(groups)} must start at 0 and "
                                        "end with an open band (e.g. 85+) for a life table")
    x, n, problem = _counts(bands)
    if problem is not None:
        _withhold(obs, total, problem)
        return
    table = life_expectancy(x, n, bands["_start"].to_numpy(), confidence=CONFIDENCE)
    rows = [({"index": index}, band) for band, index in enumerate(bands.index)]
    for target, band in [*rows, (total, 0)]:
        if not table.reported:
            reason = str(table.reason)
            _withhold(obs, target, (f"no life table: {reason.replace('_', ' ')}",
                                    "ingen livslängdstabell: "
                                    + LIFE_TABLE_REASONS_SV.get(reason, reason)))
            continue
        _set(obs, target, value=table.value[band], se=table.se[band],
             ci_low=table.lower[band], ci_high=table.upper[band], ci_method=CHIANG)
        if table.withheld[band]:
            current = obs.loc[target["index"]] if "index" in target else pd.Series(target)
            _set(obs, target, flag=with_flag(pd.Series([current["flag"]]), "suppressed")[0],
                 **note_values(current, "withheld: the 95% interval is wider than 20 years",
                               "undanhållet: 95-procentsintervallet är bredare än 20 år"))
    _set(obs, total, numerator=float(x.sum()), denominator=float(n.sum()))
