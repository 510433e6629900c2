"""Atomic writes: a reader sees a file or folder either as it was or as it is now, never half.

Everything is first written beside its target (same folder, so the same file system) under
a hidden temporary name, then renamed onto the target with `os.replace`, which is atomic.
A failure before the rename removes the temporary and leaves the target untouched; what a
killed process left behind is removed by `remove_temporaries`.
Temporary files are created with mode 0o666 filtered by the umask, as a plain `open` would.
"""

from __future__ import annotations

import os
import secrets
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


def _temporary(target: Path, kind: str) -> Path:
    """A hidden name beside `target` that keeps its suffix (readers may go by it)."""
    return target.with_name(f".{target.stem}.{kind}-{secrets.token_hex(6)}{target.suffix}")


@dataclass
class StagedFile:
    """A complete file written beside `target`, not yet in place: install it or discard it."""

    path: Path
    target: Path

    def install(self) -> Path:
        """Rename the staged file onto the target (atomically) and return the target."""
        os.replace(self.path, self.target)
        return self.target

    def discard(self) -> None:
        """Remove the staged file if it was not installed."""
        self.path.unlink(missing_ok=True)


def stage_file(target: str | os.PathLike[str], data: bytes | str) -> StagedFile:
    """Write `data` (text is UTF-8) to a new temporary file beside `target`."""
    final = Path(target)
    final.parent.mkdir(parents=True, exist_ok=True)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    temporary = _temporary(final, "new")
    handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
            stream.flush()
            os.fsync(stream.fileno())
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return StagedFile(temporary, final)


def write_atomic(target: str | os.PathLike[str], data: bytes | str) -> Path:
    """Replace `target` with `data` (text is UTF-8) in one step; return the target."""
    staged = stage_file(target, data)
    try:
        return staged.install()
    except BaseException:
        staged.discard()
        raise


def replace_folder(target: str | os.PathLike[str], fill: Callable[[Path], None]) -> Path:
    """Build a folder with `fill(folder)` beside `target`, then put it in place of `target`.

    An existing target is moved aside just before the rename and restored if the rename
    fails, so the target is always either the old folder or the complete new one.
    """
    final = Path(target)
    final.parent.mkdir(parents=True, exist_ok=True)
    staging = _temporary(final, "new")
    staging.mkdir()
    try:
        fill(staging)
        backup = None
        if final.exists():
            backup = _temporary(final, "old")
            os.replace(final, backup)
        try:
            os.replace(staging, final)
        except OSError:
            if backup is not None:
                os.replace(backup, final)
            raise
        if backup is not None:
            shutil.rmtree(backup, ignore_errors=True)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    return final


def is_temporary(path: Path) -> bool:
    """Whether `path` is a temporary of `stage_file` or `replace_folder` (`.NAME.new-*`)."""
    return path.name.startswith(".") and ".new-" in path.name


def remove_temporaries(folder: str | os.PathLike[str]) -> list[Path]:
    """Remove the temporaries that interrupted writes left in `folder`; return them.

    Call it only while no one else writes there (under the writer's lock): a temporary being
    written at that moment would be removed too.
    """
    base = Path(folder)
    if not base.is_dir():
        return []
    removed = [p for p in base.iterdir() if is_temporary(p)]
    for path in removed:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
    return removed
