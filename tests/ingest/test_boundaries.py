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
        assert abs(sa.label_x - sb.label_x) < 1.0 and abs(sa.label_y - sb.label_y) < 1.0
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
