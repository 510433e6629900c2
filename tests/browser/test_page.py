"""The page in a real browser: it loads, follows the controls, keeps its state in the URL."""

from __future__ import annotations

import json

import pytest

from tests.browser import axe

pytestmark = pytest.mark.browser

FIGURE_JS = """id => {
  const el = document.querySelector('#' + id + ' .js-plotly-plot');
  return el && el.data ? JSON.stringify(el.data.map(t => [
    t.fillcolor || null, t.x, t.y, t.text || null, t.line || null,
    t.marker ? [t.marker.color || null, t.marker.line || null] : null])) : null;
}"""


def settled(page) -> None:
    page.wait_for_selector("#page > :not(:empty)", timeout=20_000)
    page.wait_for_function("() => !document.querySelector('[data-dash-is-loading]')")


def wait_ready(page) -> None:
    page.wait_for_selector("#map .scatterlayer .trace", timeout=20_000)
    page.wait_for_selector("#bars .cartesianlayer .trace", timeout=20_000)
    settled(page)


def figure(page, graph_id: str) -> list:
    return json.loads(page.evaluate(FIGURE_JS, graph_id))


def test_indicator_change_updates_map_and_bars(watched, live_url) -> None:
    page = watched.page
    page.goto(live_url)
    wait_ready(page)
    assert page.inner_text("#headline").startswith("Män i Oxie förväntas leva 6,4 år längre")
    map_before, bars_before = figure(page, "map"), figure(page, "bars")
    assert len([t for t in map_before if t[0]]) == 10  # ten filled districts

    page.click("#indicator")
    axe.option(page, name="Förvärvsfrekvens 20–64 år").click()
    page.wait_for_function(
        "() => document.querySelector('#headline').innerText.startsWith('Förvärvsfrekvens')")
    wait_ready(page)
    map_after, bars_after = figure(page, "map"), figure(page, "bars")
    assert [t[0] for t in map_after] != [t[0] for t in map_before]
    assert bars_after[0][1] != bars_before[0][1]
    assert "ind=forvarvsfrekvens" in page.url
    assert "procentenheter" in page.inner_text("#headline")
    assert "Mellan grupper: födelseland" in page.inner_text("#gap-panel")
    assert watched.errors == []
    assert watched.foreign_requests() == []


def test_language_switch_and_link_reopen_the_same_view(watched, live_url, browser) -> None:
    page = watched.page
    page.goto(live_url + "/?ind=ohalsotal&sex=female&period=2009")
    wait_ready(page)
    page.click("#lang-toggle")
    page.wait_for_function("() => document.documentElement.lang === 'en'")
    page.wait_for_function(
        "() => document.querySelector('#headline').innerText.startsWith('Sickness days')")
    headline = page.inner_text("#headline")
    assert "2009" in headline and "days per person" in headline
    assert "lang=en" in page.url and "sex=female" in page.url
    assert page.inner_text("#label-indicator") == "Indicator"
    link = page.url
    other = browser.new_page()
    other.goto(link)
    wait_ready(other)
    assert other.inner_text("#headline") == headline
    other.close()
    assert watched.errors == []


def test_outdated_link_falls_back_with_a_visible_notice(watched, live_url) -> None:
    page = watched.page
    page.goto(live_url + "/?ind=forvarvsfrekvens&period=1990&colour=red")
    wait_ready(page)
    notices = page.inner_text("#notices")
    assert "Inga uppgifter för 1990" in notices and "1999" in notices
    assert "colour" in notices
    assert page.inner_text("#headline").startswith("Förvärvsfrekvens")
    assert watched.errors == []


def test_table_alternative_lists_the_values(watched, live_url) -> None:
    page = watched.page
    page.goto(live_url)
    wait_ready(page)
    page.click("#map-table summary")
    page.wait_for_selector("#map-table tbody tr")
    rows = page.locator("#map-table tbody tr")
    assert rows.count() == 10
    assert rows.first.inner_text().startswith("1\tOxie\t81,0")


def test_geographic_map_when_boundaries_are_configured(watched, boundary_url) -> None:
    page = watched.page
    page.goto(boundary_url)
    wait_ready(page)
    box = page.locator("#map .scatterlayer").bounding_box()
    assert box["width"] > 150 and box["height"] > 150  # drawn at map size, not collapsed
    assert "Gränser:" in page.inner_text("#map-note")
    filled = page.locator("#map .scatterlayer path.js-fill").count()
    assert filled == 10
    assert watched.foreign_requests() == []


def test_ranking_choice_changes_the_gradient_and_the_link(watched, live_url) -> None:
    page = watched.page
    page.goto(live_url + "/?ind=ohalsotal")
    wait_ready(page)
    before = page.inner_text("#gap-gradient")
    assert "förvärvsfrekvens" in before
    page.click("#order-control .dash-dropdown")
    axe.option(page, name="Välfärdsindex (medelrang)").click()
    page.wait_for_function(
        "() => document.querySelector('#gap-gradient h3').innerText.includes('välfärdsindex')")
    page.wait_for_function("() => location.search.includes('order=valfardsindex_rangmedel')")
    assert page.inner_text("#gap-gradient") != before
    page.click("#gap-areas details summary")
    page.wait_for_selector("#gap-areas #measure-ti")
    assert page.locator("#gap-areas #measure-ti").is_visible()
    assert watched.errors == []
