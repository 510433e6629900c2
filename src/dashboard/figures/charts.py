"""Charts as whole publishable units: the figure spec plus everything printed around it.

A Chart carries its title, subtitle, source line, licence, the table of the numbers it
shows and a generated text description (alt text). The page, the exports and the embed
all ask `build_chart` for the same chart, so what is downloaded is what is on screen.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from dashboard.core.geometry import ShapeSet, tile_shapes
from dashboard.core.texts import t
from dashboard.core.viewstate import ViewState
from dashboard.figures.alt_text import bars_alt, map_alt
from dashboard.figures.bars import bars_figure
from dashboard.figures.labels import source_line, view_labels
from dashboard.figures.map import map_figure
from dashboard.figures.style import FigureSpec
from dashboard.figures.tables import values_table
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


def shapes_for(ds: Dataset, level: str, boundaries: dict[str, ShapeSet]) -> ShapeSet | None:
    """Real boundaries for the level if loaded, else schematic tiles where areas have places."""
    if level in boundaries:
        return boundaries[level]
    areas = ds.areas[(ds.areas["level"] == level) & ds.areas["tile_x"].notna()]
    if areas.empty:
        return None
    return tile_shapes(level, list(zip(areas["code"], areas["tile_x"], areas["tile_y"],
                                       strict=True)))


def _sources(ds: Dataset, state: ViewState) -> tuple[str, str, str]:
    values = query.view_values(ds, state)
    refs = query.reference_values(ds, state)
    ids = list(values["source_id"]) + list(refs["source_id"])
    rows = query.sources_for(ds, ids)
    licences = "; ".join(sorted(set(rows["licence"])))
    retrieved = "; ".join(sorted(set(rows["retrieved"])))
    return source_line(ds, ids, state.lang), licences, retrieved


def _map(ds: Dataset, state: ViewState, boundaries: dict[str, ShapeSet]) -> tuple:
    shapes = shapes_for(ds, state.level, boundaries)
    return (t("map_title", state.lang), map_figure(ds, state, shapes), map_alt(ds, state))


def _bars(ds: Dataset, state: ViewState, boundaries: dict[str, ShapeSet]) -> tuple:
    labels = view_labels(ds, state)
    return (t("bars_title_level", state.lang, level=labels.level), bars_figure(ds, state),
            bars_alt(ds, state))


BUILDERS: dict[str, Callable[[Dataset, ViewState, dict[str, ShapeSet]], tuple]] = {
    "map": _map,
    "bars": _bars,
}
CHART_IDS = tuple(BUILDERS)


def build_chart(ds: Dataset, state: ViewState, chart_id: str,
                boundaries: dict[str, ShapeSet] | None = None) -> Chart:
    """The chart `chart_id` for a resolved view state; KeyError for an unknown chart."""
    heading, spec, alt = BUILDERS[chart_id](ds, state, boundaries or {})
    labels = view_labels(ds, state)
    source, licence, retrieved = _sources(ds, state)
    header, rows = values_table(ds, state)
    return Chart(chart_id, heading, labels.title, labels.subtitle, source, licence, retrieved,
                 spec, tuple(header), tuple(tuple(r) for r in rows), alt)
