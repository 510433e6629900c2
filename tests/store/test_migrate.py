"""Moving a store between backends (issue 14, item 3): `dashboard store migrate FROM TO`
copies every kept version (the same one live), the records, the waiting drafts, the audit
log and the accounts, and refuses a target that is not empty."""

from __future__ import annotations

import argparse
from pathlib import Path

import pandas as pd
import pytest

from dashboard.core.schema import TABLES
from dashboard.store.backend import Account, Ledger
from dashboard.store.dataset import commit_version
from dashboard.store.files import FileStore
from dashboard.store.migrate import MigrationError, migrate
from dashboard.store.postgres import PgStore
from tests.store.test_backends import contribution_tables, given, small_dataset


@pytest.fixture
def pg_url(request: pytest.FixtureRequest) -> str:
    """A new, empty database (tests/services.py)."""
    return str(request.getfixturevalue("postgres_url"))


def _fill(store: Ledger) -> None:
    """Two published contributions (one withdrawn), one rejected, one waiting, accounts."""
    a = store.add_draft(contribution_tables("a"), given("a"))
    b = store.add_draft(contribution_tables("b"), given("b"))
    c = store.add_draft(contribution_tables("c"), given("c"))
    d = store.add_draft(contribution_tables("d"), given("d"))
    store.publish(a.name, "per", note="fine")
    store.publish(b.name, "per")
    store.reject(c.name, "per", "duplicate")
    store.publish(d.name, "per")
    store.withdraw(d.name, "eva", "wrong numbers")
    store.add_draft(contribution_tables("e"), given("e"))
    store.save_account(Account("per", "publisher", "Malmö stad", "$argon2id$x"))
    store.save_account(Account("eva", "admin", "Malmö stad", subject="https://idp|eva"))


def _same(source: Ledger, target: Ledger) -> None:
    assert target.live_name() == source.live_name()
    live, copied = source.live(), target.live()
    assert live is not None and copied is not None
    for name in TABLES:
        pd.testing.assert_frame_equal(copied.table(name), live.table(name))
    assert copied.info == live.info
    assert target.version_names() == source.version_names()
    assert target.records() == source.records()
    assert target.audit() == source.audit()
    assert target.accounts() == source.accounts()
    waiting = [r.name for r in source.records() if r.state == "draft"]
    assert len(waiting) == 1
    for name in ("observations", "indicators", "sources"):
        pd.testing.assert_frame_equal(target.draft_tables(waiting[0])[name],
                                      source.draft_tables(waiting[0])[name])


def test_folder_to_database_and_back(tmp_path: Path, pg_url: str) -> None:
    folder = FileStore(tmp_path / "from", small_dataset)
    _fill(folder)
    database = PgStore(pg_url)
    report = migrate(folder, database)
    assert report.versions == tuple(folder.version_names()) and report.live == folder.live_name()
    assert (report.records, report.drafts, report.accounts) == (5, 1, 2)
    _same(folder, database)
    back = FileStore(tmp_path / "back")
    migrate(database, back)
    _same(database, back)
    # the copy works on: its live contribution can be withdrawn to the same version
    live = next(r for r in back.records() if r.version == back.live_name())
    back.withdraw(live.name, "eva", "again")
    assert back.live_name() == live.base


def test_an_old_folder_store_moves_with_its_versions(tmp_path: Path, pg_url: str) -> None:
    first = commit_version(small_dataset(), tmp_path / "old")
    second = commit_version(small_dataset(), tmp_path / "old")
    database = PgStore(pg_url)
    migrate(FileStore(tmp_path / "old"), database)
    assert database.version_names() == [first, second]
    assert database.live_name() == second
    assert [r.contribution.added_by for r in database.records()] == ["unknown", "unknown"]


def test_a_target_that_is_not_empty_is_refused(tmp_path: Path, pg_url: str) -> None:
    folder = FileStore(tmp_path / "from", small_dataset)
    _fill(folder)
    database = PgStore(pg_url)
    database.save_account(Account("someone", "admin", "Malmö stad"))
    with pytest.raises(MigrationError, match="is not empty"):
        migrate(folder, database)
    assert database.live_name() is None
    assert [a.name for a in database.accounts()] == ["someone"]
    with pytest.raises(MigrationError, match="nothing to copy"):
        migrate(FileStore(tmp_path / "typo"), FileStore(tmp_path / "to"))


def _run(argv: list[str]) -> int:
    from dashboard.commands.store import add_parser

    parser = argparse.ArgumentParser(prog="dashboard")
    add_parser(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return int(args.func(args))


def test_the_command_prints_what_it_copied_and_fails_clearly(
        tmp_path: Path, pg_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    folder = FileStore(tmp_path / "from", small_dataset)
    _fill(folder)
    assert _run(["store", "migrate", str(tmp_path / "from"), pg_url]) == 0
    out = capsys.readouterr().out
    assert f"{len(folder.version_names())} version(s), live: {folder.live_name()}" in out
    assert "5 record(s), of which 1 waiting draft(s)" in out and "2 account(s)" in out
    assert _run(["store", "migrate", str(tmp_path / "from"), pg_url]) == 1
    assert "is not empty" in capsys.readouterr().err
    assert _run(["store", "migrate", "postgresql://dash:secret@127.0.0.1:1/health",
                 str(tmp_path / "to")]) == 1
    err = capsys.readouterr().err
    assert "postgresql://127.0.0.1:1/health cannot be used" in err and "secret" not in err
    assert not (tmp_path / "to").exists()
