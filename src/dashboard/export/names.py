"""File names for exports: readable, stable, and safe on every file system."""

from __future__ import annotations

import re

from dashboard.core.viewstate import ViewState

_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")


def file_stem(state: ViewState, chart_id: str) -> str:
    """'medellivslangd_vid_fodelsen-map-2006-2010-sv': indicator, chart, period, language."""
    parts = (state.indicator, chart_id, state.period, state.lang)
    return "-".join(_UNSAFE.sub("_", p).strip("_") for p in parts if p)
