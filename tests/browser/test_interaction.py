"""The path from a click to a chart, in a real browser: one request per interaction, only the
parts that use the changed choice redrawn, focus kept, back and forward followed, and a page
with hundreds of areas that settles after one answer."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from dashboard.app.factory import create_app
from tests.browser import axe
from tests.browser.conftest import serve
from tests.browser.test_page import settled, wait_ready
from tests.synthetic import many_areas

pytestmark = pytest.mark.browser


def _updates(page) -> list[dict]:
    """The Dash update requests the page sent since the last call (what they asked for)."""
    sent = page.evaluate("() => { const s = window.__sent || []; window.__sent = []; return s; }")
    return [json.loads(s) for s in sent]


def _record(page) -> None:
    page.add_init_script("""(() => {
      window.__sent = [];
      const send = window.fetch;
      window.fetch = function (url, init) {
        if (String(url).includes('_dash-update-component') && init && init.body) {
          window.__sent.push(init.body);
        }
        return send.apply(this, arguments);
      };
    })();""")


def _quiet(page) -> None:
    page.wait_for_load_state("networkidle")
    settled(page)
    page.wait_for_timeout(400)
    page.wait_for_load_state("networkidle")


def _server_calls(page) -> list[str]:
    return [u["output"].split("...")[0].strip(".") for u in _updates(page)]


def test_a_change_sends_one_request_and_redraws_only_what_uses_it(watched, live_url) -> None:
    page = watched.page
    _record(page)
    page.goto(live_url + "/compare")
    wait_ready_bars(page)
    _quiet(page)
    assert len(_server_calls(page)) == 1  # the view, drawn once; the new controls stay quiet
    headline = page.inner_text("#headline")
    page.click("#sort-control .dash-dropdown")
    axe.option(page, name="Efter namn").click()
    page.wait_for_function("() => window.location.search.includes('sort=name')")
    _quiet(page)
    calls = _updates(page)
    assert len(calls) == 1
    assert calls[0]["inputs"][0]["value"]["name"] == "sort"
    assert page.inner_text("#headline") == headline
    focused = page.evaluate("() => document.activeElement.closest('#sort-control') !== null")
    assert focused, "the sort control lost keyboard focus"
    page.go_back()
    page.wait_for_function("() => !window.location.search.includes('sort=name')")
    _quiet(page)
    names = page.evaluate(
        "() => [...document.querySelectorAll('#bars .ytick text')].map(e => e.textContent)")
    assert names[-1] == "Oxie"  # best at the top again (Plotly lists ticks bottom-up)
    assert watched.errors == []


def wait_ready_bars(page) -> None:
    page.wait_for_selector("#bars .cartesianlayer .trace", timeout=20_000)
    settled(page)


def test_changing_the_indicator_keeps_focus_and_updates_the_links(watched, live_url) -> None:
    page = watched.page
    _record(page)
    page.goto(live_url)
    wait_ready(page)
    _quiet(page)
    _updates(page)
    page.click("#indicator")
    axe.option(page, name="Ohälsotal").click()
    page.wait_for_function(
        "() => document.querySelector('#headline').innerText.startsWith('Ohälsotal')")
    _quiet(page)
    assert len(_updates(page)) == 1
    assert page.evaluate("() => document.activeElement.closest('#indicator-wrap') !== null")
    page.click("#map-share summary")
    page.wait_for_selector("#map-download-png2")
    _quiet(page)
    assert len(_updates(page)) == 1  # the downloads are drawn when first opened
    link = page.locator("#map-download-png2").get_attribute("href")
    assert "ind=ohalsotal" in link and link.endswith("scale=2")
    page.click("#order-control .dash-dropdown")
    axe.option(page, name="Välfärdsindex (medelrang)").click()
    page.wait_for_function("() => window.location.search.includes('valfardsindex')")
    _quiet(page)
    assert len(_updates(page)) == 1
    # the map does not use the ranking, yet its downloads and link follow the whole view
    assert "order=valfardsindex_rangmedel" in page.locator(
        "#map-download-csv").get_attribute("href")
    assert "order=valfardsindex_rangmedel" in page.evaluate(
        "() => document.querySelector('#map-link').textContent")
    assert watched.errors == []


@pytest.fixture(scope="module")
def many_url(dataset) -> Iterator[str]:
    url, server = serve(create_app(many_areas(dataset, 700)))
    yield url
    server.shutdown()


def test_hundreds_of_areas_settle_after_one_answer(watched, many_url) -> None:
    page = watched.page
    _record(page)
    template_level = "deso"
    page.goto(f"{many_url}/compare?ind=ohalsotal&level={template_level}")
    page.wait_for_selector("#bars .cartesianlayer .trace", timeout=30_000)
    _quiet(page)
    assert len(_server_calls(page)) == 1
    page.click("#sort-control .dash-dropdown")
    axe.option(page, name="Efter namn").click()
    page.wait_for_function("() => window.location.search.includes('sort=name')")
    _quiet(page)
    assert len(_updates(page)) == 1
    assert watched.errors == []


def test_the_definitions_follow_their_topic_in_one_request(watched, live_url) -> None:
    page = watched.page
    _record(page)
    page.goto(live_url + "/definitions")
    page.wait_for_selector("#topic-control")
    _quiet(page)
    _updates(page)
    every = page.locator("article.definition").count()
    page.click("#topic-control .dash-dropdown")
    axe.option(page, name="Hälsa", exact=True).click()
    page.wait_for_function("() => location.search.includes('topic=health')")
    _quiet(page)
    assert len(_updates(page)) == 1
    health = page.locator("article.definition").count()
    assert 0 < health < every
    assert page.inner_text("#headline").startswith(f"{health} ")
    assert watched.errors == []
