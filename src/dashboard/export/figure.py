"""Figures as files: the chart on the page, with its title, source and link baked in.

The exported figure is the page's own spec (same traces, colours, separators) with the
margins enlarged for a header (title, subtitle) and a footer (source line, licence, date
the data were retrieved, link back to the view). Plotly annotations can only be placed
relative to the plot area, which axis automargins move about; the title and legends can
be anchored to the image itself ('container'), so the header is the figure title and the
footer is the title of a legend of its own, held by one invisible trace. A PDF gets the
chart's title, subtitle and language as its document properties.
"""

from __future__ import annotations

import html
import textwrap
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote

from dashboard import __version__
from dashboard.core.texts import t
from dashboard.core.viewstate import ViewState
from dashboard.export.citation import Citation, cite
from dashboard.export.pdfinfo import set_document_info
from dashboard.export.renderer import FigureRenderer, shared_renderer
from dashboard.figures import style
from dashboard.figures.charts import Chart
from dashboard.figures.sentences import listed_assumptions


@dataclass(frozen=True)
class ImageFormat:
    """A figure format: what the renderer writes and the size in CSS pixels."""

    renderer_format: str
    width: int
    height: int


IMAGE_FORMATS = {
    "png": ImageFormat("png", 1200, 675),
    "png-square": ImageFormat("png", 1080, 1080),
    "svg": ImageFormat("svg", 1200, 675),
    "pdf": ImageFormat("pdf", 1200, 675),
}
SCALES = (1, 2)

SIDE = 24
TOP = 18
BOTTOM = 14
GAP = 14
LINE_HEIGHT = 1.35
TITLE_SIZE = 20
SUBTITLE_SIZE = 14
FOOTER_SIZE = 11
# Average advance of DejaVu Sans, in em; generous, so wrapped lines never run off the edge.
CHAR_EM = {False: 0.6, True: 0.66}
FOOTER_LEGEND = "legend99"
CARTESIAN = frozenset({"scatter", "scattergl", "bar", "histogram", "box", "violin",
                       "heatmap", "contour", "histogram2d", "histogram2dcontour", "funnel",
                       "waterfall", "candlestick", "ohlc", "image"})


def _fits(width: int, size: int, bold: bool = False) -> int:
    """How many characters of text in this font size fit across the image."""
    return max(20, int((width - 2 * SIDE) / (size * CHAR_EM[bold])))


def wrap(line: str, chars: int) -> list[str]:
    """Split prose at spaces so that no line is longer than `chars` (a long word is split)."""
    return textwrap.wrap(line, chars, break_on_hyphens=False) or [""]


def wrap_link(url: str, chars: int) -> list[str]:
    """Split a link after '&' so each part of the query stays whole where it can."""
    lines = [""]
    for part in url.replace("&", "&\n").split("\n"):
        if lines[-1] and len(lines[-1]) + len(part) > chars:
            lines.append("")
        lines[-1] += part
    return [piece for line in lines for piece in wrap(line, chars)]


def _footer_lines(citation: Citation, width: int, assumed: list[str] | None = None
                  ) -> list[str]:
    """Footer lines as Plotly text: the assumptions a chart rests on (if any), source,
    licence, date, then the link (clickable in SVG)."""
    chars = _fits(width, FOOTER_SIZE)
    lang = citation.lang
    told = [f"{t('invest_assumptions', lang)}: {'; '.join(assumed)}."] if assumed else []
    lines = [html.escape(piece, quote=False)
             for line in (*told, citation.source, t("licence", lang, licence=citation.licence),
                          t("retrieved", lang, date=citation.retrieved))
             for piece in wrap(line, chars)]
    label = t("link", lang, url="")
    # plotly.js percent-encodes link targets itself, so it gets the link decoded: given
    # '%2C' it would write '%252C', a link the dashboard can no longer read.
    href = html.escape(unquote(citation.link), quote=True)
    parts = wrap_link(citation.link, chars - len(label))
    for i, part in enumerate(parts):
        prefix = html.escape(label, quote=False) if i == 0 else ""
        lines.append(f'{prefix}<a href="{href}">{html.escape(part, quote=False)}</a>')
    return lines


def _footer_trace(data: list[dict[str, Any]]) -> tuple[dict[str, Any], bool]:
    """The invisible trace holding the footer legend, on the axes of a cartesian trace.

    Returns the trace and whether it needed axes of its own (which are then hidden).
    """
    trace: dict[str, Any] = {"type": "scatter", "x": [None], "y": [None], "mode": "none",
                             "name": "", "showlegend": True, "legend": FOOTER_LEGEND,
                             "hoverinfo": "skip"}
    host = next((tr for tr in data if tr.get("type", "scatter") in CARTESIAN), None)
    if host is None:
        return trace, True
    trace["xaxis"] = host.get("xaxis", "x")
    trace["yaxis"] = host.get("yaxis", "y")
    return trace, False


def export_spec(chart: Chart, citation: Citation, width: int, height: int) -> dict[str, Any]:
    """The chart's spec at `width` x `height` with header and footer; the chart is not changed.

    The margins grow by the height of the header and footer, so the chart itself keeps
    the spacing it has on the page; Plotly enlarges them further if a text needs it.
    """
    layout = dict(chart.spec["layout"])
    title_lines = wrap(chart.title, _fits(width, TITLE_SIZE, bold=True))
    subtitle_lines = wrap(chart.subtitle, _fits(width, SUBTITLE_SIZE))
    footer = _footer_lines(citation, width,
                           listed_assumptions(chart.data.assumptions, citation.lang))
    header_height = TOP + GAP + LINE_HEIGHT * (TITLE_SIZE * len(title_lines)
                                               + SUBTITLE_SIZE * len(subtitle_lines)) + 6
    footer_height = BOTTOM + GAP + LINE_HEIGHT * FOOTER_SIZE * len(footer)
    margin = dict(layout.get("margin") or {})
    margin["t"] = round(margin.get("t", 0) + header_height)
    margin["b"] = round(margin.get("b", 0) + footer_height)
    font = layout.get("font", {})
    footer_trace, own_axes = _footer_trace(chart.spec["data"])
    layout.update(
        width=width, height=height, autosize=False, margin=margin, showlegend=True,
        title={
            "text": "<br>".join(f"<b>{html.escape(line, quote=False)}</b>"
                                for line in title_lines),
            "font": {**font, "size": TITLE_SIZE, "color": style.TEXT},
            "subtitle": {"text": "<br>".join(html.escape(line, quote=False)
                                             for line in subtitle_lines),
                         "font": {**font, "size": SUBTITLE_SIZE, "color": style.MUTED}},
            "xref": "container", "x": 0, "xanchor": "left",
            "yref": "container", "y": 1, "yanchor": "top",
            "pad": {"l": SIDE, "t": TOP}, "automargin": True,
        },
        **{FOOTER_LEGEND: {
            "xref": "container", "x": SIDE / width, "xanchor": "left",
            "yref": "container", "y": BOTTOM / height, "yanchor": "bottom",
            "orientation": "h", "bgcolor": "rgba(0,0,0,0)", "borderwidth": 0,
            "itemclick": False, "itemdoubleclick": False,
            "title": {"text": "<br>".join(footer), "side": "left",
                      "font": {**font, "size": FOOTER_SIZE, "color": style.MUTED}},
        }},
    )
    if own_axes:
        layout["xaxis"] = {**layout.get("xaxis", {}), "visible": False}
        layout["yaxis"] = {**layout.get("yaxis", {}), "visible": False}
    return {"data": [*chart.spec["data"], footer_trace], "layout": layout}


def export_figure(chart: Chart, state: ViewState, base_url: str, fmt: str = "png",
                  scale: int = 1, renderer: FigureRenderer | None = None) -> bytes:
    """The chart as a PNG (web 1200x675 or square 1080x1080, scale 1 or 2), SVG or PDF.

    `state` is the resolved view the chart was built for: its language words the footer
    and its query makes the link (`base_url` + query). SVG and PDF are vector, drawn at
    the web size; scale applies to PNG only.
    """
    if fmt not in IMAGE_FORMATS:
        raise ValueError(f"unknown figure format {fmt!r}; choose from {', '.join(IMAGE_FORMATS)}")
    if scale not in SCALES:
        raise ValueError(f"scale must be one of {SCALES}, not {scale!r}")
    image = IMAGE_FORMATS[fmt]
    spec = export_spec(chart, cite(chart, state, base_url), image.width, image.height)
    payload = (renderer or shared_renderer()).render(
        spec, image.renderer_format, image.width, image.height,
        scale if image.renderer_format == "png" else 1)
    if image.renderer_format != "pdf":
        return payload
    creator = f"{t('app_title', state.lang)} {__version__}"
    return set_document_info(payload, chart.title, chart.subtitle, creator, state.lang)
