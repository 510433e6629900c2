"""The keyboard stays where the user was when a control inside a view redraws its part."""

from __future__ import annotations

import pytest

from tests.browser.test_page import settled
from tests.browser.test_views import choose

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(("path", "control", "option", "param"), [
    ("/trends?ind=forvarvsfrekvens", "#area-control", "Rosengård", "area=1280SD08"),
    ("/compare", "#sort-control", "Efter namn", "sort=name"),
])
def test_focus_stays_on_the_control_after_an_in_view_change(watched, live_url, path, control,
                                                            option, param) -> None:
    page = watched.page
    page.goto(live_url + path)
    settled(page)
    choose(page, control, option)
    page.wait_for_function(f"() => window.location.search.includes('{param}')")
    settled(page)
    page.wait_for_function(
        f"() => document.activeElement.closest('{control}') !== null", timeout=5_000)
    assert watched.errors == []


def test_a_weight_moved_by_arrow_keys_keeps_the_focus(watched, live_url) -> None:
    page = watched.page
    page.goto(live_url + "/index")
    settled(page)
    slider = page.locator("#page [role=slider]").first
    slider.focus()
    before = page.url
    page.keyboard.press("ArrowLeft")
    page.wait_for_function(f"() => window.location.href !== {before!r}")
    settled(page)
    assert page.evaluate("() => document.activeElement.getAttribute('role')") == "slider"
    assert watched.errors == []


ACTIVE_JS = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  return {id: el.id, tag: el.tagName, type: el.type || '', text: el.innerText.trim(),
          outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2};
}"""


def tab_to(page, selector: str, key: str = "Tab", limit: int = 40) -> dict:
    """Press Tab (or `key`) until the element at `selector` has the focus; what has it."""
    for _ in range(limit):
        page.keyboard.press(key)
        if page.evaluate(f"() => document.activeElement.matches({selector!r})"):
            return page.evaluate(ACTIVE_JS)
    raise AssertionError(f"{selector} not reached in {limit} presses of {key}")


def next_option(page) -> str:
    """In a dropdown just opened, wait for the focus on an option, move it to the next
    one with the arrow key, and say which."""
    page.wait_for_selector(".dash-dropdown-content input[type=radio]:focus")
    first = page.evaluate("() => document.activeElement.value")
    page.keyboard.press("ArrowDown")
    page.wait_for_function(f"() => document.activeElement.value !== {first!r}")
    return page.evaluate("() => document.activeElement.closest('label').innerText.trim()")


def choose_next_by_keys(page, control: str, opener: str) -> None:
    """In the focused dropdown `control`, opened with the key `opener`, choose the option
    after the current one with ↓ and Enter: the view changes to it and the focus is back
    on the dropdown."""
    before = page.url
    page.keyboard.press(opener)
    chosen = next_option(page)
    page.keyboard.press("Enter")
    page.wait_for_function(f"() => window.location.href !== {before!r}")
    settled(page)
    page.wait_for_function(f"() => document.activeElement.id === {control!r}")
    assert page.inner_text(f"#{control}") == chosen


def test_a_keyboard_alone_goes_through_a_view(watched, live_url) -> None:
    """Skip link, indicator, year, sex, the download box and the language, with no mouse:
    each step is reached by Tab, shows where the focus is, changes the view, and leaves
    the focus on the control the user changed."""
    page = watched.page
    page.goto(live_url + "/map?lang=sv")
    settled(page)
    page.keyboard.press("Tab")
    assert page.evaluate(ACTIVE_JS)["id"] == "skip-link"
    page.keyboard.press("Enter")
    assert page.evaluate(ACTIVE_JS)["id"] == "main"

    page.keyboard.press("Tab")
    indicator = page.evaluate(ACTIVE_JS)
    assert (indicator["id"], indicator["tag"], indicator["outline"]) == \
        ("indicator", "BUTTON", True)
    assert tab_to(page, "#period")["outline"]  # the years of the first indicator
    choose_next_by_keys(page, "period", "ArrowDown")

    assert tab_to(page, "#indicator", key="Shift+Tab")["outline"]
    choose_next_by_keys(page, "indicator", "Enter")

    radio = tab_to(page, "#sex input")
    assert radio["type"] == "radio" and radio["outline"]
    before = page.url
    page.keyboard.press("ArrowRight")
    page.wait_for_function(f"() => window.location.href !== {before!r}")
    settled(page)
    assert page.evaluate("() => document.activeElement.closest('#sex') !== null")

    box = tab_to(page, "#map-share summary")
    assert box["outline"]
    page.keyboard.press("Enter")
    page.wait_for_selector("#map-download-csv")
    link = tab_to(page, "a.download")
    assert link["outline"] and link["tag"] == "A"
    assert tab_to(page, "#map-link-copy")["tag"] == "BUTTON"

    view = page.url
    toggle = tab_to(page, "#lang-toggle", key="Shift+Tab", limit=80)
    assert toggle["outline"]
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.documentElement.lang === 'en'")
    settled(page)
    assert "lang=en" in page.url
    for param in view.split("?")[1].split("&"):
        if not param.startswith("lang="):
            assert param in page.url
    assert page.inner_text("#label-indicator") == "Indicator"
    assert watched.errors == []


def test_the_index_indicators_are_named_boxes_ticked_by_the_space_bar(watched, live_url
                                                                      ) -> None:
    page = watched.page
    page.goto(live_url + "/index")
    settled(page)
    group = page.get_by_role("group", name="Indikatorer i indexet")
    boxes = group.get_by_role("checkbox")
    assert boxes.count() >= 4
    unticked = group.get_by_role("checkbox", checked=False).first
    name = unticked.evaluate("b => b.closest('label').innerText.trim()")
    sliders = page.locator("#page [role=slider]").count()
    unticked.focus()
    page.keyboard.press("Space")
    page.wait_for_function("n => document.querySelectorAll('#page [role=slider]').length > n",
                           arg=sliders)
    settled(page)
    assert page.get_by_role("slider", name=name).count() == 1
    assert page.get_by_role("checkbox", name=name).is_checked()
    assert watched.errors == []
