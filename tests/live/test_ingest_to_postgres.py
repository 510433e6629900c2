"""`dashboard ingest` publishes into the store DASHBOARD_STORE names, PostgreSQL included,
and the store's records say who ran it, from which source, under which licence."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard.store.postgres import PgStore
from tests.live.conftest import FIXTURES, run_ingest


def test_an_ingest_publishes_into_postgresql_with_its_record(
        postgres_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    monkeypatch.setenv("DASHBOARD_STORE", postgres_url)
    assert run_ingest("heat-file", str(FIXTURES / "heat_malmo.csv"), "--home",
                      str(tmp_path / "home")) == 0
    store = PgStore(postgres_url)
    live = store.live()
    assert live is not None and "smoke" in set(live.observations["indicator_id"])
    record = store.records()[0]
    assert record.state == "published" and record.version == store.live_name()
    assert record.contribution.added_by.endswith("(dashboard ingest)")
    assert "heat_malmo.csv" in record.contribution.file
    assert f"store version {record.version} in postgresql://" in capsys.readouterr().out
    # Nothing new: nothing is published again.
    assert run_ingest("heat-file", str(FIXTURES / "heat_malmo.csv"), "--home",
                      str(tmp_path / "home")) == 0
    assert len(store.records()) == 1


def test_an_unreachable_database_is_said_and_nothing_is_written(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    monkeypatch.setenv("DASHBOARD_STORE",
                       f"postgresql://nobody:secret@/nothing?host={tmp_path}")
    assert run_ingest("heat-file", str(FIXTURES / "heat_malmo.csv"), "--home",
                      str(tmp_path / "home")) == 1
    err = capsys.readouterr().err
    assert "failed while opening the store" in err and "secret" not in err
    assert "Nothing was changed" in err
