"""The export formats by name: file suffix, media type, and how each file is made.

One entry point (`export_file`) serves the command line and the page's download buttons.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dashboard.core.geometry import ShapeSet
from dashboard.core.viewstate import ViewState
from dashboard.export.bundle import make_bundle
from dashboard.export.data import full_csv, shown_csv, to_xlsx
from dashboard.export.figure import IMAGE_FORMATS, export_figure
from dashboard.export.names import file_stem
from dashboard.export.renderer import FigureRenderer
from dashboard.figures.charts import build_chart
from dashboard.store.dataset import Dataset


@dataclass(frozen=True)
class Format:
    """An export format: the file name suffix and the media type to serve it with."""

    suffix: str
    media_type: str


XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMATS = {
    "png": Format(".png", "image/png"),
    "png-square": Format(".png", "image/png"),
    "svg": Format(".svg", "image/svg+xml"),
    "pdf": Format(".pdf", "application/pdf"),
    "csv": Format(".csv", "text/csv; charset=utf-8"),
    "xlsx": Format(".xlsx", XLSX_TYPE),
    "zip": Format(".zip", "application/zip"),
}


def file_name(state: ViewState, chart_id: str, fmt: str, *, full: bool = False) -> str:
    """The download name, e.g. 'medellivslangd_vid_fodelsen-bars-2006-2010-sv.png'."""
    square = "-square" if fmt == "png-square" else ""
    data = "-data" if full and fmt == "csv" else ""
    return f"{file_stem(state, chart_id)}{square}{data}{FORMATS[fmt].suffix}"


def export_file(ds: Dataset, state: ViewState, chart_id: str, fmt: str, base_url: str, *,
                scale: int = 1, full: bool = False,
                boundaries: dict[str, ShapeSet] | None = None,
                renderer: FigureRenderer | None = None, today: date | None = None) -> bytes:
    """The bytes of chart `chart_id` of the resolved view `state` in format `fmt`.

    `full` makes the CSV hold the indicator's full data instead of the chart's table.
    Raises KeyError for an unknown chart, ValueError for an unknown format or scale.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    chart = build_chart(ds, state, chart_id, boundaries)
    if fmt in IMAGE_FORMATS:
        return export_figure(chart, state, base_url, fmt, scale, renderer)
    if fmt == "csv":
        return full_csv(ds, state) if full else shown_csv(chart, state.lang)
    if fmt == "xlsx":
        return to_xlsx(ds, state, chart, base_url, today)
    return make_bundle(ds, state, chart_id, base_url, boundaries=boundaries,
                       renderer=renderer, today=today)
