"""Data flows one way: no module imports a layer above its own (design.md, 'Layers')."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "dashboard"
# stats is pure arithmetic on counts, used by derive (and measures), so it sits low.
RANK = {"core": 0, "stats": 0.5, "ingest": 1, "derive": 1.5, "store": 2, "measures": 3,
        "figures": 4, "export": 4.5, "app": 5, "commands": 6, "cli": 6, "__main__": 7}
DATA = ("data", "assets")  # package data (the embedded dataset, the page's style and script)


def layer_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "dashboard" else None


def test_no_upward_imports() -> None:
    wrong = []
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE)
        own = rel.parts[0].removesuffix(".py")
        if own == "__init__":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                target = layer_of(name)
                if target and RANK.get(target, 0) > RANK[own]:
                    wrong.append(f"{rel} imports {name}")
    assert wrong == []


def test_every_package_module_belongs_to_a_layer() -> None:
    for path in PACKAGE.iterdir():
        if path.name.startswith("_") and path.name != "__main__.py":
            continue
        if path.name in DATA:
            assert not list(path.rglob("*.py")), "package data must hold no code"
        elif path.suffix == ".py" or path.is_dir():
            assert path.name.removesuffix(".py") in RANK or path.name == "py.typed", path.name
