"""Suppression of small counts (design.md, "Small numbers"), before anything is stored.

A value of an indicator counted in persons, or a numerator, below the threshold is emptied
and the row flagged 'suppressed', so it is never stored, shown or exported. The value goes
with its numerator, standard error and interval (and the interval's method), as each would
reveal it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

SUPPRESS_BELOW = 5
COUNT_UNITS = frozenset({"persons"})
BLANKED = ("value", "numerator", "se", "ci_low", "ci_high")


def text(value: Any) -> str:
    """A cell as text; empty for None, NaN and NA."""
    return "" if value is None or (isinstance(value, float) and np.isnan(value)) \
        or value is pd.NA else str(value)


def with_flag(flags: pd.Series, *added: str) -> list[str]:
    """Each row's flags with the `added` ones (sorted, joined with '|')."""
    out = []
    for current in flags:
        parts = {p for p in text(current).split("|") if p}
        out.append("|".join(sorted(parts | set(added))))
    return out


def with_note(notes: pd.Series, note: str) -> list[str]:
    """Each row's note with `note` appended after '; '."""
    return [f"{text(n)}; {note}" if text(n) else note for n in notes]


# A row's note in each language: `note` (as the source or ingest gave it), `note_en` and
# `note_sv`; an empty language column means "as `note`" (core.schema, `fallback`).
NOTE_LANGUAGES = (("note", 0), ("note_en", 0), ("note_sv", 1))


def _joined(current: str, added: str) -> str | None:
    return f"{current}; {added}" if current and added else (current or added or None)


def note_values(row: Mapping[str, Any], en: str, sv: str) -> dict[str, str | None]:
    """One row's notes (`note`, `note_en`, `note_sv`) with `en` / `sv` appended after '; '."""
    base = text(row.get("note"))
    return {column: _joined(text(row.get(column)) or base, (en, sv)[which])
            for column, which in NOTE_LANGUAGES}


def add_note(obs: pd.DataFrame, mask: Any, en: str | Sequence[str],
             sv: str | Sequence[str]) -> None:
    """Append a note in English and Swedish to the `mask` rows (one text, or one per row)."""
    if "note" not in obs:
        obs["note"] = None
    for column, _ in NOTE_LANGUAGES:
        obs[column] = obs[column].astype(object) if column in obs else None
    count = int(np.count_nonzero(mask))
    words = [[w] * count if isinstance(w, str) else list(w) for w in (en, sv)]
    base = [text(n) for n in obs.loc[mask, "note"]]
    for column, which in NOTE_LANGUAGES:
        current = [text(n) or b for n, b in zip(obs.loc[mask, column], base, strict=True)]
        obs.loc[mask, column] = pd.Series(
            [_joined(c, w) for c, w in zip(current, words[which], strict=True)],
            index=obs.index[np.asarray(mask, dtype=bool)], dtype=object)


def suppress_small_counts(observations: pd.DataFrame, indicators: pd.DataFrame,
                          threshold: float = SUPPRESS_BELOW) -> tuple[pd.DataFrame, int]:
    """Empty counts and numerators below `threshold`; return the table and how many rows."""
    if observations.empty:
        return observations, 0
    units = dict(zip(indicators["id"], indicators["unit"], strict=True))
    obs = observations.copy()
    for column in BLANKED:
        obs[column] = pd.to_numeric(obs[column], errors="coerce").astype("float64")
    is_count = obs["indicator_id"].map(lambda i: units.get(i) in COUNT_UNITS).astype(bool)
    small_count = is_count & (obs["value"] < threshold)
    small_numerator = obs["numerator"] < threshold
    mask = (small_count | small_numerator).to_numpy()
    if not mask.any():
        return observations, 0
    obs.loc[mask, list(BLANKED)] = np.nan
    if "ci_method" in obs:
        obs["ci_method"] = obs["ci_method"].astype(object)
        obs.loc[mask, "ci_method"] = None
    obs["flag"] = obs["flag"].astype(object)
    obs.loc[mask, "flag"] = with_flag(obs.loc[mask, "flag"], "suppressed")
    add_note(obs, mask, f"fewer than {threshold:g}: suppressed before storing",
             f"färre än {threshold:g}: undertryckt före lagring".replace(".", ","))
    return obs, int(mask.sum())
