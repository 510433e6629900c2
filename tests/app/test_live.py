"""The running app follows the user's store: an ingest's new version shows up unrestarted,
a broken version never replaces what is shown (the newest that loads is shown, and the page
is told), and the view cache is told which version stopped being shown."""

from __future__ import annotations

import logging
from pathlib import Path

from dashboard.app.live import LiveData
from dashboard.store.dataset import Dataset, commit_version
from dashboard.store.files import FileStore


def with_title(ds: Dataset, title: str) -> Dataset:
    indicators = ds.indicators.copy()
    indicators.loc[indicators["id"] == "ohalsotal", "title_en"] = title
    return Dataset(ds.observations, indicators, ds.areas, ds.groups, ds.sources, ds.info)


def title(live: LiveData) -> str:
    ind = live.ds.indicators
    return ind.loc[ind["id"] == "ohalsotal", "title_en"].item()


def test_new_store_version_is_picked_up(dataset, tmp_path: Path) -> None:
    live = LiveData(dataset, {}, FileStore(tmp_path), follow_store=True)
    assert live.ds is dataset
    commit_version(with_title(dataset, "Sickness days, new"), tmp_path)
    assert title(live) == "Sickness days, new"
    first = live.ds
    assert live.ds is first  # read once per version, not per request


def test_broken_version_keeps_the_data_shown(dataset, tmp_path: Path) -> None:
    live = LiveData(dataset, {}, FileStore(tmp_path), follow_store=True)
    name = commit_version(dataset, tmp_path)
    (tmp_path / "versions" / name / "areas.parquet").write_bytes(b"broken")
    assert live.ds is dataset


def test_without_follow_the_dataset_stays(dataset, tmp_path: Path) -> None:
    live = LiveData(dataset, {}, FileStore(tmp_path), follow_store=False)
    commit_version(with_title(dataset, "Changed"), tmp_path)
    assert live.ds is dataset


def test_broken_live_version_falls_back_and_the_page_is_told(dataset, tmp_path: Path,
                                                             caplog) -> None:
    live = LiveData(dataset, {}, FileStore(tmp_path), follow_store=True)
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
    live = LiveData(dataset, {}, FileStore(tmp_path), follow_store=True)
    name = commit_version(dataset, tmp_path)
    (tmp_path / "versions" / name / "areas.parquet").write_bytes(b"broken")
    assert live.ds is dataset
    notice = live.notice("sv")
    assert notice is not None and name in notice and "redan visade" in notice


def test_the_version_shown_before_is_reported_once_when_a_new_one_is_published(
        dataset, tmp_path: Path) -> None:
    first = commit_version(dataset, tmp_path)
    gone: list[str] = []
    live = LiveData(dataset, {}, FileStore(tmp_path), follow_store=True, changed=gone.append)
    assert live.version == first
    second = commit_version(with_title(dataset, "Second"), tmp_path)
    assert title(live) == "Second" and live.version == second
    assert title(live) == "Second"
    assert gone == [first]


def test_a_shared_store_is_asked_at_most_once_per_poll_interval(dataset, tmp_path: Path) -> None:
    live = LiveData(dataset, {}, FileStore(tmp_path), follow_store=True, poll_seconds=3600)
    assert live.ds is dataset
    commit_version(with_title(dataset, "Later"), tmp_path)
    assert live.ds is dataset
    live.reload()
    assert title(live) == "Later"
