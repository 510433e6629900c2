"""The PostgreSQL store, which several app servers share.

Versions are kept whole, one row each, as the bytes of store/packed.py; a one-row table
points at the live one. Records (with a draft's tables until it is decided), the audit log
and the accounts have tables of their own. Boundaries are not stored: they ship with the
package.

Every write is one transaction that first takes a transaction-scoped advisory lock
(`LOCK_KEY`), so writers on any number of servers go one after the other and each publishes
on top of the version the one before it made live; a failure rolls the whole write back.
The tables are made on first use, and `store_schema` holds the schema's version so that a
later release can migrate them. A connection is opened per operation.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import psycopg

from dashboard.store.backend import (
    DRAFT,
    Account,
    AuditEvent,
    Contribution,
    Ledger,
    StoreUnavailable,
    VersionRecord,
)
from dashboard.store.dataset import (
    Dataset,
    StoreStatus,
    _new_name,
    prunable,
)
from dashboard.store.packed import pack_dataset, unpack_dataset

SCHEMA_VERSION = 1
LOCK_KEY = 0x4D616C6D6F  # "Malmo": the writers' advisory lock
CONNECT_TIMEOUT = 10

SCHEMA = (
    "CREATE TABLE IF NOT EXISTS store_schema (version integer NOT NULL)",
    """CREATE TABLE IF NOT EXISTS store_versions (
        name text PRIMARY KEY,
        data bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now())""",
    """CREATE TABLE IF NOT EXISTS store_live (
        id integer PRIMARY KEY CHECK (id = 1),
        name text)""",
    """CREATE TABLE IF NOT EXISTS store_records (
        name text PRIMARY KEY,
        state text NOT NULL,
        added_by text NOT NULL,
        organisation text NOT NULL,
        licence text NOT NULL,
        file text NOT NULL,
        added_at timestamptz NOT NULL,
        base text,
        version text,
        decided_by text,
        decided_at timestamptz,
        note text NOT NULL DEFAULT '',
        withdrawn_by text,
        withdrawn_at timestamptz,
        withdraw_note text NOT NULL DEFAULT '',
        tables bytea)""",
    """CREATE TABLE IF NOT EXISTS store_audit (
        id serial PRIMARY KEY,
        at timestamptz NOT NULL,
        actor text NOT NULL,
        action text NOT NULL,
        subject text NOT NULL,
        detail text NOT NULL DEFAULT '')""",
    """CREATE TABLE IF NOT EXISTS store_accounts (
        name text PRIMARY KEY,
        role text NOT NULL,
        organisation text NOT NULL,
        password_hash text,
        subject text,
        failures integer NOT NULL DEFAULT 0,
        locked_until timestamptz)""",
    """CREATE UNIQUE INDEX IF NOT EXISTS store_accounts_subject ON store_accounts (subject)
        WHERE subject IS NOT NULL""",
    "INSERT INTO store_live (id, name) VALUES (1, NULL) ON CONFLICT (id) DO NOTHING",
)
_RECORD_COLUMNS = ("name, state, added_by, organisation, licence, file, added_at, base, "
                   "version, decided_by, decided_at, note, withdrawn_by, withdrawn_at, "
                   "withdraw_note")
_ACCOUNT_COLUMNS = "name, role, organisation, password_hash, subject, failures, locked_until"


def address(url: str) -> str:
    """A database address to show: scheme, host and database, without user or password
    (a Unix socket folder given as `?host=` is kept)."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    sockets = [v for k, v in parse_qsl(parts.query) if k == "host"]
    query = f"?host={sockets[0]}" if sockets else ""
    return f"{parts.scheme}://{host}{parts.path}{query}"


def _record(row: tuple[Any, ...]) -> VersionRecord:
    (name, state, added_by, organisation, licence, file, added_at, base, version,
     decided_by, decided_at, note, withdrawn_by, withdrawn_at, withdraw_note) = row
    return VersionRecord(name, state, Contribution(added_by, organisation, licence, file),
                         added_at, base, version, decided_by, decided_at, note, withdrawn_by,
                         withdrawn_at, withdraw_note)


class PgStore(Ledger):
    """A store in a PostgreSQL database at `url`; `fallback` gives the data a first
    publication goes into (the embedded dataset)."""

    def __init__(self, url: str, fallback: Callable[[], Dataset] | None = None):
        self.url = url
        self.fallback = fallback
        self.label = address(url)
        self._ready = False

    def _connect(self, autocommit: bool = False) -> psycopg.Connection[Any]:
        try:
            conn = psycopg.connect(self.url, connect_timeout=CONNECT_TIMEOUT,
                                   autocommit=autocommit)
        except psycopg.Error as exc:
            raise StoreUnavailable(self.label, str(exc).strip() or type(exc).__name__) from exc
        if not self._ready:
            try:
                self._create(conn)
            except BaseException:
                conn.close()
                raise
            self._ready = True
        return conn

    def _create(self, conn: psycopg.Connection[Any]) -> None:
        """Make the tables (once, whoever comes first) and check the schema's version."""
        with conn.transaction():
            row = conn.execute("SELECT to_regclass('store_schema') IS NOT NULL").fetchone()
            if row and row[0]:
                found = conn.execute("SELECT max(version) FROM store_schema").fetchone()
                if found and found[0] == SCHEMA_VERSION:
                    return
        with conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (LOCK_KEY,))
            for statement in SCHEMA:
                conn.execute(statement)
            row = conn.execute("SELECT max(version) FROM store_schema").fetchone()
            found = row[0] if row else None
            if found is None:
                conn.execute("INSERT INTO store_schema (version) VALUES (%s)",
                             (SCHEMA_VERSION,))
            elif found > SCHEMA_VERSION:
                raise StoreUnavailable(self.label, f"its tables are of schema version {found}, "
                                       f"newer than this program's ({SCHEMA_VERSION})")

    @contextmanager
    def _reading(self) -> Iterator[psycopg.Connection[Any]]:
        with self._lost(), self._connect() as conn, conn.transaction():
            yield conn

    @contextmanager
    def _writing(self) -> Iterator[psycopg.Connection[Any]]:
        with self._lost(), self._connect() as conn, conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (LOCK_KEY,))
            yield conn

    @contextmanager
    def _lost(self) -> Iterator[None]:
        """A connection lost during an operation is reported as the store unavailable."""
        try:
            yield
        except psycopg.OperationalError as exc:
            raise StoreUnavailable(self.label, str(exc).strip() or type(exc).__name__) from exc

    def live_name(self) -> str | None:
        """The live version's name (one query)."""
        with self._lost(), self._connect(autocommit=True) as conn:
            row = conn.execute("SELECT name FROM store_live").fetchone()
        return row[0] if row else None

    def _current(self, tx: psycopg.Connection[Any]) -> str | None:
        row = tx.execute("SELECT name FROM store_live").fetchone()
        return row[0] if row else None

    def _unpack(self, name: str, data: bytes) -> Dataset:
        dataset = unpack_dataset(bytes(data), f"{self.label} version {name}")
        return replace(dataset, store=StoreStatus(self.label, name, name))

    def _live(self, tx: psycopg.Connection[Any]) -> Dataset | None:
        row = tx.execute("SELECT v.name, v.data FROM store_live l "
                         "JOIN store_versions v ON v.name = l.name").fetchone()
        return self._unpack(row[0], row[1]) if row else None

    def _versions(self, tx: psycopg.Connection[Any]) -> list[str]:
        return [r[0] for r in tx.execute("SELECT name FROM store_versions ORDER BY name")]

    def _version(self, tx: psycopg.Connection[Any], name: str) -> Dataset:
        row = tx.execute("SELECT data FROM store_versions WHERE name = %s", (name,)).fetchone()
        if row is None:
            raise KeyError(name)
        return self._unpack(name, row[0])

    def _commit(self, tx: psycopg.Connection[Any], dataset: Dataset, keep: set[str]) -> str:
        made_on = self._current(tx)
        names = self._versions(tx)
        name = _new_name(names)
        self._put_version(tx, name, dataset)
        self._point(tx, name)
        gone = prunable([*names, name], keep | ({made_on} if made_on else set()))
        if gone:
            tx.execute("DELETE FROM store_versions WHERE name = ANY(%s)", (gone,))
        return name

    def _put_version(self, tx: psycopg.Connection[Any], name: str, dataset: Dataset) -> None:
        tx.execute("INSERT INTO store_versions (name, data) VALUES (%s, %s)",
                   (name, pack_dataset(dataset)))

    def _point(self, tx: psycopg.Connection[Any], name: str) -> None:
        tx.execute("UPDATE store_live SET name = %s WHERE id = 1", (name,))

    def _stored(self, tx: psycopg.Connection[Any]) -> list[VersionRecord]:
        return [_record(row) for row in tx.execute(f"SELECT {_RECORD_COLUMNS} "
                                                   "FROM store_records")]

    def _put(self, tx: psycopg.Connection[Any], record: VersionRecord,
             tables: bytes | None) -> None:
        c = record.contribution
        values = (record.name, record.state, c.added_by, c.organisation, c.licence, c.file,
                  record.added_at, record.base, record.version, record.decided_by,
                  record.decided_at, record.note, record.withdrawn_by, record.withdrawn_at,
                  record.withdraw_note, tables if record.state == DRAFT else None)
        columns = [c.strip() for c in _RECORD_COLUMNS.split(",")] + ["tables"]
        updates = ", ".join(f"{c} = EXCLUDED.{c}" for c in columns[1:])
        tx.execute(f"INSERT INTO store_records ({', '.join(columns)}) "
                   f"VALUES ({', '.join(['%s'] * len(columns))}) "
                   f"ON CONFLICT (name) DO UPDATE SET {updates}", values)

    def _tables(self, tx: psycopg.Connection[Any], name: str) -> bytes | None:
        row = tx.execute("SELECT tables FROM store_records WHERE name = %s AND state = %s",
                         (name, DRAFT)).fetchone()
        return bytes(row[0]) if row and row[0] is not None else None

    def _append(self, tx: psycopg.Connection[Any], event: AuditEvent) -> None:
        tx.execute("INSERT INTO store_audit (at, actor, action, subject, detail) "
                   "VALUES (%s, %s, %s, %s, %s)",
                   (event.at, event.actor, event.action, event.subject, event.detail))

    def _events(self, tx: psycopg.Connection[Any], limit: int | None) -> list[AuditEvent]:
        rows = tx.execute("SELECT at, actor, action, subject, detail FROM store_audit "
                          "ORDER BY id DESC LIMIT %s", (limit,))
        return [AuditEvent(*row) for row in rows]

    def _accounts(self, tx: psycopg.Connection[Any]) -> list[Account]:
        rows = tx.execute(f"SELECT {_ACCOUNT_COLUMNS} FROM store_accounts ORDER BY name")
        return [Account(*row) for row in rows]

    def _save(self, tx: psycopg.Connection[Any], account: Account) -> None:
        tx.execute(f"INSERT INTO store_accounts ({_ACCOUNT_COLUMNS}) "
                   "VALUES (%s, %s, %s, %s, %s, %s, %s) ON CONFLICT (name) DO UPDATE SET "
                   "role = EXCLUDED.role, organisation = EXCLUDED.organisation, "
                   "password_hash = EXCLUDED.password_hash, subject = EXCLUDED.subject, "
                   "failures = EXCLUDED.failures, locked_until = EXCLUDED.locked_until",
                   (account.name, account.role, account.organisation, account.password_hash,
                    account.subject, account.failures, account.locked_until))

    def _remove(self, tx: psycopg.Connection[Any], name: str) -> bool:
        return tx.execute("DELETE FROM store_accounts WHERE name = %s", (name,)).rowcount > 0
