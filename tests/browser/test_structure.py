"""The page's structure (issue 12, item 6, and item 2's skip link): the served HTML names its
language and the view, each view has one heading hierarchy under one h1 with its name, one
header, named menu, main part and footer, the menu marks the view shown, and a skip link
is the first Tab stop and takes focus into the main part."""

from __future__ import annotations

import re
from urllib.request import urlopen

import pytest

from dashboard.app.pages import registry
from dashboard.core.texts import t
from tests.browser.test_page import settled

VIEWS = [(p.path, p.title_key) for p in registry()]
CASES = [(path, key, lang) for path, key in VIEWS for lang in ("sv", "en")]

STRUCTURE_JS = """() => {
  const count = sel => document.querySelectorAll(sel).length;
  const nav = document.querySelector('nav');
  const named = nav && nav.getAttribute('aria-labelledby');
  const current = [...document.querySelectorAll('[aria-current]')];
  return {
    lang: document.documentElement.lang,
    title: document.title,
    h1: [...document.querySelectorAll('h1')].map(h => h.innerText.trim()),
    levels: [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')]
      .map(h => [Number(h.tagName[1]), h.innerText.trim()]),
    headers: count('header'), navs: count('nav'), mains: count('main'),
    footers: count('footer'),
    navName: named ? (document.getElementById(named) || {}).textContent || '' :
                     nav && nav.getAttribute('aria-label') || '',
    h1InMain: !!document.querySelector('main h1'),
    current: current.map(a => [a.getAttribute('aria-current'), a.innerText.trim(),
                               new URL(a.href).pathname, !!a.closest('nav')]),
  };
}"""

FOCUS_JS = """() => {
  const el = document.activeElement;
  const box = el.getBoundingClientRect();
  return {id: el.id, tag: el.tagName, text: el.innerText.trim(),
          inMain: !!el.closest('main'), shown: box.top >= 0 && box.height > 0 &&
          box.bottom <= window.innerHeight && getComputedStyle(el).visibility !== 'hidden'};
}"""


def expected_title(key: str, lang: str) -> str:
    return f"{t(key, lang)} – {t('app_title', lang)}"


def served(url: str) -> str:
    with urlopen(url, timeout=20) as response:  # the test's own server on 127.0.0.1
        return response.read().decode("utf-8")


@pytest.mark.parametrize(("path", "key", "lang"), CASES)
def test_the_served_html_names_its_language_and_view(live_url, path, key, lang) -> None:
    html = served(f"{live_url}{path}?lang={lang}")
    assert re.search(rf'<html lang="{lang}">', html)
    assert f"<title>{expected_title(key, lang)}</title>" in html
    assert "<footer" not in html  # Dash's own footer around its scripts is a landmark


def test_an_address_it_does_not_know_gets_a_title_and_language_it_does(live_url) -> None:
    html = served(f"{live_url}/%3Cscript%3Enowhere?lang=xx")
    assert '<html lang="sv">' in html
    assert f"<title>{expected_title('page_summary', 'sv')}</title>" in html
    assert "nowhere" not in html


@pytest.mark.browser
@pytest.mark.parametrize(("path", "key", "lang"), CASES)
def test_each_view_has_one_outline_and_its_landmarks(watched, live_url, path, key,
                                                     lang) -> None:
    page = watched.page
    page.goto(f"{live_url}{path}?lang={lang}")
    settled(page)
    found = page.evaluate(STRUCTURE_JS)
    name = t(key, lang)
    assert found["lang"] == lang and found["title"] == expected_title(key, lang)
    assert found["h1"] == [name] and found["h1InMain"]
    levels = [level for level, _ in found["levels"]]
    assert levels[0] == 1
    jumps = [(before, after) for before, after in zip(found["levels"], found["levels"][1:],
                                                   strict=False)
             if after[0] > before[0] + 1]
    assert jumps == [], f"{path}: a heading skips a level"
    assert (found["headers"], found["navs"], found["mains"], found["footers"]) == (1, 1, 1, 1)
    assert found["navName"] == t("nav_label", lang)
    assert [c for c in found["current"] if c[3]] == [["page", name, path, True]]
    assert {(c[0], c[2]) for c in found["current"]} == {("page", path)}  # the footer's too
    assert watched.errors == []


@pytest.mark.browser
@pytest.mark.parametrize(("path", "lang"), [(path, lang) for path, _ in VIEWS
                                            for lang in ("sv", "en")])
def test_the_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(watched, live_url,
                                                                     path, lang) -> None:
    page = watched.page
    page.goto(f"{live_url}{path}?lang={lang}")
    settled(page)
    page.keyboard.press("Tab")
    first = page.evaluate(FOCUS_JS)
    assert (first["id"], first["text"]) == ("skip-link", t("skip_to_content", lang))
    assert first["shown"], "the skip link is not visible while it has focus"
    page.keyboard.press("Enter")
    on = page.evaluate(FOCUS_JS)
    assert (on["tag"], on["id"]) == ("MAIN", "main")
    assert page.evaluate("() => location.pathname + location.hash") == path  # no reload
    page.keyboard.press("Tab")
    assert page.evaluate(FOCUS_JS)["inMain"]


@pytest.mark.browser
def test_title_heading_and_menu_mark_follow_the_user(watched, live_url) -> None:
    page = watched.page
    page.goto(live_url + "/")
    settled(page)
    page.evaluate("() => { window.notReloaded = true; }")
    page.click("#nav a.nav-link[href^='/map']")
    page.wait_for_function("() => location.pathname === '/map'")
    page.wait_for_function("t => document.title === t", arg=expected_title("page_map", "sv"))
    found = page.evaluate(STRUCTURE_JS)
    assert found["h1"] == [t("page_map", "sv")]
    assert found["current"] == [["page", t("page_map", "sv"), "/map", True]]
    page.click("#lang-toggle")
    page.wait_for_function("() => document.documentElement.lang === 'en'")
    page.wait_for_function("t => document.title === t", arg=expected_title("page_map", "en"))
    page.wait_for_function("h => document.querySelector('h1').innerText === h",
                           arg=t("page_map", "en"))
    assert page.evaluate(STRUCTURE_JS)["navName"] == "Views"
    page.go_back()
    page.wait_for_function("t => document.title === t", arg=expected_title("page_map", "sv"))
    page.go_back()
    page.wait_for_function("t => document.title === t",
                           arg=expected_title("page_summary", "sv"))
    assert page.evaluate(STRUCTURE_JS)["current"][0][2] == "/"
    assert page.evaluate("() => window.notReloaded") is True
    assert watched.errors == []
