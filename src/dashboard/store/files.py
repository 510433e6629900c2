"""The folder store: versions, drafts, records, the audit log and accounts on disk.

The layout extends the existing store (store/dataset.py), so a store that has only
`CURRENT` and `versions/` is read as it is, its versions shown as published by "unknown":

    CURRENT                 the live version's name
    versions/<name>/        a published version (five Parquet tables and dataset.json)
    drafts/<name>/          a waiting contribution: tables.zip (store/packed.py), record.json
    records/<name>.json     a contribution once published, rejected or withdrawn
    audit.jsonl             the audit log, one JSON object a line, oldest first
    accounts.json           the accounts, a JSON list

Every write holds the store's lock (store/lock.py) and replaces files atomically
(core/files.py); a write that fails part-way undoes what it had done, in reverse order.
An audit line is appended with one write; a line a crash cut short is skipped on reading.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from dashboard.core.files import remove_temporaries, replace_folder, write_atomic
from dashboard.core.problems import DatasetError, Problem
from dashboard.store.backend import (
    DRAFT,
    PUBLISHED,
    UNKNOWN,
    Account,
    AuditEvent,
    Contribution,
    Ledger,
    VersionRecord,
    account_from_json,
    account_to_json,
    event_from_json,
    event_to_json,
    record_from_json,
    record_to_json,
)
from dashboard.store.dataset import (
    CURRENT,
    VERSIONS,
    Dataset,
    commit_locked,
    current_name,
    is_store,
    load_store,
    read_folder,
    versions,
    write_dataset,
)
from dashboard.store.lock import writer_lock

DRAFTS, RECORDS = "drafts", "records"
AUDIT, ACCOUNTS = "audit.jsonl", "accounts.json"
TABLES_FILE, RECORD_FILE = "tables.zip", "record.json"
_STAMP = "%Y%m%dT%H%M%S%fZ"


@dataclass
class _Undo:
    """What a write did, to be undone in reverse if a later step fails; and what to tidy
    once the whole write succeeded."""

    steps: list[Callable[[], None]] = field(default_factory=list)
    after: list[Callable[[], None]] = field(default_factory=list)


def _json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _restore(path: Path, old: bytes | None) -> Callable[[], None]:
    def undo() -> None:
        if old is None:
            path.unlink(missing_ok=True)
        else:
            write_atomic(path, old)
    return undo


def _replace_file(tx: _Undo, path: Path, data: str) -> None:
    old = path.read_bytes() if path.exists() else None
    write_atomic(path, data)
    tx.steps.append(_restore(path, old))


def _legacy(name: str, before: str | None) -> VersionRecord:
    """The record of a version committed before the store kept records."""
    try:
        at = datetime.strptime(name, _STAMP).replace(tzinfo=UTC)
    except ValueError:
        at = datetime.fromtimestamp(0, UTC)
    return VersionRecord(name, PUBLISHED, Contribution(UNKNOWN, "", "", ""), at, base=before,
                         version=name, decided_by=UNKNOWN, decided_at=at)


class FileStore(Ledger):
    """A store in a folder (see the module's description); `fallback` gives the data a
    first publication goes into (the embedded dataset)."""

    def __init__(self, root: str | os.PathLike[str],
                 fallback: Callable[[], Dataset] | None = None):
        self.root = Path(root)
        self.fallback = fallback
        self.label = str(self.root)

    def live_name(self) -> str | None:
        """The version CURRENT names (one small file read)."""
        return current_name(self.root)

    @contextmanager
    def _reading(self) -> Iterator[None]:
        yield None

    def _tidy(self) -> None:
        """Remove what an interrupted write left: temporaries, and the folder of a draft
        whose decision was recorded."""
        for folder in (self.root / DRAFTS, self.root / RECORDS):
            remove_temporaries(folder)
        for draft in (self.root / DRAFTS).glob("*/"):
            if (self.root / RECORDS / f"{draft.name}.json").exists():
                shutil.rmtree(draft, ignore_errors=True)

    @contextmanager
    def _writing(self) -> Iterator[_Undo]:
        tx = _Undo()
        with writer_lock(self.root):
            self._tidy()
            try:
                yield tx
            except BaseException:
                for undo in reversed(tx.steps):
                    undo()
                raise
            for tidy in tx.after:
                tidy()

    def _current(self, tx: object) -> str | None:
        return current_name(self.root)

    def _live(self, tx: object) -> Dataset | None:
        return load_store(self.root) if is_store(self.root) else None

    def _versions(self, tx: object) -> list[str]:
        return versions(self.root)

    def _version(self, tx: object, name: str) -> Dataset:
        folder = self.root / VERSIONS / name
        if not folder.is_dir() or name not in versions(self.root):
            raise KeyError(name)
        return read_folder(folder)

    def _point_back(self, tx: _Undo) -> None:
        pointer = self.root / CURRENT
        tx.steps.append(_restore(pointer, pointer.read_bytes() if pointer.exists() else None))

    def _commit(self, tx: _Undo, dataset: Dataset, keep: set[str]) -> str:
        self._point_back(tx)
        name = str(commit_locked(dataset, self.root, keep=keep).version)
        tx.steps.append(lambda: shutil.rmtree(self.root / VERSIONS / name, ignore_errors=True))
        return name

    def _put_version(self, tx: _Undo, name: str, dataset: Dataset) -> None:
        folder = write_dataset(dataset, self.root / VERSIONS / name)
        tx.steps.append(lambda: shutil.rmtree(folder, ignore_errors=True))

    def _point(self, tx: _Undo, name: str) -> None:
        self._point_back(tx)
        write_atomic(self.root / CURRENT, name + "\n")

    def _stored(self, tx: object) -> list[VersionRecord]:
        found: dict[str, VersionRecord] = {}
        for path in sorted((self.root / DRAFTS).glob(f"*/{RECORD_FILE}")):
            found[path.parent.name] = self._read_record(path)
        for path in sorted((self.root / RECORDS).glob("*.json")):
            found[path.stem] = self._read_record(path)
        named = {r.version for r in found.values()}
        names = versions(self.root)
        for i, name in enumerate(names):
            if name not in named and name not in found:
                found[name] = _legacy(name, names[i - 1] if i else None)
        return list(found.values())

    @staticmethod
    def _read_record(path: Path) -> VersionRecord:
        try:
            return record_from_json(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError, TypeError, KeyError) as exc:
            raise DatasetError([Problem(str(path), None, None,
                                        f"cannot be read as a record ({exc})")]) from exc

    def _put(self, tx: _Undo, record: VersionRecord, tables: bytes | None) -> None:
        draft = self.root / DRAFTS / record.name
        if record.state == DRAFT:
            def fill(folder: Path) -> None:
                (folder / TABLES_FILE).write_bytes(tables or b"")
                (folder / RECORD_FILE).write_text(_json(record_to_json(record)),
                                                  encoding="utf-8")
            replace_folder(draft, fill)
            tx.steps.append(lambda: shutil.rmtree(draft, ignore_errors=True))
            return
        _replace_file(tx, self.root / RECORDS / f"{record.name}.json",
                      _json(record_to_json(record)))
        if draft.exists():
            tx.after.append(lambda: shutil.rmtree(draft, ignore_errors=True))

    def _tables(self, tx: object, name: str) -> bytes | None:
        path = self.root / DRAFTS / name / TABLES_FILE
        if "/" in name or name.startswith(".") or (self.root / RECORDS / f"{name}.json").exists():
            return None
        return path.read_bytes() if path.is_file() else None

    def _append(self, tx: _Undo, event: AuditEvent) -> None:
        path = self.root / AUDIT
        line = json.dumps(event_to_json(event), ensure_ascii=False, sort_keys=True) + "\n"
        handle = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o666)
        try:
            size = os.fstat(handle).st_size
            os.write(handle, line.encode("utf-8"))
            os.fsync(handle)
        finally:
            os.close(handle)
        tx.steps.append(lambda: os.truncate(path, size))

    def _events(self, tx: object, limit: int | None) -> list[AuditEvent]:
        path = self.root / AUDIT
        if not path.exists():
            return []
        events = []
        for line in path.read_text(encoding="utf-8").splitlines():
            try:
                events.append(event_from_json(json.loads(line)))
            except (ValueError, TypeError, KeyError):
                continue
        events.reverse()
        return events if limit is None else events[:limit]

    def _accounts(self, tx: object) -> list[Account]:
        path = self.root / ACCOUNTS
        if not path.exists():
            return []
        return [account_from_json(a) for a in json.loads(path.read_text(encoding="utf-8"))]

    def _write_accounts(self, tx: _Undo, accounts: list[Account]) -> None:
        ordered = sorted(accounts, key=lambda a: a.name)
        _replace_file(tx, self.root / ACCOUNTS, _json([account_to_json(a) for a in ordered]))

    def _save(self, tx: _Undo, account: Account) -> None:
        others = [a for a in self._accounts(tx) if a.name != account.name]
        self._write_accounts(tx, [*others, account])

    def _remove(self, tx: _Undo, name: str) -> bool:
        accounts = self._accounts(tx)
        kept = [a for a in accounts if a.name != name]
        if len(kept) == len(accounts):
            return False
        self._write_accounts(tx, kept)
        return True
