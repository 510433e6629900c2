"""Writing never leaves a half-written dataset: the old one stays until the new one is whole."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pytest

from dashboard.core import files
from dashboard.core.files import stage_file, write_atomic
from dashboard.store import dataset as store
from dashboard.store.dataset import commit_version, read_dataset, write_dataset


def test_write_then_read_round_trips(tmp_path: Path, dataset) -> None:
    folder = write_dataset(dataset, tmp_path / "ds")
    again = read_dataset(folder)
    pd.testing.assert_frame_equal(again.observations, dataset.observations)
    assert again.info == dataset.info


def test_failed_write_keeps_previous_dataset(tmp_path: Path, dataset, monkeypatch) -> None:
    folder = write_dataset(dataset, tmp_path / "ds")
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    smaller = store.Dataset(dataset.observations.head(5), dataset.indicators, dataset.areas,
                            dataset.groups, dataset.sources, {"id": "new"})
    calls = {"n": 0}
    real = pd.DataFrame.to_parquet

    def failing(self, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError("disk full")
        return real(self, *args, **kwargs)

    monkeypatch.setattr(pd.DataFrame, "to_parquet", failing)
    with pytest.raises(OSError, match="disk full"):
        write_dataset(smaller, folder)
    monkeypatch.undo()
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    assert [p.name for p in tmp_path.iterdir()] == ["ds"]
    assert len(read_dataset(folder).observations) == len(dataset.observations)


def test_versions_switch_atomically(tmp_path: Path, dataset, monkeypatch) -> None:
    first = commit_version(dataset, tmp_path)
    assert read_dataset(tmp_path).info == dataset.info
    monkeypatch.setattr(store, "_write_folder", lambda ds, folder: (_ for _ in ()).throw(
        OSError("interrupted")))
    with pytest.raises(OSError):
        commit_version(dataset, tmp_path)
    monkeypatch.undo()
    assert (tmp_path / "CURRENT").read_text().strip() == first
    assert len(read_dataset(tmp_path).observations) == len(dataset.observations)
    second = commit_version(dataset, tmp_path)
    assert second != first
    assert (tmp_path / "CURRENT").read_text().strip() == second


def test_write_atomic_replaces_whole_or_not_at_all(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "sub" / "CURRENT"
    write_atomic(target, "one\n")
    assert target.read_text() == "one\n"
    assert oct(target.stat().st_mode & 0o777) == oct(0o666 & ~_umask())
    monkeypatch.setattr(files.os, "replace", lambda *a: (_ for _ in ()).throw(OSError("full")))
    with pytest.raises(OSError, match="full"):
        write_atomic(target, b"two\n")
    monkeypatch.undo()
    assert target.read_text() == "one\n"
    assert [p.name for p in target.parent.iterdir()] == ["CURRENT"]


def test_staged_file_is_invisible_until_installed(tmp_path: Path) -> None:
    staged = stage_file(tmp_path / "layer.geojson", "{}")
    assert staged.path.suffix == ".geojson" and staged.path.name.startswith(".")
    assert not (tmp_path / "layer.geojson").exists()
    assert staged.install().read_text() == "{}"
    stage_file(tmp_path / "layer.geojson", "[]").discard()
    assert [p.name for p in tmp_path.iterdir()] == ["layer.geojson"]


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
