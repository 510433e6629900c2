"""The dataset the app serves, replaced whole (never edited) when a user adds data."""

from __future__ import annotations

import threading
from pathlib import Path

from dashboard.store.dataset import Dataset


class LiveData:
    """Holds the current dataset and where new versions are committed (None: read-only)."""

    def __init__(self, ds: Dataset, store_root: Path | None = None):
        self._ds = ds
        self.store_root = store_root
        self._lock = threading.Lock()

    @property
    def ds(self) -> Dataset:
        return self._ds

    def replace(self, ds: Dataset) -> None:
        with self._lock:
            self._ds = ds
