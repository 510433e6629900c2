"""The calculator opens from a district's gap, and its exports print the assumptions."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlparse

from dash import dcc

from dashboard.app.pages import Context, page_for, registry
from dashboard.app.viewmodel import resolve
from dashboard.core.viewstate import from_query
from dashboard.export.citation import cite
from dashboard.export.figure import FOOTER_LEGEND, export_spec
from dashboard.figures.charts import build_chart
from tests.chart_views import SCENARIO
from tests.tree import walk


def _links(tree: Any) -> list[str]:
    return [str(node.href) for node in walk(tree) if isinstance(node, dcc.Link)]


def _page_links(dataset, path: str, search: str) -> list[dict[str, list[str]]]:
    page = page_for(path, registry())
    assert page is not None
    state, _ = resolve(dataset, from_query(search)[0])
    body = page.layout(Context(dataset, state, {}, path, keep=page.uses()))
    return [parse_qs(urlparse(h).query) for h in _links(body) if h.startswith("/invest")]


def test_a_district_profile_opens_the_calculator_for_that_district(dataset) -> None:
    links = _page_links(dataset, "/profile", "?level=deso&area=1280C1640")
    assert links and links[0]["area"] == ["1280C1640"] and links[0]["level"] == ["deso"]


def test_the_compare_and_potential_views_open_it_for_the_indicator_shown(dataset) -> None:
    for path in ("/compare", "/potential"):
        links = _page_links(dataset, path, "?ind=sysselsatta_16_64&level=regso")
        assert links and links[0]["ind"] == ["sysselsatta_16_64"], path
    highlighted = _page_links(dataset, "/compare", "?ind=ohalsotal&area=1280SD08")
    assert highlighted[0]["area"] == ["1280SD08"]


def test_an_exported_image_prints_the_scenario_it_rests_on(dataset) -> None:
    state, _ = resolve(dataset, from_query("?" + SCENARIO)[0])
    chart = build_chart(dataset, state, "investflows")
    spec = export_spec(chart, cite(chart, state, "http://127.0.0.1:8050/"), 1200, 675)
    footer = spec["layout"][FOOTER_LEGEND]["title"]["text"].replace("<br>", " ")
    for words in ("Antaganden", "Tidshorisont (år): 20", "Diskonteringsränta: 3,5 %",
                  "Kostnad per år: 4,0 mnkr", "Andel av nyttan: Kommunen (%): 40 %"):
        assert words in footer, words
