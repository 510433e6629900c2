"""CSV and XLSX: the shown table round-trips, full data keep numbers, formulas are defused."""

from __future__ import annotations

import io

import pandas as pd
import pytest
from openpyxl import load_workbook

from dashboard.app.viewmodel import resolve
from dashboard.core.texts import t
from dashboard.core.viewstate import ViewState, to_query
from dashboard.export.cells import neutralise, shown_number, xml_safe
from dashboard.export.data import full_csv, full_table, shown_csv, to_xlsx
from dashboard.figures.charts import build_chart
from dashboard.figures.gaps import gap_panel
from dashboard.store import query
from tests.export.conftest import SPIKED_NOTES
from tests.export.helpers import BASE_URL

BOM = b"\xef\xbb\xbf"


def read_csv(payload: bytes, lang: str, **options) -> pd.DataFrame:
    sep, decimal = (";", ",") if lang == "sv" else (",", ".")
    return pd.read_csv(io.BytesIO(payload), sep=sep, decimal=decimal, encoding="utf-8-sig",
                       keep_default_na=False, **options)


def workbook(payload: bytes):
    return load_workbook(io.BytesIO(payload))


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("chart_id", ["map", "bars"])
def test_shown_csv_round_trips_to_the_chart_rows(dataset, chart_id, lang) -> None:
    state = resolve(dataset, ViewState(lang=lang))[0]
    chart = build_chart(dataset, state, chart_id)
    payload = shown_csv(chart, lang)
    assert payload.startswith(BOM)
    frame = read_csv(payload, lang, dtype=str)
    assert tuple(frame.columns) == chart.header
    assert [tuple(r) for r in frame.itertuples(index=False)] == list(chart.rows)


def test_swedish_letters_survive_with_the_bom(dataset, sv_view) -> None:
    payload = shown_csv(build_chart(dataset, sv_view, "bars"), "sv")
    assert payload[:3] == BOM
    decoded = payload.decode("utf-8-sig")
    assert "Södra Innerstaden" in decoded and "Källa" in decoded
    assert decoded.splitlines()[0].count(";") == 6


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("chart_id", ["bars", "potential", "indexbars"])
def test_xlsx_shown_sheet_holds_the_chart_rows_with_numbers_as_numbers(dataset, chart_id,
                                                                       lang) -> None:
    """Item 14: '81,0' is stored as 81.0 shown with one decimal, in the language's locale."""
    state = resolve(dataset, ViewState(lang=lang))[0]
    chart = build_chart(dataset, state, chart_id)
    book = workbook(to_xlsx(dataset, state, chart, BASE_URL))
    assert book.sheetnames == [t(k, lang) for k in ("sheet_shown", "sheet_full",
                                                        "sheet_meta")]
    sheet = book.worksheets[0]
    assert tuple(c.value for c in sheet[1]) == chart.header
    locale = "[$-41D]" if lang == "sv" else "[$-809]"
    numbers = 0
    for cells, shown in zip(sheet.iter_rows(min_row=2), chart.rows, strict=True):
        for cell, text in zip(cells, shown, strict=True):
            number = shown_number(text, lang)
            if number is None:
                assert (cell.value or "") == text
                continue
            numbers += 1
            assert cell.data_type == "n" and cell.value == pytest.approx(number.value)
            assert cell.number_format.startswith(locale)
            decimals = text.split("," if lang == "sv" else ".")[-1] \
                if ("," if lang == "sv" else ".") in text else ""
            assert cell.number_format.endswith("." + "0" * len(decimals) if decimals else "0")
    assert numbers >= len(chart.rows)


@pytest.mark.parametrize(("text", "lang", "value", "number_format"), [
    ("81,0", "sv", 81.0, "[$-41D]0.0"), ("81.0", "en", 81.0, "[$-809]0.0"),
    ("47\u00a0171", "sv", 47171, "[$-41D]#,##0"), ("47,171", "en", 47171, "[$-809]#,##0"),
    ("\u22122,35", "sv", -2.35, "[$-41D]0.00"), ("+1.5", "en", 1.5, "[$-809]+0.0;-0.0;0.0"),
    ("2010", "sv", 2010, "[$-41D]0"),
])
def test_shown_numbers_are_read_back_with_their_format(text, lang, value,
                                                       number_format) -> None:
    number = shown_number(text, lang)
    assert number is not None
    assert (number.value, number.number_format) == (pytest.approx(value), number_format)


@pytest.mark.parametrize(("text", "lang"), [("1/10", "sv"), ("78,1–83,9", "sv"),
                                            ("81.0", "sv"), ("1,11", "en"), ("Oxie", "en"),
                                            ("", "sv"), ("1,2345", "en")])
def test_text_that_is_not_one_number_stays_text(text, lang) -> None:
    assert shown_number(text, lang) is None


def test_full_data_cover_every_observation_with_numbers(dataset, sv_view) -> None:
    header, rows = full_table(dataset, sv_view)
    obs = query.for_indicator(dataset, sv_view.indicator)
    assert len(rows) == len(obs)
    assert {r[1] for r in rows} == set(obs["area_code"])
    assert {r[4] for r in rows} == set(obs["period"])
    frame = read_csv(full_csv(dataset, sv_view), "sv")
    value = t("col_value", "sv")
    assert list(frame.columns) == header
    assert frame[value].dtype.kind == "f"
    assert sorted(frame[value].dropna()) == sorted(obs["value"].dropna())
    book = workbook(to_xlsx(dataset, sv_view, build_chart(dataset, sv_view, "map"),
                            BASE_URL))
    column = header.index(value) + 1
    cells = [row[column - 1] for row in book.worksheets[1].iter_rows(min_row=2)]
    assert all(c.data_type == "n" for c in cells)


def test_metadata_sheet_has_definition_sources_flags_and_gap_methods(dataset,
                                                                     sv_view) -> None:
    chart = build_chart(dataset, sv_view, "bars")
    book = workbook(to_xlsx(dataset, sv_view, chart, BASE_URL))
    cells = {str(v) for row in book.worksheets[2].iter_rows(values_only=True) for v in row
             if v is not None}
    info = query.indicator_info(dataset, sv_view.indicator)
    assert info["definition_sv"] in cells
    assert "Högre är bättre" in cells
    sources = query.sources_for(dataset, list(query.for_indicator(
        dataset, sv_view.indicator)["source_id"]))
    assert set(sources["url"]) <= cells and set(sources["licence_sv"]) <= cells
    assert set(sources["notes_sv"]) <= cells
    assert not set(sources["licence_en"]) & cells  # a Swedish sheet has the Swedish licence
    assert "inconsistent" in cells
    measures = [row for section in gap_panel(dataset, sv_view).sections
                for row in section.rows]
    assert measures and {m.method for m in measures} <= cells
    assert {m.label for m in measures} <= cells
    assert BASE_URL + to_query(sv_view) in cells


def test_formula_notes_are_neutralised_and_negative_values_stay_numbers(spiked) -> None:
    ds, state = spiked
    chart = build_chart(ds, state, "bars")
    expected = {"'" + note for note in SPIKED_NOTES}
    shown = read_csv(shown_csv(chart, "sv"), "sv", dtype=str)
    assert set(shown[t("col_note", "sv")]) == expected
    book = workbook(to_xlsx(ds, state, chart, BASE_URL))
    texts = [c for sheet in book.worksheets[:2] for row in sheet.iter_rows() for c in row
             if isinstance(c.value, str)]
    assert all(c.data_type == "s" and not c.value.startswith(("=", "+", "-", "@"))
               for c in texts)
    assert expected <= {c.value for c in texts}
    header, _ = full_table(ds, state)
    column = header.index(t("col_value", "sv"))
    values = [row[column].value for row in book.worksheets[1].iter_rows(min_row=2)]
    negative = [v for v in values if isinstance(v, (int, float)) and v < 0]
    assert negative
    full = read_csv(full_csv(ds, state), "sv")
    assert (full[t("col_value", "sv")] < 0).any()
    assert set(full[t("col_note", "sv")]) == expected


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_every_formula_start_is_defused(start) -> None:
    assert neutralise(f"{start}cmd|' /C calc'!A0") == f"'{start}cmd|' /C calc'!A0"


def test_plain_text_is_left_alone() -> None:
    assert neutralise("Södra Innerstaden −1,2") == "Södra Innerstaden −1,2"
    assert xml_safe("a\x00b\x1fc\td") == "abc\td"
