"""A dataset on disk: five validated tables plus `dataset.json`, read whole or not at all.

Two layouts are read:
- a dataset folder holding `<table>.parquet` (or `<table>.csv`) for each table;
- a store root holding `CURRENT` (the name of the live version) and `versions/<name>/`,
  which is how new data are added without ever exposing a half-written dataset:
  a version is written in full first, then `CURRENT` is replaced atomically.

Writers commit one at a time under the store's lock (store/lock.py) and each commit goes on
top of the newest version, so no commit overwrites another. A store whose CURRENT names a
version that is missing or damaged is read at the newest older version that loads, saying
which and why (`StoreStatus`); the next commit repairs it by going on top of that version.
A commit keeps the newest KEEP_VERSIONS versions, the one before each of them and the one it
went on top of, so that a withdrawal (store/files.py) can always make the previous one live.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
from collections.abc import Callable, Collection
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pandas as pd

from dashboard.core.files import remove_temporaries, replace_folder, write_atomic
from dashboard.core.problems import DatasetError, Problem
from dashboard.core.schema import TABLES
from dashboard.store.lock import writer_lock
from dashboard.store.validate import validate_tables

log = logging.getLogger(__name__)

INFO_FILE = "dataset.json"
CURRENT = "CURRENT"
VERSIONS = "versions"
KEEP_VERSIONS = 5
_NAME_FORMAT = "%Y%m%dT%H%M%S%fZ"


@dataclass(frozen=True)
class StoreStatus:
    """Which version of a store a dataset is: the one CURRENT names (`wanted`), or, when
    that one cannot be read, the newest older version that loads, with the `problem`."""

    root: Path | str
    version: str
    wanted: str | None
    problem: str | None = None

    @property
    def fallback(self) -> bool:
        return self.problem is not None

    def __str__(self) -> str:
        if not self.fallback:
            return f"store {self.root}: version {self.version}"
        return (f"store {self.root}: {self.problem}; using version {self.version}, the newest "
                "that loads (the next ingest or upload commits a new version on top of it)")


@dataclass(frozen=True)
class Redo:
    """How a dataset was made from a store's dataset: `apply` makes the same change on
    another one. A commit uses it when another writer committed after `base` was read."""

    base: str | None
    apply: Callable[[Dataset], Dataset]


@dataclass(frozen=True, eq=False)
class Dataset:
    """The five tables of a validated dataset and its descriptive metadata.

    Treated as immutable once built: it hashes by identity, so queries can cache on it.
    """

    observations: pd.DataFrame
    indicators: pd.DataFrame
    areas: pd.DataFrame
    groups: pd.DataFrame
    sources: pd.DataFrame
    info: dict[str, Any] = field(default_factory=dict)
    store: StoreStatus | None = None
    redo: Redo | None = None

    def table(self, name: str) -> pd.DataFrame:
        return getattr(self, name)

    @property
    def version(self) -> str | None:
        """The store version these tables were read from or committed as (None: not one)."""
        return self.store.version if self.store is not None else None


def from_tables(raw: dict[str, pd.DataFrame], info: dict[str, Any] | None = None,
                files: dict[str, str] | None = None,
                csv_lines: dict[str, bool] | None = None) -> Dataset:
    """Validate raw tables and build a Dataset, or raise DatasetError listing every problem."""
    missing = [Problem(name, None, None, "table is missing") for name in TABLES
               if name not in raw]
    return _validated(raw, info, files, csv_lines, missing)


def _validated(raw: dict[str, pd.DataFrame], info: dict[str, Any] | None,
               files: dict[str, str] | None, csv_lines: dict[str, bool] | None,
               problems: list[Problem]) -> Dataset:
    typed, found = validate_tables(raw, files or {}, csv_lines)
    if problems or found:
        raise DatasetError([*problems, *found])
    return Dataset(**typed, info=dict(info or {}))


def _read_table(folder: Path, name: str) -> tuple[pd.DataFrame, str, bool]:
    parquet, csv = folder / f"{name}.parquet", folder / f"{name}.csv"
    if parquet.exists():
        try:
            return pd.read_parquet(parquet), str(parquet), False
        except Exception as exc:  # pyarrow raises several types for a damaged file
            raise DatasetError([Problem(str(parquet), None, None,
                                        f"cannot be read as Parquet ({exc})")]) from exc
    if csv.exists():
        try:
            frame = pd.read_csv(csv, dtype=str, keep_default_na=False, encoding="utf-8-sig")
        except (UnicodeDecodeError, pd.errors.ParserError, OSError) as exc:
            raise DatasetError([Problem(str(csv), None, None,
                                        f"cannot be read as UTF-8 CSV ({exc})")]) from exc
        return frame, str(csv), True
    raise DatasetError([Problem(str(folder), None, None,
                                f"has no {name}.parquet or {name}.csv")])


def _read_info(folder: Path) -> tuple[dict[str, Any], list[Problem]]:
    path = folder / INFO_FILE
    if not path.exists():
        return {}, []
    try:
        info = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        return {}, [Problem(str(path), None, None, f"cannot be read as JSON ({exc})")]
    if not isinstance(info, dict):
        return {}, [Problem(str(path), None, None, "is not a JSON object")]
    return info, []


def read_folder(folder: str | os.PathLike[str]) -> Dataset:
    """Read and validate one dataset folder; raise DatasetError listing every problem."""
    path = Path(folder)
    if not path.is_dir():
        raise DatasetError([Problem(str(path), None, None, "is not a dataset folder")])
    raw, files, lines, problems = {}, {}, {}, []
    for name in TABLES:
        try:
            raw[name], files[name], lines[name] = _read_table(path, name)
        except DatasetError as error:
            problems += error.problems
    info, info_problems = _read_info(path)
    return _validated(raw, info, files, lines, problems + info_problems)


def is_store(path: str | os.PathLike[str]) -> bool:
    """Whether `path` is a store root: it has a CURRENT pointer or a complete version (a
    first commit still being written does not make one yet)."""
    root = Path(path)
    return (root / CURRENT).exists() or bool(versions(root))


def versions(root: str | os.PathLike[str]) -> list[str]:
    """The names of a store's versions, oldest first (temporaries left out)."""
    folder = Path(root) / VERSIONS
    if not folder.is_dir():
        return []
    return sorted(p.name for p in folder.iterdir() if p.is_dir() and not p.name.startswith("."))


def current_name(root: str | os.PathLike[str]) -> str | None:
    """The version CURRENT names, or None when there is no readable CURRENT."""
    return _pointer(Path(root))[0]


def _pointer(root: Path) -> tuple[str | None, str | None]:
    path = root / CURRENT
    try:
        name = path.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None, f"{path} is missing"
    except (OSError, UnicodeDecodeError) as exc:
        return None, f"{path} cannot be read ({exc})"
    if not name or name.startswith(".") or "/" in name or "\\" in name:
        return None, f"{path} names no version ({name!r})"
    return name, None


def _why(error: DatasetError) -> str:
    first = error.problems[0] if error.problems else "it cannot be read"
    more = len(error.problems) - 1
    return f"{first}" + (f" (and {more} more problem(s))" if more > 0 else "")


def _read_version(root: Path, name: str) -> Dataset:
    folder = root / VERSIONS / name
    if not folder.is_dir():
        raise DatasetError([Problem(str(folder), None, None, "does not exist")])
    return read_folder(folder)


def load_store(root: str | os.PathLike[str]) -> Dataset:
    """The store's live version, or the newest older version that loads when the live one is
    missing or damaged; the dataset's `store` says which and why. Logs nothing; raises
    DatasetError naming every version's problem when none loads."""
    path = Path(root)
    wanted, problem = _pointer(path)
    names = versions(path)
    failures: list[Problem] = []
    if wanted is not None:
        try:
            return replace(_read_version(path, wanted), store=StoreStatus(path, wanted, wanted))
        except DatasetError as error:
            problem = f"version {wanted} named in CURRENT cannot be read: {_why(error)}"
            failures.append(Problem(str(path / VERSIONS / wanted), None, None, _why(error)))
        names = [n for n in names if n < wanted]
    else:
        failures.append(Problem(str(path), None, None, str(problem)))
    for name in reversed(names):
        try:
            ds = _read_version(path, name)
        except DatasetError as error:
            failures.append(Problem(str(path / VERSIONS / name), None, None, _why(error)))
            continue
        return replace(ds, store=StoreStatus(path, name, wanted, problem))
    raise DatasetError(failures)


def read_dataset(path: str | os.PathLike[str]) -> Dataset:
    """Read and validate a dataset folder, or a store root's live version (falling back to
    the newest version that loads, with a logged warning); raise DatasetError if none loads."""
    if not is_store(path):
        return read_folder(path)
    ds = load_store(path)
    if ds.store is not None and ds.store.fallback:
        log.warning("%s", ds.store)
    return ds


def _write_folder(dataset: Dataset, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name in TABLES:
        dataset.table(name).to_parquet(folder / f"{name}.parquet", index=False)
    (folder / INFO_FILE).write_text(
        json.dumps(dataset.info, ensure_ascii=False, indent=2, sort_keys=True) + "\n",
        encoding="utf-8")


def write_dataset(dataset: Dataset, folder: str | os.PathLike[str]) -> Path:
    """Write a dataset folder so that it is either the old one or the new one, never a mix."""
    return replace_folder(folder, lambda staging: _write_folder(dataset, staging))


def _stamp(name: str) -> datetime | None:
    try:
        return datetime.strptime(name, _NAME_FORMAT).replace(tzinfo=UTC)
    except ValueError:
        return None


def _new_name(existing: list[str]) -> str:
    """A version name after every existing one, even if the clock went back."""
    now = datetime.now(UTC)
    latest = max((s for s in map(_stamp, existing) if s is not None), default=None)
    if latest is not None and now <= latest:
        now = latest + timedelta(microseconds=1)
    return now.strftime(_NAME_FORMAT)


def _onto_newest(dataset: Dataset, root: Path) -> Dataset:
    """`dataset`, made again on the newest version that loads if another writer committed
    after the version it was made from."""
    if dataset.redo is None or current_name(root) == dataset.redo.base:
        return dataset
    try:
        newest = load_store(root)
    except DatasetError:
        return dataset
    if newest.version == dataset.redo.base:
        return dataset
    log.info("store %s: version %s was committed meanwhile; the change is made again on it",
             root, newest.version)
    return dataset.redo.apply(newest)


def prunable(names: list[str], keep: Collection[str] = ()) -> list[str]:
    """The versions a commit removes: those older than the newest KEEP_VERSIONS, except the
    version just before each kept one (a withdrawal may go back to it) and those in `keep`."""
    kept = set(names[-(KEEP_VERSIONS + 1):]) | set(keep)
    return [name for name in names if name not in kept]


def commit(dataset: Dataset, root: str | os.PathLike[str], *,
           timeout: float | None = None, keep: Collection[str] = ()) -> Dataset:
    """Add `dataset` to a store as a new version, make it live and return it as committed.

    Under the store's lock (waiting up to `timeout` s, default LOCK_TIMEOUT, else
    StoreBusy): see `commit_locked`.
    """
    path = Path(root)
    with writer_lock(path, timeout):
        return commit_locked(dataset, path, keep=keep)


def commit_locked(dataset: Dataset, root: str | os.PathLike[str], *,
                  keep: Collection[str] = ()) -> Dataset:
    """`commit` for a caller that already holds the store's lock.

    What killed writers left is removed, the change is made again on the newest version if
    another writer committed meanwhile (DatasetError if it no longer fits), the version is
    written whole, CURRENT is replaced atomically, and old versions go (`prunable`; the
    version the commit went on top of and those in `keep` stay). On any failure the store
    is as it was.
    """
    path = Path(root)
    for folder in (path, path / VERSIONS):
        for left in remove_temporaries(folder):
            log.info("store %s: removed %s, left by an interrupted write", path, left.name)
    dataset = _onto_newest(dataset, path)
    made_on = current_name(path)
    name = _new_name(versions(path))
    written = replace_folder(path / VERSIONS / name,
                             lambda staging: _write_folder(dataset, staging))
    try:
        write_atomic(path / CURRENT, name + "\n")
    except BaseException:
        shutil.rmtree(written, ignore_errors=True)
        raise
    protected = {*keep, *([made_on] if made_on else [])}
    for old in prunable(versions(path), protected):
        shutil.rmtree(path / VERSIONS / old, ignore_errors=True)
    return replace(dataset, store=StoreStatus(path, name, name), redo=None)


def commit_version(dataset: Dataset, root: str | os.PathLike[str], *,
                   timeout: float | None = None) -> str:
    """Commit `dataset` to a store root (see `commit`) and return the new version's name."""
    return str(commit(dataset, root, timeout=timeout).version)
