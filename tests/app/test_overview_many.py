"""The overview page with 192 made-up DeSO: one page of areas as one component, its links,
its pager and its filters, through the real callbacks."""

from __future__ import annotations

import json
import re

import pytest
from dash.development.base_component import Component

from dashboard.app.factory import create_app
from dashboard.app.pages import Context
from dashboard.app.pages.overview import PAGE
from dashboard.app.viewmodel import resolve, state_from_control
from dashboard.core.viewstate import ViewState, from_query
from dashboard.store.dataset import Dataset
from tests.dash_requests import interact_body, navigate_body
from tests.synthetic import deso_dataset


@pytest.fixture(scope="module")
def deso() -> Dataset:
    return deso_dataset(192, ("2021", "2022"))


def components(node: object) -> int:
    if isinstance(node, (list, tuple)):
        return sum(components(n) for n in node)
    if not isinstance(node, Component):
        return 0
    return 1 + components(getattr(node, "children", None))


def markup_of(node: object) -> str:
    """The HTML string of the overview's table in a drawn tree."""
    if isinstance(node, (list, tuple)):
        return "".join(markup_of(n) for n in node)
    if not isinstance(node, Component):
        return ""
    if getattr(node, "id", None) == "overview-markup":
        return str(node.children)
    return markup_of(getattr(node, "children", None))


def drawn(ds: Dataset, search: str) -> list:
    state, _ = resolve(ds, from_query(search)[0])
    return PAGE.layout(Context(ds, state, {}, "/overview"))


def test_a_page_of_192_areas_is_a_few_components(deso: Dataset) -> None:
    tree = drawn(deso, "?level=deso&osize=100")
    assert components(tree) < 60
    html = markup_of(tree)
    body = html.split("<tbody>")[1]
    assert body.count("<tr>") == 100
    assert body.count('href="/profile?') == 100
    assert "Sida 1 av 2: område 1–100 av 192" in html


def test_links_sort_page_and_open_each_area_and_indicator(deso: Dataset) -> None:
    html = markup_of(drawn(deso, "?level=deso&osort=-medianinkomst&opage=2"))
    assert 'aria-sort="descending"' in html
    # Sorting again by the same column turns the order round and starts at page one.
    assert re.search(r'href="/overview\?[^"]*osort=medianinkomst[^"]*"', html)
    assert "opage=3" in html and "opage=1" in html
    assert re.search(r'href="/\?[^"]*ind=medianinkomst', html)
    assert re.search(r'href="/profile\?[^"]*area=1280C\d{4}', html)
    assert "data-view" in html


def test_a_filter_starts_again_at_page_one(deso: Dataset) -> None:
    state = ViewState(level="deso", opage="5")
    assert state_from_control(deso, state, "ofind", "Område 1").opage == ""
    assert state_from_control(deso, state, "otype", "2").otype == "2"
    assert state_from_control(deso, state, "osize", "33") == state  # not a page size


def test_malformed_table_choices_are_ignored_and_reported() -> None:
    state, ignored = from_query("?opage=0&osize=30&otype=9&ofind=" + "x" * 80)
    assert (state.opage, state.osize, state.otype, state.ofind) == ("", "", "", "")
    assert set(ignored) == {"opage", "osize", "otype", "ofind"}


def test_an_unknown_parent_area_shows_every_area_and_says_so(deso: Dataset) -> None:
    state, notices = resolve(deso, ViewState(level="deso", oparent="1280R999"))
    assert state.oparent == "" and [n.code for n in notices] == ["no_parent"]


def test_the_callbacks_page_and_filter_the_table(deso: Dataset) -> None:
    app = create_app(deso)
    client = app.server.test_client()
    answer = client.post("/_dash-update-component",
                         json=navigate_body(app, "/overview", "?level=deso"))
    assert answer.status_code == 200 and len(answer.data) < 150_000
    view = answer.get_json()["response"]["view"]["data"]
    answer = client.post("/_dash-update-component",
                         json=interact_body(app, view, "ofind", "Område 15"))
    response = answer.get_json()["response"]
    assert "ofind=" in response["url"]["search"]
    text = json.dumps(response, ensure_ascii=False)
    assert "av 11 (av 192 på nivån)" in text  # Område 15 and 150-159
