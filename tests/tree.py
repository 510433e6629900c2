"""Walking a drawn Dash component tree in tests, and a free port for a server under test."""

from __future__ import annotations

import socket
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


def texts(tree: Any) -> str:
    """The words of a tree (a component, a list of them or a string), joined by spaces."""
    if isinstance(tree, list | tuple):
        return " ".join(texts(t) for t in tree)
    if isinstance(tree, str):
        return tree
    children = getattr(tree, "children", None)
    return texts(children) if children is not None else ""


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
