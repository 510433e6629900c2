"""The downloads offered beside a chart: every format where figures can be rendered; where
they cannot, only the data files and a sentence that says why (issue 11, item 13)."""

from __future__ import annotations

import json

import pytest
from dash._utils import to_json

from dashboard.app import components
from dashboard.app.pages import Context
from dashboard.app.viewmodel import resolve
from dashboard.core.viewstate import ViewState
from dashboard.figures.charts import build_chart


def _box(dataset, lang: str) -> str:
    state, _ = resolve(dataset, ViewState(lang=lang))
    chart = build_chart(dataset, state, "bars")
    return json.dumps(json.loads(to_json(components.share_box(chart, Context(dataset, state,
                                                                             {})))))


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_without_a_browser_only_the_data_files_are_offered(dataset, monkeypatch, lang) -> None:
    monkeypatch.setattr(components, "available", lambda: False)
    box = _box(dataset, lang)
    assert "bars-download-csv" in box and "bars-download-zip" in box
    assert "bars-download-png" not in box and "bars-download-pdf" not in box
    assert "bars-render-unavailable" in box


def test_with_a_browser_every_format_is_offered(dataset, monkeypatch) -> None:
    monkeypatch.setattr(components, "available", lambda: True)
    box = _box(dataset, "sv")
    for fmt in ("png", "png-square", "svg", "pdf", "csv", "xlsx", "zip", "png2", "full"):
        assert f"bars-download-{fmt}" in box
    assert "bars-render-unavailable" not in box
