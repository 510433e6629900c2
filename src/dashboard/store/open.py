"""Open a store by its address: a PostgreSQL URL, or else a folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from dashboard.store.backend import StoreUnavailable
from dashboard.store.dataset import Dataset
from dashboard.store.files import FileStore
from dashboard.store.postgres import PgStore
from dashboard.store.postgres import address as pg_address

SCHEMES = ("postgresql://", "postgres://")


def shown_address(address: str) -> str:
    """A store's address fit to print: a database's without user or password."""
    return pg_address(address) if address.startswith(SCHEMES) else address


def open_store(address: str, fallback: Callable[[], Dataset] | None = None
               ) -> FileStore | PgStore:
    """The store at `address`: `postgresql://` or `postgres://` opens the database (and
    checks that it answers, else StoreUnavailable naming the address without its password
    and the reason); anything else is a folder."""
    if address.startswith(SCHEMES):
        store = PgStore(address, fallback)
        store.live_name()
        return store
    folder = Path(address)
    if folder.exists() and not folder.is_dir():
        raise StoreUnavailable(str(folder), "it is a file, not a folder")
    return FileStore(folder, fallback)
