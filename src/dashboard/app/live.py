"""The dataset and boundaries the app serves, replaced whole (never edited) when a new
version is published: through the review page, or by `dashboard ingest` while the app
runs, or by another app server sharing the store. The app notices through the store's live
pointer and picks the version up on the next request.

When the store's live version cannot be read, the app shows the newest version that loads
(or keeps what it shows), logs why, and says so on the page (`LiveData.notice`). A
signed-in publisher previewing a draft sees the draft merged in (`preview`); everyone
else sees the published data."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from dashboard.core.geometry import ShapeSet
from dashboard.core.problems import DatasetError
from dashboard.core.texts import t
from dashboard.ingest.boundaries import BoundaryError
from dashboard.store.backend import VersionStore
from dashboard.store.dataset import Dataset, StoreStatus

log = logging.getLogger(__name__)
BoundaryLoader = Callable[[Dataset], dict[str, ShapeSet]]
Preview = Callable[["LiveData"], Dataset | None]
UNVERSIONED = "unversioned"


class LiveData:
    """Holds the published dataset and boundaries, and the store new versions come from.

    With `follow_store`, a version published in `store` replaces the dataset on the next
    request (the store is asked at most every `poll_seconds`). A version that cannot be
    read gives way to the newest older one that loads; if none loads, the data shown stay
    as they were. Either way the problem is logged and `status`/`notice` report it.
    `changed` is told the version that stopped being shown.
    """

    def __init__(self, ds: Dataset, boundaries: dict[str, ShapeSet] | None = None,
                 store: VersionStore | None = None, follow_store: bool = False,
                 load_boundaries: BoundaryLoader | None = None, *, poll_seconds: float = 0.0,
                 preview: Preview | None = None,
                 changed: Callable[[str], None] | None = None):
        self._ds = ds
        self._boundaries = boundaries or {}
        self.store = store
        self._follow = follow_store and store is not None
        self._load_boundaries = load_boundaries
        self._poll = poll_seconds
        self._preview = preview
        self._changed = changed
        self._asked = 0.0
        self._version = self._live_name()
        self._status = ds.store if ds.store is not None and ds.store.fallback else None
        self._lock = threading.Lock()

    def _live_name(self) -> str | None:
        return None if self.store is None else self.store.live_name()

    def _refresh(self, force: bool = False) -> None:
        if not self._follow or self.store is None:
            return
        now = time.monotonic()
        if not force and self._poll and now - self._asked < self._poll:
            return
        self._asked = now
        version = self._live_name()
        if version is None or version == self._version:
            return
        with self._lock:
            if version != self._version:
                self._load(self.store, version)

    def _load(self, store: VersionStore, version: str) -> None:
        before = self.version
        try:
            ds = store.live()
            if ds is None:
                return
            same = ds.version is not None and ds.version == self._ds.version
            boundaries = self._boundaries if same or self._load_boundaries is None \
                else self._load_boundaries(ds)
        except (DatasetError, BoundaryError, OSError) as error:
            log.error("store version %s could not be loaded; keeping the data shown: %s",
                      version, error)
            self._version = version
            self._status = StoreStatus(store.label, self._ds.version or "", version,
                                       str(error))
            return
        status = ds.store
        if status is not None and status.fallback:
            log.warning("%s", status)
        self._status = status if status is not None and status.fallback else None
        if not same:
            self._ds, self._boundaries = ds, boundaries
        self._version = version
        if self._changed is not None and before != self.version:
            self._changed(before)

    def reload(self) -> None:
        """Read the store's live version now (after this app published or withdrew one)."""
        self._refresh(force=True)

    @property
    def published(self) -> Dataset:
        """The published dataset, whoever asks."""
        self._refresh()
        return self._ds

    @property
    def ds(self) -> Dataset:
        """The dataset this request sees: a draft merged in while its reviewer previews it,
        else the published one."""
        published = self.published
        previewed = self._preview(self) if self._preview is not None else None
        return previewed if previewed is not None else published

    @property
    def previewing(self) -> bool:
        """Whether this request sees a draft (its answers are not the public's)."""
        return self._preview is not None and self._preview(self) is not None

    @property
    def version(self) -> str:
        """The published version shown (a fixed name for data not read from a store)."""
        return self._version or self._ds.version or UNVERSIONED

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
