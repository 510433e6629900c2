"""Download Malmö stad's official open boundary layers (CC0), with checksum and provenance.

Each layer is downloaded to a temporary file, read back as boundaries to prove it is
usable, and only then moved into place next to a JSON provenance record (URL, time,
sha256, licence). A failed or offline download leaves any earlier copy untouched.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

from dashboard.ingest.boundaries import BoundaryError, read_boundaries

LICENCE = "CC0 1.0 (Malmö stad open data)"
ATTRIBUTION = "Stadskontoret, Malmö stad"
TIMEOUT_SECONDS = 30


@dataclass(frozen=True)
class Layer:
    """A boundary layer published at a URL; `filename` is what it is saved as."""

    name: str
    url: str
    filename: str


# Addresses as found in the project's provenance notes (shared/data/raw/PROVENANCE.md).
MALMO_LAYERS = (
    Layer("stadsdelar",
          "https://opendata-api.malmo.se/dataset/3b1e0328-2c40-4400-88f0-0f84c9327955/resource/"
          "2b50e053-6cd2-4423-9a1a-ad1d0747e566/download/stadsdelar_4326.geojson",
          "malmo_stadsdelar.geojson"),
    Layer("delomraden",
          "https://ckan-malmo.dataplatform.se/dataset/fa574631-e811-48c7-afa6-fd402815b4eb/"
          "resource/d1e3bf75-731e-4225-82b8-7299cfb56499/download/delomr_p_3008.zip",
          "malmo_delomraden.zip"),
)


class FetchError(RuntimeError):
    """A download that did not produce a usable boundary file; says why."""


@dataclass(frozen=True)
class Fetched:
    layer: Layer
    path: Path
    sha256: str
    features: int


def _download(url: str, target: Path) -> None:
    try:
        with urllib.request.urlopen(url, timeout=TIMEOUT_SECONDS) as response:
            target.write_bytes(response.read())
    except urllib.error.HTTPError as exc:
        raise FetchError(f"{url}: the server answered HTTP {exc.code} ({exc.reason})") from exc
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise FetchError(f"{url}: could not be reached; this machine seems to be offline or "
                         f"the host is blocked ({reason}). Nothing was changed.") from exc


def fetch_layer(layer: Layer, dest: Path, areas: pd.DataFrame) -> Fetched:
    """Download one layer into `dest`, validating it before it replaces an earlier copy."""
    dest.mkdir(parents=True, exist_ok=True)
    suffix = Path(layer.filename).suffix
    fd, tmp_name = tempfile.mkstemp(prefix=".download-", suffix=suffix, dir=dest)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        _download(layer.url, tmp)
        digest = hashlib.sha256(tmp.read_bytes()).hexdigest()
        try:
            loaded = read_boundaries(tmp, areas)
        except BoundaryError as exc:
            raise FetchError(f"{layer.url}: the download is not a usable boundary file "
                             f"({exc}). Nothing was changed.") from exc
        final = dest / layer.filename
        os.replace(tmp, final)
        record = {"layer": layer.name, "url": layer.url, "file": final.name, "sha256": digest,
                  "retrieved": datetime.now(UTC).isoformat(timespec="seconds"),
                  "licence": LICENCE, "attribution": ATTRIBUTION,
                  "features": len(loaded.shapes.shapes), "level": loaded.shapes.level}
        (dest / f"{final.name}.provenance.json").write_text(
            json.dumps(record, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        return Fetched(layer, final, digest, len(loaded.shapes.shapes))
    finally:
        if tmp.exists():
            tmp.unlink()
