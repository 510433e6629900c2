"""The numbers as files: CSV and XLSX of what a chart shows and of the indicator's full data.

CSV follows the spreadsheet habits of the language, so a double-click opens it right:
Swedish uses ';' between fields and a decimal comma, English ',' and a decimal point.
Both are UTF-8 with a byte-order mark, which is how Excel recognises UTF-8 (å, ä, ö).
The XLSX holds both tables and a metadata sheet (definition, unit, direction, sources,
licences, flags and the gap measures with their methods, as the chart's data carries them).
Text cells are neutralised against formula execution (`cells.neutralise`); numbers of
the full data stay numbers, and the numbers of the chart's table, formatted as on the
page, are written as numbers with the same decimals in the language's number format.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterable, Sequence
from datetime import date

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from dashboard.core.i18n import normalise_language
from dashboard.core.schema import TOTAL, in_language
from dashboard.core.texts import t
from dashboard.core.viewstate import ViewState
from dashboard.export.cells import neutralise, shown_number, xml_safe
from dashboard.export.citation import cite
from dashboard.export.dates import format_retrieved
from dashboard.figures.charts import Chart
from dashboard.figures.labels import area_name, flag_text, group_label, view_labels
from dashboard.store import query
from dashboard.store.dataset import Dataset

Cell = str | float | None
BOM = "\ufeff"
# (field delimiter, decimal mark) per language.
CSV_DIALECTS = {"sv": (";", ","), "en": (",", ".")}
FULL_COLUMNS = ("col_indicator", "col_area_code", "col_area", "col_level", "col_period",
                "col_sex", "col_dimension", "col_group", "col_value", "col_ci_low",
                "col_ci_high", "col_flag", "col_note", "col_source_url")
LEVEL_ORDER = (*query.LEVEL_PREFERENCE, "lan", *query.REFERENCE_LEVELS)


def _missing(value: Cell) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _csv_cell(value: Cell, decimal: str) -> str:
    """A CSV field: text neutralised, a number in full precision with the language's mark."""
    if _missing(value):
        return ""
    if isinstance(value, float):
        return repr(value).replace(".", decimal) if decimal != "." else repr(value)
    return neutralise(str(value))


def to_csv(header: Sequence[str], rows: Iterable[Sequence[Cell]], lang: str) -> bytes:
    """A CSV file (UTF-8 with BOM, CRLF line ends) in the language's spreadsheet dialect."""
    delimiter, decimal = CSV_DIALECTS[normalise_language(lang)]
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow([neutralise(h) for h in header])
    writer.writerows([_csv_cell(v, decimal) for v in row] for row in rows)
    return (BOM + out.getvalue()).encode("utf-8")


def shown_csv(chart: Chart, lang: str) -> bytes:
    """Exactly the table the chart shows (as formatted on the page) as CSV."""
    return to_csv(chart.header, chart.rows, lang)


def _level_label(level: str, lang: str) -> str:
    key = f"level_{level}"
    label = t(key, lang)
    return level if label == key else label


def full_table(ds: Dataset, state: ViewState) -> tuple[list[str], list[list[Cell]]]:
    """Every observation of the view's indicator: all areas, periods, sexes and groups."""
    lang = state.lang
    obs = query.for_indicator(ds, state.indicator)
    levels = {level: i for i, level in enumerate(LEVEL_ORDER)}
    sexes = {sex: i for i, sex in enumerate(query.SEX_PREFERENCE)}
    obs = obs.assign(_level=obs["level"].map(levels).fillna(len(levels)),
                     _period=obs["period"].map(query.period_key),
                     _sex=obs["sex"].map(sexes), _total=obs["dimension"] != TOTAL)
    obs = obs.sort_values(["_level", "area_code", "_period", "_sex", "_total", "dimension",
                           "group"], kind="stable")
    urls = dict(zip(ds.sources["id"], ds.sources["url"], strict=True))
    rows: list[list[Cell]] = []
    for row in obs.to_dict("records"):
        group, dimension = group_label(ds, row["dimension"], row["group"], lang)
        rows.append([
            row["indicator_id"], row["area_code"], area_name(row, lang),
            _level_label(row["level"], lang), row["period"], t(f"sex_{row['sex']}", lang),
            "" if row["dimension"] == TOTAL else dimension, group,
            float(row["value"]), float(row["ci_low"]), float(row["ci_high"]),
            flag_text(row["flag"], lang), in_language(row, "note", lang),
            urls.get(row["source_id"], ""),
        ])
    return [t(c, lang) for c in FULL_COLUMNS], rows


def full_csv(ds: Dataset, state: ViewState) -> bytes:
    """The indicator's full data as CSV."""
    header, rows = full_table(ds, state)
    return to_csv(header, rows, state.lang)


def _xlsx_cell(value: Cell) -> Cell:
    if _missing(value):
        return None
    if isinstance(value, float):
        return value
    return xml_safe(neutralise(str(value)))


def _table_sheet(sheet: Worksheet, header: Sequence[str], rows: Iterable[Sequence[Cell]],
                 numbers_in: str | None = None) -> None:
    """A table with a bold, frozen header; with `numbers_in` (a language), text that shows
    one number in that language is stored as that number."""
    sheet.append([_xlsx_cell(h) for h in header])
    for row in rows:
        sheet.append([_xlsx_cell(v) for v in row])
        if numbers_in is None:
            continue
        for cell, shown in zip(sheet[sheet.max_row], row, strict=True):
            number = shown_number(shown, numbers_in) if isinstance(shown, str) else None
            if number is not None:
                cell.value = number.value
                cell.number_format = number.number_format
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    _fit_columns(sheet)


def _fit_columns(sheet: Worksheet, widest: int = 60) -> None:
    for i, column in enumerate(sheet.iter_cols(values_only=True), start=1):
        longest = max((len(str(v)) for v in column if v is not None), default=8)
        sheet.column_dimensions[get_column_letter(i)].width = min(widest, longest + 2)


def metadata_rows(ds: Dataset, state: ViewState, chart: Chart, base_url: str,
                  today: date | None = None) -> list[list[Cell]]:
    """The metadata sheet as rows: about the indicator, then sources, flags and gap measures."""
    lang = state.lang
    labels = view_labels(ds, state)
    citation = cite(chart, state, base_url, today)
    obs = query.for_indicator(ds, state.indicator)
    rows: list[list[Cell]] = [
        [t("meta_title", lang), labels.title],
        [t("definition", lang), labels.definition],
        [t("meta_unit", lang), labels.unit],
        [t("meta_polarity", lang), t(f"polarity_{labels.polarity}", lang)],
    ]
    if labels.caveats:
        rows.append([t("caveats", lang), labels.caveats])
    rows += [
        [t("meta_view", lang), chart.subtitle],
        [t("meta_dataset", lang), ds.info.get(f"title_{lang}", ds.info.get("id", ""))],
        [t("meta_link", lang), citation.link],
        [t("cite_as", lang), "\n".join(citation.lines())],
        [],
        [t("meta_sources", lang)],
        [t(c, lang) for c in ("col_publisher", "col_title", "col_url", "col_licence",
                                 "col_retrieved", "col_notes")],
    ]
    sources = query.sources_for(ds, list(obs["source_id"]))
    rows += [[s.publisher, s.title, s.url, in_language(s, "licence", lang),
              format_retrieved(s.retrieved, lang) if isinstance(s.retrieved, str) else "",
              in_language(s, "notes", lang)] for s in sources.itertuples()]
    flags = obs["flag"].dropna().str.split("|").explode().value_counts().sort_index()
    if len(flags):
        rows += [[], [t("meta_flags", lang)],
                 [t(c, lang) for c in ("col_flag_code", "col_meaning", "col_count")]]
        rows += [[code, flag_text(code, lang), float(count)] for code, count in flags.items()]
    if chart.data.assumptions:
        rows += [[], [t("invest_assumptions", lang)]]
        rows += [[label, value, shown] for label, value, shown in chart.data.assumptions]
    rows += [[], [t("meta_gaps", lang)],
             [t(c, lang) for c in ("col_section", "col_measure", "col_value", "col_ci",
                                      "col_reading", "col_method")]]
    for section in chart.data.gaps.sections:
        rows.append([section.title, "", "", "", section.sentence, ""])
        rows += [[section.title, m.label, m.value, m.ci, m.reading, m.method]
                 for m in section.rows]
    return rows


def to_xlsx(ds: Dataset, state: ViewState, chart: Chart, base_url: str,
            today: date | None = None) -> bytes:
    """A workbook: the chart's table, the indicator's full data, and the metadata."""
    lang = state.lang
    book = Workbook()
    shown = book.active
    shown.title = t("sheet_shown", lang)
    _table_sheet(shown, chart.header, chart.rows, numbers_in=lang)
    _table_sheet(book.create_sheet(t("sheet_full", lang)), *full_table(ds, state))
    meta = book.create_sheet(t("sheet_meta", lang))
    for row in metadata_rows(ds, state, chart, base_url, today):
        meta.append([_xlsx_cell(v) for v in row])
    for cell in meta["A"]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(vertical="top")
    for row in meta.iter_rows(min_col=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    _fit_columns(meta)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
