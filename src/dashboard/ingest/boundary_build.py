"""Build the project's own simplified boundaries of Malmö from the team's raw files.

Input (read from shared/data/raw, never shipped):
- `swemaps2/malmo_delomraden_epsg3008.geojson`: Malmö stad's 136 delområden (Stadskontoret,
  CC0; properties `delomrade`, the name in capitals, and `do_kod`), in SWEREF99 13 30;
- `malmogram/Data-Parts-of-the-City-Delområden.csv`: which of the ten 1996-2013 stadsdelar
  each delområde lay in (`name,stadsdel`; a hand-made lookup read from Malmö stad's map).

Output (package data, `dashboard/data/boundaries/`): `delomraden.geojson` and
`stadsdelar.geojson`, RFC 7946 GeoJSON in WGS84, each feature with `area_code`, `name`,
`level` (and, for delområden, `parent_code`), the collection with an `attribution` and a
`provenance` member.

Method: the delområden form a coverage (no gaps, no overlaps), so they are simplified
together with GEOS's coverage simplification (Visvalingam-Whyatt on shared edges, shapely
`coverage_simplify`), which keeps neighbours' shared edges identical. A tolerance of 5 m is
half a pixel on a 1600-pixel map of the city's 17 km. The stadsdelar are the unions of
their delområden; holes and parts under 100 m² (slivers between unions) are closed.
Coordinates are kept to 5 decimals (about 1 m).
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd
import shapely
from shapely.geometry import MultiPolygon, Polygon, mapping
from shapely.geometry.polygon import orient

from dashboard.core.files import write_atomic
from dashboard.ingest.boundaries import normalise_name

DELOMRADEN_FILE = Path("swemaps2") / "malmo_delomraden_epsg3008.geojson"
MAPPING_FILE = Path("malmogram") / "Data-Parts-of-the-City-Delområden.csv"
SOURCE_CRS = "EPSG:3008"
TOLERANCE_M = 5.0
DECIMALS = 5
SLIVER_M2 = 100.0
DELOMRADEN_OUT = "delomraden.geojson"
STADSDELAR_OUT = "stadsdelar.geojson"
ATTRIBUTION = "Stadskontoret, Malmö stad (CC0)"
COMMAND = "dashboard build-boundaries"
DELOMRADEN = 136
STADSDELAR = 10


class BuildError(ValueError):
    """The raw files do not give the boundaries expected; says which file and what."""


@dataclass(frozen=True)
class Built:
    """What the build wrote: per file its path, number of features and size in bytes, and
    each stadsdel's area in km² (measured in SWEREF99 13 30 before reprojection)."""

    files: tuple[tuple[Path, int, int], ...]
    stadsdel_km2: dict[str, float]


def title_name(name: str) -> str:
    """A name in capitals as written in title case ('MALMÖHUS' -> 'Malmöhus')."""
    return " ".join(word.capitalize() if "-" not in word
                    else "-".join(p.capitalize() for p in word.split("-"))
                    for word in name.split())


def _read_mapping(path: Path) -> list[tuple[str, str]]:
    if not path.is_file():
        raise BuildError(f"{path}: file not found (the delområde-to-stadsdel lookup)")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        if not {"name", "stadsdel"} <= set(reader.fieldnames or ()):
            raise BuildError(f"{path}: expected the columns name,stadsdel, found "
                             f"{','.join(reader.fieldnames or ())}")
        rows = [(str(r["name"]).strip(), str(r["stadsdel"]).strip()) for r in reader]
    for line, (name, stadsdel) in enumerate(rows, start=2):
        if not name or not stadsdel:
            raise BuildError(f"{path}, line {line}: empty name or stadsdel")
    return rows


def _key(name: str) -> str:
    return normalise_name(name.rstrip("."))


def match_names(official: list[str], mapping: list[tuple[str, str]],
                where: str) -> list[tuple[str, str]]:
    """The lookup row (name, stadsdel) of each official delområde name, matched loosely.

    Names match when they agree ignoring case, spaces, hyphens and punctuation ('MALMÖHUS'
    and 'Malmö Hus'); an abbreviated official name ending in '.' matches the one lookup
    name it begins ('SOFIELUNDS INDUSTRIOMR.' and 'Sofielunds Industriområde'). Every name
    must find exactly one lookup row and every row must be used once, else BuildError.
    """
    keys = [_key(n) for n, _ in mapping]
    found: list[tuple[str, str]] = []
    used: dict[int, str] = {}
    problems: list[str] = []
    for name in official:
        key = _key(name)
        hits = [i for i, k in enumerate(keys) if k == key]
        if not hits and name.endswith("."):
            hits = [i for i, k in enumerate(keys) if k.startswith(key)]
        if len(hits) != 1:
            problems.append(f"{name!r} matches {len(hits)} names in the lookup"
                            + (f" ({', '.join(mapping[i][0] for i in hits)})" if hits else ""))
            continue
        if hits[0] in used:
            problems.append(f"{name!r} and {used[hits[0]]!r} both match "
                            f"{mapping[hits[0]][0]!r}")
        used[hits[0]] = name
        found.append(mapping[hits[0]])
    unused = [mapping[i][0] for i in range(len(mapping)) if i not in used]
    if unused:
        problems.append(f"lookup names matching no delområde: {', '.join(unused)}")
    if problems:
        raise BuildError(f"{where}: delområden and lookup do not match one to one: "
                         + "; ".join(problems))
    return found


def stadsdel_codes(names: set[str], areas: pd.DataFrame) -> dict[str, tuple[str, str]]:
    """The dataset's code and name of each stadsdel named in the lookup (BuildError if one
    is not found)."""
    known = areas[areas["level"] == "stadsdel"]
    by_key = {normalise_name(n): (c, n) for c, n in zip(known["code"], known["name"],
                                                          strict=True)}
    missing = sorted(n for n in names if normalise_name(n) not in by_key)
    if missing:
        raise BuildError(f"stadsdelar in the lookup that the dataset does not know: "
                         f"{', '.join(missing)} (known: {', '.join(sorted(known['name']))})")
    return {n: by_key[normalise_name(n)] for n in names}


def close_slivers(geom: Polygon | MultiPolygon, min_area: float = SLIVER_M2
                  ) -> Polygon | MultiPolygon:
    """The geometry without holes or parts smaller than `min_area` (square metres)."""
    parts = list(geom.geoms) if isinstance(geom, MultiPolygon) else [geom]
    kept = [Polygon(p.exterior, [r for r in p.interiors if Polygon(r).area >= min_area])
            for p in parts if p.area >= min_area]
    return kept[0] if len(kept) == 1 else MultiPolygon(kept)


def _rounded(node: Any) -> Any:
    if isinstance(node, (list, tuple)) and node and isinstance(node[0], float):
        return [round(v, DECIMALS) for v in node]
    if isinstance(node, (list, tuple)):
        return [_rounded(child) for child in node]
    return node


def _geometry(geom: Polygon | MultiPolygon) -> dict[str, Any]:
    """GeoJSON geometry in WGS84 on a 10^-5 degree grid, exterior rings anticlockwise."""
    gridded = shapely.set_precision(geom, 10.0 ** -DECIMALS)
    parts = list(gridded.geoms) if isinstance(gridded, MultiPolygon) else [gridded]
    oriented = [orient(p, sign=1.0) for p in parts]
    shape = oriented[0] if len(oriented) == 1 else MultiPolygon(oriented)
    out = mapping(shape)
    return {"type": out["type"], "coordinates": _rounded(out["coordinates"])}


def _collection(features: list[dict[str, Any]], provenance: dict[str, Any]) -> str:
    return json.dumps({"type": "FeatureCollection", "attribution": ATTRIBUTION,
                       "provenance": provenance, "features": features},
                      ensure_ascii=False, separators=(",", ":")) + "\n"


def build(raw: Path, areas: pd.DataFrame, out: Path) -> Built:
    """Read the raw delområden and lookup under `raw`, write both GeoJSON files to `out`.

    `areas` is the dataset's areas table, which names the stadsdel codes. Nothing is
    written unless every delområde and every stadsdel is matched.
    """
    source, lookup = raw / DELOMRADEN_FILE, raw / MAPPING_FILE
    if not source.is_file():
        raise BuildError(f"{source}: file not found (Malmö stad's delområden)")
    frame = gpd.read_file(source)
    if frame.crs is None or frame.crs.to_epsg() != 3008:
        raise BuildError(f"{source}: expected coordinates in {SOURCE_CRS}, found {frame.crs}")
    if not {"delomrade", "do_kod"} <= set(frame.columns) or len(frame) != DELOMRADEN:
        raise BuildError(f"{source}: expected {DELOMRADEN} features with properties "
                         f"delomrade and do_kod, found {len(frame)} with "
                         f"{', '.join(c for c in frame.columns if c != 'geometry')}")
    if not bool(shapely.coverage_is_valid(frame.geometry.values)):
        raise BuildError(f"{source}: the delområden overlap or leave gaps along shared "
                         "edges, so they cannot be simplified together")
    official = list(frame["delomrade"].astype(str))
    rows = match_names(official, _read_mapping(lookup), f"{source} and {lookup}")
    codes = stadsdel_codes({s for _, s in rows}, areas)
    frame = frame.assign(
        area_code="1280DO" + frame["do_kod"].astype("int64").astype(str),
        # An abbreviated official name is written out as the lookup spells it.
        name=[looked if name.endswith(".") else title_name(name)
              for name, (looked, _) in zip(official, rows, strict=True)],
        parent_code=[codes[s][0] for _, s in rows],
        geometry=shapely.coverage_simplify(frame.geometry.values, TOLERANCE_M))
    unions = {code: close_slivers(shapely.union_all(frame.geometry[frame["parent_code"] == code]
                                                    .values))
              for code, _ in sorted(codes.values())}
    km2 = {codes_name: round(unions[code].area / 1e6, 3)
           for code, codes_name in sorted(codes.values())}
    wgs = frame.set_crs(SOURCE_CRS, allow_override=True).to_crs("EPSG:4326")
    sd = gpd.GeoSeries(list(unions.values()), crs=SOURCE_CRS).to_crs("EPSG:4326")
    base = {"publisher": "Stadskontoret, Malmö stad", "licence": "CC0 1.0",
            "source": f"shared/data/raw/{DELOMRADEN_FILE.as_posix()} (Malmö stad's delområden "
                      "layer delomr_p_3008, about 2021, via the swemaps2 R package)",
            "built_with": COMMAND, "simplification": "shapely coverage_simplify "
            f"(GEOS), tolerance {TOLERANCE_M:g} m in EPSG:3008", "decimals": DECIMALS}
    delo = [{"type": "Feature",
             "properties": {"area_code": r.area_code, "name": r.name, "level": "delomrade",
                            "parent_code": r.parent_code},
             "geometry": _geometry(g)}
            for r, g in sorted(zip(wgs.itertuples(), wgs.geometry, strict=True),
                               key=lambda rg: rg[0].area_code)]
    names = {c: n for c, n in codes.values()}
    sdf = [{"type": "Feature",
            "properties": {"area_code": code, "name": names[code], "level": "stadsdel",
                           "delomraden": int((frame["parent_code"] == code).sum())},
            "geometry": _geometry(g)}
           for code, g in zip(unions, sd, strict=True)]
    sd_note = {**base, "grouping": f"shared/data/raw/{MAPPING_FILE.as_posix()} (a hand-made "
               "lookup, no licence stated)", "method": "union of the simplified delområden "
               f"per stadsdel, holes and parts under {SLIVER_M2:g} m² closed",
               "caveat": "a reconstruction of the 1996-2013 division from about-2021 "
               "delområde boundaries; Malmö stad's own stadsdelar layer is preferred when "
               "fetched (`dashboard boundaries fetch`)"}
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for filename, features, note in ((DELOMRADEN_OUT, delo, base),
                                     (STADSDELAR_OUT, sdf, sd_note)):
        text = _collection(features, note)
        path = write_atomic(out / filename, text)
        written.append((path, len(features), len(text.encode("utf-8"))))
    return Built(tuple(written), km2)

