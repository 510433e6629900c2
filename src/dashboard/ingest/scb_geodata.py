"""SCB's open geodata (WFS): Malmö's DeSO 2025 and RegSO 2025 boundaries and their areas.

The service (https://geodata.scb.se/geoserver/stat/wfs, WFS GetFeature):
`?service=WFS&version=2.0.0&request=GetFeature&typeNames=stat:DeSO_2025
&outputFormat=application/json&srsName=EPSG:4326&CQL_FILTER=kommunkod='1280'` answers a
GeoJSON FeatureCollection whose features carry `desokod` (or `regsokod` for
`stat:RegSO_2025`), `kommunkod`, `version` and a polygon geometry.

The service serves SCB's 2025 division (`version` "2025_v2"; 6,160 DeSO in Sweden, the
2018 division had 5,984), with codes without a suffix ("1280C1070", "1280R055"). The
statistical database writes the same areas "1280C1070_DeSO2025" and "1280R055_RegSO2025",
and the data model keeps that suffix and files the areas at the levels `deso2025` and
`regso2025` (never the DeSO 2018 / RegSO 2020 areas of the same digits), so the codes are
given the suffix here.

Only Malmö's features are kept. The boundary file is staged next to its destination
(DASHBOARD_HOME/boundaries/), read back with `read_boundaries` to prove it is usable (a
file in the wrong CRS or with swapped axes is refused), and moved into place only once
the new store version holds its areas; until then nothing earlier is replaced. Each
feature's code becomes an area (level deso2025 or regso2025, parent 1280) named by its
code. Licence CC0 1.0, attribution "Källa: SCB".
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pandas as pd

from dashboard.core.files import StagedFile, stage_file, write_atomic
from dashboard.core.problems import DatasetError, Problem
from dashboard.core.schema import AREAS, GROUPS, INDICATORS, OBSERVATIONS, SOURCES
from dashboard.ingest.boundaries import BoundaryError, read_boundaries
from dashboard.ingest.http import Request, SourceError, parse_json
from dashboard.ingest.scb_pxweb import DESO_RE, KOMMUN, REGSO_RE, SourceInfo
from dashboard.ingest.snapshots import Fetcher

BASE_URL = "https://geodata.scb.se/geoserver/stat/wfs"
SOURCE = "scb-geodata"
PUBLISHER = "SCB (Statistiska centralbyrån), öppna geodata"
LICENCE = "CC0 1.0"
ATTRIBUTION = "Källa: SCB"
SWEDEN_LON = (10.0, 25.0)
SWEDEN_LAT = (55.0, 70.0)
SUFFIX_RE = re.compile(r"_(DeSO|RegSO)\d{4}$")


@dataclass(frozen=True)
class Layer:
    """A WFS layer: the level its areas are filed at, its type name, the property holding
    the code, the shape of that code, the suffix the data model adds, and its file."""

    level: str
    type_name: str
    code_property: str
    pattern: re.Pattern[str]
    suffix: str
    filename: str

    def code(self, raw: str) -> str | None:
        """The data model's code for a code of the layer ('1280C1070' ->
        '1280C1070_DeSO2025'); None if it does not have the layer's shape."""
        plain = SUFFIX_RE.sub("", raw)
        return plain + self.suffix if self.pattern.match(plain) else None


# Keyed by the name `dashboard ingest scb-geodata --layer` takes.
LAYERS = {
    "deso": Layer("deso2025", "stat:DeSO_2025", "desokod", DESO_RE, "_DeSO2025",
                  "scb_deso_2025_malmo.geojson"),
    "regso": Layer("regso2025", "stat:RegSO_2025", "regsokod", REGSO_RE, "_RegSO2025",
                   "scb_regso_2025_malmo.geojson"),
}


def getfeature_url(base_url: str, layer: Layer) -> str:
    """The GetFeature call for Malmö's features of `layer` in WGS84 GeoJSON."""
    query = urlencode({"service": "WFS", "version": "2.0.0", "request": "GetFeature",
                       "typeNames": layer.type_name, "outputFormat": "application/json",
                       "srsName": "EPSG:4326", "CQL_FILTER": f"kommunkod='{KOMMUN}'"})
    return f"{base_url}?{query}"


def _refuse(where: str, row: int | None, column: str | None, message: str) -> DatasetError:
    return DatasetError([Problem(where, row, column, message)])


def _positions(node: Any) -> Iterator[tuple[float, float]]:
    if isinstance(node, list) and len(node) >= 2 and all(isinstance(v, int | float)
                                                         for v in node[:2]):
        yield float(node[0]), float(node[1])
    elif isinstance(node, list):
        for child in node:
            yield from _positions(child)


def malmo_features(payload: Any, layer: Layer, where: str) -> list[dict[str, Any]]:
    """The FeatureCollection's features in Malmö, each with a code; refuses anything else."""
    if not isinstance(payload, dict) or payload.get("type") != "FeatureCollection":
        raise _refuse(where, None, "type", "expected a GeoJSON FeatureCollection")
    features = payload.get("features")
    if not isinstance(features, list):
        raise _refuse(where, None, "features", "is missing from the FeatureCollection")
    kept = []
    for row, feature in enumerate(features, start=1):
        props = (feature.get("properties") or {}) if isinstance(feature, dict) else {}
        if str(props.get("kommunkod", KOMMUN)) != KOMMUN:
            continue
        code = layer.code(str(props.get(layer.code_property) or ""))
        if code is None or not code.startswith(KOMMUN):
            raise _refuse(where, row, layer.code_property,
                          f"{props.get(layer.code_property)!r} is not a {layer.level} code "
                          "of Malmö")
        kept.append(feature)
    if not kept:
        raise _refuse(where, None, "features", f"the layer {layer.type_name} holds no "
                                               f"features in Malmö ({KOMMUN}); nothing to add")
    return kept


def check_axis_order(features: list[dict[str, Any]], where: str) -> None:
    """Refuse latitude/longitude order, which GeoJSON forbids and which would misplace Malmö."""
    points = [p for f in features for p in _positions((f.get("geometry") or {})
                                                     .get("coordinates"))]
    if not points:
        return
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    swapped = (SWEDEN_LAT[0] <= min(xs) and max(xs) <= SWEDEN_LAT[1]
               and SWEDEN_LON[0] <= min(ys) and max(ys) <= SWEDEN_LON[1])
    if swapped:
        raise _refuse(where, None, "geometry", "the coordinates are latitude first; GeoJSON "
                                               "needs longitude first (axis order swapped)")


def tables_from_features(features: list[dict[str, Any]], layer: Layer, areas: pd.DataFrame,
                         source: SourceInfo) -> dict[str, pd.DataFrame]:
    """The area rows of the features not yet known, plus the source (no observations)."""
    known = set(areas["code"])
    parent = KOMMUN if KOMMUN in known else None
    rows: dict[str, dict] = {}
    for feature in features:
        raw = str(feature["properties"][layer.code_property])
        code = layer.code(raw)
        if code is not None and code not in known:
            rows.setdefault(code, {"code": code, "name": SUFFIX_RE.sub("", raw),
                                   "level": layer.level, "parent_code": parent})
    return {
        "observations": pd.DataFrame(columns=list(OBSERVATIONS.column_names)),
        "indicators": pd.DataFrame(columns=list(INDICATORS.column_names)),
        "areas": pd.DataFrame(list(rows.values()), columns=list(AREAS.column_names)),
        "groups": pd.DataFrame(columns=list(GROUPS.column_names)),
        "sources": pd.DataFrame([source.row(PUBLISHER, LICENCE)],
                                columns=list(SOURCES.column_names)),
    }


@dataclass
class StagedBoundary:
    """A boundary file written beside its destination, proven readable, not yet in place."""

    file: StagedFile
    record: dict[str, Any]

    def install(self) -> Path:
        """Move the file into place and write its provenance beside it."""
        final = self.file.install()
        write_atomic(final.with_name(final.name + ".provenance.json"),
                     json.dumps(self.record, ensure_ascii=False, indent=2) + "\n")
        return final

    def discard(self) -> None:
        """Remove the staged file if it was not installed."""
        self.file.discard()


def stage_boundary(features: list[dict[str, Any]], layer: Layer, dest: Path,
                   areas: pd.DataFrame, record: dict[str, Any], where: str) -> StagedBoundary:
    """Write Malmö's features to a staging file in `dest` and read them back as boundaries."""
    collection = {"type": "FeatureCollection", "features": features}
    staged = stage_file(dest / layer.filename, json.dumps(collection, ensure_ascii=False))
    try:
        loaded = read_boundaries(staged.path, areas)
    except BoundaryError as error:
        staged.discard()
        reason = str(error).replace(str(staged.path), "the layer")
        raise SourceError(where, f"the boundaries are not usable: {reason}. Nothing was "
                                 "changed.") from error
    record = record | {"file": layer.filename, "features": len(loaded.shapes.shapes),
                       "level": loaded.shapes.level}
    return StagedBoundary(staged, record)


@dataclass(frozen=True)
class Fetched:
    """What one GetFeature call gave: the tidy tables and Malmö's features."""

    tables: dict[str, pd.DataFrame]
    features: list[dict[str, Any]]
    url: str
    sha256: str
    retrieved: str


def ingest(fetcher: Fetcher, layer: Layer, areas: pd.DataFrame, *,
           base_url: str = BASE_URL) -> Fetched:
    """Fetch Malmö's features of `layer` and return the area rows and the features."""
    snap = fetcher.fetch(Request(getfeature_url(base_url, layer)))
    features = malmo_features(parse_json(snap.body, snap.url), layer, snap.url)
    check_axis_order(features, snap.url)
    source = SourceInfo(f"scb-geodata-{layer.level}",
                        f"SCB öppna geodata, {layer.type_name} (Malmö)", snap.url,
                        snap.retrieved, f"{ATTRIBUTION}, öppna geodata. The raw response is "
                                        f"kept in snapshots/{SOURCE}/.")
    return Fetched(tables_from_features(features, layer, areas, source), features, snap.url,
                   snap.sha256, snap.retrieved)
