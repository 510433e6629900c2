"""Plain planar shapes for maps: rings of x/y coordinates per area, no GIS library needed.

Maps are drawn on an ordinary x/y plane in a projected CRS (metres), so no map tiles,
no world topojson and no ring-orientation rules are involved: a ring is filled as drawn.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Shape:
    """One area's outline: exterior rings (holes are drawn as separate white rings)."""

    code: str
    rings: tuple[tuple[tuple[float, ...], tuple[float, ...]], ...]
    holes: tuple[tuple[tuple[float, ...], tuple[float, ...]], ...]
    label_x: float
    label_y: float
    name: str = ""


@dataclass(frozen=True)
class ShapeSet:
    """The shapes of one area level, and whether they are real boundaries or schematic tiles;
    `attribution` is the credit their publisher asks for ('' for tiles)."""

    level: str
    shapes: tuple[Shape, ...]
    schematic: bool
    source: str
    attribution: str = ""

    def codes(self) -> set[str]:
        return {s.code for s in self.shapes}


def ring_area(xs: tuple[float, ...], ys: tuple[float, ...]) -> float:
    """Absolute area of a closed ring (shoelace formula)."""
    total = 0.0
    for i in range(len(xs) - 1):
        total += xs[i] * ys[i + 1] - xs[i + 1] * ys[i]
    return abs(total) / 2


def drawing_order(shapes: tuple[Shape, ...]) -> list[Shape]:
    """Largest first, so an area lying inside another's hole is drawn after (on top of) it."""
    return sorted(shapes, key=lambda s: (-sum(ring_area(x, y) for x, y in s.rings), s.code))


def tile_shapes(level: str, tiles: list[tuple[str, float, float]], gap: float = 0.06) -> ShapeSet:
    """Equal square tiles at grid positions (column x, row y; row 0 at the top)."""
    shapes = []
    for code, col, row in tiles:
        x0, x1 = col + gap, col + 1 - gap
        y0, y1 = -row - 1 + gap, -row - gap
        ring = ((x0, x1, x1, x0, x0), (y0, y0, y1, y1, y0))
        shapes.append(Shape(code, (ring,), (), (x0 + x1) / 2, (y0 + y1) / 2))
    return ShapeSet(level, tuple(shapes), True, "tiles")
