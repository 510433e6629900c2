"""Walking a drawn Dash component tree in tests."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from dash.development.base_component import Component


def walk(tree: Any) -> Iterator[Component]:
    """Every component in a tree (lists of children included), parents first."""
    if isinstance(tree, (list, tuple)):
        for item in tree:
            yield from walk(item)
    elif isinstance(tree, Component):
        yield tree
        yield from walk(getattr(tree, "children", None))
