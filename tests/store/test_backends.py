"""Both store backends behave alike (issue 14, item 3): a contribution waits as a draft until
a publisher publishes it, is merged into the live version then, can be rejected with a
reason or, while live, withdrawn; every action is logged; accounts are kept; and a store
opened again sees all of it. Each test runs on the folder store and on PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pandas as pd
import pytest

from dashboard.app.settings import DEFAULT_DATA
from dashboard.core.problems import DatasetError
from dashboard.store.backend import (
    DRAFT,
    PUBLISHED,
    REJECTED,
    WITHDRAWN,
    Account,
    AuditEvent,
    Contribution,
    Ledger,
    StoreRefused,
    StoreUnavailable,
    now,
)
from dashboard.store.dataset import (
    KEEP_VERSIONS,
    Dataset,
    commit_version,
    from_tables,
    read_dataset,
)
from dashboard.store.files import FileStore
from dashboard.store.open import open_store
from dashboard.store.packed import pack_dataset, pack_tables, unpack_dataset, unpack_tables
from dashboard.store.postgres import PgStore


@cache
def small_dataset() -> Dataset:
    """One indicator of the embedded dataset with a dozen values, all areas and groups."""
    full = read_dataset(DEFAULT_DATA)
    indicator = full.indicators.iloc[[0]]
    obs = full.observations[full.observations["indicator_id"] == indicator["id"].iloc[0]]
    obs = obs.head(12)
    cited = set(obs["source_id"]) | set(indicator["source_ids"].iloc[0].split(";"))
    return from_tables({"observations": obs, "indicators": indicator, "areas": full.areas,
                        "groups": full.groups,
                        "sources": full.sources[full.sources["id"].isin(cited)]},
                       {"name": "small test dataset"})


def contribution_tables(tag: str, area: str | None = None) -> dict[str, pd.DataFrame]:
    """What an uploaded file adds: three values of a new indicator `test_<tag>`, the
    indicator and its source (the values in `area` if given)."""
    base = small_dataset()
    indicator, source = f"test_{tag}", f"src-{tag}"
    obs = base.observations.head(3).assign(indicator_id=indicator, source_id=source,
                                           value=[1.0, 2.0, 3.0])
    if area is not None:
        obs = obs.assign(area_code=area)
    return {"observations": obs.reset_index(drop=True),
            "indicators": base.indicators.head(1).assign(
                id=indicator, title_sv=f"Test {tag}", title_en=f"Test {tag}", source_ids=source),
            "sources": base.sources.head(1).assign(id=source, title=f"{tag}.xlsx")}


def given(tag: str, by: str = "anna") -> Contribution:
    return Contribution(by, "Region Skåne", "CC BY 4.0", f"{tag}.xlsx")


def indicators(store: Ledger) -> set[str]:
    live = store.live()
    assert live is not None
    return set(live.indicators["id"])


@pytest.fixture(params=["files", "postgres"])
def make_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator:
    """Opens the store of this test (a new object each call, on the same folder or
    database)."""
    if request.param == "files":
        yield lambda: FileStore(tmp_path / "store", small_dataset)
    else:
        url = request.getfixturevalue("postgres_url")
        yield lambda: PgStore(url, small_dataset)


@pytest.fixture
def store(make_store) -> Ledger:
    return make_store()


def test_a_draft_is_invisible_until_published(store: Ledger) -> None:
    draft = store.add_draft(contribution_tables("a"), given("a"))
    assert draft.state == DRAFT
    assert store.live() is None and store.live_name() is None
    assert len(store.draft_tables(draft.name)["observations"]) == 3
    published = store.publish(draft.name, by="per", note="checked")
    assert store.live_name() == published.version
    assert indicators(store) == {small_dataset().indicators["id"].iloc[0], "test_a"}
    assert published.state == PUBLISHED
    assert published.contribution == Contribution("anna", "Region Skåne", "CC BY 4.0",
                                                  "a.xlsx")
    assert (published.decided_by, published.note) == ("per", "checked")
    assert published.decided_at is not None and published.decided_at >= draft.added_at
    assert published.base is None
    with pytest.raises(KeyError):
        store.draft_tables(draft.name)


def test_reject_keeps_the_reason_and_publishes_nothing(store: Ledger) -> None:
    draft = store.add_draft(contribution_tables("a"), given("a"))
    rejected = store.reject(draft.name, by="per", note="wrong areas")
    assert (rejected.state, rejected.decided_by, rejected.note) == (REJECTED, "per",
                                                                    "wrong areas")
    assert store.live_name() is None
    assert store.records() == [rejected]


def test_withdraw_makes_the_previous_version_live(store: Ledger) -> None:
    first = store.publish(store.add_draft(contribution_tables("a"), given("a")).name, "per")
    second = store.publish(store.add_draft(contribution_tables("b"), given("b")).name, "per")
    assert second.base == first.version
    assert {"test_a", "test_b"} <= indicators(store)
    withdrawn = store.withdraw(second.name, by="eva", note="numbers were wrong")
    assert store.live_name() == first.version
    assert "test_b" not in indicators(store) and "test_a" in indicators(store)
    assert (withdrawn.state, withdrawn.withdrawn_by, withdrawn.withdraw_note) == (
        WITHDRAWN, "eva", "numbers were wrong")
    assert withdrawn.decided_by == "per"
    # the first contribution went onto the data before any version: they come back
    store.withdraw(first.name, by="eva", note="also wrong")
    assert indicators(store) == set(small_dataset().indicators["id"])


def test_refusals_name_the_reason_and_change_nothing(store: Ledger) -> None:
    first = store.publish(store.add_draft(contribution_tables("a"), given("a")).name, "per")
    second = store.publish(store.add_draft(contribution_tables("b"), given("b")).name, "per")
    waiting = store.add_draft(contribution_tables("c"), given("c"))
    before = (store.live_name(), store.records(), store.audit(), store.accounts())
    attempts = [
        ("no_such_draft", lambda: store.publish("nothing-here", "per")),
        ("already_decided", lambda: store.publish(first.name, "per")),
        ("already_decided", lambda: store.reject(second.name, "per", "late")),
        ("note_required", lambda: store.reject(waiting.name, "per", "  ")),
        ("note_required", lambda: store.withdraw(second.name, "per", "")),
        ("not_live", lambda: store.withdraw(first.name, "per", "too old")),
        ("not_live", lambda: store.withdraw(waiting.name, "per", "not published")),
        ("no_such_draft", lambda: store.withdraw("nothing-here", "per", "why")),
        ("unknown_role", lambda: store.save_account(Account("x", "boss", "Malmö stad"))),
    ]
    for code, attempt in attempts:
        with pytest.raises(StoreRefused) as refused:
            attempt()
        assert refused.value.code == code
        assert str(refused.value)
    assert (store.live_name(), store.records(), store.audit(), store.accounts()) == before


def test_a_draft_that_no_longer_fits_is_refused_and_kept(store: Ledger) -> None:
    draft = store.add_draft(contribution_tables("a", area="9999X"), given("a"))
    live_before = store.live_name()
    with pytest.raises(StoreRefused) as refused:
        store.publish(draft.name, "per")
    assert refused.value.code == "draft_conflict"
    assert "a.xlsx" in str(refused.value) and "9999X" in str(refused.value)
    assert store.live_name() == live_before
    assert [r.state for r in store.records()] == [DRAFT]
    assert len(store.draft_tables(draft.name)["observations"]) == 3


def test_a_publication_that_fails_part_way_changes_nothing(
        store: Ledger, monkeypatch: pytest.MonkeyPatch) -> None:
    first = store.publish(store.add_draft(contribution_tables("a"), given("a")).name, "per")
    draft = store.add_draft(contribution_tables("b"), given("b"))
    before = (store.live_name(), store.version_names(), store.records(), store.audit())
    real = type(store)._append

    def failing(self, tx, event: AuditEvent) -> None:
        if event.action == "publish":
            raise OSError("disk full")
        real(self, tx, event)

    monkeypatch.setattr(type(store), "_append", failing)
    with pytest.raises(OSError, match="disk full"):
        store.publish(draft.name, "per")
    monkeypatch.undo()
    assert (store.live_name(), store.version_names(), store.records(), store.audit()) == before
    assert store.live_name() == first.version
    assert "test_b" not in indicators(store)
    store.publish(draft.name, "per")
    assert "test_b" in indicators(store)


def test_two_drafts_published_one_after_the_other_both_reach_the_data(store: Ledger) -> None:
    a = store.add_draft(contribution_tables("a"), given("a"))
    b = store.add_draft(contribution_tables("b"), given("b"))
    store.publish(b.name, "per")
    store.publish(a.name, "per")
    assert {"test_a", "test_b"} <= indicators(store)
    records = store.records()
    assert [r.name for r in records] == [b.name, a.name]  # newest first, by when added
    assert all(r.state == PUBLISHED for r in records)


def test_every_action_is_in_the_audit_log(store: Ledger) -> None:
    a = store.add_draft(contribution_tables("a"), given("a", by="anna"))
    b = store.add_draft(contribution_tables("b"), given("b", by="bo"))
    published = store.publish(a.name, "per")
    store.reject(b.name, "per", "duplicate")
    store.withdraw(a.name, "eva", "wrong")
    committed = store.commit(small_dataset(), Contribution("cli", "", "", "ingest scb"))
    store.log(AuditEvent(now(), "eva", "sign_in", "eva"))
    events = store.audit()
    assert [(e.actor, e.action, e.subject) for e in events] == [
        ("eva", "sign_in", "eva"), ("cli", "commit", committed.version),
        ("eva", "withdraw", a.name), ("per", "reject", b.name), ("per", "publish", a.name),
        ("bo", "add", b.name), ("anna", "add", a.name)]
    assert events[4].detail == published.version
    assert [e.action for e in store.audit(limit=2)] == ["sign_in", "commit"]


def test_a_whole_dataset_commit_is_recorded(store: Ledger) -> None:
    record = store.commit(small_dataset(), Contribution("cli", "", "", "ingest"))
    assert store.live_name() == record.version
    assert (record.state, record.decided_by) == (PUBLISHED, "cli")
    live = store.live()
    assert live is not None
    pd.testing.assert_frame_equal(live.observations, small_dataset().observations)


def test_accounts_are_added_found_replaced_and_removed(store: Ledger) -> None:
    anna = Account("anna", "contributor", "Region Skåne", password_hash="$argon2id$x")
    per = Account("per", "publisher", "Malmö stad", subject="https://idp|per-1")
    store.save_account(per)
    store.save_account(anna)
    assert [a.name for a in store.accounts()] == ["anna", "per"]
    assert store.account("anna") == anna
    assert store.account("nobody") is None
    assert store.account_by_subject("https://idp|per-1") == per
    assert store.account_by_subject("https://idp|other") is None
    locked = Account("anna", "admin", "Region Skåne", "$argon2id$y", failures=3,
                     locked_until=now())
    store.save_account(locked)
    assert store.account("anna") == locked
    with pytest.raises(StoreRefused) as refused:
        store.save_account(Account("eva", "admin", "Malmö stad", subject="https://idp|per-1"))
    assert refused.value.code == "subject_taken"
    assert store.remove_account("anna") is True
    assert store.remove_account("anna") is False
    assert [a.name for a in store.accounts()] == ["per"]


def test_a_store_opened_again_sees_everything(make_store) -> None:
    store = make_store()
    a = store.add_draft(contribution_tables("a"), given("a"))
    store.add_draft(contribution_tables("b"), given("b"))
    store.publish(a.name, "per", note="fine")
    store.save_account(Account("per", "publisher", "Malmö stad"))
    again = make_store()
    assert again.live_name() == store.live_name()
    assert again.records() == store.records()
    assert again.audit() == store.audit()
    assert again.accounts() == store.accounts()
    live_again, live = again.live(), store.live()
    assert live_again is not None and live is not None
    for name in ("observations", "indicators", "sources"):
        pd.testing.assert_frame_equal(live_again.table(name), live.table(name))
    assert live_again.info == live.info


def test_withdrawals_go_back_as_far_as_versions_are_kept(store: Ledger) -> None:
    published = [store.publish(store.add_draft(contribution_tables(str(i)), given(str(i))).name,
                               "per") for i in range(KEEP_VERSIONS + 3)]
    assert len(store.version_names()) == KEEP_VERSIONS + 1
    for record in reversed(published[-KEEP_VERSIONS:]):
        store.withdraw(record.name, "eva", "wrong")
        assert store.live_name() == record.base
    oldest_kept = published[-KEEP_VERSIONS - 1]
    before = (store.live_name(), store.records())
    with pytest.raises(StoreRefused) as refused:
        store.withdraw(oldest_kept.name, "eva", "wrong")
    assert refused.value.code == "no_previous"
    assert (store.live_name(), store.records()) == before
    # a publication on an older live version keeps that version to go back to
    late = store.publish(store.add_draft(contribution_tables("late"), given("late")).name,
                         "per")
    assert late.base == oldest_kept.version
    store.withdraw(late.name, "eva", "wrong")
    assert store.live_name() == oldest_kept.version


def test_an_existing_folder_store_is_read_as_published_by_unknown(tmp_path: Path) -> None:
    first = commit_version(small_dataset(), tmp_path)
    second = commit_version(small_dataset(), tmp_path)
    store = FileStore(tmp_path)
    assert store.live_name() == second
    records = store.records()
    assert [(r.version, r.state, r.contribution.added_by, r.base) for r in records] == [
        (second, PUBLISHED, "unknown", first), (first, PUBLISHED, "unknown", None)]
    store.withdraw(second, "eva", "not ours")
    assert store.live_name() == first
    assert FileStore(tmp_path).records()[0].state == WITHDRAWN


def test_packing_is_deterministic_and_checked_on_reading() -> None:
    ds = small_dataset()
    data = pack_dataset(ds)
    assert data == pack_dataset(ds)
    again = unpack_dataset(data)
    pd.testing.assert_frame_equal(again.observations, ds.observations)
    assert again.info == ds.info
    tables = contribution_tables("a")
    assert pack_tables(tables) == pack_tables(tables)
    assert set(unpack_tables(pack_tables(tables))) == set(tables)
    with pytest.raises(DatasetError, match="cannot be read"):
        unpack_dataset(data[: len(data) // 2], "cut")
    with pytest.raises(DatasetError, match=r"areas\.parquet: is missing"):
        unpack_dataset(pack_tables(tables), "partial")
    with pytest.raises(DatasetError, match="not a table"):
        pack_tables({"people": tables["observations"]})


def test_open_store_picks_the_backend_by_address(tmp_path: Path,
                                                 request: pytest.FixtureRequest) -> None:
    assert isinstance(open_store(str(tmp_path / "s")), FileStore)
    store = open_store(request.getfixturevalue("postgres_url"))
    assert isinstance(store, PgStore)
    assert "@" not in store.label and store.label.startswith("postgresql://")
    with pytest.raises(StoreUnavailable) as error:
        open_store("postgres://dash:secret@127.0.0.1:1/health")
    assert "postgres://127.0.0.1:1/health" in str(error.value)
    assert "secret" not in str(error.value)
    (tmp_path / "file").write_text("x")
    with pytest.raises(StoreUnavailable, match="not a folder"):
        open_store(str(tmp_path / "file"))
