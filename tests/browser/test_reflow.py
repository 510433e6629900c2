"""Reflow at 320 CSS px (WCAG 1.4.10; issue 12, item 5): no view, in either language and
with every section open, scrolls sideways; a data table wider than the screen scrolls inside
its own box instead. Measured in a window 320 px wide, as a phone or a 400 % zoom shows it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from dashboard.app.pages import registry
from dashboard.figures.charts import CHART_IDS
from tests.browser import axe
from tests.browser.test_page import settled
from tests.chart_views import chart_query

pytestmark = pytest.mark.browser

WIDTH = 320
VIEWS = tuple(page.path for page in registry())
LANGS = ("sv", "en")

# What sticks out past the right edge of the window and is not inside a box that clips it
# (elements, then text running out of its element), so that a failure names the culprit.
OVERFLOW_JS = """w => {
  const out = [];
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.right <= w + 0.5) continue;
    let p = el.parentElement, clipped = false;
    while (p) {
      const pr = p.getBoundingClientRect();
      if (getComputedStyle(p).overflowX !== 'visible' && pr.right <= w + 0.5) {
        clipped = true;
        break;
      }
      p = p.parentElement;
    }
    if (!clipped) out.push(`${el.tagName}#${el.id}.${el.getAttribute('class') || ''}`
                           + ` ${Math.round(r.left)}-${Math.round(r.right)}`);
  }
  const words = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = words.nextNode(); n; n = words.nextNode()) {
    const range = document.createRange();
    range.selectNodeContents(n);
    const r = range.getBoundingClientRect();
    if (r.right > w + 0.5 && n.parentElement.closest('svg, .scroll, .markup') === null)
      out.push(`text "${n.textContent.slice(0, 40)}" ${Math.round(r.left)}-${Math.round(r.right)}`);
  }
  return out.slice(0, 8);
}"""

# Each table, its width, and the nearest box around it that scrolls sideways (if any).
TABLES_JS = """() => [...document.querySelectorAll('table')].map(t => {
  let box = t.parentElement;
  const scrolling = el => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX);
  while (box && box !== document.body && !scrolling(box)) box = box.parentElement;
  const scrolls = box && box !== document.body;
  return {table: t.id || t.getAttribute('class') || 'table',
          width: t.getBoundingClientRect().width,
          box: scrolls ? box.getBoundingClientRect().right : null,
          inner: scrolls ? box.scrollWidth - box.clientWidth : null};
})"""

OPEN_ALL_JS = """() => { for (const s of document.querySelectorAll('details:not([open]) > summary'))
  s.click(); }"""
LAZY_FILLED_JS = """() => [...document.querySelectorAll('[id*="lazy-body"]')]
  .every(d => d.childElementCount > 0)"""


@pytest.fixture()
def narrow(browser) -> Iterator[object]:
    context = browser.new_context(viewport={"width": WIDTH, "height": 640})
    yield context.new_page()
    context.close()


def open_everything(page) -> None:
    """Open every collapsed section and wait for the ones drawn on request."""
    page.evaluate(OPEN_ALL_JS)
    page.wait_for_function(LAZY_FILLED_JS, timeout=20_000)
    settled(page)


def page_width(page) -> int:
    return page.evaluate("() => document.documentElement.scrollWidth")


def assert_fits(page, where: str) -> None:
    width = page_width(page)
    assert width <= WIDTH, (f"{where} is {width} px wide at {WIDTH} px; sticking out: "
                            f"{page.evaluate(OVERFLOW_JS, WIDTH)}")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", VIEWS, ids=[v.strip("/") or "start" for v in VIEWS])
def test_no_view_scrolls_sideways_at_320px(narrow, live_url, path, lang) -> None:
    narrow.goto(f"{live_url}{path}?lang={lang}")
    settled(narrow)
    open_everything(narrow)
    assert_fits(narrow, f"{path} ({lang}, every section open)")
    for table in narrow.evaluate(TABLES_JS):
        assert table["box"] is not None, f"{path}: table {table['table']} has no scrolling box"
        assert table["box"] <= WIDTH + 0.5, f"{path}: the box of {table['table']} sticks out"


@pytest.mark.parametrize("lang", LANGS)
def test_an_open_dropdown_and_a_long_indicator_name_keep_the_width(narrow, live_url,
                                                                    lang) -> None:
    narrow.goto(f"{live_url}/map?lang={lang}&ind=forvarvsfrekvens")
    settled(narrow)
    narrow.click("#indicator-wrap .dash-dropdown")
    narrow.wait_for_selector(axe.OPTION)
    assert_fits(narrow, f"/map ({lang}) with the indicator list open")


def test_wide_tables_scroll_inside_their_box(narrow, live_url) -> None:
    """The overview (one column per stadsdel) and the measures reference are wider than a
    phone: their box scrolls, the page does not."""
    for path, table_id in (("/overview", "overview-table"), ("/definitions", "measures-table")):
        narrow.goto(live_url + path)
        settled(narrow)
        table = next(t for t in narrow.evaluate(TABLES_JS) if t["table"] == table_id)
        assert table["width"] > WIDTH
        assert table["inner"] > 0 and table["box"] <= WIDTH
        assert page_width(narrow) <= WIDTH


def test_many_areas_overview_scrolls_in_its_box(narrow, live_url) -> None:
    narrow.goto(live_url + "/overview?level=deso")
    settled(narrow)
    narrow.wait_for_selector("#overview-markup table.overview")
    assert_fits(narrow, "/overview?level=deso")
    table = next(t for t in narrow.evaluate(TABLES_JS) if t["table"] == "overview-table")
    assert table["inner"] > 0


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("chart_id", CHART_IDS)
def test_embedded_charts_fit_320px(narrow, live_url, chart_id, lang) -> None:
    narrow.goto(f"{live_url}/embed/{chart_id}{chart_query(chart_id, lang)}")
    narrow.wait_for_selector(".js-plotly-plot .main-svg", timeout=20_000)
    assert_fits(narrow, f"/embed/{chart_id} ({lang})")


def test_map_with_real_boundaries_fits_320px(narrow, boundary_url) -> None:
    narrow.goto(boundary_url + "/map")
    settled(narrow)
    narrow.wait_for_selector("#map .js-plotly-plot .main-svg", timeout=20_000)
    assert_fits(narrow, "/map with the stadsdel boundaries")


# Each tile's label on the map: its words, the box of its text and of its tile, on screen.
TILE_LABELS_JS = """() => {
  const gd = document.querySelector('#map .js-plotly-plot');
  const tiles = [...gd.querySelectorAll('.scatterlayer .trace')]
    .map(t => t.querySelector('.js-fill')).filter(Boolean)
    .map(f => f.getBoundingClientRect()).filter(r => r.width > 0);
  return [...gd.querySelectorAll('.textpoint text')].map(text => {
    const r = text.getBoundingClientRect();
    const x = (r.left + r.right) / 2, y = (r.top + r.bottom) / 2;
    const tile = tiles.find(b => b.left <= x && x <= b.right && b.top <= y && y <= b.bottom);
    return {words: text.textContent, left: r.left, right: r.right, top: r.top,
            bottom: r.bottom, tile: tile ? [tile.left, tile.right, tile.top, tile.bottom]
                                        : null};
  });
}"""


# True once the map shows the labels made for its width (set after its first draw).
LABELS_SET_JS = """() => {
  const gd = document.querySelector('#map .js-plotly-plot');
  const trace = gd.data.find(t => t.meta && t.meta.label_sets);
  const set = trace.meta.label_sets.find(s => s.below === null || gd.clientWidth < s.below);
  return JSON.stringify(trace.text) === JSON.stringify(set.text);
}"""


@pytest.mark.parametrize("width", [320, 390, 1280])
def test_the_tile_map_labels_stay_inside_their_tiles_on_a_phone(browser, live_url,
                                                                 width) -> None:
    """On a phone the tile map keeps a readable label in every tile: the name where it
    fits, the value alone where it does not; on a wide screen every tile has its name."""
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    try:
        page.goto(f"{live_url}/map?lang=sv")
        settled(page)
        page.wait_for_function(
            "() => document.querySelectorAll('#map .textpoint text').length >= 10")
        page.wait_for_function(LABELS_SET_JS)
        labels = page.evaluate(TILE_LABELS_JS)
        assert len(labels) == 10
        for label in labels:
            left, right, top, bottom = label["tile"]
            assert left - 1 <= label["left"] and label["right"] <= right + 1, label
            assert top - 1 <= label["top"] and label["bottom"] <= bottom + 1, label
            assert any(ch.isdigit() for ch in label["words"]), label
        named = [label for label in labels if any(ch.isalpha() for ch in label["words"])]
        if width == 1280:
            assert len(named) == 10
        else:
            assert 0 < len(named) < 10
    finally:
        context.close()
