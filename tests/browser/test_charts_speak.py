"""Charts speak (issue 12, item 3): every chart is an image named by its card's heading and
described by its generated text, as the browser's accessibility tree reports them; its table
is the next thing after it; no toolbar adds English buttons inside the image."""

from __future__ import annotations

import pytest

from tests.browser.test_page import settled

pytestmark = pytest.mark.browser

# The charts of a view: their ids, headings and texts, and what follows each image.
CARDS_JS = """() => {
const nextShown = el => {
  let n = el.nextElementSibling;
  while (n && n.hidden) n = n.nextElementSibling;
  return n;
};
return [...document.querySelectorAll('.card [role=img]')].map(img => ({
  id: img.id,
  heading: document.getElementById(img.id + '-heading').innerText.trim(),
  alt: (document.getElementById(img.id + '-alt') || {textContent: ''}).textContent.trim(),
  next: nextShown(img) && nextShown(img).querySelector('summary')
        ? nextShown(img).querySelector('summary').innerText.trim() : '',
  toolbar: img.querySelectorAll('.modebar, .modebar-btn').length,
  focusable: img.querySelectorAll('a[href], button, input, [tabindex]').length,
}));
}"""


def accessible(page, element_id: str) -> tuple[str, str]:
    """The role, name and description chromium gives the element (its accessibility tree,
    read through the DevTools protocol)."""
    cdp = page.context.new_cdp_session(page)
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": f"#{element_id}"})
    tree = cdp.send("Accessibility.getPartialAXTree",
                    {"nodeId": node["nodeId"], "fetchRelatives": False})["nodes"][0]
    cdp.detach()
    return (tree.get("name", {}).get("value", ""),
            tree.get("description", {}).get("value", ""))


@pytest.mark.parametrize("path", ["/map", "/compare", "/trends?ind=forvarvsfrekvens",
                                  "/gradient", "/index"])
def test_every_chart_is_a_named_and_described_image_with_its_table_next(watched, live_url,
                                                                         path) -> None:
    page = watched.page
    page.goto(live_url + path + ("&" if "?" in path else "?") + "lang=sv")
    settled(page)
    page.wait_for_selector(".card [role=img] .main-svg")
    cards = page.evaluate(CARDS_JS)
    assert cards, f"no chart on {path}"
    for card in cards:
        name, description = accessible(page, card["id"])
        assert name == card["heading"] and name
        assert description == card["alt"] and len(description) > 40
        assert card["next"] == "Visa som tabell"
        assert card["toolbar"] == 0 and card["focusable"] == 0
    assert watched.errors == []


def test_the_image_follows_a_change_of_indicator(watched, live_url) -> None:
    page = watched.page
    page.goto(live_url + "/map?lang=sv")
    settled(page)
    before = accessible(page, "map")
    page.goto(live_url + "/map?lang=sv&ind=ohalsotal")
    settled(page)
    after = accessible(page, "map")
    assert "hälsotal" in after[0].lower() + after[1].lower()
    assert after != before
