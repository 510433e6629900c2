"""Read boundary files (GeoJSON, GeoPackage, zipped or plain shapefile) into planar shapes.

Any CRS is reprojected to SWEREF99 13 30 (EPSG:3008), Malmö's local projection, in metres.
Features are given area codes from a code property where the file has one (the project's
`area_code`, with its `level` where given; Malmö's `do_kod` for delområden; SCB's codes) or,
for files that carry only names (Malmö's stadsdelar layers), by matching the name against
the dataset's areas and their known spellings. Features that cannot be placed are reported,
not guessed.

SCB's codes name their division. SCB's geodata service (WFS layers `stat:DeSO_2025` and
`stat:RegSO_2025`, `version` "2025_v2", 6,160 DeSO in Sweden against 5,984 in the 2018
division) calls them `desokod` and `regsokod`, without a suffix; they are filed at the
levels `deso2025` and `regso2025` with SCB's statistical-database suffix `_DeSO2025` /
`_RegSO2025` added, so they join the statistics of those divisions. A `version` starting
"2018" (DeSO) or "2018"/"2020" (RegSO), or SCB's DeSO 2018 file with its `deso` property,
means the older divisions: levels `deso` and `regso`, codes without a suffix.

The credit a map must show is read from the file's own `attribution` member (the shipped
files) or from the provenance record saved beside a fetched file.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import pandas as pd
import shapely
from shapely.geometry import MultiPolygon, Polygon

from dashboard.core.geometry import Shape, ShapeSet
from dashboard.core.schema import AREA_LEVELS

TARGET_CRS = "EPSG:3008"
SIMPLIFY_METRES = 4.0
LABEL_TOLERANCE_M = 0.2  # how close to the best label point it must be
NAME_PROPERTIES = ("stadsdel", "sdf_namn", "stadsomrade", "sto_namn", "namn", "name")
SUFFIX_RE = re.compile(r"_(DeSO|RegSO)\d{4}$")
DESO_RE = re.compile(r"^\d{4}[ABC]\d{4}$")
# SCB's code property, the levels of its older and its 2025 division, the suffix of 2025
# codes, and the `version` prefixes that mean the older division.
SCB_CODES = (("desokod", "deso", "deso2025", "_DeSO2025", ("2018",)),
             ("regsokod", "regso", "regso2025", "_RegSO2025", ("2018", "2020")))


class BoundaryError(ValueError):
    """A boundary file that cannot be used, with the reason and what is expected."""


@dataclass(frozen=True)
class BoundaryFile:
    """A boundary file read and matched: its shapes and the features that found no area."""

    shapes: ShapeSet
    unmatched: tuple[str, ...]
    path: str


def normalise_name(name: str) -> str:
    """Compare names loosely: case, accents kept, spaces/hyphens folded ('Södra innerstaden')."""
    text = unicodedata.normalize("NFC", str(name)).casefold()
    return "".join(ch for ch in text if ch.isalnum())


def _read(path: Path) -> gpd.GeoDataFrame:
    if not path.exists():
        raise BoundaryError(f"{path}: file not found")
    target = f"zip://{path}" if path.suffix.lower() == ".zip" else str(path)
    try:
        frame = gpd.read_file(target)
    except Exception as exc:  # pyogrio raises DataSourceError and friends
        raise BoundaryError(f"{path}: cannot be read as GeoJSON, GeoPackage or shapefile "
                            f"({exc})") from exc
    if frame.empty:
        raise BoundaryError(f"{path}: holds no features")
    minx, miny, maxx, maxy = frame.total_bounds
    lon_lat = -180 <= minx <= maxx <= 180 and -90 <= miny <= maxy <= 90
    if frame.crs is None:
        if not lon_lat:
            raise BoundaryError(f"{path}: has no coordinate reference system and its "
                                "coordinates are not longitude/latitude; add a CRS to the file")
        frame = frame.set_crs("EPSG:4326")
    elif frame.crs.is_geographic and not lon_lat:
        raise BoundaryError(f"{path}: says its coordinates are longitude/latitude ({frame.crs}) "
                            "but they are not (projected metres?); a GeoJSON without a 'crs' "
                            "member must be in WGS84: reproject it or save it as GeoPackage")
    return frame.to_crs(TARGET_CRS)


def _scb_codes(frame: gpd.GeoDataFrame) -> tuple[pd.Series, str] | None:
    """Codes and level from SCB's code properties, None if the file has none."""
    cols = set(frame.columns)
    versions = frame["version"].astype(str) if "version" in cols else None
    for column, old_level, level, suffix, old_versions in SCB_CODES:
        if column not in cols:
            continue
        plain = frame[column].astype(str).str.replace(SUFFIX_RE, "", regex=True)
        if versions is not None and versions.str.startswith(old_versions).all():
            return plain, old_level
        return plain + suffix, level
    if "deso" in cols and frame["deso"].astype(str).str.match(DESO_RE).all():
        return frame["deso"].astype(str), "deso"
    return None


def _assign_codes(frame: gpd.GeoDataFrame, areas: pd.DataFrame) -> tuple[pd.Series, str]:
    """Area code per feature and the level of the layer."""
    cols = set(frame.columns)
    if "area_code" in cols:
        codes = frame["area_code"].astype(str)
        if "level" in cols:
            levels = set(frame["level"].astype(str))
            if len(levels) != 1 or not levels <= set(AREA_LEVELS):
                raise BoundaryError(f"the features' level must be one of "
                                    f"{', '.join(AREA_LEVELS)}, the same for all; found "
                                    f"{', '.join(sorted(levels))}")
            return codes, levels.pop()
        level_of = dict(zip(areas["code"], areas["level"], strict=True))
        known = {level_of.get(c) for c in codes} - {None}
        if len(known) != 1:
            raise BoundaryError("the features' area_code values do not belong to one known "
                                "area level (add a 'level' property to say which)")
        return codes, str(known.pop())
    if "do_kod" in cols and pd.api.types.is_numeric_dtype(frame["do_kod"]):
        return "1280DO" + frame["do_kod"].astype("int64").astype(str), "delomrade"
    scb = _scb_codes(frame)
    if scb is not None:
        return scb
    name_col = next((c for c in NAME_PROPERTIES if c in cols), None)
    if name_col is None:
        raise BoundaryError("no property identifies the areas: expected one of area_code, "
                            "do_kod, desokod, regsokod, deso or a name "
                            f"({', '.join(NAME_PROPERTIES)})")
    lookup: dict[tuple[str, str], str] = {}
    for row in areas.itertuples():
        lookup[(row.level, normalise_name(row.name))] = row.code
    names = frame[name_col].map(normalise_name)
    best_level, best = "", pd.Series(dtype=str)
    for level in sorted(set(areas["level"])):
        codes = names.map(lambda n, lv=level: lookup.get((lv, n)))
        if codes.notna().sum() > best.notna().sum():
            best_level, best = level, codes
    if best.notna().sum() == 0:
        raise BoundaryError(f"none of the names in property '{name_col}' match a known area")
    return best, best_level


def _rings(geom: Polygon | MultiPolygon) -> tuple[list, list]:
    polygons = list(geom.geoms) if isinstance(geom, MultiPolygon) else [geom]
    outer, holes = [], []
    for poly in polygons:
        if poly.is_empty:
            continue
        xs, ys = poly.exterior.coords.xy
        outer.append((tuple(round(v, 1) for v in xs), tuple(round(v, 1) for v in ys)))
        for interior in poly.interiors:
            hx, hy = interior.coords.xy
            holes.append((tuple(round(v, 1) for v in hx), tuple(round(v, 1) for v in hy)))
    return outer, holes


def attribution(path: Path) -> str:
    """The credit the file's publisher asks for: the GeoJSON's own `attribution` member, else
    the `attribution` of the provenance record saved beside it; '' if neither says."""
    records = [path.with_name(path.name + ".provenance.json")]
    if path.suffix.lower() in (".geojson", ".json"):
        records.insert(0, path)
    for record in records:
        if not record.is_file():
            continue
        try:
            found = json.loads(record.read_text(encoding="utf-8")).get("attribution")
        except (ValueError, AttributeError, OSError):
            continue
        if isinstance(found, str) and found.strip():
            return found.strip()
    return ""


def read_boundaries(path: str | os.PathLike[str], areas: pd.DataFrame) -> BoundaryFile:
    """Read one boundary file and match its features to the dataset's area codes."""
    file_path = Path(path)
    frame = _read(file_path)
    codes, level = _assign_codes(frame, areas)
    name_col = next((c for c in ("delomrade", *NAME_PROPERTIES) if c in frame.columns), None)
    names = (frame[name_col].astype(str).map(lambda n: n.title() if n.isupper() else n)
             if name_col else pd.Series("", frame.index))
    frame = frame.assign(_code=codes.to_numpy(), _name=names.to_numpy())
    unmatched = tuple(str(i) for i in frame.index[frame["_code"].isna()])
    frame = frame[frame["_code"].notna()]
    frame = frame[frame.geometry.notna() & frame.geom_type.isin(["Polygon", "MultiPolygon"])]
    if frame.empty:
        raise BoundaryError(f"{file_path}: no polygon features could be matched to an area")
    dissolved = frame[["_code", "_name", "geometry"]].dissolve(by="_code", aggfunc="first")
    shapes = []
    for code, name, geom in zip(dissolved.index, dissolved["_name"], dissolved.geometry,
                                strict=True):
        simple = geom.simplify(SIMPLIFY_METRES, preserve_topology=True)
        outer, holes = _rings(simple)
        # The label goes at the centre of the largest circle inside the area (the point
        # farthest from its edges), where a name has the most room.
        point = shapely.maximum_inscribed_circle(geom, LABEL_TOLERANCE_M).interpolate(0)
        shapes.append(Shape(str(code), tuple(outer), tuple(holes), point.x, point.y, name))
    return BoundaryFile(ShapeSet(level, tuple(shapes), False, str(file_path),
                                 attribution(file_path)), unmatched, str(file_path))


def read_many(paths: list[str], areas: pd.DataFrame) -> dict[str, BoundaryFile]:
    """Read several boundary files; keyed by level (a later file for a level wins)."""
    result = {}
    for path in paths:
        loaded = read_boundaries(path, areas)
        result[loaded.shapes.level] = loaded
    return result
