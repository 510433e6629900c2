"""The gap panel: sentences first, then the measures and what they mean."""

from __future__ import annotations

from dashboard.core.viewstate import ViewState
from dashboard.figures.gaps import gap_panel
from dashboard.store import query


def panel(dataset, **choices):
    state = query.resolve(dataset, ViewState(**choices))[0]
    return {s.key: s for s in gap_panel(dataset, state).sections}


def test_district_gap_difference_and_ratio(dataset) -> None:
    areas = panel(dataset)["areas"]
    rows = {r.measure: r for r in areas.rows}
    assert rows["d"].value == "6,4 år"
    assert rows["r"].value == "1,09"  # 81.0 / 74.6
    assert "0 betyder ingen klyfta" in rows["d"].reading
    assert "KI saknas" in rows["d"].ci


def test_sex_gap_sentence(dataset) -> None:
    sex = panel(dataset, lang="en")["sex"]
    assert sex.sentence.startswith("In Malmö, women's value is 4.8 years higher than men's")
    assert "largest in Husie (6.8 years)" in sex.sentence
    assert "smallest in Oxie (1.1 years)" in sex.sentence


def test_polarity_decides_best_and_worst(dataset) -> None:
    sentence = panel(dataset, indicator="ohalsotal")["areas"].sentence
    assert "sämst i Rosengård" in sentence and "bäst i Västra Innerstaden" in sentence
    sentence = panel(dataset, indicator="valfardsindex_rangmedel", lang="en")["areas"].sentence
    assert "worst in Rosengård (2.6 mean rank)" in sentence
    assert "best in Västra Innerstaden (7.9 mean rank)" in sentence
    neutral = panel(dataset, indicator="utlandsk_bakgrund_andel")["areas"].sentence
    assert "högst i Rosengård (88,0 %)" in neutral and "procentenheter" in neutral


def test_group_gap_by_country_of_birth(dataset) -> None:
    group = panel(dataset, indicator="forvarvsfrekvens")["group:birth_region"]
    assert group.sentence.startswith("Skillnaden mellan födda i Sverige och födda utomlands")
    assert "störst i Limhamn-Bunkeflo (37,0 procentenheter)" in group.sentence


def test_flagged_extreme_is_called_out(dataset) -> None:
    women = panel(dataset, sex="female", period="2006-2010")["areas"]
    assert women.caveat == ""
    state = query.resolve(dataset, ViewState(sex="male", period="2006-2010"))[0]
    values = query.view_values(dataset, state)
    assert values.loc[values["area_code"] == "1280SD09", "flag"].item() == "inconsistent"


def test_single_area_has_no_gap(dataset) -> None:
    areas = panel(dataset, indicator="barnfattigdom")["areas"]
    assert "ingen klyfta kan beräknas" in areas.sentence and areas.rows == ()
