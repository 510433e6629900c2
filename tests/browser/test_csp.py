"""The content security policy in a real browser: every view and an embed still draw, with
no violation reported, and the policy is the one the server sends (issue 11, item 15)."""

from __future__ import annotations

import pytest

from tests.browser.test_page import settled

pytestmark = pytest.mark.browser

# Records every violation the browser reports, before any script of the page runs.
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', e => window.__violations.push(
  e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' ' + (e.sample || '')));
"""
VIEWS = ["/", "/overview", "/map", "/profile?area=1280SD08", "/compare", "/groups",
         "/trends?ind=forvarvsfrekvens", "/gradient", "/potential", "/index", "/definitions",
         "/upload"]
WITHOUT_CHARTS = {"/overview", "/definitions", "/upload"}
ALL_DRAWN = """() => [...document.querySelectorAll('.js-plotly-plot')]
  .every(plot => plot.querySelector('.main-svg'))"""


def test_every_view_draws_under_the_policy_without_violations(watched, live_url) -> None:
    page = watched.page
    page.add_init_script(RECORD_VIOLATIONS)
    for path in VIEWS:
        response = page.goto(live_url + path)
        assert response is not None
        policy = response.headers["content-security-policy"]
        assert "frame-ancestors 'none'" in policy and "'unsafe-inline'" not in \
            policy.split("script-src", 1)[1].split(";", 1)[0]
        settled(page)
        if path not in WITHOUT_CHARTS:
            page.wait_for_selector(".js-plotly-plot .main-svg", timeout=20_000)
        page.wait_for_function(ALL_DRAWN, timeout=20_000)
        assert page.evaluate("window.__violations") == [], path
    assert not [e for e in watched.errors if "Content Security Policy" in e], watched.errors
    assert watched.errors == []


def test_embed_draws_under_the_policy_inside_a_frame(watched, live_url) -> None:
    page = watched.page
    page.add_init_script(RECORD_VIOLATIONS)
    response = page.goto(live_url + "/embed/bars?lang=en&ind=ohalsotal")
    assert response is not None and "frame-ancestors *" in \
        response.headers["content-security-policy"]
    page.wait_for_selector("#chart .main-svg", timeout=20_000)
    assert page.evaluate("window.__violations") == []
    # Framed by another page (a data: URL is another origin), it still draws.
    page.set_content(f'<iframe src="{live_url}/embed/bars?lang=en" width="900" '
                     'height="700"></iframe>')
    frame = page.frame_locator("iframe")
    frame.locator("#chart .main-svg").first.wait_for(timeout=20_000)
    assert watched.errors == []


def test_the_page_refuses_to_be_framed(watched, live_url) -> None:
    page = watched.page
    page.set_content(f'<iframe src="{live_url}/compare" width="900" height="700"></iframe>')
    page.wait_for_timeout(2000)
    frame = page.main_frame.child_frames[0]
    assert frame.locator("#page").count() == 0
    assert any("frame-ancestors" in e for e in watched.errors), watched.errors
