"""SCB PxWebApi 2.0: real JSON-stat read right, queries split at 150,000 cells, DeSO areas."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pandas as pd
import pytest

from dashboard.core.problems import DatasetError
from dashboard.ingest import scb_pxweb as px
from dashboard.stats import proportion
from dashboard.store.dataset import read_dataset
from tests.conftest import shared_path
from tests.live.conftest import load, pxweb, run_ingest

POPULATION = px.TABLES["population"]


def _source() -> px.SourceInfo:
    return px.SourceInfo("scb-test", "test", "https://example.invalid", "2026-01-01", "")


def test_real_scb_response_becomes_observations_and_municipalities(dataset) -> None:
    payload = json.loads(shared_path("data/raw/api_examples/scb_data_tab638.json").read_text())
    table = px.TableDef("tab638", "TAB638", "Folkmängd", "Population", (), (
        px.Measure(POPULATION.measures[0].indicator, "BE0101N1"),))
    tables = px.tables_from_responses(table, [("tab638", payload)], dataset.areas, _source())
    obs = tables["observations"].set_index(["area_code", "period"])["value"]
    assert obs.to_dict() == {("0180", "2023"): 984748, ("0180", "2024"): 988943,
                             ("1480", "2023"): 600151, ("1480", "2024"): 604616}
    areas = tables["areas"].set_index("code")
    assert areas.loc["0180", "name"] == "Stockholm" and areas.loc["1480", "level"] == "kommun"
    assert set(areas["parent_code"]) == {"00"}


def test_real_metadata_is_read_and_wrong_codes_are_named() -> None:
    meta = px.read_jsonstat(
        json.loads(shared_path("data/raw/api_examples/scb_metadata_tab638.json").read_text()),
        "meta", with_values=False)
    assert meta.categories["Tid"] == ["2021", "2022", "2023", "2024"]
    with pytest.raises(DatasetError, match=r"offers no deso codes for Malmö"):
        px.plan_queries(POPULATION, meta, "deso", ["2024"], where="meta")  # kommun table
    table = px.TableDef("t", "TAB6574", "", "", (), (
        px.Measure(POPULATION.measures[0].indicator, "BE0101N9"),))
    ours = px.read_jsonstat(load("scb_tab6574_metadata.json"), "meta", with_values=False)
    with pytest.raises(DatasetError, match=r"column 'ContentsCode': has no value 'BE0101N9'; "
                                           r"the table offers: 000007Y7"):
        px.plan_queries(table, ours, "deso", ["2024"], where="meta")


def _metadata(regions: int, ages: int, years: int) -> px.JsonStat:
    categories = {
        "Region": [f"1280C{i:04d}_DeSO2025" for i in range(regions)] + ["1281C0001_DeSO2025"],
        "Alder": ["totalt"] + [f"{a}-{a + 4}" for a in range(0, 5 * (ages - 1), 5)],
        "Kon": ["1", "2", "1+2"], "ContentsCode": ["000007Y7"],
        "Tid": [str(2000 + y) for y in range(years)],
    }
    return px.JsonStat("", tuple(categories), categories, {}, [], {})


def test_queries_are_split_to_at_most_150000_cells_covering_each_cell_once() -> None:
    meta = _metadata(regions=600, ages=20, years=5)  # 600 x 20 x 3 x 1 x 5 = 180,000 cells
    queries = px.plan_queries(POPULATION, meta, "deso", ["*"], where="meta")
    assert len(queries) == 2
    assert all(q.cells <= 150_000 for q in queries)
    assert sum(q.cells for q in queries) == 180_000
    covered = [r for q in queries for r in dict(q.selection)["Region"]]
    assert len(covered) == len(set(covered)) == 600  # Malmö only: Lund's 1281 left out
    body = queries[0].request("http://x/api/v2").body
    region = next(s for s in body["selection"] if s["variableCode"] == "Region")
    assert region["codelist"] == "vs_DeSO2025"


def test_a_single_value_too_large_splits_the_next_variable() -> None:
    parts = px.split_selection([("Region", ("a", "b")), ("Tid", tuple("0123456789"))], 4)
    assert all(math.prod(len(c) for _, c in p) <= 4 for p in parts)
    cells = {(r, t) for p in parts for r in dict(p)["Region"] for t in dict(p)["Tid"]}
    assert len(cells) == 20 and sum(math.prod(len(c) for _, c in p) for p in parts) == 20


def test_top_n_and_patterns_resolve_against_the_metadata() -> None:
    meta = _metadata(regions=3, ages=2, years=4)
    query = px.plan_queries(POPULATION, meta, "deso", ["top(2)"], where="m")[0]
    assert dict(query.selection)["Tid"] == ("2002", "2003")


def test_missing_dimension_and_unknown_area_are_refused(dataset) -> None:
    data = load("scb_tab6574_data.json")
    broken = dict(data, id=[d for d in data["id"] if d != "Kon"])
    with pytest.raises(DatasetError, match="size"):
        px.tables_from_responses(POPULATION, [("call 1", broken)], dataset.areas, _source())
    no_sex = {**data, "id": ["Region", "Alder", "ContentsCode", "Tid"], "size": [4, 3, 1, 2],
              "dimension": {k: v for k, v in data["dimension"].items() if k != "Kon"},
              "value": data["value"][:24], "status": {}}
    with pytest.raises(DatasetError, match=r"call 1, column 'dimension.Kon': is missing"):
        px.tables_from_responses(POPULATION, [("call 1", no_sex)], dataset.areas, _source())
    odd = json.loads(json.dumps(data).replace("1280C1230_DeSO2025", "XYZ"))
    with pytest.raises(DatasetError, match=r"'XYZ' is not a known area code"):
        px.tables_from_responses(POPULATION, [("call 1", odd)], dataset.areas, _source())


def test_ratio_measure_leaves_the_share_to_the_derive_stage(dataset) -> None:
    table = px.TABLES["employment"]
    payload = {
        "id": ["Region", "Kon", "Alder", "ContentsCode", "Tid"], "size": [1, 1, 1, 2, 1],
        "dimension": {
            "Region": {"category": {"index": {"1280C1070_DeSO2025": 0}}},
            "Kon": {"category": {"index": {"1+2": 0}}},
            "Alder": {"category": {"index": {"20-64": 0}}},
            "ContentsCode": {"category": {"index": {"0000089X": 0, "0000089Y": 1}}},
            "Tid": {"category": {"index": {"2024": 0}}}},
        "value": [676, 932]}
    obs = px.tables_from_responses(table, [("e", payload)], dataset.areas,
                                   _source())["observations"].iloc[0]
    assert obs["area_code"] == "1280C1070_DeSO2025"
    assert pd.isna(obs["value"]) and pd.isna(obs["ci_low"]) and pd.isna(obs["ci_method"])
    assert (obs["numerator"], obs["denominator"]) == (676, 932)


def test_ingest_adds_deso_areas_suppresses_small_counts_and_keeps_snapshots(
        web, tmp_path: Path, capsys) -> None:
    pxweb(web, "TAB6574", load("scb_tab6574_metadata.json"), load("scb_tab6574_data.json"))
    home = tmp_path / "home"
    status = run_ingest("scb", "--table", "population", "--years", "2023,2024",
                        "--base-url", f"{web.base}/api/v2", "--home", str(home))
    out = capsys.readouterr()
    assert status == 0, out.err
    ds = read_dataset(home / "store")
    deso = ds.areas[ds.areas["level"] == "deso2025"]
    assert sorted(deso["code"]) == ["1280C1070_DeSO2025", "1280C1230_DeSO2025",
                                    "1280C2390_DeSO2025"]  # suffix kept, no Lund
    assert set(deso["parent_code"]) == {"1280"}
    obs = ds.observations[ds.observations["indicator_id"] == "scb_folkmangd"]
    old = obs[(obs["area_code"] == "1280C2390_DeSO2025") & (obs["group"] == "80+")]
    by_sex = old.groupby("sex")["value"]
    assert by_sex.count().to_dict() == {"female": 0, "male": 0, "total": 2}  # 3 + 3 = 6
    assert (old[old["sex"] != "total"]["flag"] == "suppressed").all()
    withheld = obs[(obs["area_code"] == "1280C1230_DeSO2025") & (obs["group"] == "80+")
                   & (obs["period"] == "2023")]
    assert set(withheld["sex"]) == {"male", "total"}  # female was null without a status
    assert "'..'" in withheld.set_index("sex").loc["male", "note"]
    assert obs["value"].dropna().min() >= 5
    centre = obs.set_index(["area_code", "period", "sex", "group"])["value"]
    assert centre[("1280C1070_DeSO2025", "2024", "total", "total")] == 905
    assert "small count(s) suppressed" in out.out
    groups = ds.groups.set_index(["dimension", "group"])
    assert groups.loc[("age", "80+"), "label_en"] == "80 years and older"
    source = ds.sources.set_index("id").loc["scb-tab6574-deso"]
    assert source["licence"] == "CC0 1.0" and "Källa: SCB" in source["notes"]
    records = sorted((home / "snapshots" / "scb").glob("*.provenance.json"))
    assert len(records) == 2  # metadata and one data call
    record = json.loads(records[0].read_text())
    assert {"url", "query", "retrieved", "sha256", "licence", "attribution"} <= set(record)


def test_ingest_splits_calls_and_gets_the_same_result(web, tmp_path: Path,
                                                      monkeypatch) -> None:
    pxweb(web, "TAB6574", load("scb_tab6574_metadata.json"), load("scb_tab6574_data.json"))
    args = ("scb", "--table", "population", "--years", "top(2)", "--base-url",
            f"{web.base}/api/v2")
    assert run_ingest(*args, "--home", str(tmp_path / "one")) == 0
    monkeypatch.setattr(px, "MAX_CELLS", 10)
    assert run_ingest(*args, "--home", str(tmp_path / "two")) == 0
    posts = web.calls("/api/v2/tables/TAB6574/data")
    assert len(posts) > 2 and all(
        math.prod(len(s["valueCodes"]) for s in p.body["selection"]) <= 10 for p in posts[1:])
    one = read_dataset(tmp_path / "one" / "store").observations
    two = read_dataset(tmp_path / "two" / "store").observations
    key = ["indicator_id", "area_code", "period", "sex", "dimension", "group"]
    pd.testing.assert_frame_equal(one.sort_values(key).reset_index(drop=True),
                                  two.sort_values(key).reset_index(drop=True))


def _employment_table() -> tuple[dict, dict]:
    """TAB6680 as metadata and data: employed (0000089X) and population (0000089Y) 20-64."""
    regions = ["1280C1070_DeSO2025", "1280C2390_DeSO2025"]
    dims = {
        "Region": {"category": {"index": {c: i for i, c in enumerate(regions)},
                                "label": {c: c[:9] for c in regions}}},
        "Kon": {"category": {"index": {"1": 0, "2": 1, "1+2": 2},
                             "label": {"1": "män", "2": "kvinnor", "1+2": "totalt"}}},
        "Alder": {"category": {"index": {"20-64": 0}, "label": {"20-64": "20-64 år"}}},
        "ContentsCode": {"category": {"index": {"0000089X": 0, "0000089Y": 1},
                                      "label": {"0000089X": "sysselsatta",
                                                "0000089Y": "befolkning"}}},
        "Tid": {"category": {"index": {"2024": 0}, "label": {"2024": "2024"}}},
    }
    ids = ["Region", "Kon", "Alder", "ContentsCode", "Tid"]
    meta = {"version": "2.0", "class": "dataset", "label": "Sysselsättning", "id": ids,
            "size": [2, 3, 1, 2, 1], "dimension": dims, "value": []}
    # 1280C1070: men 340/470, women 336/462, total 676/932; 1280C2390: men 3/4 (small),
    # women 12/11 (perturbed by SCB: more employed than people), total 15/15.
    values = [340, 470, 336, 462, 676, 932, 3, 4, 12, 11, 15, 15]
    return meta, dict(meta, value=values)


def test_employment_ingest_derives_wilson_shares_and_suppresses_small_counts(
        web, tmp_path: Path, capsys) -> None:
    pxweb(web, "TAB6680", *_employment_table())
    home = tmp_path / "home"
    status = run_ingest("scb", "--table", "employment", "--years", "2024", "--base-url",
                        f"{web.base}/api/v2", "--home", str(home))
    assert status == 0, capsys.readouterr().err
    obs = read_dataset(home / "store").observations
    obs = obs[obs["indicator_id"] == "scb_sysselsattning"].set_index(["area_code", "sex"])
    total = obs.loc[("1280C1070_DeSO2025", "total")]
    want = proportion([676], [932], multiplier=100)
    assert [total["value"], total["ci_low"], total["ci_high"]] == pytest.approx(
        [want.value[0], want.lower[0], want.upper[0]], rel=1e-12)
    assert total["ci_method"] == "wilson"
    assert (total["numerator"], total["denominator"]) == (676, 932)
    small = obs.loc[("1280C2390_DeSO2025", "male")]
    assert small[["value", "numerator", "ci_low", "ci_high"]].isna().all()
    assert pd.isna(small["ci_method"]) and small["flag"] == "suppressed"
    perturbed = obs.loc[("1280C2390_DeSO2025", "female")]
    assert pd.isna(perturbed["value"]) and perturbed["flag"] == "inconsistent|suppressed"
    full = obs.loc[("1280C2390_DeSO2025", "total")]
    assert full["value"] == 100.0 and full["ci_method"] == "wilson" and full["ci_high"] == 100.0
