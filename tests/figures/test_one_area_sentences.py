"""With one area only, the gap sentences and the profile say so plainly instead of naming the
same area as the largest and the smallest gap, or comparing Malmö with Malmö."""

from __future__ import annotations

from dataclasses import replace

import pytest

from dashboard.app.viewmodel import resolve
from dashboard.core.viewstate import ViewState
from dashboard.figures import sentences
from dashboard.figures.labels import view_labels
from dashboard.figures.profile import spine_data

STATE = ViewState(indicator="medellivslangd_vid_fodelsen", period="2006-2010")


def _labels(dataset, lang: str = "sv"):  # type: ignore[no-untyped-def]
    state, _ = resolve(dataset, replace(STATE, lang=lang))
    return view_labels(dataset, state)


@pytest.mark.parametrize("lang,said", [
    ("sv", "Skillnaden mellan kvinnor och män är 4,0 år i Oxie (2006–2010). Oxie är det enda "
           "området med värden, så skillnaden kan inte jämföras mellan områden."),
    ("en", "The gap between women and men is 4.0 years in Oxie (2006–2010). Oxie is the only "
           "area with values, so the gap cannot be compared between areas."),
])
def test_sex_gap_without_the_city_in_one_area(dataset, lang, said) -> None:
    labels = _labels(dataset, lang)
    assert sentences.sex_gap_sentence(labels, ("Oxie", 4.0), ("Oxie", 4.0), None) == said


@pytest.mark.parametrize("lang,words", [
    ("sv", ("I Malmö är kvinnors värde 4,5 år högre än mäns", "Malmö är det enda området")),
    ("en", ("In Malmö, women's value is 4.5 years higher than men's",
            "Malmö is the only area with values")),
])
def test_sex_gap_with_the_city_in_one_area(dataset, lang, words) -> None:
    labels = _labels(dataset, lang)
    said = sentences.sex_gap_sentence(labels, ("Malmö", 4.5), ("Malmö", 4.5), 4.5)
    assert all(w in said for w in words), said
    assert "störst" not in said and "largest" not in said


@pytest.mark.parametrize("lang,said", [
    ("sv", "Skillnaden mellan hög och låg är 2,0 år i Malmö (2006–2010). Malmö är det enda "
           "området med värden, så skillnaden kan inte jämföras mellan områden."),
    ("en", "The gap between hög and låg is 2.0 years in Malmö (2006–2010). Malmö is the only "
           "area with values, so the gap cannot be compared between areas."),
])
def test_group_gap_in_one_area(dataset, lang, said) -> None:
    labels = _labels(dataset, lang)
    assert sentences.group_gap_sentence(labels, "Hög", "Låg", ("Malmö", 2.0),
                                        ("Malmö", 2.0)) == said


def test_two_areas_still_name_the_largest_and_smallest(dataset) -> None:
    labels = _labels(dataset)
    said = sentences.group_gap_sentence(labels, "Hög", "Låg", ("Oxie", 3.0), ("Husie", 1.0))
    assert "störst i Oxie (3,0 år) och minst i Husie (1,0 år)" in said
    said = sentences.sex_gap_sentence(labels, ("Oxie", 3.0), ("Husie", 1.0), 2.0)
    assert "störst i Oxie" in said and "minst i Husie" in said


@pytest.mark.parametrize("lang,heading", [
    ("sv", "Malmö: det enda området, inget att jämföra med"),
    ("en", "Malmö: the only area, nothing to compare with"),
])
def test_profile_heading_of_the_only_area(lang, heading) -> None:
    assert sentences.profile_heading("Malmö", "Malmö", lang) == heading
    assert sentences.profile_heading("Centrum", "Malmö", lang) != heading
    assert sentences.profile_heading("Centrum", "Malmö", "sv") == "Centrum jämfört med Malmö"
    assert sentences.profile_heading("Malmö", "Malmö", "sv", compared=True) \
        == "Malmö jämfört med Malmö"


def test_a_district_profile_is_unchanged(dataset) -> None:
    data = spine_data(dataset, resolve(dataset, ViewState(area="1280SD01"))[0])
    assert data is not None
    said = sentences.profile_sentences(data)
    assert said[0].startswith("Centrum är bättre än Malmö på")
