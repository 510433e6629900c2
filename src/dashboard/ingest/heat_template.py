"""Files in the WHO HEAT Plus data template (CSV or XLSX) -> validated strata of subgroups.

Template: WHO HEAT Plus v6 upload template, one row per subgroup with the columns in
`COLUMNS`. Rows are grouped into strata by (setting, year, indicator_abbr, dimension). The
interval is kept; a missing `se` is derived from it as (ci_ub - ci_lb) / (2 z), z the 97.5%
normal quantile, as HEAT Plus does. An estimate outside its interval is a problem.

Every problem names the 1-based data row, the spreadsheet line and the column, and carries
a code for the text that says it in the reader's language (`problem_<code>`). A problem
in a row, or an inconsistency within a stratum (different scales, repeated subgroup orders,
two reference subgroups), rejects that stratum only: the valid strata are returned beside
the problems. A file that cannot be read at all (missing, not CSV/XLSX, missing columns, no
rows) raises `TemplateError`.

CSV files may be comma, semicolon or tab separated; with semicolons or tabs a decimal
comma is accepted ("12,5"), as Swedish spreadsheet exports write it.
"""

from __future__ import annotations

import csv
import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np
from scipy.stats import norm

from dashboard.core.problems import Problem

COLUMNS: tuple[str, ...] = (
    "setting", "year", "source", "indicator_abbr", "indicator_name", "indicator_scale",
    "dimension", "subgroup", "estimate", "se", "ci_lb", "ci_ub", "population", "flag",
    "setting_average", "iso3", "favourable_indicator", "ordered_dimension", "subgroup_order",
    "reference_subgroup",
)  # fmt: skip
REQUIRED_COLUMNS: tuple[str, ...] = (
    "setting", "year", "indicator_abbr", "indicator_scale", "dimension", "subgroup",
    "estimate", "favourable_indicator", "ordered_dimension", "subgroup_order",
)  # fmt: skip
KEY_COLUMNS = ("setting", "year", "indicator_abbr", "dimension")
Z95 = float(norm.ppf(0.975))
SE_FROM_CI = 2 * Z95
MISSING = {"", "na", "n/a", "nan", "null", "none", "."}
_DECIMAL_COMMA = re.compile(r"^[+-]?\d*,\d+$")


class TemplateError(ValueError):
    """Raised when nothing can be read from the file; carries the problems."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__("; ".join(str(p) for p in self.problems))


@dataclass(frozen=True, eq=False)
class HeatStratum:
    """One valid stratum: its keys, subgroup names and aligned arrays (row order)."""

    setting: str
    year: int
    indicator_abbr: str
    indicator_name: str
    dimension: str
    source: str
    subgroups: tuple[str, ...]
    estimate: np.ndarray
    se: np.ndarray
    ci_lb: np.ndarray
    ci_ub: np.ndarray
    population: np.ndarray
    order: np.ndarray | None
    reference: int | None
    favourable: bool
    scale: float
    setting_average: float | None
    rows: tuple[int, ...]

    @property
    def key(self) -> tuple[str, int, str, str]:
        return (self.setting, self.year, self.indicator_abbr, self.dimension)


@dataclass(frozen=True)
class TemplateData:
    """What was read: valid strata, problems, and the keys of the strata left out."""

    strata: tuple[HeatStratum, ...]
    problems: tuple[Problem, ...]
    skipped: tuple[tuple[str, ...], ...]
    n_rows: int


@dataclass
class _Row:
    row: int
    line: int
    raw: dict[str, object]
    values: dict[str, Any] = field(default_factory=dict)


class _Cells:
    """Parses one row's cells, recording a problem per bad cell."""

    def __init__(self, row: _Row, decimal_comma: bool, problems: list[Problem]):
        self.row = row
        self.decimal_comma = decimal_comma
        self.problems = problems
        self.ok = True

    def problem(self, column: str, message: str, code: str, **params: str) -> None:
        self.ok = False
        self.problems.append(Problem("", self.row.row, column, message, self.row.line, code,
                                     tuple(params.items())))

    def text(self, column: str, *, required: bool) -> str:
        value = _clean(self.row.raw.get(column))
        if value is None:
            if required:
                self.problem(column, "a value is required", "value_required")
            return ""
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return str(value)

    def number(self, column: str, *, required: bool = False) -> float | None:
        value = _clean(self.row.raw.get(column))
        if value is None:
            if required:
                self.problem(column, "a number is required", "number_required")
            return None
        if isinstance(value, bool):
            self.problem(column, f"expected a number, got {value!r}", "not_a_number",
                         got=repr(value))
            return None
        if isinstance(value, int | float):
            number = float(value)
        else:
            text = str(value)
            if self.decimal_comma and _DECIMAL_COMMA.match(text):
                text = text.replace(",", ".")
            try:
                number = float(text)
            except ValueError:
                self.problem(column, f"expected a number, got {value!r}", "not_a_number",
                             got=repr(value))
                return None
        if not math.isfinite(number):
            self.problem(column, f"expected a finite number, got {value!r}", "not_finite",
                         got=repr(value))
            return None
        return number

    def flag(self, column: str, *, required: bool) -> bool | None:
        number = self.number(column, required=required)
        if number is None:
            return None
        if number not in (0.0, 1.0):
            self.problem(column, f"must be 0 or 1, got {_show(number)}", "not_flag",
                         got=_show(number))
            return None
        return number == 1.0


def _clean(value: object) -> object:
    if value is None:
        return None
    if isinstance(value, str):
        value = value.strip()
        return None if value.lower() in MISSING else value
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def _key_text(value: object) -> str:
    value = _clean(value)
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _show(number: float) -> str:
    return str(int(number)) if number.is_integer() else str(number)


def _parse_row(row: _Row, decimal_comma: bool, problems: list[Problem]) -> bool:
    cells = _Cells(row, decimal_comma, problems)
    v = row.values
    for column in ("setting", "indicator_abbr", "dimension", "subgroup"):
        v[column] = cells.text(column, required=True)
    for column in ("source", "indicator_name"):
        v[column] = cells.text(column, required=False)
    year = cells.number("year", required=True)
    if year is not None and not year.is_integer():
        cells.problem("year", f"must be a whole year such as 2012, got {_show(year)}",
                      "not_year", got=_show(year))
    v["year"] = int(year) if year is not None and year.is_integer() else None
    scale = cells.number("indicator_scale", required=True)
    if scale is not None and scale <= 0:
        cells.problem("indicator_scale", f"must be above 0 (e.g. 100 for percent), got {scale}",
                      "scale_not_positive", got=str(scale))
    v["indicator_scale"] = scale
    for column in ("estimate", "ci_lb", "ci_ub", "setting_average"):
        v[column] = cells.number(column)
    for column in ("se", "population"):
        number = cells.number(column)
        if number is not None and number < 0:
            cells.problem(column, f"must not be negative, got {_show(number)}", "negative",
                          got=_show(number))
        v[column] = number
    lb, ub = v["ci_lb"], v["ci_ub"]
    if lb is not None and ub is not None and lb > ub:
        cells.problem("ci_lb", f"lower limit {_show(lb)} is above the upper limit {_show(ub)}",
                      "ci_reversed", lb=_show(lb), ub=_show(ub))
    estimate = v["estimate"]
    if estimate is not None and lb is not None and ub is not None and lb <= ub \
            and not lb <= estimate <= ub:
        cells.problem("estimate", f"{_show(estimate)} is outside its interval {_show(lb)} to "
                      f"{_show(ub)}", "outside_ci", got=_show(estimate), lb=_show(lb),
                      ub=_show(ub))
    if v["se"] is None and lb is not None and ub is not None and lb <= ub:
        v["se"] = (ub - lb) / SE_FROM_CI
    v["favourable_indicator"] = cells.flag("favourable_indicator", required=True)
    v["ordered_dimension"] = cells.flag("ordered_dimension", required=True)
    v["reference_subgroup"] = cells.flag("reference_subgroup", required=False) or False
    order = cells.number("subgroup_order", required=bool(v["ordered_dimension"]))
    if v["ordered_dimension"] and order is not None and not (order.is_integer() and order >= 1):
        cells.problem("subgroup_order", f"must be a whole number from 1 up, got {_show(order)}",
                      "bad_order", got=_show(order))
    v["subgroup_order"] = order
    return cells.ok


def _consistent(rows: list[_Row], column: str, problems: list[Problem]) -> bool:
    first = rows[0].values[column]
    for r in rows[1:]:
        if r.values[column] != first:
            problems.append(
                Problem("",
                    r.row,
                    column,
                    f"differs within the stratum ({r.values[column]!r} here, {first!r} in "
                    f"row {rows[0].row}); it must be the same for every subgroup",
                    r.line, "differs",
                    (("here", repr(r.values[column])), ("first", repr(first)),
                     ("row", str(rows[0].row))),
                )
            )
            return False
    return True


def _stratum(rows: list[_Row], problems: list[Problem]) -> HeatStratum | None:
    ok = all(
        _consistent(rows, c, problems)
        for c in ("indicator_scale", "favourable_indicator", "ordered_dimension")
    )
    averages = {r.values["setting_average"] for r in rows} - {None}
    if len(averages) > 1:
        r = next(r for r in rows if r.values["setting_average"] is not None)
        problems.append(
            Problem("", r.row, "setting_average", "differs within the stratum", r.line,
                    "average_differs")
        )
        ok = False
    seen: dict[str, _Row] = {}
    for r in rows:
        name = r.values["subgroup"]
        if name in seen:
            problems.append(
                Problem("",
                    r.row, "subgroup", f"{name!r} repeats row {seen[name].row}", r.line,
                    "subgroup_repeats", (("name", repr(name)), ("row", str(seen[name].row)))
                )
            )
            ok = False
        seen.setdefault(name, r)
    ordered = bool(rows[0].values["ordered_dimension"])
    if ordered:
        orders: dict[float, _Row] = {}
        for r in rows:
            order = r.values["subgroup_order"]
            if order in orders:
                problems.append(
                    Problem("",
                        r.row,
                        "subgroup_order",
                        f"order {_show(order)} repeats row {orders[order].row}",
                        r.line, "order_repeats",
                        (("order", _show(order)), ("row", str(orders[order].row))),
                    )
                )
                ok = False
            orders.setdefault(order, r)
    references = [i for i, r in enumerate(rows) if r.values["reference_subgroup"]]
    if len(references) > 1:
        r = rows[references[1]]
        problems.append(
            Problem("",
                r.row,
                "reference_subgroup",
                f"a second reference subgroup (the first is in row {rows[references[0]].row})",
                r.line, "second_reference", (("row", str(rows[references[0]].row)),),
            )
        )
        ok = False
    if not ok:
        return None
    first = rows[0].values

    def column(name: str) -> np.ndarray:
        return np.array([np.nan if r.values[name] is None else r.values[name] for r in rows])

    return HeatStratum(
        setting=first["setting"],
        year=first["year"],
        indicator_abbr=first["indicator_abbr"],
        indicator_name=first["indicator_name"],
        dimension=first["dimension"],
        source=first["source"],
        subgroups=tuple(r.values["subgroup"] for r in rows),
        estimate=column("estimate"),
        se=column("se"),
        ci_lb=column("ci_lb"),
        ci_ub=column("ci_ub"),
        population=column("population"),
        order=column("subgroup_order") if ordered else None,
        reference=references[0] if references else None,
        favourable=bool(first["favourable_indicator"]),
        scale=float(first["indicator_scale"]),
        setting_average=next(iter(averages)) if averages else None,
        rows=tuple(r.row for r in rows),
    )


def parse_records(
    header: list[object], records: Iterable[tuple[int, list[object]]], *, decimal_comma: bool
) -> TemplateData:
    """Validate template records (spreadsheet line, cells) under `header` into strata."""
    names = [str(h).strip().lower().lstrip("\ufeff") if h is not None else "" for h in header]
    missing = [c for c in REQUIRED_COLUMNS if c not in names]
    if missing:
        raise TemplateError(
            [
                Problem("", None, c, "required column is missing from the header", 1,
                        "column_missing")
                for c in missing
            ]
        )
    problems: list[Problem] = []
    groups: dict[tuple[str, ...], list[_Row]] = {}
    bad: set[tuple[str, ...]] = set()
    n_rows = 0
    for n_rows, (line, cells) in enumerate(records, start=1):
        if all(_clean(c) is None for c in cells):
            continue
        raw = {name: cells[i] if i < len(cells) else None for i, name in enumerate(names)}
        row = _Row(n_rows, line, raw)
        key = tuple(_key_text(raw.get(c)) for c in KEY_COLUMNS)
        groups.setdefault(key, []).append(row)
        if not _parse_row(row, decimal_comma, problems):
            bad.add(key)
    if not groups:
        raise TemplateError([Problem("", None, None, "the file has no data rows", None,
                                     "no_rows")])
    strata = []
    skipped = []
    for key, rows in groups.items():
        stratum = None if key in bad else _stratum(rows, problems)
        if stratum is None:
            skipped.append(key)
        else:
            strata.append(stratum)
    problems.sort(key=lambda p: (p.row or 0, p.column or ""))
    return TemplateData(tuple(strata), tuple(problems), tuple(skipped), n_rows)


def _csv_records(path: Path) -> tuple[list[object], Iterator[tuple[int, list[object]]], bool]:
    text = ""
    for encoding in ("utf-8-sig", "cp1252", "latin-1"):
        try:
            text = path.read_text(encoding=encoding)
            break
        except UnicodeDecodeError:
            continue
    first = text.split("\n", 1)[0]
    delimiter = max((";", ",", "\t"), key=first.count)
    reader = csv.reader(text.splitlines(keepends=True), delimiter=delimiter)

    def lines() -> Iterator[tuple[int, list[object]]]:
        try:
            for cells in reader:
                yield reader.line_num, list(cells)
        except csv.Error as error:
            raise TemplateError([Problem("", None, None, f"cannot be read as CSV ({error})",
                                         reader.line_num, "csv_unreadable")]) from error

    records = lines()
    header = next(records, None)
    if header is None:
        raise TemplateError([Problem("", None, None, "the file is empty", None, "file_empty")])
    return header[1], records, delimiter != ","


def _xlsx_records(path: Path) -> tuple[list[object], Iterator[tuple[int, list[object]]], bool]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises several unrelated types for a bad file
        raise TemplateError(
            [Problem("", None, None, f"cannot read the spreadsheet: {error}", None,
                     "sheet_unreadable")]
        ) from error
    rows = book.worksheets[0].iter_rows(values_only=True)
    header = next(rows, None)
    if header is None:
        book.close()
        raise TemplateError([Problem("", None, None, "the spreadsheet is empty", None,
                                     "sheet_empty")])

    def records() -> Iterator[tuple[int, list[object]]]:
        try:
            for line, cells in enumerate(rows, start=2):
                yield line, list(cells)
        finally:
            book.close()

    return list(header), records(), False


def read_heat_template(path: str | Path) -> TemplateData:
    """Read a HEAT Plus template file (.csv or .xlsx) into valid strata and problems,
    each problem naming the file, the data row, the spreadsheet line and the column."""
    path = Path(path)
    if not path.is_file():
        raise TemplateError([Problem(str(path), None, None, "no such file")])
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        header, records, decimal_comma = _xlsx_records(path)
    elif suffix in (".csv", ".txt", ".tsv"):
        header, records, decimal_comma = _csv_records(path)
    else:
        raise TemplateError(
            [Problem(path.name, None, None, "expected a .csv or .xlsx file")]
        )
    try:
        data = parse_records(header, records, decimal_comma=decimal_comma)
    except TemplateError as error:
        raise TemplateError([replace(p, file=path.name) for p in error.problems]) from error
    return replace(data, problems=tuple(replace(p, file=path.name) for p in data.problems))
