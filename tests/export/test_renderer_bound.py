"""At most DASHBOARD_RENDERERS browsers across all processes (issue 14, item 4): a process
without a free slot has its figure drawn by the holder's browser, or waits and then gets a
clear error when no holder answers; a slot comes back when its holder dies or its browser
has been idle."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from dashboard.export.renderer import FigureRenderer, RenderError, RenderSlots, available

FIGURE = {"data": [{"type": "bar", "x": ["a", "b"], "y": [1, 2]}], "layout": {}}
# A second process that takes the one slot and keeps it (with a browser when asked).
HOLDER = """
import sys, time
from pathlib import Path
from dashboard.export.renderer import FigureRenderer, RenderSlots
slots = RenderSlots(Path(sys.argv[1]), 1, wait=5)
if sys.argv[2] == "browser":
    renderer = FigureRenderer(slots=slots, idle=600)
    renderer.render({"data": [{"type": "bar", "y": [1]}], "layout": {}}, "png", 100, 100)
else:
    slots.acquire()
print("holding", flush=True)
time.sleep(600)
"""

needs_browser = pytest.mark.skipif(not available(), reason="needs a Chromium")


@pytest.fixture()
def holder(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[subprocess.Popen[str]]:
    process = subprocess.Popen([sys.executable, "-c", HOLDER, str(tmp_path), request.param],
                               stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "holding"
        yield process
    finally:
        process.kill()
        process.wait(10)


@pytest.mark.parametrize("holder", ["slot"], indirect=True)
def test_no_free_slot_waits_then_says_so(tmp_path, holder) -> None:
    renderer = FigureRenderer(slots=RenderSlots(tmp_path, 1, wait=1.5), idle=None)
    began = time.monotonic()
    with pytest.raises(RenderError, match=r"busy.*DASHBOARD_RENDERERS"):
        renderer.render(FIGURE, "png", 100, 100)
    assert 1.4 < time.monotonic() - began < 10
    assert not renderer.running


@pytest.mark.parametrize("holder", ["slot"], indirect=True)
def test_a_dead_holder_frees_its_slot(tmp_path, holder) -> None:
    slots = RenderSlots(tmp_path, 1, wait=0.5)
    with pytest.raises(RenderError):
        slots.acquire()
    holder.kill()
    holder.wait(10)
    RenderSlots.release(slots.acquire())


@pytest.mark.parametrize("holder", ["slot"], indirect=True)
def test_a_second_slot_lets_a_second_browser_run(tmp_path, holder) -> None:
    slots = RenderSlots(tmp_path, 2, wait=0.5)
    RenderSlots.release(slots.acquire())


@needs_browser
@pytest.mark.parametrize("holder", ["browser"], indirect=True)
def test_without_a_slot_the_holders_browser_draws_the_figure(tmp_path, holder) -> None:
    renderer = FigureRenderer(slots=RenderSlots(tmp_path, 1, wait=5), idle=None)
    began = time.monotonic()
    assert renderer.render(FIGURE, "png", 100, 100).startswith(b"\x89PNG")
    assert renderer.render(FIGURE, "svg", 100, 100).startswith(b"<svg")
    assert time.monotonic() - began < 5
    assert not renderer.running  # no second browser was started
    arrays = {"data": [{"type": "bar", "x": np.array(["a", "b"]), "y": np.array([1.5, 2])}],
              "layout": {}}
    assert renderer.render(arrays, "pdf", 100, 100).startswith(b"%PDF")


@needs_browser
def test_an_idle_browser_is_closed_and_its_slot_freed(tmp_path) -> None:
    slots = RenderSlots(tmp_path, 1, wait=0.5)
    renderer = FigureRenderer(slots=slots, idle=0.5)
    try:
        renderer.render(FIGURE, "png", 100, 100)
        assert renderer.running
        deadline = time.monotonic() + 15
        while renderer.running and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not renderer.running
        RenderSlots.release(slots.acquire())
        assert renderer.render(FIGURE, "svg", 100, 100).startswith(b"<svg")
    finally:
        renderer.close()
