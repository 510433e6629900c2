"""Issue 11, item 6: a licence, a source's notes and a transcriber's note appear in the view's
language on the page (table, definitions) and in the exports (CSV, Excel, README)."""

from __future__ import annotations

import io
import json
from dataclasses import replace

import pandas as pd
import pytest
from dash import html
from dash._utils import to_json
from openpyxl import load_workbook

from dashboard.app.pages import Context, definitions
from dashboard.core.texts import t
from dashboard.export.bundle import readme
from dashboard.export.data import full_csv, shown_csv, to_xlsx
from dashboard.figures.charts import build_chart
from dashboard.store import query
from dashboard.store.dataset import Dataset
from tests.export.helpers import BASE_URL, resolved

INDICATOR = "fodda_i_utlandet_andel"  # 2012: notes written in English by the transcriber
OFFICIAL_SV = "Officiell statistik publicerad av Malmö stad"
OFFICIAL_EN = "Official statistics published by Malmö stad"


def _view(ds: Dataset, lang: str):
    return resolved(ds, indicator=INDICATOR, period="2012", lang=lang)


def _notes(ds: Dataset, lang: str) -> set[str]:
    state = _view(ds, lang)
    values = query.view_values(ds, state)
    return {n for n in values[f"note_{lang}"] if isinstance(n, str) and n}


@pytest.mark.parametrize("lang,other", [("sv", "en"), ("en", "sv")])
def test_the_bars_table_rows_hold_the_note_in_the_view_language(dataset, lang,
                                                                 other) -> None:
    chart = build_chart(dataset, _view(dataset, lang), "bars")
    column = chart.header.index(t("note", lang))
    shown = {row[column] for row in chart.rows if row[column]}
    assert shown and shown <= _notes(dataset, lang)
    assert not shown & (_notes(dataset, other) - _notes(dataset, lang))
    word = "hela procent som i källan" if lang == "sv" else "integer % as printed"
    assert any(word in note for note in shown)


@pytest.mark.parametrize("lang,mine,other", [("sv", OFFICIAL_SV, OFFICIAL_EN),
                                             ("en", OFFICIAL_EN, OFFICIAL_SV)])
def test_the_chart_licence_and_readme_citation_are_in_the_view_language(
        dataset, lang, mine, other) -> None:
    state = _view(dataset, lang)
    chart = build_chart(dataset, state, "bars")
    assert mine in chart.licence and other not in chart.licence
    text = readme({lang: (chart, state)}, BASE_URL, "chart")
    assert mine in text and other not in text


@pytest.mark.parametrize("lang,mine,other", [("sv", OFFICIAL_SV, OFFICIAL_EN),
                                             ("en", OFFICIAL_EN, OFFICIAL_SV)])
def test_the_definitions_page_names_the_licence_in_the_view_language(dataset, lang, mine,
                                                                      other) -> None:
    state = _view(dataset, lang)
    ctx = Context(dataset, replace(state, topic="population"), {}, "/definitions", "",
                  frozenset())
    page = json.dumps(json.loads(to_json(html.Div(definitions.PAGE.layout(ctx)))),
                      ensure_ascii=False)
    assert query.indicator_info(dataset, INDICATOR)[f"title_{lang}"] in page
    assert mine in page and other not in page


@pytest.mark.parametrize("lang,mine,other", [("sv", OFFICIAL_SV, OFFICIAL_EN),
                                             ("en", OFFICIAL_EN, OFFICIAL_SV)])
def test_the_excel_sources_sheet_and_csvs_are_in_the_view_language(dataset, lang, mine,
                                                                    other) -> None:
    state = _view(dataset, lang)
    chart = build_chart(dataset, state, "bars")
    book = load_workbook(io.BytesIO(to_xlsx(dataset, state, chart, BASE_URL)))
    cells = {str(v) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True)
             for v in row if v is not None}
    assert any(c.startswith(mine) for c in cells)
    assert not any(other in c for c in cells)
    archived = {"sv": "Avskrivet från en arkiverad kopia", "en": "Transcribed from an archived"}
    assert any(c.startswith(archived[lang]) for c in cells)
    assert _notes(dataset, lang) <= cells
    sep = ";" if lang == "sv" else ","
    for payload in (shown_csv(chart, lang), full_csv(dataset, state)):
        table = pd.read_csv(io.BytesIO(payload), sep=sep, dtype=str, encoding="utf-8-sig")
        notes = {n for n in table[t("col_note", lang)].dropna()}
        assert notes and notes <= {n for n in query.for_indicator(dataset, INDICATOR)[
            f"note_{lang}"].dropna()}
