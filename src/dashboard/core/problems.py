"""The one error shape of the project: a list of problems, each naming file, row and column."""

from __future__ import annotations

from dataclasses import dataclass

MAX_LISTED = 25
# The codes a problem can carry; each has the text `problem_<code>` in both languages.
CODES = frozenset({
    "value_required", "number_required", "not_a_number", "not_finite", "not_flag", "not_year",
    "scale_not_positive", "negative", "ci_reversed", "outside_ci", "bad_order", "differs",
    "average_differs", "subgroup_repeats", "order_repeats", "second_reference",
    "column_missing", "no_rows", "file_empty", "sheet_empty", "sheet_unreadable",
    "unknown_area", "unknown_sex", "csv_unreadable",
    # Folkhälsomyndigheten's DeSO workbooks (ingest/fohm_workbook.py, fohm_deso.py)
    "not_fohm_workbook", "file_damaged", "no_sheet_date", "unknown_heading", "not_deso",
    "not_a_share", "unknown_age", "repeats_date",
})


def text_key(code: str) -> str | None:
    """The catalogue key of a problem code, or None for a problem without a known code."""
    return f"problem_{code}" if code in CODES else None


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input: where it is and what was expected. `code` (with
    `params`) names the text `problem_<code>` that says the same in the page's language."""

    file: str
    row: int | None
    column: str | None
    message: str
    line: int | None = None
    code: str = ""
    params: tuple[tuple[str, str], ...] = ()

    def __str__(self) -> str:
        where = [self.file] if self.file else []
        if self.row is not None:
            where.append(f"row {self.row}" + (f" (line {self.line})" if self.line else ""))
        if self.column is not None:
            where.append(f"column '{self.column}'")
        return f"{', '.join(where) or 'file'}: {self.message}"


class DatasetError(ValueError):
    """Raised when a dataset is refused; nothing of it is loaded or written."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__(self._summary())

    def _summary(self) -> str:
        lines = [f"The data were refused: {len(self.problems)} problem(s)."]
        lines += [f"  - {p}" for p in self.problems[:MAX_LISTED]]
        if len(self.problems) > MAX_LISTED:
            lines.append(f"  ... and {len(self.problems) - MAX_LISTED} more")
        return "\n".join(lines)
