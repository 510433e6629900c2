"""A persistent headless Chromium that turns Plotly figure specs into PNG, SVG and PDF.

Starting Chromium takes a second or more; rendering in a page that is already open takes
a tenth of that. So one browser is started on first use, kept open on a background event
loop, and shared by every export in the process (`shared_renderer`).

Nothing is fetched from the network: plotly.js is the copy inside the installed plotly
package, MathJax is disabled, and the browser is the system's own (the `BROWSER_PATH`
variable that kaleido's browser layer, choreographer, documents; else the first Chromium
or Chrome on PATH) - kaleido is never asked to download one.
"""

from __future__ import annotations

import asyncio
import atexit
import contextlib
import os
import shutil
import threading
from pathlib import Path
from typing import Any

import plotly
from kaleido import Kaleido, PageGenerator
from kaleido.errors import KaleidoError

BROWSER_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
IMAGE_FORMATS = ("png", "svg", "pdf")
DEFAULT_TIMEOUT = 60.0


class RenderError(RuntimeError):
    """A figure could not be rendered (no browser, browser crashed, invalid figure)."""


def browser_path() -> str | None:
    """The browser to drive: $BROWSER_PATH if set, else the first Chromium/Chrome on PATH."""
    configured = os.environ.get("BROWSER_PATH")
    if configured:
        return configured
    return next((found for name in BROWSER_NAMES if (found := shutil.which(name))), None)


def available() -> bool:
    """Whether figures can be rendered here: a browser to drive exists and can be run.

    The page uses this to say that PNG, SVG and PDF are unavailable instead of offering
    links that would fail; a browser that exists but fails still raises RenderError.
    """
    path = browser_path()
    return path is not None and shutil.which(path) is not None


def local_plotlyjs() -> Path:
    """The plotly.js bundled with the installed plotly package (the one the page uses)."""
    path = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    if not path.is_file():
        raise RenderError(f"plotly.js not found at {path}; reinstall plotly")
    return path


def page_generator() -> PageGenerator:
    """Kaleido's render page with local plotly.js and without MathJax (no CDN request)."""
    return PageGenerator(plotly=local_plotlyjs().as_uri(), mathjax=False)


class FigureRenderer:
    """One headless browser, started on first use, rendering figures until closed.

    Safe to call from several threads: renders are queued to the browser's event loop.
    If the browser fails, it is closed and the next render starts a new one.
    """

    def __init__(self, browser: str | None = None, timeout: float = DEFAULT_TIMEOUT) -> None:
        self._browser = browser
        self._timeout = timeout
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._kaleido: Kaleido | None = None

    @property
    def running(self) -> bool:
        return self._kaleido is not None

    def start(self) -> None:
        """Start the browser now (otherwise the first render does)."""
        self._ensure()

    def render(self, figure: dict[str, Any], fmt: str, width: int, height: int,
               scale: float = 1) -> bytes:
        """The figure as PNG, SVG or PDF bytes, `width` x `height` CSS pixels times `scale`."""
        if fmt not in IMAGE_FORMATS:
            raise ValueError(f"unknown image format {fmt!r}; choose from {IMAGE_FORMATS}")
        loop, kaleido = self._ensure()
        opts = {"format": fmt, "width": width, "height": height, "scale": scale}
        future = asyncio.run_coroutine_threadsafe(kaleido.calc_fig(figure, opts=opts), loop)
        try:
            return future.result(self._timeout + 5)
        except KaleidoError as exc:
            raise RenderError(f"plotly.js could not draw the figure: {exc}") from exc
        except Exception as exc:
            future.cancel()
            self.close()
            raise RenderError(f"the browser failed while rendering {fmt}: {exc}") from exc

    def close(self) -> None:
        """Close the browser and its event loop; a later render starts them again."""
        with self._lock:
            loop, thread, kaleido = self._loop, self._thread, self._kaleido
            self._loop = self._thread = self._kaleido = None
        if loop is None or thread is None:
            return
        if kaleido is not None:
            # The browser may already be gone; the loop is stopped either way.
            with contextlib.suppress(Exception):
                asyncio.run_coroutine_threadsafe(kaleido.close(), loop).result(self._timeout)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(self._timeout)
        loop.close()

    def _ensure(self) -> tuple[asyncio.AbstractEventLoop, Kaleido]:
        with self._lock:
            if self._loop is None or self._kaleido is None:
                self._loop, self._thread, self._kaleido = self._start()
            return self._loop, self._kaleido

    def _start(self) -> tuple[asyncio.AbstractEventLoop, threading.Thread, Kaleido]:
        path = self._browser or browser_path()
        if path is None:
            raise RenderError("no Chromium or Chrome found: install one (Debian: apt install "
                              "chromium) or set BROWSER_PATH to its executable")
        loop = asyncio.new_event_loop()
        thread = threading.Thread(target=loop.run_forever, name="figure-export", daemon=True)
        thread.start()
        future = asyncio.run_coroutine_threadsafe(self._open(path), loop)
        try:
            kaleido = future.result(self._timeout)
        except Exception as exc:
            future.cancel()
            loop.call_soon_threadsafe(loop.stop)
            thread.join(self._timeout)
            loop.close()
            raise RenderError(f"cannot start the browser {path}: {exc}") from exc
        return loop, thread, kaleido

    async def _open(self, path: str) -> Kaleido:
        kaleido = Kaleido(n=1, page_generator=page_generator(), path=path,
                          timeout=self._timeout)
        await kaleido.open()
        return kaleido


_shared: FigureRenderer | None = None
_shared_lock = threading.Lock()


def shared_renderer() -> FigureRenderer:
    """The process-wide renderer, created on first use and closed when Python exits."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = FigureRenderer()
            atexit.register(_shared.close)
        return _shared
