"""Words a view needs around its numbers: titles, units, group names, source line, flags."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from dashboard.core.i18n import format_number, format_period
from dashboard.core.schema import TOTAL
from dashboard.core.texts import t
from dashboard.core.units import UNITS, unit_label
from dashboard.core.viewstate import ViewState
from dashboard.store import query
from dashboard.store.dataset import Dataset


@dataclass(frozen=True)
class ViewLabels:
    """Everything printed about the current choice, in the chosen language."""

    lang: str
    title: str
    unit: str
    diff_unit: str
    decimals: int
    scale: float
    polarity: str
    period: str
    sex: str
    group: str
    dimension: str
    level: str
    subtitle: str
    definition: str
    caveats: str
    unit_id: str = ""

    def number(self, value: float | None, decimals: int | None = None, *,
               signed: bool = False) -> str:
        return format_number(value, self.lang,
                             self.decimals if decimals is None else decimals, signed=signed)

    def shown(self, value: float | None, band: tuple[float, float] | None = None) -> str:
        """A value as printed: a value published only as a band by its ends ('75–80', never
        the midpoint kept for ordering), else the number."""
        if band is None:
            return self.number(value)
        low, high = band
        decimals = 0 if low.is_integer() and high.is_integer() else self.decimals
        return f"{self.number(low, decimals)}–{self.number(high, decimals)}"

    def with_unit(self, value: float | None, band: tuple[float, float] | None = None) -> str:
        text = self.shown(value, band)
        return f"{text} %" if self.unit == "%" else f"{text} {self.unit}"


def area_name(row: pd.Series | dict, lang: str) -> str:
    """An area's name in the language (most Malmö names are the same in both)."""
    name_en = row.get("name_en")
    return name_en if lang == "en" and isinstance(name_en, str) and name_en else row["name"]


def area_names(ds: Dataset, codes: list[str], lang: str) -> dict[str, str]:
    """Code -> name in the language, for the given areas."""
    rows = ds.areas[ds.areas["code"].isin(set(codes))]
    names = rows["name_en"].where(rows["name_en"].notna(), rows["name"]) if lang == "en" \
        else rows["name"]
    return dict(zip(rows["code"], names, strict=True))


@lru_cache(maxsize=1024)
def group_label(ds: Dataset, dimension: str, group: str, lang: str) -> tuple[str, str]:
    """(group label, dimension label) from the groups table (cached)."""
    rows = ds.groups[(ds.groups["dimension"] == dimension) & (ds.groups["group"] == group)]
    if rows.empty:
        return group, dimension
    row = rows.iloc[0]
    return row[f"label_{lang}"], row[f"dimension_{lang}"]


@lru_cache(maxsize=256)
def published_decimals(ds: Dataset, indicator: str, level: str, decimals: int) -> int:
    """The unit's decimals, or none where every value of the indicator at the level is a
    whole number as published (FoHM's whole percents, counts): '91 %', not '91,0 %'.
    Banded values (shown as their band) do not count."""
    obs = query.for_indicator(ds, indicator)
    banded = obs["flag"].fillna("").str.contains("banded")
    values = obs.loc[(obs["level"] == level) & ~banded, "value"].dropna()
    return 0 if len(values) and (values == values.round()).all() else decimals


@lru_cache(maxsize=512)
def view_labels(ds: Dataset, state: ViewState) -> ViewLabels:
    """Labels for a resolved view state (cached: the dataset is immutable)."""
    lang = state.lang
    info = query.indicator_info(ds, state.indicator)
    unit = UNITS.get(info["unit"])
    group, dimension = group_label(ds, state.dimension, state.group, lang)
    sex = t(f"sex_{state.sex}", lang)
    parts = [format_period(state.period)]
    if state.sex != TOTAL:
        parts.append(sex.lower())
    if state.group != TOTAL:
        parts.append(group.lower() if lang == "sv" else group)
    parts.append(t(f"level_{state.level}", lang).lower())
    diff_unit = t("percentage_points", lang) if info["unit"] == "percent" else \
        unit_label(info["unit"], lang)
    return ViewLabels(
        lang=lang,
        title=info[f"title_{lang}"],
        unit=unit_label(info["unit"], lang),
        diff_unit=diff_unit,
        decimals=published_decimals(ds, state.indicator, state.level,
                                    unit.decimals if unit else 1),
        scale=float(info["scale"]),
        polarity=info["polarity"],
        period=format_period(state.period),
        sex=sex,
        group=group,
        dimension=dimension,
        level=t(f"level_{state.level}", lang),
        subtitle=", ".join(parts),
        definition=info[f"definition_{lang}"],
        caveats=info.get(f"caveats_{lang}") or "",
        unit_id=info["unit"],
    )


def source_line(ds: Dataset, source_ids: list[str], lang: str) -> str:
    """'Källa: Malmö stad, <table> (<url>); ...' for the sources behind what is shown."""
    rows = query.sources_for(ds, source_ids)
    if rows.empty:
        return ""
    by_publisher: dict[str, list[str]] = {}
    for row in rows.itertuples():
        url = row.url.removeprefix("https://").removeprefix("http://")
        by_publisher.setdefault(row.publisher, []).append(url)
    parts = [f"{pub} ({'; '.join(sorted(set(urls)))})" for pub, urls in by_publisher.items()]
    word = t("source", lang) if len(parts) == 1 else t("sources", lang)
    return f"{word}: {'. '.join(parts)}. {t('processing', lang)}."


def flag_text(flag: str | None, lang: str) -> str:
    """Human words for a '|'-joined flag string, e.g. 'motsägelsefullt i källan'."""
    if not isinstance(flag, str) or not flag:
        return ""
    return ", ".join(t(f"flag_{f}", lang) for f in flag.split("|"))
