"""The accessibility statement (/tillganglighet): the parts DIGG requires, in both languages,
the contact address from its setting, and a link to it in the footer of every view."""

from __future__ import annotations

import json
from typing import Any

import pytest

from dashboard.app.factory import create_app
from dashboard.app.pages import page_for, registry
from dashboard.app.pages.statement import (
    CONTACT_VARIABLE,
    DIGG_REPORT_URL,
    KNOWN_GAPS,
    PATH,
    Gap,
    compliance,
    contact_href,
)
from dashboard.core.texts import TEXTS, t
from tests.dash_requests import navigate_body

# What DIGG requires a statement to say, as the page says it in each language.
REQUIRED = {
    "sv": ("Malmö stad", "Hälsoklyftor i Malmö", "delvis förenlig", "2018:1937", "WCAG 2.1",
           "Innehåll som inte är tillgängligt", "självskattning", "axe-core",
           "Bedömningen gjordes 2026-11-30", "uppdaterades senast 2026-11-30", "12 §", "9 §",
           "Myndigheten för digital förvaltning (Digg)"),
    "en": ("Malmö stad", "Health gaps in Malmö", "partially compliant", "2018:1937",
           "WCAG 2.1", "Content that is not accessible", "self-assessment", "axe-core",
           "assessment was made on 2026-11-30", "last updated on 2026-11-30", "section 12",
           "section 9", "Agency for Digital Government (Digg)"),
}


@pytest.fixture(scope="module")
def app(dataset):
    return create_app(dataset)


def _open(app: Any, path: str, search: str) -> dict[str, Any]:
    response = app.server.test_client().post("/_dash-update-component",
                                             json=navigate_body(app, path, search))
    assert response.status_code == 200, response.data[:300]
    return json.loads(response.data)["response"]


def _strings(tree: Any) -> list[str]:
    """The words of a rendered tree (its props' strings, not element types)."""
    if isinstance(tree, dict):
        return [s for k, v in tree.items() if k not in ("type", "namespace")
                for s in _strings(v)]
    if isinstance(tree, list):
        return [s for v in tree for s in _strings(v)]
    return [tree] if isinstance(tree, str) else []


def _elements(tree: Any, kind: str) -> list[dict[str, Any]]:
    """The props of every element of type `kind` (e.g. 'A', 'H2') in a rendered tree."""
    found = []
    if isinstance(tree, dict):
        if tree.get("type") == kind:
            found.append(tree["props"])
        found += [e for v in tree.values() for e in _elements(v, kind)]
    elif isinstance(tree, list):
        found += [e for v in tree for e in _elements(v, kind)]
    return found


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_statement_holds_every_part_digg_requires(app, lang, monkeypatch) -> None:
    monkeypatch.delenv(CONTACT_VARIABLE, raising=False)
    page = _open(app, PATH, f"?lang={lang}")["page"]
    text = " ".join(_strings(page))
    missing = [words for words in REQUIRED[lang] if words not in text]
    assert not missing, f"the {lang} statement lacks {missing}"
    headings = [h["children"] for h in _elements(page, "H2")]
    assert t("statement_report_heading", lang) in headings
    assert t("statement_enforcement_heading", lang) in headings
    assert DIGG_REPORT_URL in [a["href"] for a in _elements(page, "A")]


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_known_gap_is_listed_with_its_wcag_criteria(app, lang) -> None:
    page = _open(app, PATH, f"?lang={lang}")["page"]
    listed = next(u for u in _elements(page, "Ul") if u.get("id") == "statement-gaps")
    items = [li["props"]["children"] for li in listed["children"]]
    assert len(items) == len(KNOWN_GAPS)
    for item, gap in zip(items, KNOWN_GAPS, strict=True):
        assert item.startswith(t(gap.key, lang)), item
        assert item.endswith(f"(WCAG 2.1: {', '.join(gap.criteria)})"), item


def test_the_gap_list_and_the_catalogue_agree() -> None:
    """A gap removed from KNOWN_GAPS when fixed leaves no orphan text behind, and the reverse."""
    in_catalogue = {key for key in TEXTS if key.startswith("statement_gap_")}
    assert {gap.key for gap in KNOWN_GAPS} == in_catalogue


def test_with_no_known_gaps_the_statement_says_fully_compliant() -> None:
    assert "delvis förenlig" in t(compliance(), "sv")
    assert "helt förenlig" in t(compliance(()), "sv")
    assert "fully compliant" in t(compliance(()), "en")
    assert compliance((Gap("statement_gap_names", ("4.1.2",)),)) == "statement_status_partial"


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_view_links_to_the_statement_from_its_footer(app, lang) -> None:
    for page in registry():
        footer = _open(app, page.path, f"?lang={lang}")["footer"]
        links = [a for a in _elements(footer, "A") if a.get("id") == "statement-link"]
        assert len(links) == 1, f"{page.path}: {links}"
        link = links[0]
        assert link["href"] == f"{PATH}?lang={lang}", page.path
        assert link["children"] == t("page_statement", lang)
        assert ("aria-current" in link) == (page.path == PATH), page.path


def test_the_statement_is_a_registered_view() -> None:
    page = page_for(PATH, registry())
    assert page is not None and page.title_key == "page_statement"
    assert page_for(PATH + "/", registry()) is page


@pytest.mark.parametrize("value,href", [
    ("tillganglighet@malmo.se", "mailto:tillganglighet@malmo.se"),
    ("  tillganglighet@malmo.se ", "mailto:tillganglighet@malmo.se"),
    ("https://malmo.se/kontakt", "https://malmo.se/kontakt"),
])
def test_the_contact_setting_is_shown_as_a_link(app, monkeypatch, value, href) -> None:
    monkeypatch.setenv(CONTACT_VARIABLE, value)
    assert contact_href() == href
    for lang in ("sv", "en"):
        page = _open(app, PATH, f"?lang={lang}")["page"]
        assert href in [a["href"] for a in _elements(page, "A")]
        text = " ".join(_strings(page))
        assert CONTACT_VARIABLE not in text


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_an_unset_contact_says_it_must_be_set_and_points_to_digg(app, monkeypatch,
                                                                 lang) -> None:
    monkeypatch.delenv(CONTACT_VARIABLE, raising=False)
    assert contact_href() is None
    page = _open(app, PATH, f"?lang={lang}")["page"]
    notice = next(p for p in _elements(page, "P") if p.get("id") == "statement-contact")
    assert notice["children"] == t("statement_contact_missing", lang, variable=CONTACT_VARIABLE)
    assert not [a for a in _elements(page, "A") if a["href"].startswith("mailto:")]


@pytest.mark.parametrize("value", ["malmo.se", "ftp://malmo.se/", "javascript:alert(1)",
                                   "a@b", "https://"])
def test_a_bad_contact_setting_is_named_and_not_linked(app, monkeypatch, value) -> None:
    monkeypatch.setenv(CONTACT_VARIABLE, value)
    with pytest.raises(ValueError, match=CONTACT_VARIABLE):
        contact_href()
    page = _open(app, PATH, "?lang=en")["page"]
    notice = next(p for p in _elements(page, "P") if p.get("id") == "statement-contact")
    assert CONTACT_VARIABLE in notice["children"] and value in notice["children"]
    assert [a["href"] for a in _elements(page, "A")] == [DIGG_REPORT_URL]
