"""The shell says what it does in the user's language (issue 11, items 6 and 7): an
unknown language, an unknown area, and a control that does not
apply to the view is not shown."""

from __future__ import annotations

import pytest

from tests.browser import axe
from tests.browser.test_page import settled

pytestmark = pytest.mark.browser


def test_an_unknown_language_is_named_as_a_language(watched, live_url) -> None:
    page = watched.page
    page.goto(live_url + "/?lang=xx")
    settled(page)
    notices = page.inner_text("#notices")
    assert "Språket ”xx” finns inte; visar svenska." in notices
    assert "Okända parametrar" not in notices


def test_an_unknown_area_is_not_said_to_be_unchosen_while_one_is_shown(watched, live_url):
    page = watched.page
    page.goto(live_url + "/profile?area=1280XX99")
    settled(page)
    notices = page.inner_text("#notices")
    assert "”1280XX99” finns inte" in notices and "inget område är valt" not in notices


def test_the_sex_choice_is_hidden_while_the_groups_are_split_by_sex(watched, live_url) -> None:
    page = watched.page
    page.goto(live_url + "/groups?ind=ohalsotal")
    settled(page)
    page.wait_for_selector("#split-control")
    assert not page.locator("#sex-wrap").is_visible()
    page.click("#split-control .dash-dropdown")
    axe.option(page, name="Ålder").click()
    page.wait_for_function("() => location.search.includes('split=age')")
    settled(page)
    assert page.locator("#sex-wrap").is_visible()
