"""What every store backend offers: published versions, drafts waiting for a publisher,
withdrawal, an audit log, and the accounts of those who add data.

Two backends implement it: a folder on disk (store/files.py, the default, no server) and
PostgreSQL (store/postgres.py), which several app servers share; `open_store` picks one by
address. A contribution is kept as the tables its file added (a draft); publishing merges
them into the version live at that moment, so two drafts published one after the other
both reach the data. Writers are serialised (the folder's lock, the database's
transactions); readers only ever see whole, published versions.

`Ledger` holds the rules both backends share (what may be published, rejected or withdrawn,
what is recorded and logged), written on a few primitives each backend provides. A
withdrawal makes the version the contribution was published on live again; a contribution
published on no version (on `fallback`) is withdrawn by publishing the fallback data again.
Refusals carry a `code`: no_such_draft, already_decided, not_live, note_required,
draft_conflict, unknown_role, no_previous (the version to go back to is no longer kept),
subject_taken (another account signs in with that subject), not_empty (migration target).
"""

from __future__ import annotations

import secrets
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Mapping
from contextlib import AbstractContextManager
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime
from typing import Any, Protocol

import pandas as pd

from dashboard.core.problems import DatasetError
from dashboard.core.schema import TABLES
from dashboard.store.dataset import KEEP_VERSIONS, Dataset, from_tables
from dashboard.store.merge import merge_into
from dashboard.store.packed import pack_tables, unpack_tables

ROLES = ("contributor", "publisher", "admin")
DRAFT, PUBLISHED, REJECTED, WITHDRAWN = "draft", "published", "rejected", "withdrawn"
STATES = (DRAFT, PUBLISHED, REJECTED, WITHDRAWN)
# Every action the audit log records.
AUDIT_ACTIONS = ("add", "publish", "reject", "withdraw", "commit", "user_add", "user_remove",
                 "user_role", "user_organisation", "user_password", "user_unlock", "sign_in",
                 "sign_in_failed", "locked")

Tables = Mapping[str, pd.DataFrame]


class StoreRefused(ValueError):
    """A store action that is not allowed in the state the store is in (publishing a draft
    already decided, withdrawing a version that is not live, ...); the message says why
    and nothing was changed. `code` names the reason for the page's text catalogue."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class Contribution:
    """Who adds data, from which file, for which organisation and under which licence."""

    added_by: str
    organisation: str
    licence: str
    file: str


@dataclass(frozen=True)
class VersionRecord:
    """One contribution through its life: a draft, then published (it became store
    version `version`), rejected, or, once published, withdrawn."""

    name: str
    state: str
    contribution: Contribution
    added_at: datetime
    base: str | None = None
    version: str | None = None
    decided_by: str | None = None
    decided_at: datetime | None = None
    note: str = ""
    withdrawn_by: str | None = None
    withdrawn_at: datetime | None = None
    withdraw_note: str = ""


@dataclass(frozen=True)
class AuditEvent:
    """One line of the audit log: who did what, when, to which version or account."""

    at: datetime
    actor: str
    action: str
    subject: str
    detail: str = ""


@dataclass(frozen=True)
class Account:
    """Someone who may sign in: a local password (hashed) or an OpenID Connect subject."""

    name: str
    role: str
    organisation: str
    password_hash: str | None = None
    subject: str | None = None
    failures: int = 0
    locked_until: datetime | None = None


class VersionStore(Protocol):
    """Published versions, drafts and the audit log of one store."""

    label: str

    def live_name(self) -> str | None:
        """The name of the live published version (cheap: asked on every request)."""

    def live(self) -> Dataset | None:
        """The live version, or None when nothing was ever published here."""

    def commit(self, dataset: Dataset, contribution: Contribution) -> VersionRecord:
        """Publish a whole dataset at once (command-line ingest, migration)."""

    def add_draft(self, tables: Tables, contribution: Contribution) -> VersionRecord:
        """Keep a contribution's tables as a draft; nothing changes in what is live."""

    def draft_tables(self, name: str) -> dict[str, pd.DataFrame]:
        """The tables a draft adds (KeyError if there is no such draft)."""

    def publish(self, name: str, by: str, note: str = "") -> VersionRecord:
        """Merge a draft into the live version and make the result live."""

    def reject(self, name: str, by: str, note: str) -> VersionRecord:
        """Decide against a draft; it stays in the log, nothing is published."""

    def withdraw(self, name: str, by: str, note: str) -> VersionRecord:
        """Take the live contribution back: the version before it is live again."""

    def records(self) -> list[VersionRecord]:
        """Every contribution, newest first."""

    def audit(self, limit: int | None = None) -> list[AuditEvent]:
        """The audit log, newest first."""

    def log(self, event: AuditEvent) -> None:
        """Add a line to the audit log."""


class AccountStore(Protocol):
    """The accounts of those who may add, publish or administer data."""

    def accounts(self) -> list[Account]:
        """Every account, by name."""

    def account(self, name: str) -> Account | None:
        """One account by its sign-in name."""

    def account_by_subject(self, subject: str) -> Account | None:
        """The account an OpenID Connect subject ('issuer|sub') signs in as."""

    def save_account(self, account: Account) -> None:
        """Add an account or replace the one with its name."""

    def remove_account(self, name: str) -> bool:
        """Remove an account; False when there was none."""


class StoreUnavailable(OSError):
    """A store that cannot be reached or opened; the message names its address (without a
    password) and why."""

    def __init__(self, address: str, reason: str):
        super().__init__(f"store {address} cannot be used: {reason}")
        self.address = address
        self.reason = reason


UNKNOWN = "unknown"
NO_PREVIOUS = "no_previous"


def now() -> datetime:
    """The time stamps of records and the audit log: aware, in UTC."""
    return datetime.now(UTC)


def new_name(at: datetime | None = None) -> str:
    """A name for a contribution: its time (so names sort by age) and a random tail."""
    return f"{(at or now()):%Y%m%dT%H%M%S%fZ}-{secrets.token_hex(3)}"


def empty_dataset() -> Dataset:
    """A dataset with no rows, which a first publication goes into when there is no other."""
    return from_tables({name: pd.DataFrame(columns=list(spec.column_names))
                        for name, spec in TABLES.items()})


def require_note(note: str, action: str) -> None:
    """Refuse a rejection or withdrawal without a reason."""
    if not note.strip():
        raise StoreRefused("note_required", f"a {action} needs a note saying why")


def check_role(account: Account) -> None:
    """Refuse an account whose role is not one of ROLES."""
    if account.role not in ROLES:
        raise StoreRefused("unknown_role", f"role {account.role!r} is not one of "
                                           f"{', '.join(ROLES)}")


def newest_first(records: list[VersionRecord]) -> list[VersionRecord]:
    """Records sorted newest first (by when they were added, then by name)."""
    return sorted(records, key=lambda r: (r.added_at, r.name), reverse=True)


def _time(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def record_to_json(record: VersionRecord) -> dict[str, Any]:
    """A record as a JSON object."""
    out = asdict(record)
    for key in ("added_at", "decided_at", "withdrawn_at"):
        out[key] = _iso(getattr(record, key))
    return out


def record_from_json(data: Mapping[str, Any]) -> VersionRecord:
    """A record from `record_to_json`'s object."""
    fields = dict(data)
    fields["contribution"] = Contribution(**fields["contribution"])
    for key in ("added_at", "decided_at", "withdrawn_at"):
        fields[key] = _time(fields.get(key))
    return VersionRecord(**fields)


def event_to_json(event: AuditEvent) -> dict[str, Any]:
    """An audit event as a JSON object."""
    return {**asdict(event), "at": event.at.isoformat()}


def event_from_json(data: Mapping[str, Any]) -> AuditEvent:
    """An audit event from `event_to_json`'s object."""
    return AuditEvent(**{**data, "at": datetime.fromisoformat(data["at"])})


def account_to_json(account: Account) -> dict[str, Any]:
    """An account as a JSON object."""
    return {**asdict(account), "locked_until": _iso(account.locked_until)}


def account_from_json(data: Mapping[str, Any]) -> Account:
    """An account from `account_to_json`'s object."""
    return Account(**{**data, "locked_until": _time(data.get("locked_until"))})


class Ledger(ABC):
    """The rules both backends follow, written once on a few primitives that each backend
    provides. Every write runs inside `_writing()`: one writer at a time, and either all of
    it happens or none of it (the database's transaction, the folder's undo list)."""

    label: str
    fallback: Callable[[], Dataset] | None

    @abstractmethod
    def live_name(self) -> str | None:
        """The name of the live published version."""

    @abstractmethod
    def _reading(self) -> AbstractContextManager[Any]:
        """A handle to read with."""

    @abstractmethod
    def _writing(self) -> AbstractContextManager[Any]:
        """A handle to write with, held by one writer at a time, all or nothing."""

    @abstractmethod
    def _current(self, tx: Any) -> str | None:
        """The live version's name."""

    @abstractmethod
    def _live(self, tx: Any) -> Dataset | None:
        """The live version."""

    @abstractmethod
    def _versions(self, tx: Any) -> list[str]:
        """Every kept version's name, oldest first."""

    @abstractmethod
    def _version(self, tx: Any, name: str) -> Dataset:
        """One kept version (KeyError when it is not kept)."""

    @abstractmethod
    def _commit(self, tx: Any, dataset: Dataset, keep: set[str]) -> str:
        """Add a new live version; prune old ones except those in `keep`; its name."""

    @abstractmethod
    def _put_version(self, tx: Any, name: str, dataset: Dataset) -> None:
        """Add a version under a given name (migration), without making it live."""

    @abstractmethod
    def _point(self, tx: Any, name: str) -> None:
        """Make a kept version live."""

    @abstractmethod
    def _stored(self, tx: Any) -> list[VersionRecord]:
        """Every record, drafts included, in no particular order."""

    @abstractmethod
    def _put(self, tx: Any, record: VersionRecord, tables: bytes | None) -> None:
        """Add or replace a record; `tables` (packed) come with a new draft, and a record
        that is no longer a draft drops its tables."""

    @abstractmethod
    def _tables(self, tx: Any, name: str) -> bytes | None:
        """A waiting draft's packed tables, or None."""

    @abstractmethod
    def _append(self, tx: Any, event: AuditEvent) -> None:
        """Add a line to the audit log."""

    @abstractmethod
    def _events(self, tx: Any, limit: int | None) -> list[AuditEvent]:
        """The audit log, newest first."""

    @abstractmethod
    def _accounts(self, tx: Any) -> list[Account]:
        """Every account."""

    @abstractmethod
    def _save(self, tx: Any, account: Account) -> None:
        """Add or replace an account."""

    @abstractmethod
    def _remove(self, tx: Any, name: str) -> bool:
        """Remove an account; whether there was one."""

    def live(self) -> Dataset | None:
        """The live version, or None when nothing was ever published here."""
        with self._reading() as tx:
            return self._live(tx)

    def version_names(self) -> list[str]:
        """Every kept version's name, oldest first."""
        with self._reading() as tx:
            return self._versions(tx)

    def version(self, name: str) -> Dataset:
        """One kept version (KeyError when it is not kept)."""
        with self._reading() as tx:
            return self._version(tx, name)

    def is_empty(self) -> bool:
        """Whether the store holds nothing at all: no version, record, audit line or
        account."""
        with self._reading() as tx:
            return not (self._versions(tx) or self._stored(tx) or self._events(tx, 1)
                        or self._accounts(tx))

    def _base(self, tx: Any) -> Dataset:
        live = self._live(tx)
        if live is not None:
            return live
        return self.fallback() if self.fallback is not None else empty_dataset()

    def _keep(self, tx: Any) -> set[str]:
        """The versions a withdrawal of a version kept after the next commit could go back
        to (the commit itself keeps the version it goes on top of)."""
        window = set(self._versions(tx)[-(KEEP_VERSIONS - 1):])
        return {r.base for r in self._stored(tx) if r.base and r.version in window}

    def _record(self, tx: Any, name: str) -> VersionRecord:
        for record in self._stored(tx):
            if record.name == name:
                return record
        raise StoreRefused("no_such_draft", f"there is no contribution {name!r}")

    def _pending(self, tx: Any, name: str) -> VersionRecord:
        record = self._record(tx, name)
        if record.state != DRAFT:
            raise StoreRefused("already_decided",
                               f"contribution {name!r} was already {record.state}")
        return record

    def _event(self, tx: Any, actor: str, action: str, subject: str, detail: str = "") -> None:
        self._append(tx, AuditEvent(now(), actor, action, subject, detail))

    def commit(self, dataset: Dataset, contribution: Contribution) -> VersionRecord:
        """Publish a whole dataset at once (command-line ingest, migration)."""
        with self._writing() as tx:
            made_on = self._current(tx)
            if dataset.redo is not None and dataset.redo.base != made_on:
                live = self._live(tx)
                if live is not None:
                    dataset = dataset.redo.apply(live)
            version = self._commit(tx, dataset, self._keep(tx))
            at = now()
            record = VersionRecord(new_name(at), PUBLISHED, contribution, at, base=made_on,
                                   version=version, decided_by=contribution.added_by,
                                   decided_at=at)
            self._put(tx, record, None)
            self._event(tx, contribution.added_by, "commit", version, contribution.file)
        return record

    def add_draft(self, tables: Tables, contribution: Contribution) -> VersionRecord:
        """Keep a contribution's tables as a draft; nothing changes in what is live."""
        data = pack_tables(tables)
        at = now()
        record = VersionRecord(new_name(at), DRAFT, contribution, at)
        with self._writing() as tx:
            self._put(tx, record, data)
            self._event(tx, contribution.added_by, "add", record.name, contribution.file)
        return record

    def draft_tables(self, name: str) -> dict[str, pd.DataFrame]:
        """The tables a draft adds (KeyError if there is no such draft)."""
        with self._reading() as tx:
            data = self._tables(tx, name)
        if data is None:
            raise KeyError(name)
        return unpack_tables(data, f"draft {name}")

    def publish(self, name: str, by: str, note: str = "") -> VersionRecord:
        """Merge a draft into the live version and make the result live."""
        with self._writing() as tx:
            record = self._pending(tx, name)
            data = self._tables(tx, name)
            if data is None:
                raise StoreRefused("no_such_draft", f"draft {name!r} has no tables")
            base = self._base(tx)
            file = record.contribution.file
            try:
                merged, _ = merge_into(base, unpack_tables(data, f"draft {name}"), label=file,
                                       files={"observations": file}, replace_reference=True,
                                       info={**base.info, "uploaded": file})
            except DatasetError as error:
                raise StoreRefused("draft_conflict", f"draft {name!r} ({file}) no longer fits "
                                   f"the live data: {error}") from error
            version = self._commit(tx, merged, self._keep(tx))
            decided = replace(record, state=PUBLISHED, base=base.version, version=version,
                              decided_by=by, decided_at=now(), note=note)
            self._put(tx, decided, None)
            self._event(tx, by, "publish", name, version)
        return decided

    def reject(self, name: str, by: str, note: str) -> VersionRecord:
        """Decide against a draft; it stays in the log, nothing is published."""
        with self._writing() as tx:
            record = self._pending(tx, name)
            require_note(note, "rejection")
            decided = replace(record, state=REJECTED, decided_by=by, decided_at=now(),
                              note=note)
            self._put(tx, decided, None)
            self._event(tx, by, "reject", name, note)
        return decided

    def withdraw(self, name: str, by: str, note: str) -> VersionRecord:
        """Take the live contribution back: the version before it is live again (with no
        version before it, the data before it, `fallback`, are published again)."""
        with self._writing() as tx:
            record = self._record(tx, name)
            live = self._current(tx)
            if record.state != PUBLISHED or record.version is None or record.version != live:
                raise StoreRefused("not_live", f"contribution {name!r} is not the live one "
                                   f"(it is {record.state}); only the live one can be withdrawn")
            require_note(note, "withdrawal")
            at = now()
            if record.base is None:
                restored = self.fallback() if self.fallback is not None else empty_dataset()
                back = self._commit(tx, restored, self._keep(tx))
                self._put(tx, VersionRecord(new_name(at), PUBLISHED, Contribution(by, "", "", ""),
                                            at, version=back, decided_by=by, decided_at=at,
                                            note=note), None)
            elif record.base not in self._versions(tx):
                raise StoreRefused(NO_PREVIOUS, f"version {record.base}, the one before "
                                   f"{name!r}, is no longer kept")
            else:
                back = record.base
                self._point(tx, back)
            withdrawn = replace(record, state=WITHDRAWN, withdrawn_by=by, withdrawn_at=at,
                                withdraw_note=note)
            self._put(tx, withdrawn, None)
            self._event(tx, by, "withdraw", name, back)
        return withdrawn

    def records(self) -> list[VersionRecord]:
        """Every contribution, newest first."""
        with self._reading() as tx:
            return newest_first(self._stored(tx))

    def audit(self, limit: int | None = None) -> list[AuditEvent]:
        """The audit log, newest first."""
        with self._reading() as tx:
            return self._events(tx, limit)

    def log(self, event: AuditEvent) -> None:
        """Add a line to the audit log."""
        with self._writing() as tx:
            self._append(tx, event)

    def accounts(self) -> list[Account]:
        """Every account, by name."""
        with self._reading() as tx:
            return sorted(self._accounts(tx), key=lambda a: a.name)

    def account(self, name: str) -> Account | None:
        """One account by its sign-in name."""
        return next((a for a in self.accounts() if a.name == name), None)

    def account_by_subject(self, subject: str) -> Account | None:
        """The account an OpenID Connect subject ('issuer|sub') signs in as."""
        return next((a for a in self.accounts() if a.subject == subject), None)

    def save_account(self, account: Account) -> None:
        """Add an account or replace the one with its name."""
        check_role(account)
        with self._writing() as tx:
            if account.subject is not None:
                for other in self._accounts(tx):
                    if other.subject == account.subject and other.name != account.name:
                        raise StoreRefused("subject_taken", f"account {other.name!r} already "
                                           "signs in with that subject")
            self._save(tx, account)

    def remove_account(self, name: str) -> bool:
        """Remove an account; False when there was none."""
        with self._writing() as tx:
            return self._remove(tx, name)

    def receive(self, versions: Iterable[tuple[str, Dataset]], live: str | None,
                records: list[VersionRecord], drafts: Iterable[tuple[VersionRecord, bytes]],
                audit: list[AuditEvent], accounts: list[Account]) -> None:
        """Fill an empty store with another's content (migration), all or nothing."""
        with self._writing() as tx:
            if (self._versions(tx) or self._stored(tx) or self._events(tx, 1)
                    or self._accounts(tx)):
                raise StoreRefused("not_empty", f"store {self.label} is not empty")
            for name, dataset in versions:
                self._put_version(tx, name, dataset)
            if live is not None:
                self._point(tx, live)
            for record in records:
                if record.state != DRAFT:
                    self._put(tx, record, None)
            for record, data in drafts:
                self._put(tx, record, data)
            for event in reversed(audit):
                self._append(tx, event)
            for account in accounts:
                self._save(tx, account)
