"""Download Malmö stad's official open boundary layers (CC0), with checksum and provenance.

A layer is fetched like every other source: through a `Fetcher` (live over the project's
HTTP client, or replayed from the snapshots with `--offline`), so the raw download is kept
as a snapshot with its provenance. The body is staged beside its destination, read back as
boundaries to prove it is usable, and only then moved into place next to a JSON provenance
record (URL, time, sha256, licence). A failed or offline download leaves any earlier copy
untouched.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from dashboard.core.files import stage_file, write_atomic
from dashboard.ingest.boundaries import BoundaryError, read_boundaries
from dashboard.ingest.http import Request, SourceError
from dashboard.ingest.snapshots import Fetcher, Snapshot

SOURCE = "malmo-boundaries"
LICENCE = "CC0 1.0 (Malmö stad open data)"
ATTRIBUTION = "Stadskontoret, Malmö stad"


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


class FetchError(SourceError):
    """A download that did not produce a usable boundary file; says where and why."""


@dataclass(frozen=True)
class Fetched:
    """A layer in place: its file, checksum, number of areas and the raw snapshot."""

    layer: Layer
    path: Path
    sha256: str
    features: int
    snapshot: Snapshot


def fetch_layer(layer: Layer, dest: Path, areas: pd.DataFrame, fetcher: Fetcher) -> Fetched:
    """Fetch one layer into `dest`, validating it before it replaces an earlier copy."""
    try:
        snap = fetcher.fetch(Request(layer.url))
    except SourceError as error:
        raise FetchError(error.where, f"{error.message}. Nothing was changed.") from error
    staged = stage_file(dest / layer.filename, snap.body)
    try:
        loaded = read_boundaries(staged.path, areas)
    except BoundaryError as error:
        staged.discard()
        reason = str(error).replace(str(staged.path), "the download")
        raise FetchError(layer.url, f"the download is not a usable boundary file ({reason}). "
                                    "Nothing was changed.") from error
    final = staged.install()
    features = len(loaded.shapes.shapes)
    record = {"layer": layer.name, "url": layer.url, "file": final.name, "sha256": snap.sha256,
              "retrieved": snap.retrieved, "licence": LICENCE, "attribution": ATTRIBUTION,
              "features": features, "level": loaded.shapes.level,
              "snapshot": f"snapshots/{SOURCE}/{snap.request.key()}"}
    write_atomic(dest / f"{final.name}.provenance.json",
                 json.dumps(record, ensure_ascii=False, indent=2) + "\n")
    return Fetched(layer, final, snap.sha256, features, snap)
