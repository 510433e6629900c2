"""The view's values by area, as the map and the ranked bars draw them.

One record per area with its name, value, interval, population, flags, note, source and
rank, plus the city and country reference values, all resolved in the view's language.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import pandas as pd

from dashboard.core.schema import in_language
from dashboard.core.viewstate import ViewState
from dashboard.figures.gaps import gap_panel
from dashboard.figures.labels import ViewLabels, area_name, flag_text, view_labels
from dashboard.figures.parts import ChartData, ranks
from dashboard.store import query
from dashboard.store.dataset import Dataset


@dataclass(frozen=True)
class AreaValue:
    """One area's value as shown: NaN where the source has none."""

    code: str
    name: str
    value: float
    ci_low: float
    ci_high: float
    population: float
    flag: str
    flag_text: str
    note: str
    source_url: str
    rank: int | None
    ci_method: str = ""
    band_low: float = math.nan
    band_high: float = math.nan

    @property
    def missing(self) -> bool:
        return math.isnan(self.value)

    @property
    def has_ci(self) -> bool:
        return not (math.isnan(self.ci_low) or math.isnan(self.ci_high))

    @property
    def suppressed(self) -> bool:
        return "suppressed" in self.flag.split("|")

    @property
    def band(self) -> tuple[float, float] | None:
        """The band the value was published as ('75-80'), or None for an exact value."""
        if math.isnan(self.band_low) or math.isnan(self.band_high):
            return None
        return self.band_low, self.band_high


@dataclass(frozen=True)
class Reference:
    """A reference value drawn as a line: the city (kommun) or the country (riket)."""

    code: str
    name: str
    level: str
    value: float


@dataclass(frozen=True, kw_only=True)
class ValuesData(ChartData):
    """The view's values by area (in the store's order), the references and the choices
    that change the drawing: the outlined area and the sort order."""

    labels: ViewLabels
    values: tuple[AreaValue, ...]
    references: tuple[Reference, ...]
    highlight: str
    sort: str

    @property
    def shown(self) -> tuple[AreaValue, ...]:
        """The areas that have a value."""
        return tuple(v for v in self.values if not v.missing)


def _float(value: Any) -> float:
    return math.nan if value is None or pd.isna(value) else float(value)


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


@lru_cache(maxsize=256)
def area_values(ds: Dataset, state: ViewState) -> tuple[tuple[AreaValue, ...],
                                                       tuple[Reference, ...], tuple[str, ...]]:
    """The view's values, its references and the source ids of both (cached: the map and
    the bars of one view share them)."""
    labels = view_labels(ds, state)
    values = query.view_values(ds, state)
    refs = query.reference_values(ds, state)
    urls = dict(zip(ds.sources["id"], ds.sources["url"], strict=True))
    rank = ranks(values["value"], labels.polarity)
    # Where a value comes without its population, the area's latest registered one.
    registered = query.population_weights(ds, list(values["area_code"]))
    rows = tuple(
        AreaValue(r["area_code"], area_name(r, state.lang), _float(r["value"]),
                  _float(r["ci_low"]), _float(r["ci_high"]),
                  _float(r["population"]) if not pd.isna(r["population"])
                  else registered.get(r["area_code"], math.nan),
                  _text(r["flag"]), flag_text(r["flag"], state.lang),
                  in_language(r, "note", state.lang),
                  urls.get(r["source_id"], ""), None if pd.isna(k) else int(k),
                  _text(r.get("ci_method")), _float(r.get("band_low")),
                  _float(r.get("band_high")))
        for r, k in zip(values.to_dict("records"), rank, strict=True))
    references = tuple(Reference(r["area_code"], area_name(r, state.lang), r["level"],
                                 _float(r["value"])) for r in refs.to_dict("records"))
    sources = (*values["source_id"], *refs["source_id"])
    return rows, references, tuple(str(s) for s in sources)


def values_data(ds: Dataset, state: ViewState, heading: str) -> ValuesData:
    """The view's values by area with the gap measures that go with them."""
    labels = view_labels(ds, state)
    rows, references, sources = area_values(ds, state)
    return ValuesData(lang=state.lang, heading=heading, title=labels.title,
                      subtitle=labels.subtitle, source_ids=sources, gaps=gap_panel(ds, state),
                      labels=labels, values=rows, references=references, highlight=state.area,
                      sort=state.sort)
