"""axe-core in a real browser: every view, in Swedish and English, with every collapsed
section open, with the indicator dropdown open and after another indicator is chosen, and
every embedded chart, breaks none of axe-core's WCAG 2.0/2.1 A and AA rules (issue 12,
items 1 and 8). `benchmarks/axe_audit.py` prints the same audit as a table.
"""

from __future__ import annotations

import pytest

from dashboard.figures.charts import CHART_IDS
from tests.browser import axe
from tests.chart_views import chart_query

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def axe_installed() -> None:
    if not axe.installed():
        pytest.skip(axe.NOT_INSTALLED)


def check(page, where: str) -> None:
    found = axe.audit(page)
    assert found == [], f"{where}:\n{axe.summary(found)}"


@pytest.mark.parametrize("view", axe.views(), ids=lambda v: v.id)
def test_view_breaks_no_wcag_rule(axe_installed, watched, live_url, view) -> None:
    page = watched.page
    for lang in axe.LANGS:
        page.goto(view.url(live_url, lang))
        axe.settle(page)
        axe.open_sections(page)
        check(page, f"{view.address} ({lang}), sections open")
        if view.has_indicator and page.locator("#indicator").is_visible():
            axe.open_indicator_choice(page)
            check(page, f"{view.address} ({lang}), indicator dropdown open")
            axe.choose_other_indicator(page)
            axe.open_sections(page)
            check(page, f"{view.address} ({lang}), after another indicator")
    assert watched.errors == []


def test_embedded_charts_break_no_wcag_rule(axe_installed, watched, live_url) -> None:
    page = watched.page
    for chart_id in CHART_IDS:
        for lang in axe.LANGS:
            response = page.goto(f"{live_url}/embed/{chart_id}{chart_query(chart_id, lang)}")
            assert response is not None
            if response.status == 404:  # a chart with no data in the default view
                continue
            page.wait_for_selector(".main-svg", timeout=20_000)
            check(page, f"/embed/{chart_id} ({lang})")


def test_the_audit_finds_what_it_guards_against(axe_installed, watched, live_url) -> None:
    """The audit runs axe-core's WCAG rules and reports a real violation: an image without
    a text alternative and a button without a name, added to a view."""
    page = watched.page
    page.goto(live_url + "/compare")
    axe.settle(page)
    rules = axe.wcag_rules(page)
    assert {"color-contrast", "label", "aria-hidden-focus", "nested-interactive",
            "aria-input-field-name"} <= set(rules)
    assert axe.audit(page) == []
    page.evaluate("""() => {
      document.querySelector('main, #page').insertAdjacentHTML('beforeend',
        '<img src="/assets/none.png" id="no-alt"><button id="no-name"></button>');
    }""")
    found = {v.rule: v.targets for v in axe.audit(page)}
    assert found["image-alt"] == ("#no-alt",)
    assert found["button-name"] == ("#no-name",)
