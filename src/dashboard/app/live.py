"""The dataset and boundaries the app serves, replaced whole (never edited) when data are
added: in the browser (upload), or by `dashboard ingest` while the app runs, which the app
notices through the store's CURRENT pointer and picks up on the next request."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path

from dashboard.core.geometry import ShapeSet
from dashboard.core.problems import DatasetError
from dashboard.ingest.boundaries import BoundaryError
from dashboard.store.dataset import CURRENT, Dataset, read_dataset

log = logging.getLogger(__name__)
BoundaryLoader = Callable[[Dataset], dict[str, ShapeSet]]


class LiveData:
    """Holds the current dataset and boundaries and where new versions are committed.

    With `follow_store`, a new version in `store_root` (written by an ingest) replaces the
    dataset on the next request; a version that fails to load is logged and the data shown
    stay as they were.
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
        self._lock = threading.Lock()

    def _current_version(self) -> str | None:
        if self.store_root is None:
            return None
        pointer = self.store_root / CURRENT
        return pointer.read_text(encoding="utf-8").strip() if pointer.exists() else None

    def _refresh(self) -> None:
        version = self._current_version()
        if not self._follow or self.store_root is None or version is None \
                or version == self._version:
            return
        with self._lock:
            if version == self._version:
                return
            try:
                ds = read_dataset(self.store_root)
                boundaries = self._load_boundaries(ds) if self._load_boundaries else \
                    self._boundaries
            except (DatasetError, BoundaryError, OSError) as error:
                log.error("store version %s could not be loaded; keeping the data shown: %s",
                          version, error)
                self._version = version
                return
            self._ds, self._boundaries, self._version = ds, boundaries, version

    @property
    def ds(self) -> Dataset:
        self._refresh()
        return self._ds

    @property
    def boundaries(self) -> dict[str, ShapeSet]:
        self._refresh()
        return self._boundaries

    def replace(self, ds: Dataset, version: str | None = None) -> None:
        """Serve `ds` from now on (after an upload committed it as `version`)."""
        with self._lock:
            self._ds = ds
            if version is not None:
                self._version = version
