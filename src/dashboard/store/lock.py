"""One writer at a time: an exclusive lock on the store's `.lock` file.

The lock is the operating system's (`flock`), tied to the open file: it is released when
the writer closes it or dies, even by SIGKILL, so a crashed writer never blocks the next.
Readers take no lock; they only ever see complete versions (store/dataset.py).
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

LOCK_FILE = ".lock"
LOCK_TIMEOUT = 120.0
_POLL = 0.02


class StoreBusy(OSError):
    """Another writer held the store's lock for longer than this writer may wait."""


def _holder(path: Path) -> str:
    try:
        pid = path.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return "another process"
    return f"process {pid}" if pid.isdigit() else "another process"


@contextmanager
def writer_lock(root: str | os.PathLike[str], timeout: float | None = None) -> Iterator[Path]:
    """Hold the store's writer lock for the `with` block; raise StoreBusy after `timeout`
    seconds (default LOCK_TIMEOUT)."""
    wait = LOCK_TIMEOUT if timeout is None else timeout
    folder = Path(root)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOCK_FILE
    handle = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise StoreBusy(
                        f"{path}: {_holder(path)} has been writing to the store for more than "
                        f"{wait:g} s; this writer gave up waiting and wrote nothing") from None
                time.sleep(_POLL)
        os.ftruncate(handle, 0)
        os.pwrite(handle, f"{os.getpid()}\n".encode(), 0)
        yield folder
    finally:
        os.close(handle)
