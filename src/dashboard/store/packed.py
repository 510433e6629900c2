"""A dataset, or a contribution's tables, as one block of bytes (a zip of Parquet tables).

The database backend (store/postgres.py) keeps versions and drafts this way, and the folder
backend keeps drafts so. Packing is deterministic (members in a fixed order with a fixed
date), so the same tables give the same bytes. Unpacking validates: a dataset is checked as
a dataset folder is (store/dataset.py), and a damaged block raises DatasetError naming
what is wrong, never a half-read dataset.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Mapping

import pandas as pd

from dashboard.core.problems import DatasetError, Problem
from dashboard.core.schema import TABLES
from dashboard.store.dataset import INFO_FILE, Dataset, from_tables

_DATE = (1980, 1, 1, 0, 0, 0)


def _parquet(frame: pd.DataFrame) -> bytes:
    stream = io.BytesIO()
    frame.to_parquet(stream, index=False)
    return stream.getvalue()


def _zip(members: list[tuple[str, bytes]]) -> bytes:
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return stream.getvalue()


def _members(data: bytes, label: str) -> dict[str, bytes]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return {name: archive.read(name) for name in archive.namelist()}
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise DatasetError([Problem(label, None, None,
                                    f"cannot be read as a packed dataset ({exc})")]) from exc


def _frame(data: bytes, where: str) -> pd.DataFrame:
    try:
        return pd.read_parquet(io.BytesIO(data))
    except Exception as exc:  # pyarrow raises several types for a damaged file
        raise DatasetError([Problem(where, None, None,
                                    f"cannot be read as Parquet ({exc})")]) from exc


def pack_dataset(dataset: Dataset) -> bytes:
    """The five tables and `dataset.json` of a dataset as a zip."""
    info = json.dumps(dataset.info, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    return _zip([*((f"{name}.parquet", _parquet(dataset.table(name))) for name in TABLES),
                 (INFO_FILE, info.encode("utf-8"))])


def unpack_dataset(data: bytes, label: str = "packed dataset") -> Dataset:
    """The dataset `pack_dataset` made, validated; DatasetError lists every problem."""
    members = _members(data, label)
    raw: dict[str, pd.DataFrame] = {}
    problems: list[Problem] = []
    for name in TABLES:
        member = f"{name}.parquet"
        if member not in members:
            problems.append(Problem(f"{label}: {member}", None, None, "is missing"))
            continue
        try:
            raw[name] = _frame(members[member], f"{label}: {member}")
        except DatasetError as error:
            problems += error.problems
    info: object = {}
    if INFO_FILE in members:
        try:
            info = json.loads(members[INFO_FILE].decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            problems.append(Problem(f"{label}: {INFO_FILE}", None, None,
                                    f"cannot be read as JSON ({exc})"))
    if not isinstance(info, dict):
        problems.append(Problem(f"{label}: {INFO_FILE}", None, None, "is not a JSON object"))
        info = {}
    if problems:
        raise DatasetError(problems)
    files = {name: f"{label}: {name}.parquet" for name in TABLES}
    return from_tables(raw, info, files, {name: False for name in TABLES})


def pack_tables(tables: Mapping[str, pd.DataFrame]) -> bytes:
    """Some of the five tables (a contribution's) as a zip; DatasetError for an unknown
    table name."""
    unknown = sorted(set(tables) - set(TABLES))
    if unknown:
        raise DatasetError([Problem(name, None, None, "is not a table of the data model")
                            for name in unknown])
    return _zip([(f"{name}.parquet", _parquet(tables[name])) for name in TABLES
                 if name in tables])


def unpack_tables(data: bytes, label: str = "packed tables") -> dict[str, pd.DataFrame]:
    """The tables `pack_tables` made; DatasetError when the block is damaged or holds
    anything but tables of the data model."""
    members = _members(data, label)
    wanted = {f"{name}.parquet": name for name in TABLES}
    problems = [Problem(f"{label}: {member}", None, None, "is not a table of the data model")
                for member in sorted(members) if member not in wanted]
    out: dict[str, pd.DataFrame] = {}
    for member, name in wanted.items():
        if member in members:
            try:
                out[name] = _frame(members[member], f"{label}: {member}")
            except DatasetError as error:
                problems += error.problems
    if problems:
        raise DatasetError(problems)
    return out
