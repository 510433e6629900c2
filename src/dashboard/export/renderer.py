"""A persistent headless Chromium that turns Plotly figure specs into PNG, SVG and PDF.

Starting Chromium takes a second or more; rendering in a page that is already open takes
a tenth of that. So one browser is started on first use, kept open on a background event
loop, and shared by every export in the process (`shared_renderer`).

Nothing is fetched from the network: plotly.js is the copy inside the installed plotly
package, MathJax is disabled, and the browser is the system's own (the `BROWSER_PATH`
variable that kaleido's browser layer, choreographer, documents; else the first Chromium
or Chrome on PATH) - kaleido is never asked to download one.

Bounded across the machine: a server runs several worker processes, each with its own
shared renderer, and one Chromium with a plot page takes some 150-300 MB. So at most
DASHBOARD_RENDERERS browsers (default 1: one browser's memory is affordable on any machine
the dashboard runs on, and exports are rare next to page views) are open at once. A
browser runs only in a process holding one of as many slots: an exclusive `flock` on a
file in the runtime folder (DASHBOARD_RUNTIME_DIR, else $XDG_RUNTIME_DIR/dashboard, else a
folder in /tmp), which the kernel releases when its process dies. The holder also answers
render requests from the other processes on a unix socket beside the slot file, so a
process without a slot has its figure drawn by a running browser instead of starting one.
When no slot is free and no holder answers (a holder still starting its browser), a
process retries for up to DASHBOARD_RENDER_WAIT seconds (default 30), then gets a
RenderError saying that the renderers are busy. A browser idle for DASHBOARD_RENDERER_IDLE
seconds (default 300) is closed and its slot freed, so its memory comes back.
"""

from __future__ import annotations

import asyncio
import atexit
import contextlib
import fcntl
import json
import os
import shutil
import socket
import socketserver
import struct
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import plotly
from kaleido import Kaleido, PageGenerator
from kaleido.errors import KaleidoError
from plotly.io.json import to_json_plotly

BROWSER_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
IMAGE_FORMATS = ("png", "svg", "pdf")
DEFAULT_TIMEOUT = 60.0
RENDERERS_VARIABLE = "DASHBOARD_RENDERERS"
RUNTIME_VARIABLE = "DASHBOARD_RUNTIME_DIR"
WAIT_VARIABLE = "DASHBOARD_RENDER_WAIT"
IDLE_VARIABLE = "DASHBOARD_RENDERER_IDLE"
DEFAULT_RENDERERS = 1
DEFAULT_WAIT = 30.0
DEFAULT_IDLE = 300.0
# How often a waiting process retries the slots, and a holder checks for idleness.
POLL = 0.1
_LENGTH = struct.Struct("!I")


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


def _env_number(name: str, default: float) -> float:
    """A positive number from the environment, else `default`."""
    try:
        value = float(os.environ.get(name, ""))
    except ValueError:
        return default
    return value if value > 0 else default


def runtime_dir() -> Path:
    """Where the slot files live: $DASHBOARD_RUNTIME_DIR, else $XDG_RUNTIME_DIR/dashboard,
    else a folder of this user's in the temporary directory."""
    configured = os.environ.get(RUNTIME_VARIABLE)
    if configured:
        return Path(configured)
    xdg = os.environ.get("XDG_RUNTIME_DIR")
    if xdg and os.path.isdir(xdg):
        return Path(xdg) / "dashboard"
    return Path(tempfile.gettempdir()) / f"dashboard-{os.getuid()}"


class RenderSlots:
    """`count` machine-wide slots, one per browser allowed to be open at once: exclusive
    `flock`s on files in `folder`, released by the kernel if their process dies; beside
    each, the socket its holder answers render requests on."""

    def __init__(self, folder: Path, count: int, wait: float) -> None:
        self.folder = folder
        self.count = max(1, count)
        self.wait = wait

    @classmethod
    def from_environment(cls) -> RenderSlots:
        """The slots as DASHBOARD_RENDERERS, DASHBOARD_RUNTIME_DIR and
        DASHBOARD_RENDER_WAIT configure them."""
        count = int(_env_number(RENDERERS_VARIABLE, DEFAULT_RENDERERS))
        return cls(runtime_dir(), count, _env_number(WAIT_VARIABLE, DEFAULT_WAIT))

    def socket_path(self, fd: int) -> Path:
        """Where the holder of the slot `fd` answers."""
        return Path(os.readlink(f"/proc/self/fd/{fd}")).with_suffix(".sock")

    def sockets(self) -> list[Path]:
        return [self.folder / f"slot-{index}.sock" for index in range(self.count)]

    def try_acquire(self) -> int | None:
        """A free slot's file descriptor, or None when all are taken."""
        try:
            self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            for index in range(self.count):
                fd = os.open(self.folder / f"slot-{index}.lock", os.O_RDWR | os.O_CREAT, 0o600)
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    os.close(fd)
                    continue
                os.ftruncate(fd, 0)
                os.write(fd, f"{os.getpid()}\n".encode())
                return fd
        except OSError as exc:
            raise RenderError(f"cannot use the renderer slots in {self.folder}: {exc}") from exc
        return None

    def busy(self) -> RenderError:
        return RenderError(
            f"all {self.count} figure renderer(s) of this machine stayed busy for "
            f"{self.wait:g} s; try again shortly ({RENDERERS_VARIABLE} sets how many "
            f"browsers may render at once)")

    def acquire(self) -> int:
        """Take a free slot (its file descriptor), waiting up to `wait` seconds for one."""
        deadline = time.monotonic() + self.wait
        while (fd := self.try_acquire()) is None:
            if time.monotonic() >= deadline:
                raise self.busy()
            time.sleep(POLL)
        return fd

    @staticmethod
    def release(fd: int) -> None:
        """Give a slot back."""
        with contextlib.suppress(OSError):
            os.close(fd)


class _BrowserGone(RenderError):
    """The browser closed or crashed while drawing (another thread closed it, it was idle
    long enough to be stopped, it died): drawing again on a fresh one may well succeed."""


class _Unanswered(Exception):
    """No slot holder answered (none yet, or it has just gone)."""


def _send(sock: socket.socket, payload: bytes) -> None:
    sock.sendall(_LENGTH.pack(len(payload)) + payload)


def _receive(sock: socket.socket) -> bytes:
    def exactly(size: int) -> bytes:
        chunks, left = [], size
        while left:
            chunk = sock.recv(min(left, 1 << 20))
            if not chunk:
                raise ConnectionError("the renderer closed the connection")
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)

    (size,) = _LENGTH.unpack(exactly(_LENGTH.size))
    return exactly(size)


class _Service(socketserver.ThreadingMixIn, socketserver.UnixStreamServer):
    """The slot holder's answers to other processes' render requests."""

    daemon_threads = True
    request_queue_size = 256
    renderer: FigureRenderer


class _Handler(socketserver.BaseRequestHandler):
    def handle(self) -> None:
        renderer: FigureRenderer = self.server.renderer  # type: ignore[attr-defined]
        try:
            ask = json.loads(_receive(self.request))
            if ask["fmt"] not in IMAGE_FORMATS:
                raise ValueError(f"unknown image format {ask['fmt']!r}")
            got = renderer._ensure()
            if got is None:  # its browser has just been closed and the slot taken
                body = b"\x02"
            else:
                body = b"\x00" + renderer._draw(got, ask["figure"], ask["fmt"], ask["width"],
                                                ask["height"], ask["scale"])
        except _BrowserGone:
            body = b"\x02"
        except (RenderError, ValueError, KeyError, TypeError) as exc:
            body = b"\x01" + str(exc).encode()
        except ConnectionError:
            return
        with contextlib.suppress(OSError):
            _send(self.request, body)


class FigureRenderer:
    """One headless browser, started on first use, rendering figures until closed.

    Safe to call from several threads: renders are queued to the browser's event loop.
    If the browser fails, it is closed and the next render starts a new one. With `slots`,
    the browser runs only while holding one, and another process's browser draws the
    figure when none is free; a browser idle for `idle` seconds is closed.
    """

    def __init__(self, browser: str | None = None, timeout: float = DEFAULT_TIMEOUT, *,
                 slots: RenderSlots | None = None, idle: float | None = DEFAULT_IDLE) -> None:
        self._browser = browser
        self._timeout = timeout
        self._slots = slots
        self._idle = idle
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._kaleido: Kaleido | None = None
        self._slot: int | None = None
        self._service: _Service | None = None
        self._active = 0
        self._last_used = time.monotonic()

    @property
    def running(self) -> bool:
        return self._kaleido is not None

    def start(self) -> None:
        """Start the browser now (otherwise the first render does)."""
        if self._ensure() is not None:
            self._done()

    def render(self, figure: dict[str, Any], fmt: str, width: int, height: int,
               scale: float = 1) -> bytes:
        """The figure as PNG, SVG or PDF bytes, `width` x `height` CSS pixels times `scale`."""
        if fmt not in IMAGE_FORMATS:
            raise ValueError(f"unknown image format {fmt!r}; choose from {IMAGE_FORMATS}")
        if self._slots is None:
            return self.render_here(figure, fmt, width, height, scale)
        deadline = time.monotonic() + self._slots.wait
        request: bytes | None = None
        retried = False
        while True:
            got = self._ensure()
            if got is not None:
                try:
                    return self._draw(got, figure, fmt, width, height, scale)
                except _BrowserGone:
                    if retried:
                        raise
                    retried = True
                    continue
            if request is None:
                request = json.dumps({"figure": json.loads(to_json_plotly(figure)),
                                      "fmt": fmt, "width": width, "height": height,
                                      "scale": scale}).encode()
            with contextlib.suppress(_Unanswered):
                return self._ask_holder(request)
            if time.monotonic() >= deadline:
                raise self._slots.busy()
            time.sleep(POLL)

    def render_here(self, figure: dict[str, Any], fmt: str, width: int, height: int,
                    scale: float = 1) -> bytes:
        """Render with this process's own browser (started if need be; RenderError when
        it may not start one: no slot free)."""
        if fmt not in IMAGE_FORMATS:
            raise ValueError(f"unknown image format {fmt!r}; choose from {IMAGE_FORMATS}")
        got = self._ensure()
        if got is None:
            raise self._slots.busy() if self._slots is not None else RenderError("no browser")
        return self._draw(got, figure, fmt, width, height, scale)

    def _draw(self, got: tuple[asyncio.AbstractEventLoop, Kaleido], figure: dict[str, Any],
              fmt: str, width: int, height: int, scale: float) -> bytes:
        """Render on the browser `got` (counted in use by `_ensure`), then release it."""
        loop, kaleido = got
        opts = {"format": fmt, "width": width, "height": height, "scale": scale}
        future = asyncio.run_coroutine_threadsafe(kaleido.calc_fig(figure, opts=opts), loop)
        try:
            return future.result(self._timeout + 5)
        except KaleidoError as exc:
            raise RenderError(f"plotly.js could not draw the figure: {exc}") from exc
        except Exception as exc:
            future.cancel()
            self.close()
            raise _BrowserGone(f"the browser failed while rendering {fmt}: {exc}") from exc
        finally:
            self._done()

    def _ask_holder(self, request: bytes) -> bytes:
        """The figure drawn by the browser of the process holding a slot."""
        assert self._slots is not None
        for path in self._slots.sockets():
            sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            sock.settimeout(self._timeout + 10)
            try:
                try:
                    sock.connect(str(path))
                except (FileNotFoundError, ConnectionError, BlockingIOError):
                    continue  # no holder there, or its queue is full: try again shortly
                _send(sock, request)
                answer = _receive(sock)
            except OSError as exc:
                raise RenderError(f"the shared figure renderer did not answer: {exc}") from exc
            finally:
                sock.close()
            if answer[:1] == b"\x00":
                return answer[1:]
            if answer[:1] == b"\x02":
                continue
            raise RenderError(answer[1:].decode(errors="replace"))
        raise _Unanswered

    def close(self) -> None:
        """Close the browser and its event loop; a later render starts them again."""
        with self._lock:
            parts = self._detach()
        self._teardown(*parts)

    def _detach(self) -> tuple[asyncio.AbstractEventLoop | None, threading.Thread | None,
                               Kaleido | None, int | None, _Service | None]:
        """Forget the browser (the caller holds the lock); its parts, to tear down."""
        parts = self._loop, self._thread, self._kaleido, self._slot, self._service
        self._loop = self._thread = self._kaleido = None
        self._slot = self._service = None
        return parts

    def _teardown(self, loop: asyncio.AbstractEventLoop | None,
                  thread: threading.Thread | None, kaleido: Kaleido | None,
                  slot: int | None, service: _Service | None) -> None:
        try:
            if service is not None:
                with contextlib.suppress(OSError):
                    os.unlink(service.server_address)  # type: ignore[arg-type]
                service.shutdown()
                service.server_close()
            if loop is None or thread is None:
                return
            if kaleido is not None:
                # The browser may already be gone; the loop is stopped either way.
                with contextlib.suppress(Exception):
                    asyncio.run_coroutine_threadsafe(kaleido.close(), loop).result(
                        self._timeout)
            loop.call_soon_threadsafe(loop.stop)
            thread.join(self._timeout)
            loop.close()
        finally:
            if slot is not None:
                RenderSlots.release(slot)

    def _ensure(self) -> tuple[asyncio.AbstractEventLoop, Kaleido] | None:
        """The running browser, started if need be (None when no slot is free), counted as
        in use until `_done`."""
        with self._lock:
            if self._loop is None or self._kaleido is None:
                slot = self._slots.try_acquire() if self._slots is not None else None
                if self._slots is not None and slot is None:
                    return None
                try:
                    self._loop, self._thread, self._kaleido = self._start()
                    self._service = self._serve(slot) if slot is not None else None
                except BaseException:
                    if slot is not None:
                        RenderSlots.release(slot)
                    raise
                self._slot = slot
                if self._idle is not None:
                    threading.Thread(target=self._watch, args=(self._kaleido,),
                                     name="figure-export-idle", daemon=True).start()
            self._active += 1
            return self._loop, self._kaleido

    def _serve(self, slot: int) -> _Service:
        """Answer other processes' render requests on the socket of `slot`."""
        assert self._slots is not None
        path = self._slots.socket_path(slot)
        with contextlib.suppress(FileNotFoundError):
            path.unlink()  # left by a holder that died; the slot is ours now
        service = _Service(str(path), _Handler)
        service.renderer = self
        threading.Thread(target=service.serve_forever, kwargs={"poll_interval": 0.2},
                         name="figure-export-service", daemon=True).start()
        return service

    def _done(self) -> None:
        with self._lock:
            self._active = max(0, self._active - 1)
            self._last_used = time.monotonic()

    def _watch(self, kaleido: Kaleido) -> None:
        """Close the browser `kaleido` once idle too long; ends when it is closed."""
        idle = self._idle if self._idle is not None else DEFAULT_IDLE
        while True:
            time.sleep(min(POLL * 5, idle / 2))
            with self._lock:
                if self._kaleido is not kaleido:
                    return
                if self._active or time.monotonic() - self._last_used < idle:
                    continue
                parts = self._detach()
            self._teardown(*parts)
            return

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
    """The process-wide renderer, created on first use and closed when Python exits; its
    browser takes one of the machine's renderer slots (`RenderSlots.from_environment`)."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = FigureRenderer(slots=RenderSlots.from_environment(),
                                     idle=_env_number(IDLE_VARIABLE, DEFAULT_IDLE))
            atexit.register(_shared.close)
        return _shared
