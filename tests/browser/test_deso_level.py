"""Malmö today in a real browser: the start page leads with 2022 figures, and the DeSO views
(ranking, gradient in fifths and tenths) draw without a console error."""

from __future__ import annotations

import json

import pytest

from tests.browser.test_page import settled

pytestmark = pytest.mark.browser

POINTS_JS = """id => {
  const el = document.querySelector('#' + id + ' .js-plotly-plot');
  return el && el.data ? JSON.stringify(el.data.map(t => (t.x || []).length)) : null;
}"""


def test_start_page_leads_with_the_newest_small_area_gap(watched, live_url) -> None:
    page = watched.page
    page.goto(live_url + "/")
    settled(page)
    lead = page.inner_text("#today")
    assert "femtedel" in lead and "2022" in lead and "Folkhälsomyndigheten" in lead
    page.click("#lead-gradient-link")
    page.wait_for_function("() => window.location.pathname === '/gradient'")
    settled(page)
    page.wait_for_selector("#areagroups .js-plotly-plot .main-svg", timeout=20_000)
    assert "level=deso" in page.url
    assert watched.errors == []


def test_deso_ranking_and_gradient_draw_and_tenths_follow_the_control(watched,
                                                                      live_url) -> None:
    page = watched.page
    page.goto(live_url + "/compare?level=deso&ind=vaccination_covid19_dos1")
    settled(page)
    page.wait_for_selector("#bars .js-plotly-plot .main-svg", timeout=20_000)
    assert "DeSO" in page.inner_text("#page")
    page.goto(live_url + "/gradient?level=deso&ind=vaccination_covid19_dos1")
    settled(page)
    page.wait_for_selector("#areagroups .js-plotly-plot .main-svg", timeout=20_000)
    page.wait_for_selector("#gradient .js-plotly-plot .main-svg", timeout=20_000)
    fifths = json.loads(page.evaluate(POINTS_JS, "areagroups"))
    page.get_by_label("Tiondelar (10)").check()
    page.wait_for_function("() => window.location.search.includes('bins=10')")
    settled(page)
    tenths = json.loads(page.evaluate(POINTS_JS, "areagroups"))
    # one marker trace per group (beside the line that joins them)
    assert fifths.count(1) == 5 and tenths.count(1) == 10
    assert watched.errors == []
