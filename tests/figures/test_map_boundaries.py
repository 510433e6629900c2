"""The map on Malmö's real boundaries by default: the shipped delområden and stadsdelar,
named areas, the publisher's credit, tiles on request, and a how-to where a level has none."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from dashboard.app.settings import load_settings
from dashboard.app.viewmodel import resolve
from dashboard.core.geometry import ShapeSet
from dashboard.core.viewstate import ViewState
from dashboard.figures.map import draw_map, map_data
from dashboard.ingest.boundaries import read_many
from dashboard.store.dataset import Dataset
from tests.synthetic import many_areas

CREDIT = "Stadskontoret, Malmö stad (CC0)"
# SWEREF99 13 30 (metres) around Malmö.
MALMO_X = (105_000, 135_000)
STADSDELAR = ("Centrum", "Södra Innerstaden", "Västra Innerstaden", "Limhamn-Bunkeflo",
              "Hyllie", "Fosie", "Oxie", "Rosengård", "Husie", "Kirseberg")


@pytest.fixture(scope="module")
def shipped(dataset, tmp_path_factory) -> dict[str, ShapeSet]:
    """The boundaries the app loads with default settings (an empty user folder)."""
    home = tmp_path_factory.mktemp("home")
    paths = load_settings({"DASHBOARD_HOME": str(home)}).boundary_paths
    return {level: f.shapes for level, f in read_many([str(p) for p in paths],
                                                      dataset.areas).items()}


def figure(ds: Dataset, boundaries: dict[str, ShapeSet], level: str = "", **choices: str
           ) -> dict:
    """The map of the view; `level` is set after resolving, for levels the level control
    does not offer yet."""
    state = resolve(ds, ViewState(**choices))[0]
    if level:
        state = state.with_changes(level=level)
    return draw_map(map_data(ds, state, boundaries), state.lang)


def areas_trace(spec: dict) -> dict:
    return next(tr for tr in spec["data"] if tr.get("name") == "areas")


def fills(spec: dict) -> list[dict]:
    return [tr for tr in spec["data"] if tr.get("fill") == "toself" and tr.get("name") != "hole"]


def test_default_map_draws_the_real_stadsdelar_with_names(dataset, shipped) -> None:
    spec = figure(dataset, shipped)
    assert spec["layout"]["meta"] == {"map_kind": "boundaries", "level": "stadsdel"}
    polygons = fills(spec)
    assert len(polygons) == 10
    xs = [x for tr in polygons for x in tr["x"] if x is not None]
    assert MALMO_X[0] < min(xs) < max(xs) < MALMO_X[1]
    assert max(len(tr["x"]) for tr in polygons) > 50  # outlines, not squares
    hover = " ".join(areas_trace(spec)["hovertext"])
    assert all(f"<b>{name}</b>" in hover for name in STADSDELAR)
    labels = " ".join(areas_trace(spec)["text"])
    assert "Husie" in labels and "Oxie" in labels  # large areas carry their names


def test_small_areas_carry_only_their_value(dataset, shipped) -> None:
    trace = areas_trace(figure(dataset, shipped))
    by_code = dict(zip(trace["customdata"], trace["text"], strict=True))
    assert by_code["1280SD02"].startswith("<b>")  # Södra Innerstaden: 2.8 km², value only
    assert "Innerstaden" not in by_code["1280SD02"]


def test_map_credits_the_boundaries_publisher(dataset, shipped) -> None:
    for lang, word in (("sv", "Gränser"), ("en", "Boundaries")):
        notes = [a["text"] for a in figure(dataset, shipped, lang=lang)["layout"]["annotations"]]
        assert f"{word}: {CREDIT}" in notes


def test_tiles_on_request(dataset, shipped) -> None:
    spec = figure(dataset, shipped, shape="tiles")
    assert spec["layout"]["meta"]["map_kind"] == "tiles"
    xs = [x for tr in fills(spec) for x in tr["x"] if x is not None]
    assert max(xs) < 10
    assert not spec["layout"].get("annotations")  # no credit on the schematic map


def few_delomraden(ds: Dataset, keep: int) -> Dataset:
    """The dataset with only `keep` of its delområden (those with population figures)."""
    delo = ds.areas[ds.areas["level"] == "delomrade"]["code"]
    counted = ds.observations[(ds.observations["indicator_id"] == "folkmangd")
                              & ds.observations["area_code"].isin(delo)]["area_code"]
    drop = set(delo) - set(sorted(set(counted))[:keep])
    return dataclasses.replace(
        ds, areas=ds.areas[~ds.areas["code"].isin(drop)],
        observations=ds.observations[~ds.observations["area_code"].isin(drop)])


def test_delomraden_the_dataset_lacks_are_grey_and_open_nothing(dataset, shipped) -> None:
    ds = few_delomraden(dataset, 4)
    spec = figure(ds, shipped, indicator="folkmangd", level="delomrade")
    assert spec["layout"]["meta"] == {"map_kind": "boundaries", "level": "delomrade"}
    trace = areas_trace(spec)
    assert len(trace["customdata"]) == 136
    opened = {c for c in trace["customdata"] if c is not None}
    known = set(ds.areas.loc[ds.areas["level"] == "delomrade", "code"])
    assert opened == known and len(opened) == 4
    grey = {tr["fillcolor"] for tr, code in zip(fills(spec), trace["customdata"], strict=True)
            if code is None}
    assert len(grey) == 1  # one "no data" colour


def deso2025(base: Dataset, n: int = 3) -> Dataset:
    """The embedded dataset with `n` made-up DeSO 2025 areas carrying values."""
    ds = many_areas(base, n)
    new = ds.areas["level"] == "deso"
    rename = {c: f"{c}_DeSO2025" for c in ds.areas.loc[new, "code"]}
    areas = ds.areas.assign(code=ds.areas["code"].replace(rename),
                            level=ds.areas["level"].where(~new, "deso2025"))
    observations = ds.observations.assign(area_code=ds.observations["area_code"]
                                          .replace(rename))
    return dataclasses.replace(ds, areas=areas, observations=observations)


def message(spec: dict) -> str:
    return spec["layout"]["annotations"][0]["text"].replace("<br>", " ")


def test_deso_without_boundaries_says_how_to_add_them(dataset, shipped) -> None:
    ds = deso2025(dataset)
    sv = message(figure(ds, shipped, indicator="ohalsotal", level="deso2025"))
    assert "Inga gränser för DeSO (2025 års indelning)" in sv
    assert "dashboard ingest scb-geodata" in sv and "DASHBOARD_BOUNDARIES" in sv
    en = message(figure(ds, shipped, indicator="ohalsotal", level="deso2025", lang="en"))
    assert "No boundaries for DeSO (2025 division)" in en
    assert "Online: run “dashboard ingest scb-geodata”" in en and "DASHBOARD_BOUNDARIES" in en
    old = message(figure(many_areas(dataset, 3), shipped, indicator="ohalsotal",
                         level="deso", lang="en"))
    assert "serves only the 2025 division" in old and "DASHBOARD_BOUNDARIES" in old


def test_deso_boundaries_once_present_are_drawn(dataset, shipped, tmp_path: Path) -> None:
    ds = deso2025(dataset, 2)
    features = [{"type": "Feature", "properties": {"desokod": f"1280C{i:04d}",
                                                   "version": "2025_v2"},
                 "geometry": {"type": "Polygon", "coordinates": [[
                     [13.0 + i / 50, 55.6], [13.01 + i / 50, 55.6], [13.01 + i / 50, 55.61],
                     [13.0 + i / 50, 55.6]]]}} for i in range(2)]
    path = tmp_path / "scb_deso_2025_malmo.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    loaded = read_many([str(path)], ds.areas)
    spec = figure(ds, {**shipped, **{k: v.shapes for k, v in loaded.items()}},
                  indicator="ohalsotal", level="deso2025")
    assert spec["layout"]["meta"] == {"map_kind": "boundaries", "level": "deso2025"}
    assert set(areas_trace(spec)["customdata"]) == {"1280C0000_DeSO2025",
                                                    "1280C0001_DeSO2025"}
