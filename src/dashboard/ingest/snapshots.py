"""Raw responses kept as snapshots with their provenance, and replayed for `--offline`.

Layout: `DASHBOARD_HOME/snapshots/<source>/<key>.json` holds a response body exactly as it
arrived; `<key>.provenance.json` beside it records the URL, method, query parameters and
body, the time of retrieval, the body's sha256, the licence and the attribution. The key
is a hash of the request, so one request always maps to one file: re-running replaces a
snapshot, never duplicates it. A body that arrives byte-for-byte unchanged keeps its first
retrieval time, so an unchanged source leaves the store unchanged too.

Connectors fetch through a `Fetcher`: `LiveFetcher` calls the source and remembers what it
got (written with `save_all` only once the whole ingest has been validated);
`OfflineFetcher` answers the same requests from the snapshots alone.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import parse_qs, urlsplit

from dashboard.core.files import write_atomic
from dashboard.ingest.http import HttpClient, Request, SourceError

BODY_SUFFIX = ".json"
PROVENANCE_SUFFIX = ".provenance.json"


@dataclass(frozen=True)
class Snapshot:
    """One raw response and where, when and under which terms it was obtained."""

    source: str
    request: Request
    body: bytes
    retrieved: str
    licence: str
    attribution: str

    @property
    def url(self) -> str:
        return self.request.url

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.body).hexdigest()

    def provenance(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "method": self.request.method,
            "url": self.url,
            "query": {"parameters": parse_qs(urlsplit(self.url).query),
                      "body": self.request.body},
            "retrieved": self.retrieved,
            "sha256": self.sha256,
            "bytes": len(self.body),
            "licence": self.licence,
            "attribution": self.attribution,
            "file": self.request.key() + BODY_SUFFIX,
        }


class SnapshotStore:
    """The snapshots folder of one DASHBOARD_HOME."""

    def __init__(self, root: Path):
        self.root = Path(root)

    def folder(self, source: str) -> Path:
        return self.root / source

    def _paths(self, source: str, request: Request) -> tuple[Path, Path]:
        key = request.key()
        folder = self.folder(source)
        return folder / f"{key}{BODY_SUFFIX}", folder / f"{key}{PROVENANCE_SUFFIX}"

    def load(self, source: str, request: Request) -> Snapshot | None:
        """The saved response to `request`, None if there is none; refuses a damaged one."""
        body_path, record_path = self._paths(source, request)
        if not (body_path.exists() and record_path.exists()):
            return None
        record = json.loads(record_path.read_text(encoding="utf-8"))
        body = body_path.read_bytes()
        if hashlib.sha256(body).hexdigest() != record.get("sha256"):
            raise SourceError(str(body_path), "the snapshot does not match the sha256 in its "
                                              "provenance record; fetch it again online")
        return Snapshot(source, request, body, record["retrieved"], record["licence"],
                        record["attribution"])

    def save(self, snapshot: Snapshot) -> Path:
        """Write one snapshot and its provenance (each file atomically); return the body path."""
        body_path, record_path = self._paths(snapshot.source, snapshot.request)
        body_path.parent.mkdir(parents=True, exist_ok=True)
        existing = self.load(snapshot.source, snapshot.request)
        if existing is not None and existing.sha256 == snapshot.sha256 \
                and existing.retrieved == snapshot.retrieved:
            return body_path
        write_atomic(body_path, snapshot.body)
        record = json.dumps(snapshot.provenance(), ensure_ascii=False, indent=2) + "\n"
        write_atomic(record_path, record)
        return body_path


def save_all(store: SnapshotStore, snapshots: list[Snapshot]) -> list[Path]:
    """Write every snapshot of a validated ingest."""
    return [store.save(s) for s in snapshots]


class Fetcher(Protocol):
    """Answers requests for one source, live or from snapshots."""

    source: str
    fetched: list[Snapshot]

    def fetch(self, request: Request) -> Snapshot: ...


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass
class LiveFetcher:
    """Calls the source over HTTP; keeps each response as a snapshot to be saved later."""

    source: str
    licence: str
    attribution: str
    client: HttpClient
    store: SnapshotStore
    now: Callable[[], datetime] = _now
    fetched: list[Snapshot] = field(default_factory=list)

    def fetch(self, request: Request) -> Snapshot:
        body = self.client.fetch(request)
        earlier = self.store.load(self.source, request)
        if earlier is not None and earlier.sha256 == hashlib.sha256(body).hexdigest():
            retrieved = earlier.retrieved
        else:
            retrieved = self.now().isoformat(timespec="seconds")
        snapshot = Snapshot(self.source, request, body, retrieved, self.licence,
                            self.attribution)
        self.fetched.append(snapshot)
        return snapshot


@dataclass
class OfflineFetcher:
    """Answers requests from saved snapshots only; says which one is missing."""

    source: str
    store: SnapshotStore
    fetched: list[Snapshot] = field(default_factory=list)

    def fetch(self, request: Request) -> Snapshot:
        snapshot = self.store.load(self.source, request)
        if snapshot is None:
            raise SourceError(request.url, "no snapshot of this request in "
                                           f"{self.store.folder(self.source)}; run the same "
                                           "command once without --offline")
        self.fetched.append(snapshot)
        return snapshot
