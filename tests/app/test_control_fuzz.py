"""Any value posted for any control is either used or ignored, never a server error.

Seeded random (name, value) pairs, of every JSON type, are posted through Flask's test client
to the real callbacks with the body dash-renderer sends when a control changes.
"""

from __future__ import annotations

import json
import random
from typing import Any

import pytest

from dashboard.app.factory import create_app
from dashboard.app.viewmodel import state_from_control
from dashboard.core.viewstate import PARAMS, ViewState
from tests.dash_requests import interact_body, navigate_body

NAMES = [p.field for p in PARAMS] + ["w:ohalsotal", "w:forvarvsfrekvens", "w:", "nosuch", ""]
CASES = 300


def _navigate(app: Any, client: Any, path: str, search: str) -> dict[str, Any]:
    response = client.post("/_dash-update-component", json=navigate_body(app, path, search))
    assert response.status_code == 200
    return dict(json.loads(response.data)["response"]["view"]["data"])


def _value(rng: random.Random, depth: int = 0) -> Any:
    kind = rng.randrange(11 if depth < 2 else 8)
    simple: list[Any] = [
        None, rng.choice([True, False]), rng.randint(-10**30, 10**30), rng.uniform(-1e6, 1e6),
        rng.choice([0, 1, 2.5, 100, 101, -1, 1e308]),
        rng.choice(["", "ohalsotal", "1280SD08", "2012", "female", "value", "en", "xx",
                    "a,b", "ö" * 70, "<script>", "../..", "inf", "nan"]),
        "".join(chr(rng.randrange(32, 0x2FF)) for _ in range(rng.randrange(12))),
        rng.choice([["ohalsotal"], ["ohalsotal", "forvarvsfrekvens"], [], [""]]),
    ]
    if kind < len(simple):
        return simple[kind]
    if kind == 8:
        return [_value(rng, depth + 1) for _ in range(rng.randrange(4))]
    return {str(_value(rng, depth + 1)): _value(rng, depth + 1) for _ in range(rng.randrange(3))}


@pytest.fixture(scope="module")
def app(dataset):
    return create_app(dataset)


@pytest.mark.parametrize("path,search", [("/", ""), ("/index", ""), ("/groups", "?ind=ohalsotal")])
def test_no_control_value_gives_a_server_error(app, path, search) -> None:
    client = app.server.test_client()
    view = _navigate(app, client, path, search)
    rng = random.Random(f"{path}{search}")
    for _ in range(CASES // 3):
        name = rng.choice(NAMES) if rng.random() < 0.9 else _value(rng)
        value = _value(rng)
        body = interact_body(app, view, name, value)
        response = client.post("/_dash-update-component", json=body)
        assert response.status_code < 500, (name, value)


@pytest.mark.parametrize("name,value", [
    ("indicator", ["ohalsotal"]), ("indicator", {"a": 1}), ("period", 2012), ("sex", True),
    ("sel", "ohalsotal"), ("sel", [1, 2]), ("w:ohalsotal", "2"), ("w:ohalsotal", float("inf")),
    ("w:ohalsotal", float("nan")), ("w:ohalsotal", 10**400), ("w:ohalsotal", True),
    ("weights", [1.0]), ("nosuch", "x"), ("lang", "xx"), ("sort", "up"), ("area", "a b"),
])
def test_a_value_of_the_wrong_type_changes_nothing(dataset, name, value) -> None:
    current = ViewState(indicator="ohalsotal", sel=("ohalsotal",))
    assert state_from_control(dataset, current, name, value) == current


def test_values_of_the_right_type_are_taken(dataset) -> None:
    current = ViewState(indicator="ohalsotal", sel=("ohalsotal",))
    assert state_from_control(dataset, current, "area", "1280SD08").area == "1280SD08"
    assert state_from_control(dataset, current, "w:ohalsotal", 2).weights == (2.0,)
    assert state_from_control(dataset, current, "sel", ["ohalsotal", "forvarvsfrekvens"]).sel \
        == ("ohalsotal", "forvarvsfrekvens")
    assert state_from_control(dataset, current, "sort", None).sort == ""
