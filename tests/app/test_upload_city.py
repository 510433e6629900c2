"""An upload given for the city only, by education and sex (the usual HEAT shape): every
view, export and embed of it works, /groups shows its breakdowns, its intervals are kept."""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest

from dashboard.app.factory import create_app
from dashboard.app.pages import registry
from dashboard.app.upload import check_upload
from dashboard.figures.charts import CHART_IDS
from dashboard.store import query

HEADER = ("setting,year,source,indicator_abbr,indicator_name,indicator_scale,dimension,"
          "subgroup,estimate,se,ci_lb,ci_ub,population,flag,setting_average,iso3,"
          "favourable_indicator,ordered_dimension,subgroup_order,reference_subgroup")
EDUCATION = [
    "Malmö,2022,Enkät,halsa_utb,Gott hälsotillstånd,100,Utbildning,Låg,60.1,,55.0,65.2,"
    "1000,,,SWE,1,1,1,0",
    "Malmö,2022,Enkät,halsa_utb,Gott hälsotillstånd,100,Utbildning,Hög,80.3,,77.0,83.6,"
    "1000,,,SWE,1,1,2,1",
]
SEX = [
    "Malmö,2022,Enkät,halsa_kon,Gott hälsotillstånd,100,Kön,Kvinnor,70.1,,65.0,75.2,"
    "1000,,,SWE,1,0,,0",
    "Malmö,2022,Enkät,halsa_kon,Gott hälsotillstånd,100,Kön,Män,72.3,,67.0,77.6,1000,,,SWE,"
    "1,0,,0",
]


def data_url(lines: list[str]) -> str:
    return "data:text/csv;base64," + base64.b64encode(
        "\n".join([HEADER, *lines]).encode() + b"\n").decode()


def _key(app: Any, marker: str) -> str:
    return next(k for k in app.callback_map if marker in k)


def _outputs(key: str) -> list[Any]:
    out: list[Any] = []
    for item in key.strip(".").split("..."):
        target, prop = item.rsplit(".", 1)
        out.append({"id": target.split("@")[0], "property": prop.split("@")[0]})
    return out


def _strings(tree: Any) -> list[str]:
    if isinstance(tree, dict):
        return [s for k, v in tree.items() if k != "figure" for s in _strings(v)]
    if isinstance(tree, list):
        return [s for v in tree for s in _strings(v)]
    return [tree] if isinstance(tree, str) else []


def navigate(app: Any, path: str, search: str) -> tuple[int, dict[str, Any]]:
    key = _key(app, "page.children")
    body = {"output": key, "outputs": _outputs(key),
            "inputs": [{"id": "nav-request", "property": "data",
                        "value": {"pathname": path, "search": search, "at": 0}}],
            "changedPropIds": ["nav-request.data"]}
    response = app.server.test_client().post("/_dash-update-component", json=body)
    return response.status_code, json.loads(response.data)["response"] \
        if response.status_code == 200 else {}


@pytest.fixture(scope="module")
def uploaded(dataset):
    check = check_upload(dataset, data_url(EDUCATION + SEX), "enkät.csv")
    assert check.problems == () and check.dataset is not None
    return check.dataset


@pytest.fixture(scope="module")
def app(uploaded):
    return create_app(uploaded)


def test_a_city_only_indicator_is_shown_at_the_city_level(uploaded) -> None:
    assert query.levels_with_data(uploaded, "halsa_utb") == ["kommun"]


@pytest.mark.parametrize("indicator", ["halsa_utb", "halsa_kon"])
def test_every_view_of_it_opens(app, indicator) -> None:
    for page in registry():
        status, _ = navigate(app, page.path, f"?ind={indicator}")
        assert status == 200, page.path


@pytest.mark.parametrize("indicator", ["halsa_utb", "halsa_kon"])
def test_every_export_and_embed_answers_without_error(app, indicator) -> None:
    client = app.server.test_client()
    for chart in CHART_IDS:
        for url in (f"/export/{chart}/csv?ind={indicator}", f"/embed/{chart}?ind={indicator}"):
            assert client.get(url).status_code in (200, 404), url


def test_views_that_compare_areas_say_there_is_only_one(app) -> None:
    _, response = navigate(app, "/", "?ind=halsa_utb")
    assert any("Bara ett område" in s for s in _strings(response["page"]))


@pytest.mark.parametrize("indicator,words", [("halsa_utb", ("Utbildning", "Hög", "Låg")),
                                             ("halsa_kon", ("kvinnor",))])
def test_groups_shows_the_city_breakdown(app, indicator, words) -> None:
    _, response = navigate(app, "/groups", f"?ind={indicator}")
    text = " ".join(_strings(response["page"]))
    assert "equiplot" in text and "Malmö" in text
    for word in words:
        assert word in text


def test_the_interval_in_the_file_is_kept(uploaded) -> None:
    obs = uploaded.observations.set_index(["indicator_id", "group"])
    low = obs.loc[("halsa_utb", "låg")]
    assert (low["ci_low"], low["ci_high"]) == (55.0, 65.2)
    assert low["se"] == pytest.approx((65.2 - 55.0) / (2 * 1.959964), rel=1e-5)


def test_an_estimate_outside_its_interval_is_refused(dataset) -> None:
    bad = [EDUCATION[0].replace("60.1", "70.1"), EDUCATION[1]]
    assert check_upload(dataset, data_url(bad), "e.csv", "en").problems == (
        "e.csv, row 1 (line 2), column 'estimate': 70.1 is outside its interval 55 to 65.2",)
