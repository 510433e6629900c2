"""`dashboard build-boundaries`: the project's own simplified Malmö boundaries, built from the
team's raw files in ../shared (skipped where absent)."""

from __future__ import annotations

import json
from pathlib import Path

import geopandas as gpd
import pytest

from dashboard.app.settings import SHIPPED_BOUNDARIES
from dashboard.cli import main
from dashboard.ingest.boundary_build import (
    ATTRIBUTION,
    DELOMRADEN_OUT,
    MAPPING_FILE,
    STADSDELAR_OUT,
    BuildError,
    build,
    match_names,
    title_name,
)
from tests.conftest import shared_path

# PROVENANCE.md, "derived/malmo_stadsdelar_10_derived_epsg4326.geojson": delområden and km²
# per stadsdel of the reconstruction made there with a ±0.5 m buffer.
PROVENANCE_KM2 = {"Centrum": (21, 18.77), "Södra Innerstaden": (10, 2.83),
                  "Västra Innerstaden": (14, 4.65), "Limhamn-Bunkeflo": (19, 51.45),
                  "Hyllie": (14, 9.03), "Fosie": (17, 12.43), "Oxie": (8, 23.06),
                  "Rosengård": (10, 3.32), "Husie": (14, 29.47), "Kirseberg": (9, 6.39)}
SIZE_LIMIT = 300_000


@pytest.fixture(scope="module")
def raw() -> Path:
    return shared_path("data", "raw", "swemaps2", "malmo_delomraden_epsg3008.geojson"
                       ).parents[1]


@pytest.fixture(scope="module")
def built(raw: Path, dataset, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("boundaries")
    build(raw, dataset.areas, out)
    return out


def _features(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["features"]


def test_build_writes_136_delomraden_and_10_stadsdelar_small(built: Path) -> None:
    delo, sdf = built / DELOMRADEN_OUT, built / STADSDELAR_OUT
    assert len(_features(delo)) == 136 and len(_features(sdf)) == 10
    assert delo.stat().st_size + sdf.stat().st_size < SIZE_LIMIT
    codes = {f["properties"]["area_code"] for f in _features(sdf)}
    assert codes == {f"1280SD{i:02d}" for i in range(1, 11)}
    assert "1280DO11316" in {f["properties"]["area_code"] for f in _features(delo)}


def test_every_delomrade_lies_in_exactly_one_stadsdel(built: Path) -> None:
    delo = gpd.read_file(built / DELOMRADEN_OUT).to_crs("EPSG:3008")
    sdf = gpd.read_file(built / STADSDELAR_OUT).to_crs("EPSG:3008")
    for row in delo.itertuples():
        inside = sdf[sdf.contains(row.geometry.representative_point())]
        assert list(inside["area_code"]) == [row.parent_code], row.name


def test_dissolved_stadsdelar_match_the_provenance_areas(built: Path) -> None:
    sdf = gpd.read_file(built / STADSDELAR_OUT).to_crs("EPSG:3008").set_index("name")
    assert set(sdf.index) == set(PROVENANCE_KM2)
    for name, (count, km2) in PROVENANCE_KM2.items():
        assert sdf.loc[name, "delomraden"] == count, name
        assert sdf.loc[name, "geometry"].area / 1e6 == pytest.approx(km2, rel=0.01), name
        assert sdf.loc[name, "geometry"].geom_type == "Polygon", name  # no slivers left


def test_names_keep_swedish_letters_and_abbreviations_are_written_out(built: Path) -> None:
    names = {f["properties"]["name"] for f in _features(built / DELOMRADEN_OUT)}
    assert {"Möllevången", "Västra Hamnen", "Malmöhus", "Sofielunds Industriområde",
            "Limhamns Hamnområde", "Östra Skrävlinge"} <= names
    assert not [n for n in names if n.isupper() or n.endswith(".")]


def test_files_carry_attribution_and_provenance_and_are_wgs84(built: Path) -> None:
    for name in (DELOMRADEN_OUT, STADSDELAR_OUT):
        collection = json.loads((built / name).read_text(encoding="utf-8"))
        assert collection["attribution"] == ATTRIBUTION == "Stadskontoret, Malmö stad (CC0)"
        provenance = collection["provenance"]
        assert provenance["built_with"] == "dashboard build-boundaries"
        assert "5 m" in provenance["simplification"]
        assert "malmo_delomraden_epsg3008.geojson" in provenance["source"]
        assert "crs" not in collection  # RFC 7946: WGS84, no crs member
        frame = gpd.read_file(built / name)
        minx, miny, maxx, maxy = frame.total_bounds
        assert 12.8 < minx < maxx < 13.2 and 55.4 < miny < maxy < 55.7
        assert frame.is_valid.all()


def test_shipped_files_are_what_the_build_makes(built: Path) -> None:
    for name in (DELOMRADEN_OUT, STADSDELAR_OUT):
        assert (SHIPPED_BOUNDARIES / name).read_bytes() == (built / name).read_bytes(), \
            f"{name} is out of date: run `dashboard build-boundaries`"


def test_a_delomrade_missing_from_the_lookup_fails_and_writes_nothing(
        raw: Path, dataset, tmp_path: Path) -> None:
    fake = tmp_path / "raw"
    (fake / "swemaps2").mkdir(parents=True)
    (fake / "swemaps2" / "malmo_delomraden_epsg3008.geojson").symlink_to(
        raw / "swemaps2" / "malmo_delomraden_epsg3008.geojson")
    lines = (raw / MAPPING_FILE).read_text(encoding="utf-8").splitlines()
    (fake / MAPPING_FILE).parent.mkdir()
    (fake / MAPPING_FILE).write_text("\n".join(x for x in lines if not x.startswith("Holma,"))
                                     + "\n", encoding="utf-8")
    out = tmp_path / "out"
    with pytest.raises(BuildError, match=r"'HOLMA' matches 0 names") as info:
        build(fake, dataset.areas, out)
    assert "Data-Parts-of-the-City" in str(info.value)
    assert not out.exists()


def test_a_stadsdel_the_dataset_lacks_fails(raw: Path, dataset, tmp_path: Path) -> None:
    areas = dataset.areas[dataset.areas["code"] != "1280SD07"]
    with pytest.raises(BuildError, match="dataset does not know: Oxie"):
        build(raw, areas, tmp_path / "out")


def test_names_match_loosely_but_one_to_one() -> None:
    lookup = [("Malmö Hus", "Centrum"), ("Sofielunds Industriområde", "Södra innerstaden")]
    assert match_names(["MALMÖHUS", "SOFIELUNDS INDUSTRIOMR."], lookup, "f") == lookup
    with pytest.raises(BuildError, match="lookup names matching no delområde: Malmö Hus"):
        match_names(["SOFIELUNDS INDUSTRIOMR."], lookup, "f")
    with pytest.raises(BuildError, match="both match"):
        match_names(["MALMÖHUS", "MALMÖ-HUS"], lookup[:1], "f")
    assert title_name("LIMHAMN-BUNKEFLO") == "Limhamn-Bunkeflo"
    assert title_name("ÖSTRA SKRÄVLINGE") == "Östra Skrävlinge"


def test_command_reports_files_and_areas(raw: Path, tmp_path: Path, capsys) -> None:
    assert main(["build-boundaries", "--raw", str(raw), "-o", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "Wrote 136 areas" in out and "Wrote 10 areas" in out and "Oxie 23.06" in out
    assert main(["build-boundaries", "--raw", str(tmp_path / "nowhere")]) == 2
    assert "build-boundaries reads Malmö stad's delområden" in capsys.readouterr().err
