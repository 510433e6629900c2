"""The gap panel: sentences first, then every measure that applies, with CI and reading."""

from __future__ import annotations

from dashboard.app.viewmodel import resolve
from dashboard.core.viewstate import ViewState
from dashboard.figures.gaps import AREA_MEASURES, gap_panel


def panel(dataset, **choices):
    state = resolve(dataset, ViewState(**choices))[0]
    return {s.key: s for s in gap_panel(dataset, state).sections}


def rows_of(section) -> dict:
    return {r.measure: r for r in section.rows}


def test_district_gap_has_every_non_ordered_measure(dataset) -> None:
    areas = panel(dataset)["areas"]
    rows = rows_of(areas)
    assert set(rows) == set(AREA_MEASURES)
    assert rows["d"].value == "6,4 år"
    assert rows["r"].value == "1,09"  # 81.0 / 74.6
    assert "0 betyder ingen skillnad" in rows["d"].reading
    assert rows["d"].ci == "–"
    assert "KI saknas: källan anger inga standardfel." in areas.caveat
    assert rows["bgv"].value.endswith("(år)²")
    assert rows["ti"].value.endswith("×1000")
    assert rows["idisw"].method.startswith("WHO HEAT v6 simulation")
    assert {r.measure for r in areas.rows if r.key} == {"d", "r", "paf", "idisw"}
    assert "folkmängd som vikter" in areas.caveat


def test_gradient_orders_districts_by_employment(dataset) -> None:
    gradient = panel(dataset, indicator="ohalsotal")["gradient"]
    assert gradient.title == "Social gradient: områden ordnade efter förvärvsfrekvens 20–64 år"
    assert "från Rosengård till Limhamn-Bunkeflo" in gradient.sentence
    rows = rows_of(gradient)
    # Sickness days fall as employment rises: a negative slope and concentration index.
    assert rows["sii_phe"].value.startswith("\u2212")
    assert rows["aci"].value.startswith("\u2212") and "95 % KI" in rows["aci"].ci
    # WHO's SII models proportions, so it does not apply to days per person; it says why.
    assert "sii" not in rows
    assert any("skala" in why for why in gradient.not_applicable)


def test_gradient_for_a_proportion_uses_who_sii_with_ci(dataset) -> None:
    gradient = panel(dataset, indicator="forvarvsfrekvens", order="valdeltagande_kommunval",
                     lang="en")["gradient"]
    rows = rows_of(gradient)
    assert "sii" in rows and "95% CI" in rows["sii"].ci
    assert "by the slope index of inequality" in gradient.sentence


def test_choosing_another_ordering_changes_the_gradient(dataset) -> None:
    employment = panel(dataset, indicator="ohalsotal")["gradient"]
    welfare = panel(dataset, indicator="ohalsotal", order="valfardsindex_rangmedel")["gradient"]
    assert employment.sentence != welfare.sentence
    assert "välfärdsindex (medelrang)" in welfare.title


def test_sex_gap_sentence_and_measures(dataset) -> None:
    sex = panel(dataset, lang="en")["sex"]
    assert sex.sentence.startswith("In Malmö, women's value is 4.8 years higher than men's")
    assert "largest in Husie (6.8 years)" in sex.sentence
    assert "smallest in Oxie (1.1 years)" in sex.sentence
    assert rows_of(sex)["d"].value == "4.8 years"


def test_polarity_decides_best_and_worst(dataset) -> None:
    sentence = panel(dataset, indicator="ohalsotal")["areas"].sentence
    assert "sämst i Rosengård" in sentence and "bäst i Västra Innerstaden" in sentence
    sentence = panel(dataset, indicator="valfardsindex_rangmedel", lang="en")["areas"].sentence
    assert "worst in Rosengård (2.6 mean rank)" in sentence
    assert "best in Västra Innerstaden (7.9 mean rank)" in sentence
    neutral = panel(dataset, indicator="utlandsk_bakgrund_andel")["areas"].sentence
    assert "högst i Rosengård (87,8 %)" in neutral and "procentenheter" in neutral


def test_group_gap_by_country_of_birth(dataset) -> None:
    group = panel(dataset, indicator="forvarvsfrekvens")["group:birth_region"]
    assert group.sentence.startswith("Skillnaden mellan födda i Sverige och födda utomlands")
    assert "störst i Limhamn-Bunkeflo (37 procentenheter)" in group.sentence
    assert rows_of(group)["d"].value == "32 procentenheter"  # Malmö 2011: 75 vs 43


def test_flagged_extreme_is_called_out(dataset) -> None:
    areas = panel(dataset, indicator="folkmangd", level="delomrade", period="2011-01-01")["areas"]
    assert "⚑ Möllevången: sekundär källa; Holma: sekundär källa" in areas.caveat
    unflagged = panel(dataset)["areas"]  # Husie (flagged) is neither highest nor lowest
    assert "⚑" not in unflagged.caveat


def test_single_area_has_no_gap(dataset) -> None:
    sections = panel(dataset, indicator="barnfattigdom")
    assert "ingen klyfta kan beräknas" in sections["areas"].sentence
    assert sections["areas"].rows == ()
    assert "minst fem behövs" in sections["gradient"].sentence
