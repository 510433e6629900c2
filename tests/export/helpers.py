"""Helpers shared by the export tests."""

from __future__ import annotations

import struct
import unicodedata

from dashboard.app.viewmodel import resolve
from dashboard.core.viewstate import ViewState
from dashboard.store.dataset import Dataset

BASE_URL = "http://127.0.0.1:8050/"


def resolved(ds: Dataset, **choices: str) -> ViewState:
    """The view the page would show for these choices."""
    return resolve(ds, ViewState(**choices))[0]


def png_size(payload: bytes) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk."""
    assert payload[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", payload[16:24])
    return width, height


def plain(text: str) -> str:
    """Text with ligatures (ﬁ, ﬂ) unfolded and runs of white space made single spaces, as
    text extracted from a PDF needs before it is compared."""
    return " ".join(unicodedata.normalize("NFKC", text).split())
