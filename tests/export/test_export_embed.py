"""Embeds: standalone, in the view's language, loading plotly.js only from the dashboard."""

from __future__ import annotations

import dataclasses
import html
import json
import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from plotly.utils import PlotlyJSONEncoder

from dashboard.core.viewstate import to_query
from dashboard.export.embed import embed_html, iframe_snippet
from dashboard.figures.charts import build_chart
from tests.export.helpers import BASE_URL

SCRIPT = "/_dash-component-suites/plotly/package_data/plotly.min.js"
CALL = 'Plotly.newPlot("chart", '


class Resources(HTMLParser):
    """Collects what a page would load (src attributes) and its html lang."""

    def __init__(self) -> None:
        super().__init__()
        self.sources: list[str] = []
        self.lang = ""
        self.script_bodies: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        found = dict(attrs)
        if "src" in found:
            self.sources.append(found["src"])
        if tag == "html":
            self.lang = found.get("lang", "")
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script and data.strip():
            self.script_bodies.append(data)


def parse(page: str) -> Resources:
    parser = Resources()
    parser.feed(page)
    return parser


@pytest.mark.parametrize("chart_id", ["map", "bars"])
def test_embed_shows_title_source_and_link_and_loads_only_the_local_script(
        dataset, sv_view, chart_id) -> None:
    chart = build_chart(dataset, sv_view, chart_id)
    page = embed_html(chart, sv_view, BASE_URL, SCRIPT)
    parsed = parse(page)
    assert parsed.lang == "sv"
    assert parsed.sources == [SCRIPT]
    assert chart.title in page and chart.subtitle in page and chart.source in page
    # Addresses the page loads or links to (a source's address in the table is text).
    linked = re.findall(r'(?:src|href)="(https?://[^"]+)"', page)
    scripted = re.findall(r"https?://[^\s\"'<>]+", "".join(parsed.script_bodies))
    hosts = {urlsplit(u).netloc for u in linked + scripted}
    assert hosts == {urlsplit(BASE_URL).netloc}
    assert f'href="{BASE_URL}{to_query(sv_view)}"'.replace("&", "&amp;") in page
    call = parsed.script_bodies[-1]
    start = call.index(CALL) + len(CALL)
    data, _ = json.JSONDecoder().raw_decode(call, start)
    assert data == json.loads(json.dumps(chart.spec["data"], cls=PlotlyJSONEncoder))


def test_embed_follows_the_language(dataset, en_view) -> None:
    chart = build_chart(dataset, en_view, "bars")
    page = embed_html(chart, en_view, BASE_URL, SCRIPT)
    assert parse(page).lang == "en"
    assert "Open in Malmö health gaps" in page and "Licence:" in page


def test_text_cannot_break_out_of_the_page(dataset, sv_view) -> None:
    chart = build_chart(dataset, sv_view, "bars")
    evil = "</script><script>alert(1)</script>"
    spec = {"data": [{**chart.spec["data"][0], "name": evil}], "layout": chart.spec["layout"]}
    page = embed_html(dataclasses.replace(chart, title=evil, spec=spec), sv_view, BASE_URL,
                      SCRIPT)
    assert "alert(1)" in page and "<script>alert" not in page
    assert parse(page).sources == [SCRIPT]


def test_iframe_snippet_points_at_the_embed(dataset, sv_view) -> None:
    chart = build_chart(dataset, sv_view, "map")
    src = "http://127.0.0.1:8050/embed/map?ind=x&lang=sv"
    snippet = iframe_snippet(src, chart)
    assert snippet.startswith("<iframe ") and snippet.endswith("</iframe>")
    assert 'src="http://127.0.0.1:8050/embed/map?ind=x&amp;lang=sv"' in snippet
    assert f'title="{chart.title}"' in snippet


def test_the_embedded_chart_is_a_named_image_with_its_text_and_table(dataset, sv_view
                                                                      ) -> None:
    chart = build_chart(dataset, sv_view, "bars")
    page = embed_html(chart, sv_view, BASE_URL, SCRIPT)
    assert ('<div id="chart" role="img" aria-labelledby="chart-title" '
            'aria-describedby="chart-desc"') in page
    assert f'<h1 id="chart-title">{html.escape(chart.title)}</h1>' in page
    assert f'<p id="chart-desc" hidden>{html.escape(chart.alt)}</p>' in page
    assert "<summary>Visa som tabell</summary>" in page
    assert page.count("<tr>") == len(chart.rows) + 1
    for cell in chart.rows[0]:
        assert f"<td>{html.escape(cell)}</td>" in page
    assert '"displayModeBar": false' in page
