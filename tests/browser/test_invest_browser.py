"""The social-investment view in a real browser: a scenario typed into the number boxes
gives a headline, the address then holds the scenario (a fresh page opened at it says the
same), and the filled page breaks none of axe-core's WCAG A and AA rules."""

from __future__ import annotations

import pytest

from tests.browser import axe

pytestmark = pytest.mark.browser

START = "/invest?ind=sysselsatta_16_64&level=deso&area=1280C1640"
HEADLINE_DONE = """() => {
  const h = document.querySelector('#headline');
  return h !== null && /återbetald/.test(h.innerText);
}"""


def box(page, label: str, scope: str = "#page"):
    """The number box whose label reads `label` (its stepper buttons sit in the label too,
    so the box is found by the label's text span), inside `scope`."""
    return page.locator(f'{scope} label:has(> .label-text:text-is("{label}")) input')


def type_into(page, box, value: str, param: str) -> None:
    """Type `value` into the number box, confirm it with Enter and wait until the address
    holds `param` and the view has redrawn."""
    box.fill(value)
    box.press("Enter")
    page.wait_for_function(
        f"() => decodeURIComponent(window.location.search).includes({param!r})",
        timeout=10_000)
    axe.settle(page)


def test_a_typed_scenario_has_a_headline_that_its_link_repeats(watched, live_url,
                                                                browser) -> None:
    page = watched.page
    page.goto(live_url + START)
    axe.settle(page)
    assert page.locator("#headline").count() == 0  # no scenario yet, so no headline
    type_into(page, box(page, "Troligt", "#costy-inputs"), "4000000", "costy=4000000")
    type_into(page, box(page, "Antal år med kostnad per år"), "3", "cyrs=3")
    type_into(page, box(page, "Troligt", "#eff-inputs"), "2", "eff=2")
    type_into(page, box(page, "Lågt", "#eff-inputs"), "1", "eff=1,2,2")
    type_into(page, box(page, "Högt", "#eff-inputs"), "3", "eff=1,2,3")
    type_into(page, box(page, "Tidshorisont (år)"), "20", "hor=20")
    page.wait_for_function(HEADLINE_DONE, timeout=15_000)
    headline = page.locator("#headline").inner_text()
    assert "Sibbarp" in headline and "3,5 % diskonteringsränta" in headline
    assert "sannolikheten att nettonuvärdet är positivt" in headline
    address = page.url

    if axe.installed():
        axe.open_sections(page)
        found = axe.audit(page)
        assert found == [], f"/invest with a scenario:\n{axe.summary(found)}"
    assert watched.errors == []

    context = browser.new_context(viewport={"width": 1300, "height": 950})
    try:
        fresh = context.new_page()
        fresh.goto(address)
        axe.settle(fresh)
        fresh.wait_for_function(HEADLINE_DONE, timeout=15_000)
        assert fresh.locator("#headline").inner_text() == headline
    finally:
        context.close()
    if not axe.installed():
        pytest.skip(axe.NOT_INSTALLED + " (the headline and link were checked)")
