"""A broken store (issue 11, item 10): reading falls back to the newest version that loads and
says which and why; ingest repairs forward; what killed writers left is cleaned up."""

from __future__ import annotations

import logging
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from dashboard.cli import main
from dashboard.core.problems import DatasetError
from dashboard.store.dataset import Dataset, commit_version, load_store, read_dataset

REPO = Path(__file__).resolve().parents[2]
TIDY = REPO / "tests" / "live" / "fixtures" / "tidy_csv"


def _titled(ds: Dataset, title: str) -> Dataset:
    indicators = ds.indicators.copy()
    indicators.loc[indicators["id"] == "ohalsotal", "title_en"] = title
    return Dataset(ds.observations, indicators, ds.areas, ds.groups, ds.sources, ds.info)


def _title(ds: Dataset) -> str:
    return ds.indicators.loc[ds.indicators["id"] == "ohalsotal", "title_en"].item()


@pytest.fixture()
def store(tmp_path: Path, dataset: Dataset) -> tuple[Path, str, str]:
    """A store with two versions, titled 'first' and 'second' (live)."""
    root = tmp_path / "home" / "store"
    first = commit_version(_titled(dataset, "first"), root)
    second = commit_version(_titled(dataset, "second"), root)
    return root, first, second


def test_intact_store_reads_its_live_version(store) -> None:
    root, _, second = store
    ds = read_dataset(root)
    assert _title(ds) == "second" and ds.version == second
    assert ds.store is not None and not ds.store.fallback


def test_current_naming_a_missing_version_falls_back(store, caplog) -> None:
    root, first, second = store
    shutil.rmtree(root / "versions" / second)
    with caplog.at_level(logging.WARNING, logger="dashboard.store.dataset"):
        ds = read_dataset(root)
    assert _title(ds) == "first"
    status = ds.store
    assert status is not None and status.fallback
    assert (status.version, status.wanted) == (first, second)
    assert f"version {second} named in CURRENT" in str(status)
    assert "does not exist" in str(status)
    assert f"using version {first}" in caplog.text


def test_truncated_parquet_falls_back_to_the_newest_version_that_loads(store) -> None:
    root, first, second = store
    table = root / "versions" / second / "observations.parquet"
    table.write_bytes(table.read_bytes()[:100])
    ds = load_store(root)
    assert _title(ds) == "first" and ds.version == first
    assert ds.store is not None and "cannot be read as Parquet" in str(ds.store.problem)


def test_missing_current_reads_the_newest_version(store) -> None:
    root, _, second = store
    (root / "CURRENT").unlink()
    ds = read_dataset(root)
    assert ds.version == second and ds.store is not None and ds.store.fallback


def test_store_where_no_version_loads_names_every_problem(store) -> None:
    root, first, second = store
    for name in (first, second):
        (root / "versions" / name / "areas.parquet").write_bytes(b"broken")
    with pytest.raises(DatasetError) as caught:
        read_dataset(root)
    assert {p.file for p in caught.value.problems} == {str(root / "versions" / n)
                                                       for n in (first, second)}


def test_ingest_repairs_a_broken_store_forward(store, capsys) -> None:
    root, first, second = store
    shutil.rmtree(root / "versions" / second)
    assert main(["ingest", "tidy-csv", str(TIDY), "--home", str(root.parent)]) == 0
    err = capsys.readouterr().err
    assert f"version {second} named in CURRENT cannot be read" in err
    assert f"using version {first}" in err
    ds = read_dataset(root)
    assert ds.store is not None and not ds.store.fallback and ds.version not in (first, second)
    assert _title(ds) == "first" and "fixture_screening" in set(ds.indicators["id"])


def test_ingest_repairs_even_when_its_data_are_already_there(store, capsys) -> None:
    root, first, second = store
    home = str(root.parent)
    assert main(["ingest", "tidy-csv", str(TIDY), "--home", home]) == 0
    live = read_dataset(root).version
    (root / "versions" / str(live) / "dataset.json").write_text("{not json")
    assert main(["ingest", "tidy-csv", str(TIDY), "--home", home]) == 0
    repaired = read_dataset(root)
    assert repaired.version not in (first, second, live) and not repaired.store.fallback
    assert "fixture_screening" in set(repaired.indicators["id"])


KILLED_WRITER = r"""
import sys, time
from dashboard.store import dataset as store

real = store._write_folder

def slow(ds, folder):
    real(ds, folder)
    print("written", flush=True)
    time.sleep(600)

store._write_folder = slow
store.commit_version(store.read_dataset(sys.argv[1]), sys.argv[1])
"""


def test_folders_of_killed_writers_are_removed_by_the_next(store) -> None:
    root, _, second = store
    writer = subprocess.Popen([sys.executable, "-c", KILLED_WRITER, str(root)], cwd=REPO,
                              stdout=subprocess.PIPE, text=True)
    assert writer.stdout is not None and writer.stdout.readline().strip() == "written"
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait(timeout=30)
    left = [p.name for p in (root / "versions").iterdir() if p.name.startswith(".")]
    assert left and all(".new-" in name for name in left)
    assert read_dataset(root).version == second
    name = commit_version(read_dataset(root), root, timeout=10)
    assert sorted(p.name for p in (root / "versions").iterdir())[-1] == name
    assert not [p for p in (root / "versions").iterdir() if p.name.startswith(".")]
    pd.testing.assert_frame_equal(read_dataset(root).observations,
                                  read_dataset(root / "versions" / second).observations)


def test_the_app_starts_on_a_broken_store(store) -> None:
    from dashboard.app.factory import load
    from dashboard.app.live import LiveData
    from dashboard.app.settings import Settings
    from dashboard.store.files import FileStore

    root, first, second = store
    shutil.rmtree(root / "versions" / second)
    ds, _ = load(Settings(root, (), root.parent))
    assert ds.version == first
    live = LiveData(ds, {}, FileStore(root), follow_store=True)
    assert live.ds is ds
    notice = live.notice("en")
    assert notice is not None and f"({second})" in notice and f"({first})" in notice


def test_the_page_says_which_version_it_shows(store) -> None:
    import json

    from dashboard.app.factory import create_app, load
    from dashboard.app.settings import Settings
    from dashboard.store.files import FileStore
    from tests.dash_requests import navigate_body

    root, first, second = store
    shutil.rmtree(root / "versions" / second)
    ds, _ = load(Settings(root, (), root.parent))
    app = create_app(ds, {}, FileStore(root), follow_store=True)
    client = app.server.test_client()
    answer = client.post("/_dash-update-component", json=navigate_body(app, "/", "?lang=sv"))
    notices = json.dumps(json.loads(answer.data)["response"]["notices"]["children"],
                         ensure_ascii=False)
    assert f"({second})" in notices and f"({first})" in notices
