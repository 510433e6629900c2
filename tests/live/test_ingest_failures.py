"""Nothing is lost: every failing ingest says what and where, and leaves the store as it was."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from dashboard.store.dataset import read_dataset
from tests.live.conftest import FIXTURES, Reply, json_reply, load, pxweb, run_ingest, tree_hash

KOLADA = "/v3/data/kpi/N01951/municipality/1280"
CKAN = "/api/3/action/datastore_search"


@pytest.fixture()
def home(tmp_path: Path) -> Path:
    """A DASHBOARD_HOME whose store already holds one committed version."""
    folder = tmp_path / "home"
    assert run_ingest("tidy-csv", str(FIXTURES / "tidy_csv"), "--home", str(folder)) == 0
    return folder


def _fails(home: Path, capsys, *argv: str) -> str:
    """Run a failing ingest; check exit status 1 and an unchanged store; return stderr."""
    before = tree_hash(home / "store")
    old = read_dataset(home / "store")
    assert run_ingest(*argv, "--home", str(home)) == 1
    err = capsys.readouterr().err
    assert tree_hash(home / "store") == before
    assert "Nothing was changed" in err
    pd.testing.assert_frame_equal(read_dataset(home / "store").observations, old.observations)
    return err


def test_timeout(web, home: Path, capsys) -> None:
    web.route(KOLADA, Reply(200, b"{}", delay=1.0))
    err = _fails(home, capsys, "kolada", "--kpi", "N01951", "--municipality", "1280",
                 "--base-url", f"{web.base}/v3", "--timeout", "0.3")
    assert f"{web.base}{KOLADA}: timed out after 0.3 s" in err


def test_500_exhausting_retries(web, home: Path, capsys) -> None:
    web.route(KOLADA, Reply(500, b"Internal Server Error", {"Retry-After": "0"}))
    err = _fails(home, capsys, "kolada", "--kpi", "N01951", "--municipality", "1280",
                 "--base-url", f"{web.base}/v3")
    assert "HTTP 500" in err and "after 5 attempts" in err and KOLADA in err
    assert len(web.calls(KOLADA)) == 5


def test_429_then_success_is_retried_and_committed(web, home: Path, capsys) -> None:
    pxweb(web, "TAB6574", load("scb_tab6574_metadata.json"), load("scb_tab6574_data.json"))
    meta = "/api/v2/tables/TAB6574/metadata"
    web.route(meta, [Reply(429, b"Too many requests", {"Retry-After": "0"}),
                     json_reply(load("scb_tab6574_metadata.json"))])
    before = tree_hash(home / "store")
    assert run_ingest("scb", "--table", "population", "--base-url", f"{web.base}/api/v2",
                      "--home", str(home)) == 0
    assert len(web.calls(meta)) == 2
    assert tree_hash(home / "store") != before
    assert "1280C1070_DeSO2025" in set(read_dataset(home / "store").areas["code"])


def test_malformed_json(web, home: Path, capsys) -> None:
    web.route(CKAN, Reply(200, b"<html><h1>Portal under maintenance</h1></html>"))
    err = _fails(home, capsys, "malmo", "--resource-id", "abc", "--base-url", web.base)
    assert "the response is not JSON" in err and "Portal under maintenance" in err
    assert "resource_id=abc" in err


def test_missing_dimension_in_jsonstat(web, home: Path, capsys) -> None:
    data = load("scb_tab6574_data.json")
    pxweb(web, "TAB6574", load("scb_tab6574_metadata.json"), data)
    no_sex = {**data, "id": ["Region", "Alder", "ContentsCode", "Tid"], "size": [4, 3, 1, 2],
              "dimension": {k: v for k, v in data["dimension"].items() if k != "Kon"},
              "value": data["value"][:24], "status": {}}
    web.route("/api/v2/tables/TAB6574/data", json_reply(no_sex))
    err = _fails(home, capsys, "scb", "--table", "population", "--base-url",
                 f"{web.base}/api/v2")
    assert "(call 1 of 1), column 'dimension.Kon': is missing from the response" in err


def test_unknown_area(web, home: Path, capsys) -> None:
    page = load("ckan_page1.json")
    page["result"]["records"][1]["område"] = "Atlantis"
    page["result"]["total"] = 3
    web.route(CKAN, json_reply(page))
    err = _fails(home, capsys, "malmo", "--resource-id", "abc", "--base-url", web.base)
    assert "row 2, column 'område': 'Atlantis' is not a known area of Malmö" in err


def test_wrong_crs_in_boundary_file(web, home: Path, capsys) -> None:
    web.fixture("/wfs", "scb_wfs_deso_sweref99tm_without_crs.geojson")
    boundaries = home / "boundaries"
    boundaries.mkdir()
    (boundaries / "scb_deso_2025_malmo.geojson").write_text("earlier copy")
    before = tree_hash(boundaries)
    err = _fails(home, capsys, "scb-geodata", "--url", f"{web.base}/wfs")
    assert "the boundaries are not usable" in err and "longitude/latitude" in err
    assert tree_hash(boundaries) == before


def test_empty_result(web, home: Path, capsys) -> None:
    web.route(KOLADA, json_reply({"values": [], "count": 0, "next_url": None}))
    err = _fails(home, capsys, "kolada", "--kpi", "N01951", "--municipality", "1280",
                 "--base-url", f"{web.base}/v3")
    assert "Kolada returned no values" in err


def test_offline_without_snapshots_says_what_is_missing(home: Path, capsys) -> None:
    err = _fails(home, capsys, "kolada", "--offline", "--kpi", "N01951")
    assert "no snapshot of this request" in err and "without --offline" in err


def test_refused_rows_name_file_row_and_line(tmp_path: Path, home: Path, capsys) -> None:
    folder = tmp_path / "bad"
    shutil.copytree(FIXTURES / "tidy_csv", folder)
    obs = pd.read_csv(folder / "observations.csv", dtype=str, keep_default_na=False)
    obs.loc[1, "value"] = "lots"
    obs.to_csv(folder / "observations.csv", index=False)
    err = _fails(home, capsys, "tidy-csv", str(folder))
    assert f"{folder / 'observations.csv'}, row 2 (line 3), column 'value'" in err


def test_interrupted_write_leaves_the_old_store_readable(web, home: Path, capsys,
                                                         monkeypatch) -> None:
    pxweb(web, "TAB6574", load("scb_tab6574_metadata.json"), load("scb_tab6574_data.json"))
    written = []
    real = pd.DataFrame.to_parquet

    def failing(self, *args, **kwargs):
        written.append(args[0])
        if len(written) == 3:
            raise OSError(28, "No space left on device")
        return real(self, *args, **kwargs)

    monkeypatch.setattr(pd.DataFrame, "to_parquet", failing)
    err = _fails(home, capsys, "scb", "--table", "population", "--base-url",
                 f"{web.base}/api/v2")
    assert "failed while writing the new store version" in err
    assert "No space left on device" in err
    assert len(written) == 3


def test_rerun_is_idempotent(web, tmp_path: Path, capsys) -> None:
    pxweb(web, "TAB6574", load("scb_tab6574_metadata.json"), load("scb_tab6574_data.json"))
    home = tmp_path / "home"
    args = ("scb", "--table", "population", "--base-url", f"{web.base}/api/v2", "--home",
            str(home))
    assert run_ingest(*args) == 0
    first = tree_hash(home)
    assert run_ingest(*args) == 0
    assert "already up to date" in capsys.readouterr().out
    assert tree_hash(home) == first
    obs = read_dataset(home / "store").observations
    key = ["indicator_id", "area_code", "period", "sex", "dimension", "group"]
    assert not obs.duplicated(key).any()


def test_offline_rebuilds_from_snapshots_alone(web, tmp_path: Path) -> None:
    pxweb(web, "TAB6574", load("scb_tab6574_metadata.json"), load("scb_tab6574_data.json"))
    online, offline = tmp_path / "online", tmp_path / "offline"
    base = f"{web.base}/api/v2"
    assert run_ingest("scb", "--table", "population", "--base-url", base, "--home",
                      str(online)) == 0
    shutil.copytree(online / "snapshots", offline / "snapshots")
    calls = len(web.seen)
    assert run_ingest("scb", "--table", "population", "--base-url", base, "--home",
                      str(offline), "--offline") == 0
    assert len(web.seen) == calls  # no request reached the server
    a, b = read_dataset(online / "store"), read_dataset(offline / "store")
    for name in ("observations", "areas", "sources", "indicators", "groups"):
        pd.testing.assert_frame_equal(a.table(name), b.table(name))
    records = [json.loads(p.read_text()) for p in
               (offline / "snapshots" / "scb").glob("*.provenance.json")]
    assert {r["method"] for r in records} == {"GET", "POST"}
