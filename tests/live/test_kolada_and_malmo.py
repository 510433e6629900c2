"""Kolada (paged by next_url) and Malmö stad's CKAN (paged by offset): what lands in the store."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard.core.problems import DatasetError
from dashboard.ingest import kolada, malmo_ckan
from dashboard.store.dataset import read_dataset
from tests.live.conftest import json_reply, load, run_ingest

KOLADA_DATA = "/v3/data/kpi/N01951,N00967/municipality/1280,0180,0000/year/2023"
CKAN = "/api/3/action/datastore_search"


def test_kolada_follows_next_url_and_maps_gender_nulls_and_codes(web, tmp_path: Path,
                                                                  capsys) -> None:
    web.route(KOLADA_DATA, lambda seen: web.reply(
        "kolada_page2.json" if seen.query.get("page") == ["2"] else "kolada_page1.json"))
    home = tmp_path / "home"
    assert run_ingest("kolada", "--kpi", "N01951", "--kpi", "N00967", "--municipality", "1280",
                      "--municipality", "0180", "--municipality", "0000", "--years", "2023",
                      "--base-url", f"{web.base}/v3", "--home", str(home)) == 0, \
        capsys.readouterr().err
    calls = web.calls(KOLADA_DATA)
    assert len(calls) == 2 and calls[1].query == {"page": ["2"], "per_page": ["3"]}
    ds = read_dataset(home / "store")
    obs = ds.observations.set_index(["indicator_id", "area_code", "sex"])["value"]
    assert obs[("kolada_invanare", "1280", "total")] == 362133
    assert obs[("kolada_sjukpenningtal", "1280", "female")] == 10.9
    assert obs[("kolada_sjukpenningtal", "00", "total")] == 9.2  # 0000 is Sweden, code 00
    assert ("kolada_sjukpenningtal", "00", "male") not in obs.index  # null, no status
    withheld = ds.observations.set_index(["indicator_id", "area_code"]).loc[
        ("kolada_sjukpenningtal", "0180")]
    assert withheld["flag"] == "suppressed" and "'X'" in withheld["note"]
    stockholm = ds.areas.set_index("code").loc["0180"]
    assert (stockholm["name"], stockholm["level"], stockholm["parent_code"]) == \
        ("Stockholm", "kommun", "00")
    source = ds.sources.set_index("id").loc["kolada-n01951-n00967"]
    assert source["licence"] == "CC BY 4.0" and "Källa: Kolada (RKA)" in source["notes"]


def test_kolada_region_ids_become_lan_codes(dataset) -> None:
    assert kolada.project_code("0012") == "12"
    assert kolada.project_code("0000") == "00"
    assert kolada.project_code("1280") == "1280"
    page = {"values": [{"kpi": "N01951", "municipality": "99999", "period": 2023,
                        "values": [{"gender": "T", "value": 1, "status": ""}]}]}
    source = kolada.SourceInfo("k", "t", "u", "r", "")
    with pytest.raises(DatasetError, match=r"row 1, column 'municipality': '99999'"):
        kolada.tables_from_pages([("page 1", page)], ["N01951"], dataset.areas, source)


def test_ckan_pages_by_offset_matches_names_and_adds_delomraden(web, tmp_path: Path,
                                                                capsys) -> None:
    pages = {"0": load("ckan_page1.json"), "3": load("ckan_page2.json")}
    web.route(CKAN, lambda seen: json_reply(pages[seen.query["offset"][0]]))
    home = tmp_path / "home"
    assert run_ingest("malmo", "--resource-id", "3f2c1a9e-statistik-omraden", "--base-url",
                      web.base, "--home", str(home)) == 0
    out = capsys.readouterr().out
    assert "fields not loaded" in out and "medelinkomst" in out
    assert [c.query["offset"] for c in web.calls(CKAN)] == [["0"], ["3"]]
    ds = read_dataset(home / "store")
    obs = ds.observations[ds.observations["source_id"] == "malmo-3f2c1a9e-statistik-omraden"]
    values = obs.set_index(["indicator_id", "area_code"])["value"]
    assert values[("folkmangd", "1280SD01")] == 50012          # Centrum by name
    assert values[("folkmangd", "1280")] == 357377             # "MALMÖ", any case
    assert values[("forvarvsfrekvens", "1280SD08")] == 41.2    # decimal comma
    assert values[("folkmangd", "1280DO11316")] == 10981       # Möllevången by do_kod
    withheld = obs.set_index(["indicator_id", "area_code"]).loc[
        ("forvarvsfrekvens", "1280DO11316")]
    assert withheld["flag"] == "suppressed"
    kroksback = ds.areas.set_index("code").loc["1280DO25620"]
    assert (kroksback["name"], kroksback["level"]) == ("Kroksbäck", "delomrade")
    cites = ds.indicators.set_index("id").loc["folkmangd", "source_ids"].split(";")
    assert "malmo-3f2c1a9e-statistik-omraden" in cites and len(cites) > 1


def test_ckan_field_mapping_and_refusal(dataset) -> None:
    page = load("ckan_page1.json")
    source = malmo_ckan.SourceInfo("m", "t", "u", "r", "")
    got = malmo_ckan.tables_from_pages([("p", page)], "r", dataset.areas, dataset.indicators,
                                       source, {"medelinkomst": "valfardsindex_rangmedel"})
    assert "valfardsindex_rangmedel" in set(got.tables["observations"]["indicator_id"])
    assert got.skipped == ()
    with pytest.raises(DatasetError, match="not in the dataset"):
        malmo_ckan.tables_from_pages([("p", page)], "r", dataset.areas, dataset.indicators,
                                     source, {"medelinkomst": "no_such_indicator"})
    refused = {"success": False, "error": {"message": "Resource not found",
                                           "__type": "Not Found Error"}}
    with pytest.raises(DatasetError, match="CKAN refused the request: Resource not found"):
        malmo_ckan.read_page(refused, "p")
