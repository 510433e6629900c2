"""`boundaries fetch`: saved with checksum and provenance, or nothing changes and it says why."""

from __future__ import annotations

import hashlib
import http.server
import json
import threading
from pathlib import Path

import pytest

from dashboard.ingest.boundary_fetch import (
    ATTRIBUTION,
    LICENCE,
    SOURCE,
    FetchError,
    Layer,
    fetch_layer,
)
from dashboard.ingest.http import HttpClient
from dashboard.ingest.snapshots import LiveFetcher, OfflineFetcher, SnapshotStore
from tests.conftest import shared_path


@pytest.fixture()
def server(tmp_path: Path):
    """A loopback HTTP server serving files from a folder."""
    root = tmp_path / "www"
    root.mkdir()

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(root), **kwargs)

        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Quiet)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield root, f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def _live(tmp_path: Path) -> LiveFetcher:
    """The project's own fetch path: HTTP client (no waiting between retries) and snapshots."""
    return LiveFetcher(SOURCE, LICENCE, ATTRIBUTION, HttpClient(retries=0, sleep=lambda s: None),
                       SnapshotStore(tmp_path / "snapshots"))


def test_fetch_saves_file_with_provenance(server, tmp_path: Path, dataset) -> None:
    root, base = server
    src = shared_path("data/derived/malmo_stadsdelar_10_derived_epsg4326.geojson")
    (root / "sd.geojson").write_bytes(src.read_bytes())
    dest = tmp_path / "home" / "boundaries"
    fetcher = _live(tmp_path)
    got = fetch_layer(Layer("stadsdelar", f"{base}/sd.geojson", "sd.geojson"), dest,
                      dataset.areas, fetcher)
    assert got.features == 10
    assert got.sha256 == hashlib.sha256(src.read_bytes()).hexdigest()
    record = json.loads((dest / "sd.geojson.provenance.json").read_text())
    assert record["url"].endswith("/sd.geojson") and record["sha256"] == got.sha256
    assert record["licence"].startswith("CC0") and record["level"] == "stadsdel"
    assert record["retrieved"] == got.snapshot.retrieved
    assert sorted(p.name for p in dest.iterdir()) == ["sd.geojson", "sd.geojson.provenance.json"]
    assert fetcher.fetched == [got.snapshot]


def test_saved_snapshot_replays_offline(server, tmp_path: Path, dataset) -> None:
    root, base = server
    src = shared_path("data/derived/malmo_stadsdelar_10_derived_epsg4326.geojson")
    (root / "sd.geojson").write_bytes(src.read_bytes())
    layer = Layer("stadsdelar", f"{base}/sd.geojson", "sd.geojson")
    store = SnapshotStore(tmp_path / "snapshots")
    store.save(fetch_layer(layer, tmp_path / "first", dataset.areas, _live(tmp_path)).snapshot)
    (root / "sd.geojson").unlink()
    again = fetch_layer(layer, tmp_path / "again", dataset.areas, OfflineFetcher(SOURCE, store))
    assert again.sha256 == hashlib.sha256(src.read_bytes()).hexdigest()
    assert (tmp_path / "again" / "sd.geojson").read_bytes() == src.read_bytes()
    with pytest.raises(FetchError, match="no snapshot"):
        fetch_layer(Layer("x", f"{base}/other.geojson", "o.geojson"), tmp_path / "again",
                    dataset.areas, OfflineFetcher(SOURCE, store))


def test_http_error_and_bad_content_change_nothing(server, tmp_path: Path, dataset) -> None:
    root, base = server
    dest = tmp_path / "boundaries"
    dest.mkdir()
    (dest / "sd.geojson").write_text("earlier copy")
    with pytest.raises(FetchError, match="HTTP 404"):
        fetch_layer(Layer("x", f"{base}/missing.geojson", "sd.geojson"), dest, dataset.areas,
                    _live(tmp_path))
    (root / "page.geojson").write_text("<html>maintenance</html>")
    with pytest.raises(FetchError, match="not a usable boundary file"):
        fetch_layer(Layer("x", f"{base}/page.geojson", "sd.geojson"), dest, dataset.areas,
                    _live(tmp_path))
    assert [p.name for p in dest.iterdir()] == ["sd.geojson"]
    assert (dest / "sd.geojson").read_text() == "earlier copy"


def test_offline_says_so(tmp_path: Path, dataset) -> None:
    # Port 9 on loopback: nothing listens there, so the connection is refused at once.
    with pytest.raises(FetchError, match="offline"):
        fetch_layer(Layer("x", "http://127.0.0.1:9/sd.geojson", "sd.geojson"),
                    tmp_path / "b", dataset.areas, _live(tmp_path))
    assert not (tmp_path / "b").exists()
