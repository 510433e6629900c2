"""Figure export: each format opens at its size and carries the title, source and link."""

from __future__ import annotations

import copy
import dataclasses
import io
import xml.etree.ElementTree as ET
from concurrent.futures import ThreadPoolExecutor

import plotly.graph_objects as go
import pytest
from pypdf import PdfReader

from dashboard.core.viewstate import to_query
from dashboard.export.citation import cite
from dashboard.export.dates import retrieved_text
from dashboard.export.figure import FOOTER_LEGEND, export_figure, export_spec, wrap_link
from dashboard.export.renderer import FigureRenderer, RenderError, page_generator
from dashboard.figures.charts import CHART_IDS, build_chart
from tests.chart_views import chart_state
from tests.export.helpers import BASE_URL, plain, png_size


@pytest.mark.parametrize(("fmt", "scale", "size"), [
    ("png", 1, (1200, 675)), ("png", 2, (2400, 1350)),
    ("png-square", 1, (1080, 1080)), ("png-square", 2, (2160, 2160)),
])
def test_png_has_the_pixel_size_of_its_format(dataset, sv_view, renderer, fmt, scale,
                                             size) -> None:
    chart = build_chart(dataset, sv_view, "bars")
    assert png_size(export_figure(chart, sv_view, BASE_URL, fmt, scale, renderer)) == size


def test_svg_holds_title_subtitle_source_licence_date_and_link(dataset, en_view,
                                                               renderer) -> None:
    chart = build_chart(dataset, en_view, "map")
    svg = export_figure(chart, en_view, BASE_URL, "svg", renderer=renderer)
    root = ET.fromstring(svg)
    assert (root.get("width"), root.get("height")) == ("1200", "675")
    words = " ".join("".join(el.itertext()) for el in root.iter()
                     if el.tag.endswith("}text"))
    for expected in (chart.title, chart.subtitle, chart.source, chart.licence,
                     chart.retrieved, "Open this view"):
        assert expected in words
    links = [el.get("{http://www.w3.org/1999/xlink}href") for el in root.iter()
             if el.tag.endswith("}a")]
    assert BASE_URL + to_query(en_view) in links


def test_pdf_is_vector_with_the_texts_extractable(dataset, sv_view, renderer) -> None:
    chart = build_chart(dataset, sv_view, "bars")
    pdf = export_figure(chart, sv_view, BASE_URL, "pdf", renderer=renderer)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    page = reader.pages[0]
    # 1200 x 675 CSS pixels at 96 per inch are 900 x 506.25 points.
    assert float(page.mediabox.width) == pytest.approx(900, abs=1)
    assert float(page.mediabox.height) == pytest.approx(506, abs=1)
    extracted = plain(page.extract_text())
    for expected in (chart.title, chart.source, chart.licence,
                     "Data hämtade: 2026 (arkiverad kopia av den offentliga sidan)",
                     BASE_URL + to_query(sv_view)):
        assert plain(expected) in extracted
    # Item 14: the document's title is the chart's, not the render page's.
    assert reader.metadata.title == chart.title and reader.metadata.subject == chart.subtitle
    assert "Kaleido" not in str(reader.metadata) and "Chrome" not in str(reader.metadata)
    assert reader.trailer["/Root"]["/Lang"] == "sv"
    resources = page["/Resources"]
    assert "/Font" in resources
    assert "/XObject" not in resources or not any(
        x.get_object()["/Subtype"] == "/Image" for x in resources["/XObject"].values())


@pytest.mark.parametrize("chart_id", CHART_IDS)
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_export_spec_is_valid_plotly_and_leaves_the_chart_alone(dataset, chart_id,
                                                                lang) -> None:
    state = chart_state(dataset, chart_id, lang)
    chart = build_chart(dataset, state, chart_id)
    before = copy.deepcopy(chart.spec)
    spec = export_spec(chart, cite(chart, state, BASE_URL), 1080, 1080)
    go.Figure(spec)
    assert chart.spec == before
    layout, original = spec["layout"], chart.spec["layout"]
    assert (layout["width"], layout["height"]) == (1080, 1080)
    assert layout["margin"]["t"] > original["margin"]["t"] + 40
    assert layout["margin"]["b"] > original["margin"]["b"] + 40
    assert spec["data"][:-1] == chart.spec["data"]
    assert spec["data"][-1]["legend"] == FOOTER_LEGEND
    footer = layout[FOOTER_LEGEND]["title"]["text"]
    licence_word = "Licens" if lang == "sv" else "Licence"
    assert f"{licence_word}: " in footer and retrieved_text(chart.retrieved, lang) in footer


def test_long_texts_are_wrapped_to_the_image(dataset, sv_view) -> None:
    chart = build_chart(dataset, sv_view, "bars")
    long_title = "Andel " + "mycket lång titel " * 12
    spec = export_spec(dataclasses.replace(chart, title=long_title),
                       cite(chart, sv_view, BASE_URL), 1080, 1080)
    assert spec["layout"]["title"]["text"].count("<br>") >= 2
    link = BASE_URL + to_query(sv_view)
    parts = wrap_link(link, 60)
    assert "".join(parts) == link and all(len(p) <= 60 for p in parts)


def test_render_page_loads_nothing_from_the_network() -> None:
    page = page_generator().generate_index()
    assert "http://" not in page and "https://" not in page
    assert "plotly.min.js" in page and "mathjax" not in page.lower()


def test_missing_browser_is_a_clear_error(dataset, sv_view) -> None:
    chart = build_chart(dataset, sv_view, "bars")
    broken = FigureRenderer(browser="/nonexistent/chromium", timeout=10)
    with pytest.raises(RenderError, match="nonexistent"):
        export_figure(chart, sv_view, BASE_URL, "png", renderer=broken)
    assert not broken.running


def test_unknown_format_or_scale_is_refused(dataset, sv_view) -> None:
    chart = build_chart(dataset, sv_view, "bars")
    with pytest.raises(ValueError, match="format"):
        export_figure(chart, sv_view, BASE_URL, "gif")
    with pytest.raises(ValueError, match="scale"):
        export_figure(chart, sv_view, BASE_URL, "png", scale=3)


def test_renderer_serves_threads_and_restarts_after_close(dataset, sv_view, renderer) -> None:
    chart = build_chart(dataset, sv_view, "map")
    with ThreadPoolExecutor(max_workers=3) as pool:
        sizes = list(pool.map(lambda fmt: png_size(export_figure(
            chart, sv_view, BASE_URL, fmt, renderer=renderer)), ["png", "png-square", "png"]))
    assert sizes == [(1200, 675), (1080, 1080), (1200, 675)]
    renderer.close()
    assert not renderer.running
    # Drawn again after the close: by a new browser of its own, or by the browser of the
    # renderer holding the machine's slot meanwhile (export/renderer.py).
    assert export_figure(chart, sv_view, BASE_URL, "svg", renderer=renderer).startswith(b"<svg")
