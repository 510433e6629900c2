"""Copy one store into another, empty one (a folder into PostgreSQL, or back).

Every kept version is copied under its own name, oldest first, and the same one is made
live; then the records, the waiting drafts with their tables, the audit log and the
accounts. The target receives it all in one write, so a failed migration leaves it empty.
"""

from __future__ import annotations

from dataclasses import dataclass

from dashboard.store.backend import DRAFT, Ledger, StoreRefused
from dashboard.store.packed import pack_tables


class MigrationError(ValueError):
    """A migration that was not made; the message says why, and the target is unchanged."""


@dataclass(frozen=True)
class MigrationReport:
    """What a migration copied."""

    source: str
    target: str
    versions: tuple[str, ...]
    live: str | None
    records: int
    drafts: int
    audit: int
    accounts: int

    def lines(self) -> list[str]:
        """The report as lines for a terminal."""
        return [f"copied store {self.source} to {self.target}:",
                f"  {len(self.versions)} version(s), live: {self.live or 'none'}",
                f"  {self.records} record(s), of which {self.drafts} waiting draft(s)",
                f"  {self.audit} audit line(s)",
                f"  {self.accounts} account(s)"]


def migrate(source: Ledger, target: Ledger) -> MigrationReport:
    """Copy `source` into the empty store `target` (MigrationError if it is not empty, or
    if the source holds nothing or its live version is not among its kept versions)."""
    if not target.is_empty():
        raise MigrationError(f"store {target.label} is not empty; a migration only copies "
                             "into an empty store, so nothing was copied")
    if source.is_empty():
        raise MigrationError(f"store {source.label} holds nothing to copy")
    names = source.version_names()
    live = source.live_name()
    if live is not None and live not in names:
        raise MigrationError(f"store {source.label}: the live version {live} is not among "
                             "its kept versions; nothing was copied")
    records = source.records()
    drafts = [(r, pack_tables(source.draft_tables(r.name))) for r in records
              if r.state == DRAFT]
    audit = source.audit()
    accounts = source.accounts()
    try:
        target.receive(((name, source.version(name)) for name in names), live, records,
                       drafts, audit, accounts)
    except StoreRefused as refused:
        raise MigrationError(str(refused)) from refused
    return MigrationReport(source.label, target.label, tuple(names), live, len(records),
                           len(drafts), len(audit), len(accounts))
