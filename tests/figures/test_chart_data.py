"""Chart data apart from drawing: the drawing, table and alt text of a chart come from its
frozen data alone, with no access to the store."""

from __future__ import annotations

import dataclasses
import inspect

import plotly.graph_objects as go
import pytest

from dashboard.app.viewmodel import resolve
from dashboard.core.viewstate import ViewState
from dashboard.figures.charts import BUILDERS, CHART_IDS, Chart, ChartUnavailable, build_chart
from dashboard.figures.parts import as_rows
from dashboard.store import query

VIEWS = [
    {},
    {"indicator": "sysselsatta_16_64", "level": "deso", "costy": (4e6,), "cyrs": "3",
     "eff": (1.0, 2.0, 3.0), "hor": "20", "shares": (40.0, 10.0, 30.0, 20.0),
     "area": "1280C1640"},
    {"lang": "en", "indicator": "ohalsotal", "area": "1280SD08"},
    {"indicator": "forvarvsfrekvens", "split": "sex", "lang": "en"},
    {"indicator": "forvarvsfrekvens", "split": "birth_region", "area": "1280SD02"},
    {"indicator": "folkmangd", "level": "delomrade", "sort": "name"},
    {"sel": ("ohalsotal", "forvarvsfrekvens"), "weights": (2.0, 1.0), "area": "1280SD03"},
]


@pytest.fixture(scope="module")
def charts(dataset) -> list[Chart]:
    """Every chart that can be drawn for each of the views above."""
    charts = []
    for choices in VIEWS:
        state = resolve(dataset, ViewState(**choices))[0]
        for chart_id in CHART_IDS:
            try:
                charts.append(build_chart(dataset, state, chart_id))
            except ChartUnavailable:
                continue
    return charts


def _refuse(*_args, **_kwargs):
    raise AssertionError("a drawing read the store")


def test_drawing_tables_and_alt_text_use_only_the_chart_data(charts, monkeypatch) -> None:
    assert {c.id for c in charts} == set(CHART_IDS)
    for name, member in inspect.getmembers(query, inspect.isfunction):
        if member.__module__ == query.__name__:
            monkeypatch.setattr(query, name, _refuse)
    for chart in charts:
        kind = BUILDERS[chart.id]
        assert kind.draw(chart.data, chart.data.lang) == chart.spec, chart.id
        header, rows = kind.table(chart.data)
        assert (tuple(header), as_rows(rows)) == (chart.header, chart.rows), chart.id
        assert kind.alt(chart.data) == chart.alt, chart.id


def test_chart_data_is_frozen_and_carries_the_chart_words(charts) -> None:
    for chart in charts:
        data = chart.data
        with pytest.raises(dataclasses.FrozenInstanceError):
            data.title = "changed"  # type: ignore[misc]
        assert (data.heading, data.title, data.subtitle) == (
            chart.heading, chart.title, chart.subtitle)
        assert bool(data.source_ids) == bool(chart.source)
        go.Figure(chart.spec)


def test_a_change_in_the_data_shows_in_drawing_table_and_alt_text(dataset) -> None:
    state = resolve(dataset, ViewState(lang="en"))[0]
    chart = build_chart(dataset, state, "bars")
    kind = BUILDERS["bars"]
    first = chart.data.values[0]
    renamed = dataclasses.replace(first, name="Renamed")
    data = dataclasses.replace(chart.data, values=(renamed, *chart.data.values[1:]))
    assert "Renamed" in kind.draw(data, "en")["data"][0]["y"]
    assert any("Renamed" in row for row in kind.table(data)[1])
    assert "Renamed" in kind.alt(data)


class _Asked(dict):
    """The catalogue, noting every key asked for that it does not hold."""

    missing: set[str]

    def get(self, key, default=None):
        if key not in self:
            self.missing.add(key)
        return super().get(key, default)


def test_every_word_of_every_chart_is_in_the_catalogue(dataset, monkeypatch) -> None:
    import dashboard.core.texts as texts

    asked = _Asked(texts.TEXTS)
    asked.missing = set()
    monkeypatch.setattr(texts, "TEXTS", asked)
    for lang in ("sv", "en"):
        for choices in VIEWS:
            state = resolve(dataset, ViewState(**{**choices, "lang": lang}))[0]
            for chart_id in CHART_IDS:
                try:
                    build_chart(dataset, state, chart_id)
                except ChartUnavailable:
                    continue
    assert asked.missing == set()
