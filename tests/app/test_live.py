"""The running app follows the user's store: an ingest's new version shows up unrestarted,
a broken version never replaces what is shown (the newest that loads is shown, and the page
is told), and data added in the browser keep what another writer committed meanwhile."""

from __future__ import annotations

import logging
from pathlib import Path

import pandas as pd

from dashboard.app.live import LiveData
from dashboard.store.dataset import Dataset, commit_version, read_dataset
from dashboard.store.merge import merge_into


def with_title(ds: Dataset, title: str) -> Dataset:
    indicators = ds.indicators.copy()
    indicators.loc[indicators["id"] == "ohalsotal", "title_en"] = title
    return Dataset(ds.observations, indicators, ds.areas, ds.groups, ds.sources, ds.info)


def title(live: LiveData) -> str:
    ind = live.ds.indicators
    return ind.loc[ind["id"] == "ohalsotal", "title_en"].item()


def test_new_store_version_is_picked_up(dataset, tmp_path: Path) -> None:
    live = LiveData(dataset, {}, tmp_path, follow_store=True)
    assert live.ds is dataset
    commit_version(with_title(dataset, "Sickness days, new"), tmp_path)
    assert title(live) == "Sickness days, new"
    first = live.ds
    assert live.ds is first  # read once per version, not per request


def test_broken_version_keeps_the_data_shown(dataset, tmp_path: Path) -> None:
    live = LiveData(dataset, {}, tmp_path, follow_store=True)
    name = commit_version(dataset, tmp_path)
    (tmp_path / "versions" / name / "areas.parquet").write_bytes(b"broken")
    assert live.ds is dataset


def test_without_follow_the_dataset_stays(dataset, tmp_path: Path) -> None:
    live = LiveData(dataset, {}, tmp_path, follow_store=False)
    commit_version(with_title(dataset, "Changed"), tmp_path)
    assert live.ds is dataset


def test_broken_live_version_falls_back_and_the_page_is_told(dataset, tmp_path: Path,
                                                             caplog) -> None:
    live = LiveData(dataset, {}, tmp_path, follow_store=True)
    first = commit_version(with_title(dataset, "First"), tmp_path)
    assert title(live) == "First" and live.notice("sv") is None
    second = commit_version(with_title(dataset, "Second"), tmp_path)
    (tmp_path / "versions" / second / "observations.parquet").write_bytes(b"PAR1")
    with caplog.at_level(logging.WARNING, logger="dashboard.app.live"):
        assert title(live) == "First"
    assert f"using version {first}" in caplog.text
    status = live.status
    assert status is not None and (status.version, status.wanted) == (first, second)
    for lang in ("sv", "en"):
        notice = live.notice(lang)
        assert notice is not None and first in notice and second in notice
    commit_version(with_title(dataset, "Repaired"), tmp_path)
    assert title(live) == "Repaired" and live.status is None and live.notice("en") is None


def test_unreadable_store_keeps_the_data_and_says_so(dataset, tmp_path: Path) -> None:
    live = LiveData(dataset, {}, tmp_path, follow_store=True)
    name = commit_version(dataset, tmp_path)
    (tmp_path / "versions" / name / "areas.parquet").write_bytes(b"broken")
    assert live.ds is dataset
    notice = live.notice("sv")
    assert notice is not None and name in notice and "redan visade" in notice


def _with_period(ds: Dataset, period: str) -> dict[str, pd.DataFrame]:
    return {"observations": ds.observations.iloc[[0]].assign(period=period)}


def test_added_data_merged_with_a_commit_made_meanwhile(dataset, tmp_path: Path) -> None:
    live = LiveData(dataset, {}, tmp_path, follow_store=True)
    commit_version(dataset, tmp_path)
    mine, _ = merge_into(live.ds, _with_period(dataset, "1901"), label="upload")
    theirs, _ = merge_into(read_dataset(tmp_path), _with_period(dataset, "1902"),
                           label="ingest")
    commit_version(theirs, tmp_path)
    version = commit_version(mine, tmp_path)
    live.replace(mine, version)
    assert {"1901", "1902"} <= set(live.ds.observations["period"])
    assert live.ds.version == version


def test_added_data_without_a_commit_meanwhile_is_served_as_is(dataset,
                                                               tmp_path: Path) -> None:
    live = LiveData(dataset, {}, tmp_path, follow_store=True)
    commit_version(dataset, tmp_path)
    mine, _ = merge_into(live.ds, _with_period(dataset, "1901"), label="upload")
    version = commit_version(mine, tmp_path)
    live.replace(mine, version)
    assert live.ds.observations is mine.observations and live.ds.version == version
