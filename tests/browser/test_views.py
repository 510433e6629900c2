"""Every view in a real browser: it loads cleanly, its main control changes its chart, and
its address reopens the same view."""

from __future__ import annotations

import json

import pytest

from tests.browser import axe
from tests.browser.test_page import FIGURE_JS, settled

pytestmark = pytest.mark.browser


def chart(page, name: str) -> list | None:
    raw = page.evaluate(FIGURE_JS, name)
    return json.loads(raw) if raw else None


def choose(page, control: str, option: str) -> None:
    page.click(f"{control} .dash-dropdown")
    axe.option(page, name=option, exact=True).click()


# (path, control to change, option to pick, chart that must change, parameter in the URL)
CASES = [
    ("/map", "#indicator-wrap", "Ohälsotal", "map", "ind=ohalsotal"),
    ("/profile?area=1280SD08", "#area-control", "Oxie", "spine", "area=1280SD07"),
    ("/compare", "#sort-control", "Efter namn", "bars", "sort=name"),
    ("/groups?ind=ohalsotal", "#split-control", "Ålder", "equiplot", "split=age"),
    ("/trends?ind=forvarvsfrekvens", "#area-control", "Rosengård", "trend", "area=1280SD08"),
    ("/trends?ind=forvarvsfrekvens", "#split-control", "Födelseland", "trend",
     "split=birth_region"),
    ("/gradient?ind=ohalsotal", "#order-control", "Välfärdsindex (medelrang)", "gradient",
     "order=valfardsindex_rangmedel"),
    ("/potential", "#indicator-wrap", "Förvärvsfrekvens 20–64 år", "potential",
     "ind=forvarvsfrekvens"),
    ("/index", "#area-control", "Rosengård", "indexbars", "area=1280SD08"),
]


@pytest.mark.parametrize(("path", "control", "option", "name", "param"), CASES,
                         ids=[f"{c[0].split('?')[0].strip('/')}-{c[1].strip('#')}"
                              for c in CASES])
def test_view_follows_its_control_and_its_link(watched, live_url, browser, path, control,
                                               option, name, param) -> None:
    page = watched.page
    page.goto(live_url + path)
    settled(page)
    page.wait_for_selector(f"#{name} .js-plotly-plot .main-svg", timeout=20_000)
    before = chart(page, name)
    choose(page, control, option)
    page.wait_for_function(f"() => window.location.search.includes('{param}')")
    settled(page)
    after = chart(page, name)
    assert after is not None and after != before
    other = browser.new_page()
    other.goto(page.url)
    settled(other)
    other.wait_for_selector(f"#{name} .js-plotly-plot .main-svg", timeout=20_000)
    assert chart(other, name) == after
    other.close()
    assert watched.errors == []
    assert watched.foreign_requests() == []


def test_overview_colours_cells_and_links_to_profiles(watched, live_url) -> None:
    page = watched.page
    page.goto(live_url + "/overview")
    settled(page)
    table = page.locator("#overview-table")
    assert table.locator("td.cell.worse").count() > 10
    assert table.locator("td.cell.better").count() > 10
    page.get_by_role("link", name="Rosengård").click()
    page.wait_for_function("() => window.location.pathname === '/profile'")
    settled(page)
    assert "area=1280SD08" in page.url
    assert "Rosengård är bättre än Malmö på 0" in page.inner_text("#page")
    assert watched.errors == []


def test_map_click_opens_the_area_profile(watched, live_url) -> None:
    page = watched.page
    page.goto(live_url + "/map")
    settled(page)
    page.wait_for_selector("#map .scatterlayer .trace")
    box = page.locator("#map .js-plotly-plot").bounding_box()
    points = page.evaluate("""() => {
      const gd = document.querySelector('#map .js-plotly-plot');
      const t = gd.data.find(d => d.name === 'areas');
      const i = t.customdata.indexOf('1280SD08');
      return [gd._fullLayout.xaxis.l2p(t.x[i]) + gd._fullLayout.xaxis._offset,
              gd._fullLayout.yaxis.l2p(t.y[i]) + gd._fullLayout.yaxis._offset];
    }""")
    page.mouse.click(box["x"] + points[0], box["y"] + points[1])
    page.wait_for_function("() => window.location.pathname === '/profile'")
    settled(page)
    assert "area=1280SD08" in page.url and "Rosengård jämfört med Malmö" in page.inner_text(
        "#page")


def test_menu_keeps_the_choices_and_language(watched, live_url) -> None:
    page = watched.page
    page.goto(live_url + "/?ind=forvarvsfrekvens&lang=en")
    settled(page)
    page.get_by_role("link", name="Trends").click()
    page.wait_for_function("() => window.location.pathname === '/trends'")
    settled(page)
    assert "ind=forvarvsfrekvens" in page.url and "lang=en" in page.url
    assert page.inner_text("#trend-heading").startswith("Employment rate")
    page.get_by_role("link", name="Definitions and sources").click()
    page.wait_for_function("() => window.location.pathname === '/definitions'")
    settled(page)
    assert "Slope index of inequality" in page.inner_text("#measures-table")
    assert watched.errors == []


def test_unknown_page_and_bad_parameters_fall_back_with_notices(watched, live_url) -> None:
    page = watched.page
    page.goto(live_url + "/nowhere?ind=forvarvsfrekvens&area=9999&sel=foo")
    settled(page)
    notices = page.inner_text("#notices")
    assert "Sidan ”/nowhere” finns inte" in notices
    assert "Området ”9999” finns inte" in notices
    assert page.inner_text("#headline").startswith("Förvärvsfrekvens")
    assert watched.errors == []


def test_index_weights_in_the_link_change_the_index(watched, live_url) -> None:
    page = watched.page
    page.goto(live_url + "/index?sel=forvarvsfrekvens,ohalsotal&w=1,1")
    settled(page)
    page.wait_for_selector("#indexbars .js-plotly-plot .main-svg")
    equal = chart(page, "indexbars")
    page.goto(live_url + "/index?sel=forvarvsfrekvens,ohalsotal&w=3,0")
    settled(page)
    page.wait_for_selector("#indexbars .js-plotly-plot .main-svg")
    weighted = chart(page, "indexbars")
    assert weighted != equal
    assert "Förvärvsfrekvens 20–64 år" in page.inner_text("#sel-control")


def test_download_buttons_deliver_the_files(watched, live_url, tmp_path) -> None:
    page = watched.page
    page.goto(live_url + "/compare?lang=en")
    settled(page)
    page.click("#bars-share summary")
    with page.expect_download() as info:
        page.click("#bars-download-csv")
    saved = tmp_path / info.value.suggested_filename
    info.value.save_as(saved)
    assert saved.name.endswith(".csv")
    text = saved.read_text(encoding="utf-8-sig")
    assert text.startswith("Rank,Area") and "Oxie,81.0" in text
    with page.expect_download() as info:
        page.click("#bars-download-png")
    png = tmp_path / "chart.png"
    info.value.save_as(png)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "/compare?lang=en" in page.inner_text("#bars-link")
    assert page.inner_text("#bars-embed").startswith("<iframe")
    assert watched.errors == []
