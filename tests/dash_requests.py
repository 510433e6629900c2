"""The JSON bodies dash-renderer posts to /_dash-update-component, for tests, benchmarks and
fault runs that drive the real callbacks through Flask's test client."""

from __future__ import annotations

import statistics
import time
from typing import Any

from dashboard.app.pages import page_for, registry


def _key(app: Any, marker: str) -> str:
    return next(k for k in app.callback_map if marker in k)


def _outputs(key: str, parts: list[str]) -> list[Any]:
    out: list[Any] = []
    for item in key.strip(".").split("..."):
        target, prop = item.rsplit(".", 1)
        target = target.split("@")[0]
        if target.startswith("{"):
            out.append([{"id": {"type": "part", "name": n}, "property": prop} for n in parts])
        else:
            out.append({"id": target, "property": prop.split("@")[0]})
    return out


def navigate_body(app: Any, path: str, search: str) -> dict[str, Any]:
    """The body posted to draw a whole view (an address opened)."""
    key = _key(app, "page.children")
    return {"output": key, "outputs": _outputs(key, []),
            "inputs": [{"id": "nav-request", "property": "data",
                        "value": {"pathname": path, "search": search, "at": 0}}],
            "changedPropIds": ["nav-request.data"]}


def interact_body(app: Any, view: dict[str, Any], control: Any, value: Any) -> dict[str, Any]:
    """The body posted when the user changes one control on a drawn view."""
    key = _key(app, "url.pathname")
    page = page_for(view["path"], registry())
    assert page is not None
    return {"output": key, "outputs": _outputs(key, [p.name for p in page.parts]),
            "inputs": [{"id": "intent", "property": "data",
                        "value": {"kind": "control", "name": control, "value": value,
                                  "at": 1}}],
            "state": [{"id": "view", "property": "data", "value": view}],
            "changedPropIds": ["intent.data"]}


def post(client: Any, body: dict[str, Any]) -> tuple[float, bytes]:
    """Post one callback body to a Flask test client: (milliseconds, response bytes)."""
    start = time.perf_counter()
    response = client.post("/_dash-update-component", json=body)
    elapsed = (time.perf_counter() - start) * 1000
    assert response.status_code == 200, response.data[:300]
    return elapsed, response.data


def timed(client: Any, body: dict[str, Any], calls: int) -> tuple[float, float, float, int]:
    """(first ms, p50 ms, p95 ms, response bytes) of one body posted 1 + `calls` times."""
    first, data = post(client, body)
    times = []
    for _ in range(calls):
        elapsed, data = post(client, body)
        times.append(elapsed)
    times.sort()
    return first, statistics.median(times), times[round(0.95 * (len(times) - 1))], len(data)
