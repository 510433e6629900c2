"""The overview says better / similar / worse than Malmö in a symbol and in words as well as
in colour (WCAG 2.1, 1.4.1): in the ten-district table, in the many-area table and in the
legend that explains the symbols."""

from __future__ import annotations

import re

import pytest
from dash.development.base_component import Component

from dashboard.app.pages import Context
from dashboard.app.pages.overview import PAGE
from dashboard.app.viewmodel import resolve
from dashboard.core.texts import t
from dashboard.core.viewstate import from_query
from dashboard.figures.overview import SYMBOLS
from dashboard.store.dataset import Dataset
from tests.synthetic import deso_dataset

JUDGED = ("better", "similar", "worse")


def drawn(ds: Dataset, search: str) -> list:
    state, _ = resolve(ds, from_query(search)[0])
    return PAGE.layout(Context(ds, state, {}, "/overview"))


def find(node: object, keep) -> list[Component]:
    """Every component of the tree for which `keep` holds."""
    if isinstance(node, (list, tuple)):
        return [c for n in node for c in find(n, keep)]
    if not isinstance(node, Component):
        return []
    own = [node] if keep(node) else []
    return own + find(getattr(node, "children", None), keep)


def text_of(node: object) -> str:
    if isinstance(node, (list, tuple)):
        return "".join(text_of(n) for n in node)
    if isinstance(node, Component):
        return text_of(getattr(node, "children", None))
    return "" if node is None else str(node)


def classes(node: Component) -> list[str]:
    return str(getattr(node, "className", "") or "").split()


def test_symbols_are_distinct_and_apart_from_the_trend_arrows() -> None:
    symbols = [SYMBOLS[s] for s in JUDGED]
    assert all(symbols) and len(set(symbols)) == 3
    assert not set(symbols) & {"↑", "↓", "→", "▲", "▼", "↕"}


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_district_cell_has_its_symbol_and_words(dataset: Dataset, lang: str) -> None:
    tree = drawn(dataset, f"?lang={lang}&level=stadsdel")
    cells = find(tree, lambda c: c.__class__.__name__ == "Td" and "cell" in classes(c))
    statuses = [next(k for k in classes(c) if k != "cell") for c in cells]
    assert len(cells) >= 10 and {"better", "worse"} <= set(statuses)
    for cell, status in zip(cells, statuses, strict=True):
        symbols = find(cell.children, lambda c: "judge" in classes(c))
        assert [text_of(s) for s in symbols] == ([SYMBOLS[status]] if SYMBOLS[status] else [])
        assert all(getattr(s, "aria-hidden") == "true" for s in symbols)
        spoken = find(cell.children, lambda c: "visually-hidden" in classes(c))
        assert [text_of(s) for s in spoken] == [f", {t('status_' + status, lang)}"]


def test_the_legend_explains_each_symbol(dataset: Dataset) -> None:
    legend = find(drawn(dataset, "?lang=en&level=stadsdel"),
                  lambda c: getattr(c, "id", None) == "overview-legend")[0]
    words = text_of(legend)
    for status in JUDGED:
        assert f"{SYMBOLS[status]}{t('status_' + status, 'en')}" in words


def test_every_cell_of_the_many_area_table_has_its_symbol_and_words() -> None:
    deso = deso_dataset(192, ("2021", "2022"))
    tree = drawn(deso, "?lang=sv&level=deso&osize=50")
    html = "".join(str(c.children) for c in
                   find(tree, lambda c: getattr(c, "id", None) == "overview-markup"))
    cells = re.findall(r'<td class="cell (\w+)"[^>]*>(.*?)</td>', html)
    assert len(cells) >= 50 and {"better", "similar", "worse"} <= {s for s, _ in cells}
    for status, inner in cells:
        symbol = re.findall(r'<span class="judge" aria-hidden="true">(.*?)</span>', inner)
        assert symbol == ([SYMBOLS[status]] if SYMBOLS[status] else [])
        spoken = re.findall(r'<span class="visually-hidden">(.*?)</span>', inner)
        assert spoken == [f", {t('status_' + status, 'sv')}"]
