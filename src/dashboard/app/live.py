"""The dataset and boundaries the app serves, replaced whole (never edited) when data are
added: in the browser (upload), or by `dashboard ingest` while the app runs, which the app
notices through the store's CURRENT pointer and picks up on the next request.

When the store's live version cannot be read, the app shows the newest version that loads
(or keeps what it shows), logs why, and says so on the page (`LiveData.notice`)."""

from __future__ import annotations

import dataclasses
import logging
import threading
from collections.abc import Callable
from pathlib import Path

from dashboard.core.geometry import ShapeSet
from dashboard.core.problems import DatasetError
from dashboard.core.texts import t
from dashboard.ingest.boundaries import BoundaryError
from dashboard.store.dataset import Dataset, StoreStatus, current_name, load_store, versions

log = logging.getLogger(__name__)
BoundaryLoader = Callable[[Dataset], dict[str, ShapeSet]]


class LiveData:
    """Holds the current dataset and boundaries and where new versions are committed.

    With `follow_store`, a new version in `store_root` (written by an ingest) replaces the
    dataset on the next request. A version that cannot be read gives way to the newest
    older one that loads; if none loads, the data shown stay as they were. Either way the
    problem is logged and `status`/`notice` report it.
    """

    def __init__(self, ds: Dataset, boundaries: dict[str, ShapeSet] | None = None,
                 store_root: Path | None = None, follow_store: bool = False,
                 load_boundaries: BoundaryLoader | None = None):
        self._ds = ds
        self._boundaries = boundaries or {}
        self.store_root = store_root
        self._follow = follow_store and store_root is not None
        self._load_boundaries = load_boundaries
        self._version = self._current_version()
        self._status = ds.store if ds.store is not None and ds.store.fallback else None
        self._lock = threading.Lock()

    def _current_version(self) -> str | None:
        return None if self.store_root is None else current_name(self.store_root)

    def _refresh(self) -> None:
        version = self._current_version()
        if not self._follow or self.store_root is None or version is None \
                or version == self._version:
            return
        with self._lock:
            if version == self._version:
                return
            self._load(self.store_root, version)

    def _load(self, root: Path, version: str) -> None:
        try:
            ds = load_store(root)
            same = ds.version is not None and ds.version == self._ds.version
            boundaries = self._boundaries if same or self._load_boundaries is None \
                else self._load_boundaries(ds)
        except (DatasetError, BoundaryError, OSError) as error:
            log.error("store version %s could not be loaded; keeping the data shown: %s",
                      version, error)
            self._version = version
            self._status = StoreStatus(root, self._ds.version or "", version, str(error))
            return
        status = ds.store
        if status is not None and status.fallback:
            log.warning("%s", status)
        self._status = status if status is not None and status.fallback else None
        if not same:
            self._ds, self._boundaries = ds, boundaries
        self._version = version

    @property
    def ds(self) -> Dataset:
        self._refresh()
        return self._ds

    @property
    def boundaries(self) -> dict[str, ShapeSet]:
        self._refresh()
        return self._boundaries

    @property
    def status(self) -> StoreStatus | None:
        """Why the data shown are not the store's live version, or None when they are."""
        self._refresh()
        return self._status

    def notice(self, lang: str) -> str | None:
        """The sentence for the page when the store's live version could not be shown."""
        status = self.status
        if status is None:
            return None
        wanted = status.wanted or "CURRENT"
        if status.version:
            return t("store_fallback", lang, wanted=wanted, shown=status.version)
        return t("store_unreadable", lang, wanted=wanted)

    def _committed_as_is(self, ds: Dataset, version: str) -> bool:
        """Whether `version` holds `ds` itself: it was made on the version committed just
        before, so no other writer's commit was merged into it."""
        if self.store_root is None or ds.redo is None:
            return False
        earlier = [name for name in versions(self.store_root) if name < version]
        return (earlier[-1] if earlier else None) == ds.redo.base

    def replace(self, ds: Dataset, version: str | None = None) -> None:
        """Serve `ds` from now on (after an upload committed it as `version`). If the commit
        had to merge it into a version another writer committed meanwhile, the committed
        version is read on the next request instead."""
        with self._lock:
            if version is None or self.store_root is None:
                self._ds = ds
                return
            if self._committed_as_is(ds, version):
                self._ds = dataclasses.replace(
                    ds, store=StoreStatus(self.store_root, version, version), redo=None)
                self._version, self._status = version, None
            else:
                self._ds = ds
                self._load(self.store_root, version)
