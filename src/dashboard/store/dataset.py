"""A dataset on disk: five validated tables plus `dataset.json`, read whole or not at all.

Two layouts are read:
- a dataset folder holding `<table>.parquet` (or `<table>.csv`) for each table;
- a store root holding `CURRENT` (the name of the live version) and `versions/<name>/`,
  which is how new data are added without ever exposing a half-written dataset:
  a version is written in full first, then `CURRENT` is replaced atomically.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd

from dashboard.core.files import replace_folder, write_atomic
from dashboard.core.problems import DatasetError, Problem
from dashboard.core.schema import TABLES
from dashboard.store.validate import validate_tables

INFO_FILE = "dataset.json"
CURRENT = "CURRENT"
VERSIONS = "versions"
KEEP_VERSIONS = 5


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

    def table(self, name: str) -> pd.DataFrame:
        return getattr(self, name)


def from_tables(raw: dict[str, pd.DataFrame], info: dict[str, Any] | None = None,
                files: dict[str, str] | None = None,
                csv_lines: dict[str, bool] | None = None) -> Dataset:
    """Validate raw tables and build a Dataset, or raise DatasetError listing every problem."""
    missing = [name for name in TABLES if name not in raw]
    if missing:
        raise DatasetError([Problem(name, None, None, "table is missing") for name in missing])
    typed, problems = validate_tables(raw, files or {}, csv_lines)
    if problems:
        raise DatasetError(problems)
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
        except (UnicodeDecodeError, pd.errors.ParserError) as exc:
            raise DatasetError([Problem(str(csv), None, None,
                                        f"cannot be read as UTF-8 CSV ({exc})")]) from exc
        return frame, str(csv), True
    raise DatasetError([Problem(str(folder), None, None,
                                f"has no {name}.parquet or {name}.csv")])


def resolve_folder(path: Path) -> Path:
    """The folder holding the live tables: the CURRENT version of a store, or `path` itself."""
    pointer = path / CURRENT
    if pointer.exists():
        return path / VERSIONS / pointer.read_text(encoding="utf-8").strip()
    return path


def read_dataset(path: str | os.PathLike[str]) -> Dataset:
    """Read and validate a dataset folder or store root; raise DatasetError if anything is off."""
    folder = resolve_folder(Path(path))
    if not folder.is_dir():
        raise DatasetError([Problem(str(folder), None, None, "is not a dataset folder")])
    raw, files, lines = {}, {}, {}
    for name in TABLES:
        raw[name], files[name], lines[name] = _read_table(folder, name)
    info_path = folder / INFO_FILE
    info = json.loads(info_path.read_text(encoding="utf-8")) if info_path.exists() else {}
    return from_tables(raw, info, files, lines)


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


def commit_version(dataset: Dataset, root: str | os.PathLike[str]) -> str:
    """Add `dataset` to a store root as a new version and make it live atomically."""
    root_path = Path(root)
    versions = root_path / VERSIONS
    name = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    replace_folder(versions / name, lambda staging: _write_folder(dataset, staging))
    write_atomic(root_path / CURRENT, name + "\n")
    for old in sorted(p for p in versions.iterdir() if not p.name.startswith("."))[
        :-KEEP_VERSIONS
    ]:
        shutil.rmtree(old, ignore_errors=True)
    return name
