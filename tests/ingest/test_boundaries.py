"""Boundary files in any CRS become planar shapes keyed by area code, never the globe."""

from __future__ import annotations

import json
from pathlib import Path

import geopandas as gpd
import pytest

from dashboard.ingest.boundaries import BoundaryError, read_boundaries
from tests.conftest import shared_path

# SWEREF99 13 30 bounding box of Malmö kommun, generously padded (metres).
MALMO_X = (105_000, 135_000)
MALMO_Y = (6_148_000, 6_172_000)


def inside_malmo(shapes) -> bool:
    for shape in shapes.shapes:
        for xs, ys in shape.rings:
            if not (MALMO_X[0] < min(xs) and max(xs) < MALMO_X[1]
                    and MALMO_Y[0] < min(ys) and max(ys) < MALMO_Y[1]):
                return False
    return True


def test_delomraden_in_3008_and_4326_agree(dataset) -> None:
    a = read_boundaries(shared_path("data/raw/swemaps2/malmo_delomraden_epsg3008.geojson"),
                        dataset.areas)
    b = read_boundaries(shared_path("data/raw/swemaps2/malmo_delomraden_epsg4326.geojson"),
                        dataset.areas)
    assert a.shapes.level == b.shapes.level == "delomrade"
    assert len(a.shapes.shapes) == len(b.shapes.shapes) == 136
    assert "1280DO11316" in a.shapes.codes()  # Möllevången
    for sa, sb in zip(a.shapes.shapes, b.shapes.shapes, strict=True):
        assert sa.code == sb.code
        # Labels sit at the centre of the largest inscribed circle, which may slide a few
        # metres along a strip-shaped area; under a pixel of a 1600-pixel map (10 m).
        assert abs(sa.label_x - sb.label_x) < 10 and abs(sa.label_y - sb.label_y) < 10
    assert inside_malmo(a.shapes) and inside_malmo(b.shapes)


def test_stadsdelar_matched_by_name(dataset) -> None:
    got = read_boundaries(
        shared_path("data/derived/malmo_stadsdelar_10_derived_epsg4326.geojson"), dataset.areas)
    assert got.shapes.level == "stadsdel"
    assert got.shapes.codes() == {f"1280SD{i:02d}" for i in range(1, 11)}
    assert got.unmatched == ()
    assert inside_malmo(got.shapes)


def test_geopackage_in_another_crs_is_reprojected(tmp_path: Path, dataset) -> None:
    src = shared_path("data/derived/malmo_stadsdelar_10_derived_epsg4326.geojson")
    frame = gpd.read_file(src)[["stadsdel", "geometry"]].to_crs("EPSG:3006")
    target = tmp_path / "stadsdelar.gpkg"
    frame.to_file(target, driver="GPKG")
    got = read_boundaries(target, dataset.areas)
    assert len(got.shapes.shapes) == 10 and inside_malmo(got.shapes)


def test_missing_crs_with_projected_coordinates_is_refused(tmp_path: Path, dataset) -> None:
    feature = {"type": "Feature", "properties": {"stadsdel": "Oxie"},
               "geometry": {"type": "Polygon", "coordinates": [[[120000, 6150000],
                            [121000, 6150000], [121000, 6151000], [120000, 6150000]]]}}
    path = tmp_path / "nocrs.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [feature]}))
    with pytest.raises(BoundaryError, match=r"longitude/latitude.*but they are not"):
        read_boundaries(path, dataset.areas)


def test_file_without_identifying_property_is_refused(tmp_path: Path, dataset) -> None:
    feature = {"type": "Feature", "properties": {"colour": "red"},
               "geometry": {"type": "Polygon", "coordinates": [[[13.0, 55.6], [13.01, 55.6],
                                                                [13.01, 55.61], [13.0, 55.6]]]}}
    path = tmp_path / "anon.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [feature]}))
    with pytest.raises(BoundaryError, match="no property identifies the areas"):
        read_boundaries(path, dataset.areas)


def test_unreadable_and_missing_files(tmp_path: Path, dataset) -> None:
    with pytest.raises(BoundaryError, match="file not found"):
        read_boundaries(tmp_path / "nope.geojson", dataset.areas)
    junk = tmp_path / "junk.geojson"
    junk.write_text("{ this is not json")
    with pytest.raises(BoundaryError, match="cannot be read"):
        read_boundaries(junk, dataset.areas)


def _square_file(path: Path, properties: list[dict], **members) -> Path:
    """A GeoJSON of small squares in Malmö (WGS84), one per property set."""
    features = [{"type": "Feature", "properties": props,
                 "geometry": {"type": "Polygon", "coordinates": [[
                     [13.0 + i / 100, 55.6], [13.005 + i / 100, 55.6],
                     [13.005 + i / 100, 55.605], [13.0 + i / 100, 55.6]]]}}
                for i, props in enumerate(properties)]
    path.write_text(json.dumps({"type": "FeatureCollection", **members, "features": features}))
    return path


def test_scb_wfs_codes_are_filed_as_the_2025_division(tmp_path: Path, dataset) -> None:
    # SCB's WFS layers stat:DeSO_2025 / stat:RegSO_2025: codes without suffix, version 2025.
    deso = _square_file(tmp_path / "deso.geojson", [
        {"desokod": "1280C1070", "regsokod": "1280R055", "version": "2025_v2"},
        {"desokod": "1280C2390", "regsokod": "1280R051", "version": "2025_v2"}])
    got = read_boundaries(deso, dataset.areas).shapes
    assert got.level == "deso2025"
    assert got.codes() == {"1280C1070_DeSO2025", "1280C2390_DeSO2025"}
    regso = _square_file(tmp_path / "regso.geojson", [{"regsokod": "1280R055_RegSO2025"}])
    got = read_boundaries(regso, dataset.areas).shapes
    assert (got.level, got.codes()) == ("regso2025", {"1280R055_RegSO2025"})


def test_scb_2018_files_are_filed_at_the_older_levels(tmp_path: Path, dataset) -> None:
    versioned = _square_file(tmp_path / "d.geojson", [{"desokod": "1280C1070",
                                                      "version": "2018_v2"}])
    got = read_boundaries(versioned, dataset.areas).shapes
    assert (got.level, got.codes()) == ("deso", {"1280C1070"})
    gpkg_style = _square_file(tmp_path / "g.geojson", [{"deso": "1280C1070", "kommun": "1280"}])
    assert read_boundaries(gpkg_style, dataset.areas).shapes.level == "deso"
    regso = _square_file(tmp_path / "r.geojson", [{"regsokod": "1280R001", "version": "2020"}])
    assert read_boundaries(regso, dataset.areas).shapes.codes() == {"1280R001"}


def test_area_code_with_level_needs_no_known_areas(tmp_path: Path, dataset) -> None:
    path = _square_file(tmp_path / "x.geojson",
                        [{"area_code": "1280DO99999", "level": "delomrade", "name": "Påhitt"}],
                        attribution="Stadskontoret, Malmö stad (CC0)")
    got = read_boundaries(path, dataset.areas).shapes
    assert (got.level, got.codes()) == ("delomrade", {"1280DO99999"})
    assert got.shapes[0].name == "Påhitt"
    assert got.attribution == "Stadskontoret, Malmö stad (CC0)"
    bad = _square_file(tmp_path / "y.geojson", [{"area_code": "X1", "level": "planet"}])
    with pytest.raises(BoundaryError, match="level must be one of"):
        read_boundaries(bad, dataset.areas)


def test_attribution_of_a_fetched_file_comes_from_its_provenance(tmp_path: Path,
                                                                 dataset) -> None:
    path = _square_file(tmp_path / "s.geojson", [{"stadsdel": "Oxie"}])
    assert read_boundaries(path, dataset.areas).shapes.attribution == ""
    (tmp_path / "s.geojson.provenance.json").write_text(
        json.dumps({"attribution": "Stadskontoret, Malmö stad"}))
    assert read_boundaries(path, dataset.areas).shapes.attribution == \
        "Stadskontoret, Malmö stad"
