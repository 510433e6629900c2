"""A HEAT upload for the city only, with sex and education rows but no total row: /groups
opens on a breakdown that has values for the current choice, and with one area the group
gap and the profile say plainly that there is nothing to compare with."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from dashboard.app.factory import create_app
from dashboard.app.upload import check_upload
from dashboard.app.viewmodel import resolve
from dashboard.core.viewstate import ViewState
from dashboard.figures.groups import default_split, group_data

sys.path.insert(0, str(Path(__file__).parent))
from test_upload_city import _strings, data_url, navigate

ROWS = [
    "Malmö,2022,Enkät,halsa_blandad,Gott hälsotillstånd,100,Utbildning,Låg,60.1,,55.0,65.2,"
    "1000,,,SWE,1,1,1,0",
    "Malmö,2022,Enkät,halsa_blandad,Gott hälsotillstånd,100,Utbildning,Hög,80.3,,77.0,83.6,"
    "1000,,,SWE,1,1,2,1",
    "Malmö,2022,Enkät,halsa_blandad,Gott hälsotillstånd,100,Kön,Kvinnor,70.1,,65.0,75.2,"
    "1000,,,SWE,1,0,,0",
    "Malmö,2022,Enkät,halsa_blandad,Gott hälsotillstånd,100,Kön,Män,72.3,,67.0,77.6,"
    "1000,,,SWE,1,0,,0",
]
INDICATOR = "halsa_blandad"


@pytest.fixture(scope="module")
def uploaded(dataset):
    check = check_upload(dataset, data_url(ROWS), "blandad.csv")
    assert check.problems == () and check.dataset is not None
    return check.dataset


@pytest.fixture(scope="module")
def app(uploaded):
    return create_app(uploaded)


def _text(response: dict[str, Any]) -> str:
    return " ".join(_strings(response["page"]))


def test_the_data_have_no_total_row_and_the_chosen_group_is_one_of_education(uploaded) -> None:
    obs = uploaded.observations[uploaded.observations["indicator_id"] == INDICATOR]
    assert not ((obs["sex"] == "total") & (obs["group"] == "total")).any()
    state, _ = resolve(uploaded, ViewState(indicator=INDICATOR))
    assert state.group == "hög"


def test_the_default_split_has_values_for_the_current_choice(uploaded) -> None:
    state, _ = resolve(uploaded, ViewState(indicator=INDICATOR))
    assert default_split(uploaded, state) == "utbildning"
    assert group_data(uploaded, state) is not None


def test_a_split_chosen_by_the_reader_is_kept(uploaded) -> None:
    state, _ = resolve(uploaded, ViewState(indicator=INDICATOR, split="sex"))
    assert default_split(uploaded, state) == "sex"


def test_the_default_split_of_the_embedded_data_is_unchanged(dataset) -> None:
    for indicator, split in (("medellivslangd_vid_fodelsen", "sex"),
                             ("forvarvsfrekvens", "birth_region")):
        state, _ = resolve(dataset, ViewState(indicator=indicator))
        assert default_split(dataset, state) == split, indicator


def test_groups_opens_on_a_breakdown_that_shows_something(app) -> None:
    status, response = navigate(app, "/groups", f"?ind={INDICATOR}")
    assert status == 200
    assert response["view"]["data"]["controls"]["split"] == "utbildning"
    text = _text(response)
    assert "ingen uppdelning i grupper" not in text
    assert "equiplot" in text and "Hög" in text and "Låg" in text


@pytest.mark.parametrize("lang,plain,odd", [
    ("sv", "Skillnaden mellan hög och låg är 20,2 procentenheter i Malmö (2022). Malmö är det "
           "enda området med värden, så skillnaden kan inte jämföras mellan områden.",
     "minst i Malmö"),
    ("en", "The gap between hög and låg is 20.2 percentage points in Malmö (2022). Malmö is "
           "the only area with values, so the gap cannot be compared between areas.",
     "smallest in Malmö"),
])
def test_the_group_gap_in_the_only_area_is_said_plainly(app, lang, plain, odd) -> None:
    _, response = navigate(app, "/groups", f"?lang={lang}&ind={INDICATOR}")
    text = _text(response)
    assert plain in text
    assert odd not in text


@pytest.mark.parametrize("lang,plain", [
    ("sv", "Här finns bara ett område, Malmö, så det finns inget annat område att jämföra med."),
    ("en", "There is only one area here, Malmö, so there is no other area to compare it with."),
])
def test_the_profile_of_the_only_area_says_so(app, lang, plain) -> None:
    status, response = navigate(app, "/profile", f"?lang={lang}&ind={INDICATOR}")
    assert status == 200
    assert response["view"]["data"]["controls"]["area"] == "1280"
    text = _text(response)
    assert plain in text
    assert "inga indikatorer med värden" not in text
