"""The running app follows the user's store: an ingest's new version shows up unrestarted,
and a broken version never replaces what is shown."""

from __future__ import annotations

from pathlib import Path

from dashboard.app.live import LiveData
from dashboard.store.dataset import Dataset, commit_version


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
