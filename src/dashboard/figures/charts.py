"""Charts as whole publishable units: the figure spec plus everything printed around it.

A Chart carries its title, subtitle, source line, licence, the table of the numbers it
shows and a generated text description (alt text). The page, the exports and the embed
all ask `build_chart` for the same chart, so what is downloaded is what is on screen.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from dashboard.core.geometry import ShapeSet
from dashboard.core.texts import t
from dashboard.core.viewstate import ViewState
from dashboard.figures.alt_text import bars_alt, map_alt
from dashboard.figures.bars import bars_figure
from dashboard.figures.composite import indexbars_parts, indexmap_parts, indextrend_parts
from dashboard.figures.geometry_choice import shapes_for
from dashboard.figures.gradient import gradient_parts
from dashboard.figures.groups import equiplot_parts, groupbars_parts
from dashboard.figures.labels import source_line, view_labels
from dashboard.figures.map import map_figure
from dashboard.figures.parts import ChartParts, as_rows
from dashboard.figures.potential import potential_parts
from dashboard.figures.profile import spine_parts
from dashboard.figures.style import FigureSpec
from dashboard.figures.tables import values_table
from dashboard.figures.trends import gaptrend_parts, trend_parts
from dashboard.store import query
from dashboard.store.dataset import Dataset


@dataclass(frozen=True)
class Chart:
    """One chart ready to show, export or embed (heading = its name on the page)."""

    id: str
    heading: str
    title: str
    subtitle: str
    source: str
    licence: str
    retrieved: str
    spec: FigureSpec
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    alt: str


def _sources(
    ds: Dataset, state: ViewState, indicators: tuple[str, ...] | None
) -> tuple[str, str, str]:
    if indicators is None:
        values = query.view_values(ds, state)
        refs = query.reference_values(ds, state)
        ids = list(values["source_id"]) + list(refs["source_id"])
    else:
        ids = [s for i in indicators for s in query.indicator_info(ds, i)["source_ids"].split(";")]
    rows = query.sources_for(ds, ids)
    licences = "; ".join(sorted(set(rows["licence"])))
    retrieved = "; ".join(sorted(set(rows["retrieved"])))
    return source_line(ds, ids, state.lang), licences, retrieved


def _map(ds: Dataset, state: ViewState, boundaries: dict[str, ShapeSet]) -> ChartParts:
    header, rows = values_table(ds, state)
    return ChartParts(
        t("map_title", state.lang),
        map_figure(ds, state, shapes_for(ds, state.level, boundaries)),
        map_alt(ds, state),
        tuple(header),
        as_rows(rows),
    )


def _bars(ds: Dataset, state: ViewState, boundaries: dict[str, ShapeSet]) -> ChartParts:
    header, rows = values_table(ds, state)
    labels = view_labels(ds, state)
    return ChartParts(
        t("bars_title_level", state.lang, level=labels.level),
        bars_figure(ds, state),
        bars_alt(ds, state),
        tuple(header),
        as_rows(rows),
    )


Builder = Callable[[Dataset, ViewState, dict[str, ShapeSet]], ChartParts | None]
BUILDERS: dict[str, Builder] = {
    "map": _map,
    "bars": _bars,
    "spine": spine_parts,
    "equiplot": equiplot_parts,
    "groupbars": groupbars_parts,
    "trend": trend_parts,
    "gaptrend": gaptrend_parts,
    "gradient": gradient_parts,
    "potential": potential_parts,
    "indexmap": indexmap_parts,
    "indexbars": indexbars_parts,
    "indextrend": indextrend_parts,
}
CHART_IDS = tuple(BUILDERS)
# The page each chart lives on, so an exported link reopens the same view.
CHART_PAGES = {
    "map": "/map",
    "bars": "/compare",
    "spine": "/profile",
    "equiplot": "/groups",
    "groupbars": "/groups",
    "trend": "/trends",
    "gaptrend": "/trends",
    "gradient": "/gradient",
    "potential": "/potential",
    "indexmap": "/index",
    "indexbars": "/index",
    "indextrend": "/index",
}


class ChartUnavailable(LookupError):
    """The chart exists but the view has no data it can draw (e.g. one area only)."""


def build_chart(
    ds: Dataset, state: ViewState, chart_id: str, boundaries: dict[str, ShapeSet] | None = None
) -> Chart:
    """The chart `chart_id` for a resolved view state.

    KeyError for an unknown chart; ChartUnavailable when the view has nothing to draw.
    """
    parts = BUILDERS[chart_id](ds, state, boundaries or {})
    if parts is None:
        raise ChartUnavailable(f"the chart {chart_id!r} has no data to show for this view")
    labels = view_labels(ds, state)
    source, licence, retrieved = _sources(ds, state, parts.indicators)
    return Chart(
        chart_id,
        parts.heading,
        parts.title or labels.title,
        parts.subtitle or labels.subtitle,
        source,
        licence,
        retrieved,
        parts.spec,
        parts.header,
        parts.rows,
        parts.alt,
    )
