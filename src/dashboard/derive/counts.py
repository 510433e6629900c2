"""Shares and rates with 95% intervals from each row's numerator and denominator.

An observation with a numerator and a positive denominator, no interval of its own and
not suppressed gets its value and interval from those counts, by its indicator's unit:
- a share (unit `percent`): x / n times the indicator's scale, Wilson score limits;
- a rate (unit `per_1000`): x / n times the scale, exact Poisson limits below 10 events
  and Byar's approximation from 10 (as PHE).
The method is written into the row's `ci_method`. A value the source printed is replaced
by the exact one; where they differ the note keeps the printed figure. A share whose
numerator exceeds its denominator (SCB perturbs small cells) cannot be a share: it is
emptied and flagged suppressed and inconsistent.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.derive.suppression import add_note, text, with_flag
from dashboard.stats import crude_rate, proportion

PROPORTION_UNITS = frozenset({"percent"})
RATE_UNITS = frozenset({"per_1000"})
CONFIDENCE = 0.95
FILLED = ("value", "ci_low", "ci_high", "ci_method", "flag", "note", "note_en", "note_sv")


def numbers(frame: pd.DataFrame, column: str) -> pd.Series:
    """A column as floats; empty or unreadable cells are NaN (validation names the latter)."""
    if column not in frame:
        return pd.Series(np.nan, index=frame.index)
    return pd.to_numeric(frame[column], errors="coerce").astype("float64")


def suppressed(frame: pd.DataFrame) -> pd.Series:
    """Rows already flagged 'suppressed' (by the source or an earlier step)."""
    return frame["flag"].map(lambda f: "suppressed" in text(f).split("|")).astype(bool)


def editable(observations: pd.DataFrame) -> pd.DataFrame:
    """A copy whose derived columns take floats and text alike (tidy CSVs arrive as text)."""
    obs = observations.copy()
    for column in FILLED:
        obs[column] = obs[column].astype(object) if column in obs else None
    return obs


def _printed(old: pd.Series, new: np.ndarray, lang: str) -> list[str]:
    said = {"en": "value computed from the counts; the source prints {}",
            "sv": "värdet beräknat ur antalen; källan anger {}"}[lang]
    return ["" if np.isnan(o) or np.isclose(o, v, rtol=1e-9, atol=0) else
            said.format(f"{o:g}" if lang == "en" else f"{o:g}".replace(".", ","))
            for o, v in zip(old.to_numpy(), new, strict=True)]


def from_counts(observations: pd.DataFrame, indicators: pd.DataFrame) -> pd.DataFrame:
    """The observations with shares and rates (and their intervals) derived from counts."""
    if observations.empty:
        return observations
    obs = editable(observations)
    unit = obs["indicator_id"].map(dict(zip(indicators["id"], indicators["unit"],
                                            strict=True)))
    scales = pd.to_numeric(indicators["scale"], errors="coerce")
    scale = obs["indicator_id"].map(dict(zip(indicators["id"], scales, strict=True)))
    scale = scale.astype("float64")
    x, n = numbers(obs, "numerator"), numbers(obs, "denominator")
    has_interval = numbers(obs, "ci_low").notna() | numbers(obs, "ci_high").notna()
    usable = x.notna() & (x >= 0) & (n > 0) & ~has_interval & ~suppressed(obs)
    share = usable & unit.isin(PROPORTION_UNITS)
    impossible = share & (x > n)
    share &= ~impossible
    rate = usable & unit.isin(RATE_UNITS)
    old = numbers(obs, "value")
    if share.any():
        shares = proportion(x[share], n[share], confidence=CONFIDENCE)
        # Wilson limits of 0/n and n/n are 0 and 1 up to rounding: hold them to the share.
        lower = np.minimum(np.clip(shares.lower, 0, 1), shares.value)
        upper = np.maximum(np.clip(shares.upper, 0, 1), shares.value)
        _fill(obs, share, old, shares.value * scale[share], lower * scale[share],
              upper * scale[share], np.full(int(share.sum()), "wilson", dtype=object))
    if rate.any():
        rates = crude_rate(x[rate], n[rate], confidence=CONFIDENCE, multiplier=1.0)
        _fill(obs, rate, old, rates.value * scale[rate], rates.lower * scale[rate],
              rates.upper * scale[rate], rates.method)
    if impossible.any():
        obs.loc[impossible, "value"] = np.nan
        obs.loc[impossible, "flag"] = with_flag(obs.loc[impossible, "flag"], "inconsistent",
                                                "suppressed")
        add_note(obs, impossible, "the numerator exceeds the denominator: no share",
                 "täljaren överstiger nämnaren: ingen andel")
    return obs


def _fill(obs: pd.DataFrame, mask: pd.Series, old: pd.Series, value: object, lower: object,
          upper: object, method: np.ndarray) -> None:
    value, lower, upper = (np.asarray(v, dtype=float) for v in (value, lower, upper))
    obs.loc[mask, "value"] = value
    obs.loc[mask, "ci_low"] = lower
    obs.loc[mask, "ci_high"] = upper
    named = method.copy()
    named[np.isnan(lower) & np.isnan(upper)] = None
    obs.loc[mask, "ci_method"] = named
    add_note(obs, mask, _printed(old[mask], value, "en"), _printed(old[mask], value, "sv"))
