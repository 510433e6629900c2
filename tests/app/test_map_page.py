"""The map view: real boundaries by default (shipped with the package), a labelled choice of
equal tiles, the publisher's credit under the map, and the settings' order of boundary files."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from dashboard.app.factory import create_app, load
from dashboard.app.settings import SHIPPED_BOUNDARIES, load_settings
from dashboard.ingest.boundaries import read_many
from tests.dash_requests import interact_body, navigate_body

CREDIT = "Stadskontoret, Malmö stad (CC0)"


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    home = tmp_path_factory.mktemp("home")
    ds, boundaries = load(load_settings({"DASHBOARD_HOME": str(home)}))
    return create_app(ds, boundaries)


def _post(app: Any, body: dict[str, Any]) -> dict[str, Any]:
    response = app.server.test_client().post("/_dash-update-component", json=body)
    assert response.status_code == 200, response.data[:300]
    return dict(json.loads(response.data)["response"])


def _text(tree: Any) -> str:
    return json.dumps(tree, ensure_ascii=False)


def _figure_kind(tree: Any) -> list[str]:
    found: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            meta = node.get("layout", {}).get("meta") if "layout" in node else None
            if isinstance(meta, dict) and "map_kind" in meta:
                found.append(meta["map_kind"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(tree)
    return found


def test_default_settings_read_the_shipped_boundaries_first(tmp_path: Path) -> None:
    paths = load_settings({"DASHBOARD_HOME": str(tmp_path)}).boundary_paths
    assert [p.name for p in paths] == ["delomraden.geojson", "stadsdelar.geojson"]
    assert all(p.parent == SHIPPED_BOUNDARIES and p.is_file() for p in paths)


def test_a_later_file_for_a_level_replaces_the_shipped_one(tmp_path: Path, dataset) -> None:
    own = tmp_path / "own_stadsdelar.geojson"
    own.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"stadsdel": "Oxie"},
         "geometry": {"type": "Polygon", "coordinates": [[[13.1, 55.52], [13.12, 55.52],
                                                          [13.12, 55.54], [13.1, 55.52]]]}}]}))
    env = {"DASHBOARD_HOME": str(tmp_path / "home"), "DASHBOARD_BOUNDARIES": str(own)}
    files = read_many([str(p) for p in load_settings(env).boundary_paths], dataset.areas)
    assert files["stadsdel"].path == str(own) and files["stadsdel"].shapes.codes() == {
        "1280SD07"}
    assert files["delomrade"].path == str(SHIPPED_BOUNDARIES / "delomraden.geojson")
    # and the other way round: the shipped file named last wins
    env["DASHBOARD_BOUNDARIES"] = os.pathsep.join([str(own),
                                                   str(SHIPPED_BOUNDARIES / "stadsdelar.geojson")])
    files = read_many([str(p) for p in load_settings(env).boundary_paths], dataset.areas)
    assert len(files["stadsdel"].shapes.shapes) == 10


def test_map_page_shows_real_map_credit_and_a_labelled_tiles_choice(app) -> None:
    for lang, label, credit in (("sv", "Visa som", "Gränser"), ("en", "Show as", "Boundaries")):
        drawn = _post(app, navigate_body(app, "/map", f"?lang={lang}"))
        text = _text(drawn)
        assert _figure_kind(drawn) == ["boundaries"]
        assert f"\"{label}\"" in text and f"{credit}: {CREDIT}" in text
        assert "{\"type\": \"pc\", \"name\": \"shape\"}" in text
        assert '"value": "tiles"' in text and '"value": "map"' in text


def test_choosing_tiles_redraws_the_map_as_tiles_and_keeps_it_in_the_address(app) -> None:
    view = _post(app, navigate_body(app, "/map", "?lang=en"))["view"]["data"]
    changed = _post(app, interact_body(app, view, "shape", "tiles"))
    assert _figure_kind(changed) == ["tiles"]
    assert "shape=tiles" in changed["url"]["search"]
    reopened = _post(app, navigate_body(app, "/map", changed["url"]["search"]))
    assert _figure_kind(reopened) == ["tiles"]


def test_levels_without_tiles_offer_no_choice(app) -> None:
    drawn = _post(app, navigate_body(app, "/map", "?lang=en&ind=folkmangd&level=delomrade"))
    assert _figure_kind(drawn) == ["boundaries"]
    assert "\"Show as\"" not in _text(drawn)
    assert "{\"type\": \"pc\", \"name\": \"shape\"}" not in _text(drawn)
