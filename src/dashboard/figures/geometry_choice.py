"""Which shapes a map of a level is drawn on: loaded boundaries, else schematic tiles.

Real boundaries are drawn when they are loaded for the level and share at least one code
with the dataset's areas of that level; the view's `shape=tiles` asks for the tiles instead
(where the areas have tile places). Boundaries of areas the dataset lacks are drawn grey.

Boundaries are drawn simplified to what a screen or a printed figure can show: a tolerance
of 1/1600 of the map's extent (about 10 m for Malmö's 17 km) is under one pixel of a map
1600 pixels wide, and cuts the points sent with every map by a third to a half. Corners are
kept to whole metres.
"""

from __future__ import annotations

from functools import lru_cache

from shapely.geometry import LineString

from dashboard.core.geometry import Shape, ShapeSet, tile_shapes
from dashboard.store.dataset import Dataset

DRAWN_FRACTION = 1 / 1600

Ring = tuple[tuple[float, ...], tuple[float, ...]]


TILES = "tiles"


def _tiles(ds: Dataset, level: str) -> ShapeSet | None:
    areas = ds.areas[(ds.areas["level"] == level) & ds.areas["tile_x"].notna()]
    if areas.empty:
        return None
    return tile_shapes(level, list(zip(areas["code"], areas["tile_x"], areas["tile_y"],
                                       strict=True)))


def real_boundaries(ds: Dataset, level: str, boundaries: dict[str, ShapeSet]
                    ) -> ShapeSet | None:
    """The loaded boundaries of the level if they hold any of the dataset's areas there."""
    loaded = boundaries.get(level)
    if loaded is None:
        return None
    known = set(ds.areas.loc[ds.areas["level"] == level, "code"])
    return loaded if loaded.codes() & known else None


def shapes_for(ds: Dataset, level: str, boundaries: dict[str, ShapeSet],
               shape: str = "") -> ShapeSet | None:
    """Real boundaries for the level if loaded, else schematic tiles where areas have places;
    `shape='tiles'` prefers the tiles."""
    real = real_boundaries(ds, level, boundaries)
    tiles = _tiles(ds, level) if shape == TILES or real is None else None
    if tiles is not None:
        return tiles
    return drawn(real) if real is not None else None


def both_shapes(ds: Dataset, level: str, boundaries: dict[str, ShapeSet]) -> bool:
    """Whether the level can be drawn both ways (real boundaries and tiles)."""
    return real_boundaries(ds, level, boundaries) is not None and _tiles(ds, level) is not None


def _simplified(ring: Ring, tolerance: float) -> Ring:
    line = LineString(list(zip(*ring, strict=True))).simplify(tolerance, preserve_topology=True)
    xs, ys = line.xy
    if len(xs) < 4:
        return ring
    return tuple(float(round(v)) for v in xs), tuple(float(round(v)) for v in ys)


@lru_cache(maxsize=16)
def drawn(shapes: ShapeSet) -> ShapeSet:
    """The shapes as drawn: simplified to the map's resolution (cached per boundary set)."""
    xs = [v for s in shapes.shapes for ring in s.rings for v in ring[0]]
    ys = [v for s in shapes.shapes for ring in s.rings for v in ring[1]]
    if not xs:
        return shapes
    tolerance = max(max(xs) - min(xs), max(ys) - min(ys)) * DRAWN_FRACTION
    out = tuple(Shape(s.code, tuple(_simplified(r, tolerance) for r in s.rings),
                      tuple(_simplified(r, tolerance) for r in s.holes), s.label_x, s.label_y,
                      s.name) for s in shapes.shapes)
    return ShapeSet(shapes.level, out, shapes.schematic, shapes.source, shapes.attribution)
