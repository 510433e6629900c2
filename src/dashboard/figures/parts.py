"""What every chart's data carries, and the helpers its builders share.

A chart is made in two steps: a data function (dataset, view state, boundaries) -> a frozen
ChartData subclass holding exactly what is drawn, and a pure `draw(data, lang)` that turns
it into a Plotly spec. The table, the alt text, the exports and the embed read the same data.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import pandas as pd

from dashboard.figures.gaps import GapPanel
from dashboard.store import query
from dashboard.store.dataset import Dataset

Table = tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]


@dataclass(frozen=True, kw_only=True)
class ChartData:
    """The words around a chart and where its numbers come from.

    `source_ids` name the sources of what is drawn; `gaps` holds the gap measures (with
    their methods) that go with the chart, empty for charts not about one indicator.
    """

    lang: str
    heading: str
    title: str
    subtitle: str
    source_ids: tuple[str, ...]
    gaps: GapPanel = field(default_factory=GapPanel)
    # What a chart rests on beyond its data (a scenario's inputs): (label, number or text,
    # the same as shown); exports print them and the workbook keeps the numbers.
    assumptions: tuple[tuple[str, float | str, str], ...] = ()


def as_rows(rows: Iterable[Iterable[object]]) -> tuple[tuple[str, ...], ...]:
    """Table rows as tuples of strings."""
    return tuple(tuple(str(c) for c in row) for row in rows)


def ranks(values: pd.Series, polarity: str) -> pd.Series:
    """Rank 1 = best (highest for higher-better, lowest otherwise); ties share a rank."""
    ascending = polarity == "lower_better"
    return values.rank(method="min", ascending=ascending).astype("Int64")


def indicator_sources(ds: Dataset, indicators: tuple[str, ...]) -> tuple[str, ...]:
    """The source ids the indicators name in their metadata."""
    return tuple(s for i in indicators
                 for s in query.indicator_info(ds, i)["source_ids"].split(";"))
