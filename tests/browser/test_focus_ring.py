"""Every Tab stop shows a focus ring of at least 3:1 against white (WCAG 2.1, 1.4.11 and
2.4.7): the menu, the controls, Dash's own inputs and dropdowns, the overview's sort links
and the /upload file input (whose box carries the ring)."""

from __future__ import annotations

import pytest

from dashboard.figures.style import contrast_ratio
from tests.browser.test_page import settled

pytestmark = pytest.mark.browser

# The element with focus, or the nearest of its three ancestors with an outline: its
# outline's width and colour (as 'rgb(r, g, b)').
RING = """() => {
  const focused = document.activeElement;
  let node = focused;
  for (let i = 0; i < 4 && node && node !== document.body; i++, node = node.parentElement) {
    const s = getComputedStyle(node);
    if (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) {
      return [focused.tagName, focused.id || focused.className.toString(),
              parseFloat(s.outlineWidth), s.outlineColor];
    }
  }
  return [focused.tagName, focused.id || focused.className.toString(), 0, ''];
}"""
MAX_STOPS = 80


def hex_of(rgb: str) -> str:
    r, g, b = (int(float(x)) for x in rgb[rgb.index("(") + 1:-1].split(",")[:3])
    return f"#{r:02x}{g:02x}{b:02x}"


@pytest.mark.parametrize("path", ["/", "/upload", "/overview?level=deso", "/index"])
def test_every_tab_stop_has_a_ring_of_3_to_1(watched, live_url, path: str) -> None:
    page = watched.page
    page.goto(live_url + path)
    settled(page)
    stops, weak = [], []
    for _ in range(MAX_STOPS):
        page.keyboard.press("Tab")
        tag, name, width, colour = page.evaluate(RING)
        if tag == "BODY":
            break
        stops.append((tag, name))
        if width < 2 or contrast_ratio(hex_of(colour), "#ffffff") < 3.0:
            weak.append((tag, name, width, colour))
    assert len(stops) > 10
    assert not weak, weak
    if path == "/upload":
        assert ("INPUT", "") in [(tag, name) for tag, name in stops]  # the file input
