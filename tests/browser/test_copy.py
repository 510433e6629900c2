"""The share box's copy actions are buttons a keyboard reaches, and they copy."""

from __future__ import annotations

import pytest

from tests.browser.test_page import settled

pytestmark = pytest.mark.browser


def test_copy_buttons_are_reached_by_tab_and_copy_the_link(browser, live_url) -> None:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    try:
        page.goto(live_url + "/map")
        settled(page)
        page.click("#map-share summary")
        page.wait_for_selector("#map-link-copy")
        button = page.locator("#map-link-copy")
        assert button.evaluate("b => b.tagName") == "BUTTON"
        assert button.inner_text() == "Kopiera länken"
        page.locator("#map-download-full").focus()  # the last download link before it
        page.keyboard.press("Tab")
        assert page.evaluate("() => document.activeElement.id") == "map-link-copy"
        page.keyboard.press("Enter")
        page.wait_for_function(
            "() => document.querySelector('#map-link-copy + .copy-status').innerText !== ''")
        copied = page.evaluate("() => navigator.clipboard.readText()")
        assert copied == page.inner_text("#map-link") and "/map" in copied
    finally:
        context.close()
