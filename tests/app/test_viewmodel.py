"""Choices the data cannot serve fall back to a default and say so; controls and the
address agree."""

from __future__ import annotations

from dashboard.app.viewmodel import (
    CHOICES,
    SHARED_CONTROLS,
    changed_fields,
    control_options,
    resolve,
    state_from_control,
)
from dashboard.core.viewstate import PARAMS, ViewState, from_query, to_query
from dashboard.store import query


def test_defaults_show_life_expectancy_for_men_over_five_years(dataset) -> None:
    state, notices = resolve(dataset, ViewState())
    assert (state.indicator, state.period, state.sex, state.level) == (
        "medellivslangd_vid_fodelsen", "2006-2010", "male", "stadsdel")
    assert notices == []


def test_outdated_choices_fall_back_with_notices(dataset) -> None:
    asked = ViewState(indicator="forvarvsfrekvens", period="1990", sex="male",
                      level="deso", dimension="age", group="20-24")
    state, notices = resolve(dataset, asked)
    codes = [n.code for n in notices]
    assert codes == ["no_level", "no_sex", "no_group", "no_period"]
    assert state.level == "stadsdel" and state.sex == "total"
    assert state.period in query.options(dataset, state.indicator, state.level)["periods"]
    nearest = notices[-1].params["nearest"]
    assert nearest[0] == "1999"


def test_unknown_indicator(dataset) -> None:
    state, notices = resolve(dataset, ViewState(indicator="lifespan"))
    assert state.indicator == "medellivslangd_vid_fodelsen"
    assert notices[0].code == "unknown_indicator" and notices[0].params["asked"] == "lifespan"


def test_every_indicator_resolves_to_a_view_with_values(dataset) -> None:
    for indicator in dataset.indicators["id"]:
        state, _ = resolve(dataset, ViewState(indicator=indicator))
        assert len(query.view_values(dataset, state)) >= 1, indicator


def test_missing_group_lists_the_groups_that_exist(dataset) -> None:
    _, notices = resolve(dataset, ViewState(indicator="forvarvsfrekvens",
                                            dimension="birth_region", group="mars"))
    notice = next(n for n in notices if n.code == "no_group")
    assert set(notice.params["available"]) >= {"born_sweden", "born_abroad"}


def test_a_resolved_state_is_a_fixed_point_and_survives_the_address(dataset) -> None:
    for indicator in dataset.indicators["id"]:
        state, _ = resolve(dataset, ViewState(lang="en", indicator=indicator))
        again, notices = resolve(dataset, from_query(to_query(state))[0])
        assert again == state and notices == [], indicator


def test_every_state_field_has_one_url_key_and_one_choice() -> None:
    fields = [p.field for p in PARAMS]
    assert len(fields) == len(set(fields)) and len({p.key for p in PARAMS}) == len(PARAMS)
    assert {c.field for c in CHOICES} == set(fields) - {"lang", "weights"}


def test_every_shared_control_offers_the_value_it_shows(dataset) -> None:
    state, _ = resolve(dataset, ViewState(indicator="forvarvsfrekvens"))
    for name in SHARED_CONTROLS:
        values = [o["value"] for o in control_options(dataset, state, name)]
        assert getattr(state, name) in values, name
        assert all(o["label"] and not o["label"].startswith(("level_", "sex_"))
                   for o in control_options(dataset, state, name))


def test_picking_a_group_brings_its_dimension_and_a_new_indicator_its_best_period(
        dataset) -> None:
    state, _ = resolve(dataset, ViewState(indicator="forvarvsfrekvens"))
    asked = state_from_control(dataset, state, "group", "born_abroad")
    assert (asked.dimension, asked.group) == ("birth_region", "born_abroad")
    moved, _ = resolve(dataset, state_from_control(dataset, state, "indicator", "ohalsotal"))
    assert moved.indicator == "ohalsotal" and moved.period != ""
    assert {"indicator", "period"} <= changed_fields(state, moved)


def test_index_components_default_to_the_data_and_keep_their_weights(dataset) -> None:
    state, _ = resolve(dataset, ViewState())
    assert state.sel and len(state.weights) == len(state.sel)
    picked = state_from_control(dataset, state, f"w:{state.sel[0]}", 2.5)
    again, _ = resolve(dataset, picked)
    assert again.weight_of(state.sel[0]) == 2.5
    dropped, notices = resolve(dataset, state.with_changes(sel=("no_such", state.sel[1])))
    assert dropped.sel == (state.sel[1],) and notices[0].code == "no_sel"


def test_a_topic_filters_the_definitions_and_an_unknown_one_is_named(dataset) -> None:
    state, notices = resolve(dataset, from_query("?topic=health")[0])
    assert state.topic == "health" and notices == []
    state, notices = resolve(dataset, from_query("?topic=weather")[0])
    assert state.topic == "" and [n.code for n in notices] == ["no_topic"]


def test_a_level_asked_without_an_indicator_opens_an_indicator_measured_there(dataset) -> None:
    from dashboard.app.viewmodel import level_first, resolve
    from tests.synthetic import many_areas

    ds = many_areas(dataset, 30)
    state, notices = resolve(ds, ViewState(level="deso"))
    assert state.level == "deso" and "deso" in query.levels_with_data(ds, state.indicator)
    assert not notices
    chosen = ViewState(indicator="medellivslangd_vid_fodelsen", level="deso")
    kept, notices = resolve(ds, level_first(ds, chosen))
    assert kept.level == "deso" and kept.indicator != chosen.indicator and not notices
    same = ViewState(indicator="medellivslangd_vid_fodelsen", level="stadsdel")
    assert level_first(ds, same) == same
