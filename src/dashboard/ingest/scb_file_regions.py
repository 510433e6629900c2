"""Region labels of an SCB export as area codes and levels, and the areas they add.

A label is a code (SCB's shapes below, the first word of "1280 Malmö" or "1280C1010
Malmö"), "Riket"/"Sverige", or a name as SCB's CSV exports write it ("Malmö (RegSO-Almvik
norr-Lindängen norr)"), which is looked up among the areas the store already knows: the
whole label, the name in brackets, and that name without its "RegSO-"/"DeSO-" prefix, at
the level the prefix names. Codes of the 2025 divisions keep SCB's suffix (`_DeSO2025`,
`_RegSO2025`) and have levels of their own. Every area a file names becomes usable: a new
area gets its parents (kommun = first four characters, län = first two, riket "00") where
the store lacks them, named by the label's name ("0114 Upplands Väsby") or else by the code.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence

import pandas as pd

from dashboard.core.schema import AREAS

SHAPES = (
    ("deso2025", re.compile(r"^\d{4}[A-C]\d{4}_DeSO2025$")),
    ("regso2025", re.compile(r"^\d{4}R\d{3}_RegSO2025$")),
    ("deso", re.compile(r"^\d{4}[A-C]\d{4}$")),
    ("regso", re.compile(r"^\d{4}R\d{3}$")),
    ("kommun", re.compile(r"^\d{4}$")),
    ("lan", re.compile(r"^\d{2}$")),
)
RIKET = "00"
RIKET_NAMES = {"riket", "sverige", "hela landet"}
BRACKET_RE = re.compile(r"^(?P<outer>.*?)\s*\((?P<inner>[^()]*)\)\s*$")
PREFIX_RE = re.compile(r"^(?P<kind>RegSO|DeSO)-(?P<name>.+)$", re.IGNORECASE)
LEVEL_OF_PREFIX: dict[str, tuple[str, ...]] = {"regso": ("regso", "regso2025"),
                                               "deso": ("deso", "deso2025")}


def code_level(code: str) -> str | None:
    """The level of an SCB region code by its shape, None if it has none."""
    if code == RIKET:
        return "riket"
    return next((level for level, shape in SHAPES if shape.match(code)), None)


def _key(text: str) -> str:
    return unicodedata.normalize("NFC", " ".join(str(text).split())).casefold()


class NameIndex:
    """The store's areas by name (Swedish and English), for labels that are not codes."""

    def __init__(self, areas: pd.DataFrame):
        self.levels = dict(zip(areas["code"].astype(str), areas["level"].astype(str),
                               strict=True))
        self.names = dict(zip(areas["code"].astype(str), areas["name"].astype(str),
                              strict=True))
        self.parents = dict(zip(areas["code"].astype(str), areas["parent_code"], strict=True))
        self.by_name: dict[str, list[str]] = {}
        for column in ("name", "name_en"):
            if column not in areas:
                continue
            for code, name in zip(areas["code"].astype(str), areas[column], strict=True):
                if isinstance(name, str) and name.strip():
                    codes = self.by_name.setdefault(_key(name), [])
                    if code not in codes:
                        codes.append(code)

    def find(self, label: str) -> tuple[str | None, str]:
        """(code, '') for a label naming one known area, else (None, why not). A label whose
        brackets carry SCB's "RegSO-"/"DeSO-" prefix matches only areas of that level, so a
        delområde that shares a RegSO's name is never taken for it."""
        candidates = [label]
        outer = ""
        levels: tuple[str, ...] | None = None
        match = BRACKET_RE.match(label)
        if match:
            outer, inner = match.group("outer"), match.group("inner")
            prefix = PREFIX_RE.match(inner)
            candidates.append(inner)
            if prefix:
                levels = LEVEL_OF_PREFIX[prefix.group("kind").casefold()]
                candidates.append(prefix.group("name"))
        for name in candidates:
            codes = [c for c in self.by_name.get(_key(name), [])
                     if levels is None or self.levels.get(c) in levels]
            if len(codes) > 1 and outer:
                codes = [c for c in codes
                         if _key(self.names.get(str(self.parents.get(c)), "")) == _key(outer)]
            if len(codes) == 1:
                return codes[0], ""
            if len(codes) > 1:
                return None, f"names {len(codes)} known areas ({', '.join(codes[:5])})"
        return None, "is neither an SCB region code nor the name of an area the store knows"


def resolve(label: str, index: NameIndex) -> tuple[str | None, str]:
    """(code, '') for one region label, else (None, why not)."""
    text = " ".join(label.split())
    if _key(text) in RIKET_NAMES:
        return RIKET, ""
    first = text.split(" ", 1)[0]
    if code_level(first) is not None:
        return first, ""
    return index.find(text)


def _parent(code: str, level: str) -> str | None:
    if level in ("deso", "regso", "deso2025", "regso2025"):
        return code[:4]
    if level == "kommun":
        return code[:2]
    return RIKET if level == "lan" else None


def label_name(label: str) -> str:
    """The name in a 'code name' label ('0114 Upplands Väsby' -> 'Upplands Väsby'), else ''."""
    first, _, rest = " ".join(label.split()).partition(" ")
    return rest if code_level(first) is not None else ""


def new_areas(codes: Sequence[str], areas: pd.DataFrame,
              names: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Areas-table rows for the codes (and their parents) the store does not know; named
    by `names` (from 'code name' labels) where given, else by their code."""
    known = set(areas["code"].astype(str))
    names = names or {}
    rows: dict[str, dict[str, object]] = {}
    pending = list(codes)
    while pending:
        code = pending.pop()
        if code in known or code in rows:
            continue
        level = code_level(code) or ""
        parent = _parent(code, level)
        rows[code] = {"code": code, "name": names.get(code) or code, "level": level,
                      "parent_code": parent}
        if parent is not None:
            pending.append(parent)
    frame = pd.DataFrame(list(rows.values()), columns=list(AREAS.column_names))
    return frame.sort_values("code", ignore_index=True)
