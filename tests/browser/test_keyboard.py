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
