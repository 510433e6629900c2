"""Fixtures for the export tests: one shared browser, resolved views, a spiked dataset."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from dashboard.app.pages import chart_fields
from dashboard.core.viewstate import ViewState, restrict
from dashboard.export.renderer import FigureRenderer, shared_renderer
from dashboard.store.dataset import Dataset, from_tables
from tests.export.helpers import resolved

POPULATION_CHANGE = "befolkningsforandring"
# Notes a spreadsheet would run as formulas, one per observation of the indicator above.
SPIKED_NOTES = ("=HYPERLINK(\"http://evil.example\",\"x\")", "@SUM(A1:A9)", "+1+1")


@pytest.fixture(scope="session")
def renderer() -> Iterator[FigureRenderer]:
    """The process-wide renderer (the one the command uses), started once, closed at the end."""
    shared = shared_renderer()
    shared.start()
    yield shared
    shared.close()


@pytest.fixture(scope="session")
def sv_view(dataset: Dataset) -> ViewState:
    """The start view as the export route receives it for the bars (its page's fields)."""
    return restrict(resolved(dataset), chart_fields("bars"))


@pytest.fixture(scope="session")
def en_view(dataset: Dataset) -> ViewState:
    return restrict(resolved(dataset, lang="en"), chart_fields("bars"))


@pytest.fixture(scope="session")
def spiked(dataset: Dataset) -> tuple[Dataset, ViewState]:
    """The embedded dataset with formula-like notes on the population change (which has a
    negative value), and the view that shows them."""
    tables = {name: dataset.table(name).copy() for name in
              ("observations", "indicators", "areas", "groups", "sources")}
    obs = tables["observations"]
    rows = obs.index[obs["indicator_id"] == POPULATION_CHANGE]
    assert len(rows) == len(SPIKED_NOTES) and (obs.loc[rows, "value"] < 0).any()
    for column in ("note", "note_sv", "note_en"):
        obs.loc[rows, column] = list(SPIKED_NOTES)
    spiked_ds = from_tables(tables, dataset.info)
    return spiked_ds, resolved(spiked_ds, indicator=POPULATION_CHANGE)

