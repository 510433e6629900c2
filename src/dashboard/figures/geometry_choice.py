"""Which shapes a map of a level is drawn on: loaded boundaries, else schematic tiles."""

from __future__ import annotations

from dashboard.core.geometry import ShapeSet, tile_shapes
from dashboard.store.dataset import Dataset


def shapes_for(ds: Dataset, level: str, boundaries: dict[str, ShapeSet]) -> ShapeSet | None:
    """Real boundaries for the level if loaded, else schematic tiles where areas have places."""
    if level in boundaries:
        return boundaries[level]
    areas = ds.areas[(ds.areas["level"] == level) & ds.areas["tile_x"].notna()]
    if areas.empty:
        return None
    return tile_shapes(level, list(zip(areas["code"], areas["tile_x"], areas["tile_y"],
                                       strict=True)))
