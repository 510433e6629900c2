"""Charts as whole publishable units: the chart data, its figure and everything around it.

Each chart is a data function (dataset, view state, boundaries) -> frozen chart data, and
pure functions of that data: the drawing (`draw(data, lang)` -> Plotly spec), the table
and the text description (alt text). A Chart holds the data with all three plus the
source line and licence, so the page, the exports and the embed cannot disagree.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from dashboard.core.geometry import ShapeSet
from dashboard.core.schema import in_language
from dashboard.core.viewstate import ViewState
from dashboard.figures import alt_text
from dashboard.figures.bars import bars_data, draw_bars
from dashboard.figures.composite import (
    draw_indexbars,
    draw_indexmap,
    draw_indextrend,
    index_table,
    indexbars_data,
    indexmap_data,
    indextrend_data,
    indextrend_table,
)
from dashboard.figures.geometry_choice import shapes_for
from dashboard.figures.gradient import (
    area_groups_chart,
    areagroups_table,
    draw_areagroups,
    draw_gradient,
    gradient_data,
    gradient_table,
)
from dashboard.figures.groups import (
    draw_equiplot,
    draw_groupbars,
    equiplot_data,
    groupbars_data,
    groups_table,
)
from dashboard.figures.invest import (
    draw_flows,
    draw_gains,
    draw_gapcost,
    draw_simulation,
    draw_tornado,
    flows_data,
    flows_table,
    gains_data,
    gains_table,
    gapcost_data,
    gapcost_table,
    simulation_data,
    simulation_table,
    tornado_data,
    tornado_table,
)
from dashboard.figures.labels import source_line
from dashboard.figures.map import draw_map, map_data
from dashboard.figures.parts import ChartData, as_rows
from dashboard.figures.potential import draw_potential, potential_data, potential_table
from dashboard.figures.profile import draw_spine, spine_data, spine_table
from dashboard.figures.style import FigureSpec
from dashboard.figures.tables import values_table
from dashboard.figures.trends import (
    draw_gaptrend,
    draw_trend,
    gaptrend_data,
    gaptrend_table,
    trend_data,
    trend_table,
)
from dashboard.store import query
from dashboard.store.dataset import Dataset

__all__ = ["BUILDERS", "CHART_IDS", "CHART_PAGES", "Chart", "ChartKind", "ChartUnavailable",
           "build_chart", "chart_data", "shapes_for"]

D = TypeVar("D", bound=ChartData)


@dataclass(frozen=True)
class ChartKind(Generic[D]):
    """How one chart is made: its data, and the drawing, table and alt text of that data."""

    data: Callable[[Dataset, ViewState, dict[str, ShapeSet]], D | None]
    draw: Callable[[D, str], FigureSpec]
    table: Callable[[D], tuple[Sequence[str], Sequence[Sequence[str]]]]
    alt: Callable[[D], str]


BUILDERS: dict[str, ChartKind[Any]] = {
    "map": ChartKind(map_data, draw_map, values_table, alt_text.map_alt),
    "bars": ChartKind(bars_data, draw_bars, values_table, alt_text.bars_alt),
    "spine": ChartKind(spine_data, draw_spine, spine_table, alt_text.spine_alt),
    "equiplot": ChartKind(equiplot_data, draw_equiplot, groups_table, alt_text.groups_alt),
    "groupbars": ChartKind(groupbars_data, draw_groupbars, groups_table, alt_text.groups_alt),
    "trend": ChartKind(trend_data, draw_trend, trend_table, alt_text.trend_alt),
    "gaptrend": ChartKind(gaptrend_data, draw_gaptrend, gaptrend_table, alt_text.gaptrend_alt),
    "gradient": ChartKind(gradient_data, draw_gradient, gradient_table, alt_text.gradient_alt),
    "areagroups": ChartKind(area_groups_chart, draw_areagroups, areagroups_table,
                            alt_text.areagroups_alt),
    "potential": ChartKind(potential_data, draw_potential, potential_table,
                           alt_text.potential_alt),
    "indexmap": ChartKind(indexmap_data, draw_indexmap, index_table, alt_text.index_alt),
    "indexbars": ChartKind(indexbars_data, draw_indexbars, index_table, alt_text.index_alt),
    "indextrend": ChartKind(indextrend_data, draw_indextrend, indextrend_table,
                            alt_text.indextrend_alt),
    "gapcost": ChartKind(gapcost_data, draw_gapcost, gapcost_table, alt_text.gapcost_alt),
    "investflows": ChartKind(flows_data, draw_flows, flows_table, alt_text.flows_alt),
    "tornado": ChartKind(tornado_data, draw_tornado, tornado_table, alt_text.tornado_alt),
    "simulation": ChartKind(simulation_data, draw_simulation, simulation_table,
                            alt_text.simulation_alt),
    "gains": ChartKind(gains_data, draw_gains, gains_table, alt_text.gains_alt),
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
    "areagroups": "/gradient",
    "potential": "/potential",
    "indexmap": "/index",
    "indexbars": "/index",
    "indextrend": "/index",
    **dict.fromkeys(("gapcost", "investflows", "tornado", "simulation", "gains"), "/invest"),
}


class ChartUnavailable(LookupError):
    """The chart exists but the view has no data it can draw (e.g. one area only)."""


@dataclass(frozen=True)
class Chart:
    """One chart ready to show, export or embed (heading = its name on the page).

    `spec`, `header`, `rows` and `alt` are made from `data` alone.
    """

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
    data: ChartData


def chart_data(ds: Dataset, state: ViewState, chart_id: str,
               boundaries: dict[str, ShapeSet] | None = None) -> ChartData:
    """The data of chart `chart_id` for a resolved view state.

    KeyError for an unknown chart; ChartUnavailable when the view has nothing to draw.
    """
    data = BUILDERS[chart_id].data(ds, state, boundaries or {})
    if data is None:
        raise ChartUnavailable(f"the chart {chart_id!r} has no data to show for this view")
    return data


def build_chart(
    ds: Dataset, state: ViewState, chart_id: str, boundaries: dict[str, ShapeSet] | None = None
) -> Chart:
    """The chart `chart_id` for a resolved view state.

    KeyError for an unknown chart; ChartUnavailable when the view has nothing to draw.
    """
    kind = BUILDERS[chart_id]
    data = chart_data(ds, state, chart_id, boundaries)
    header, rows = kind.table(data)
    sources = query.sources_for(ds, list(data.source_ids))
    return Chart(
        chart_id,
        data.heading,
        data.title,
        data.subtitle,
        source_line(ds, list(data.source_ids), data.lang),
        "; ".join(sorted({in_language(s, "licence", data.lang)
                          for s in sources.to_dict("records")})),
        "; ".join(sorted(set(sources["retrieved"]))),
        kind.draw(data, data.lang),
        tuple(header),
        as_rows(rows),
        kind.alt(data),
        data,
    )
