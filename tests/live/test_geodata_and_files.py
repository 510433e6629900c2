"""SCB geodata boundaries, HEAT Plus and tidy CSV files, and the merge and suppression rules."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from dashboard.app.settings import load_settings
from dashboard.core.problems import DatasetError
from dashboard.derive.suppression import suppress_small_counts
from dashboard.ingest import scb_geodata
from dashboard.ingest.boundaries import read_boundaries
from dashboard.ingest.heat_template import SE_FROM_CI
from dashboard.store.dataset import read_dataset
from dashboard.store.merge import merge_tables
from tests.conftest import shared_path
from tests.live.conftest import FIXTURES, load, run_ingest

DESO = scb_geodata.LAYERS["deso"]


def test_geodata_saves_a_checked_boundary_file_and_adds_the_areas(web, tmp_path: Path,
                                                                  capsys) -> None:
    web.fixture("/geoserver/stat/wfs", "scb_wfs_deso_malmo.geojson")
    home = tmp_path / "home"
    assert run_ingest("scb-geodata", "--url", f"{web.base}/geoserver/stat/wfs", "--home",
                      str(home)) == 0, capsys.readouterr().err
    query = web.calls("/geoserver/stat/wfs")[0].query
    assert query["typeNames"] == ["stat:DeSO_2025"] and query["srsName"] == ["EPSG:4326"]
    assert query["CQL_FILTER"] == ["kommunkod='1280'"]
    ds = read_dataset(home / "store")
    # SCB's service serves the 2025 division: filed as DeSO 2025, with SCB's suffix.
    deso = ds.areas[ds.areas["level"] == "deso2025"].set_index("code")
    codes = {"1280C1070_DeSO2025", "1280C2390_DeSO2025"}
    assert set(deso.index) == codes  # Lomma's feature left out
    assert deso.loc["1280C1070_DeSO2025", "name"] == "1280C1070"
    saved = home / "boundaries" / DESO.filename
    shapes = read_boundaries(saved, ds.areas).shapes
    assert shapes.level == "deso2025" and shapes.codes() == codes
    assert shapes.attribution == "Källa: SCB"
    record = json.loads((home / "boundaries" / f"{DESO.filename}.provenance.json").read_text())
    assert record["licence"] == "CC0 1.0" and record["attribution"] == "Källa: SCB"
    assert record["features"] == 2 and len(record["sha256"]) == 64
    assert saved in load_settings({"DASHBOARD_HOME": str(home)}).boundary_paths
    assert [p.name for p in (home / "boundaries").iterdir() if p.name.startswith(".")] == []


def test_real_wfs_answer_keeps_malmo_features_only(dataset) -> None:
    payload = json.loads(shared_path("data/raw/api_examples/scb_geodata_features.json")
                         .read_text())
    features = scb_geodata.malmo_features(payload, DESO, "wfs")
    assert [f["properties"]["desokod"] for f in features] == ["1280C1070", "1280C2390"]
    source = scb_geodata.SourceInfo("s", "t", "u", "r", "")
    areas = scb_geodata.tables_from_features(features, DESO, dataset.areas, source)["areas"]
    assert set(areas["parent_code"]) == {"1280"} and set(areas["level"]) == {"deso2025"}
    assert sorted(areas["code"]) == ["1280C1070_DeSO2025", "1280C2390_DeSO2025"]


def test_swapped_axes_are_refused() -> None:
    features = load("scb_wfs_deso_malmo.geojson")["features"]
    for feature in features:
        ring = feature["geometry"]["coordinates"][0]
        feature["geometry"]["coordinates"] = [[[y, x] for x, y in ring]]
    with pytest.raises(DatasetError, match="axis order swapped"):
        scb_geodata.check_axis_order(features, "wfs")


def test_heat_template_becomes_areas_sex_and_groups(tmp_path: Path, capsys) -> None:
    home = tmp_path / "home"
    assert run_ingest("heat-file", str(FIXTURES / "heat_malmo.csv"), "--home", str(home)) == 0
    ds = read_dataset(home / "store")
    obs = ds.observations[ds.observations["indicator_id"] == "smoke"]
    by_area = obs[obs["dimension"] == "total"].set_index(["area_code", "sex"])["value"]
    assert by_area[("1280SD08", "total")] == 22.5  # Rosengård: a stadsdel subgroup
    assert by_area[("1280", "total")] == 16.0      # the setting average of Malmö
    assert by_area[("1280", "female")] == 15.1
    centrum = obs.set_index("area_code").loc["1280SD01"]
    assert centrum["se"] == pytest.approx((16.3 - 12.1) / SE_FROM_CI)
    education = obs[obs["dimension"] == "utbildning"].set_index("group")["value"]
    assert education.to_dict() == {"förgymnasial": 24.0, "eftergymnasial": 9.5}
    indicator = ds.indicators.set_index("id").loc["smoke"]
    assert (indicator["unit"], indicator["polarity"]) == ("percent", "lower_better")


def test_heat_template_as_xlsx_gives_the_same_rows(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    frame = pd.read_csv(FIXTURES / "heat_malmo.csv", dtype=str, keep_default_na=False)
    book.active.append(list(frame.columns))
    for row in frame.itertuples(index=False):
        book.active.append([float(v) if v.replace(".", "").isdigit() else (v or None)
                            for v in row])
    xlsx = tmp_path / "heat.xlsx"
    book.save(xlsx)
    assert run_ingest("heat-file", str(xlsx), "--home", str(tmp_path / "x")) == 0
    assert run_ingest("heat-file", str(FIXTURES / "heat_malmo.csv"), "--home",
                      str(tmp_path / "c")) == 0
    key = ["indicator_id", "area_code", "period", "sex", "dimension", "group"]
    a = read_dataset(tmp_path / "x" / "store").observations
    b = read_dataset(tmp_path / "c" / "store").observations
    columns = [*key, "value", "se", "population"]
    pd.testing.assert_frame_equal(a[a["indicator_id"] == "smoke"][columns].reset_index(drop=True),
                                  b[b["indicator_id"] == "smoke"][columns].reset_index(drop=True))


def test_heat_template_with_unknown_area_is_refused(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text((FIXTURES / "heat_malmo.csv").read_text().replace("Oxie", "Narnia"))
    assert run_ingest("heat-file", str(bad), "--home", str(tmp_path / "home")) == 1
    err = capsys.readouterr().err
    assert f"{bad}, row 3, column 'subgroup': 'Narnia' is not a known area" in err
    assert not (tmp_path / "home" / "store").exists()


def test_tidy_csv_suppresses_small_numerators_and_replaces_its_own_rows(tmp_path: Path,
                                                                        capsys) -> None:
    home = tmp_path / "home"
    assert run_ingest("tidy-csv", str(FIXTURES / "tidy_csv"), "--home", str(home)) == 0
    every = read_dataset(home / "store").observations
    obs = every[every["indicator_id"] == "fixture_screening"].set_index("area_code")
    oxie = obs.loc["1280SD07"]
    assert np.isnan(oxie["value"]) and np.isnan(oxie["numerator"])
    assert oxie["flag"] == "suppressed" and oxie["denominator"] == 4
    assert obs.loc["1280SD01", "value"] == 71.5
    assert run_ingest("tidy-csv", str(FIXTURES / "tidy_csv"), "--home", str(home),
                      "--suppress-below", "3") == 0
    again = read_dataset(home / "store").observations
    mine = again[again["indicator_id"] == "fixture_screening"].set_index("area_code")
    assert mine.loc["1280SD07", "value"] == 75.0
    assert len(again) == len(every)


def test_merge_keeps_curated_reference_rows_and_replaces_facts(dataset) -> None:
    current = {n: dataset.table(n) for n in ("observations", "indicators", "areas", "groups",
                                             "sources")}
    renamed = dataset.areas[dataset.areas["code"] == "1280"].assign(name="Malmoe")
    fact = dataset.observations.iloc[[0]].assign(value=99.0)
    merged = merge_tables(current, {"areas": renamed, "observations": fact})
    assert merged["areas"].set_index("code").loc["1280", "name"] == "Malmö"
    assert merged["observations"].iloc[0]["value"] == 99.0
    assert len(merged["observations"]) == len(dataset.observations)
    replaced = merge_tables(current, {"areas": renamed}, replace_reference=True)
    assert replaced["areas"].set_index("code").loc["1280", "name"] == "Malmoe"


def test_suppression_threshold_is_configurable(dataset) -> None:
    obs = pd.DataFrame({"indicator_id": ["folkmangd"] * 3, "value": [0.0, 4.0, 5.0],
                        "numerator": [np.nan] * 3, "se": np.nan, "ci_low": np.nan,
                        "ci_high": np.nan, "flag": [None, "provisional", None],
                        "note": None})
    out, n = suppress_small_counts(obs, dataset.indicators)
    assert n == 2 and out["value"].isna().tolist() == [True, True, False]
    assert out["flag"].tolist()[:2] == ["suppressed", "provisional|suppressed"]
    assert suppress_small_counts(obs, dataset.indicators, 0)[1] == 0
