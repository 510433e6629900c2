"""Choices the data cannot serve fall back to a default and say so."""

from __future__ import annotations

from dashboard.core.viewstate import ViewState
from dashboard.store import query


def test_defaults_show_life_expectancy_for_men_over_five_years(dataset) -> None:
    state, notices = query.resolve(dataset, ViewState())
    assert (state.indicator, state.period, state.sex, state.level) == (
        "medellivslangd_vid_fodelsen", "2006-2010", "male", "stadsdel")
    assert notices == []


def test_outdated_choices_fall_back_with_notices(dataset) -> None:
    asked = ViewState(indicator="forvarvsfrekvens", period="1990", sex="male",
                      level="deso", dimension="age", group="20-24")
    state, notices = query.resolve(dataset, asked)
    codes = [n.code for n in notices]
    assert codes == ["no_level", "no_sex", "no_group", "no_period"]
    assert state.level == "stadsdel" and state.sex == "total"
    assert state.period in query.options(dataset, state.indicator, state.level)["periods"]
    nearest = notices[-1].params["nearest"]
    assert nearest[0] == "1999"


def test_unknown_indicator(dataset) -> None:
    state, notices = query.resolve(dataset, ViewState(indicator="lifespan"))
    assert state.indicator == "medellivslangd_vid_fodelsen"
    assert notices[0].code == "unknown_indicator" and notices[0].params["asked"] == "lifespan"


def test_every_indicator_resolves_to_a_view_with_values(dataset) -> None:
    for indicator in dataset.indicators["id"]:
        state, _ = query.resolve(dataset, ViewState(indicator=indicator))
        assert len(query.view_values(dataset, state)) >= 1, indicator


def test_population_weights_use_latest_population(dataset) -> None:
    weights = query.population_weights(dataset, ["1280SD08", "1280SD01"])
    assert weights == {"1280SD08": 23563.0, "1280SD01": 47171.0}


def test_missing_group_lists_the_groups_that_exist(dataset) -> None:
    _, notices = query.resolve(dataset, ViewState(indicator="forvarvsfrekvens",
                                                  dimension="birth_region", group="mars"))
    notice = next(n for n in notices if n.code == "no_group")
    assert set(notice.params["available"]) >= {"born_sweden", "born_abroad", "total"}
