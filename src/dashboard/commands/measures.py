"""`dashboard measures INPUT [-o OUTPUT] [--measures id,...]`: gap measures for a HEAT file.

Reads a file in the WHO HEAT Plus template (CSV or XLSX), computes the requested measures
(default: every registered one) for each setting, year, indicator and dimension, and writes
one CSV row per stratum and measure. Problems go to stderr naming row, line and column.
Exit status: 0 all strata valid; 1 some strata skipped (the valid ones are still written);
2 nothing could be read or computed.
"""

from __future__ import annotations

import argparse
import csv
import io
import math
import sys
from typing import TextIO

from dashboard.core.files import write_atomic
from dashboard.ingest.heat_template import HeatStratum, TemplateError, read_heat_template
from dashboard.measures import (
    DEFAULT_SEED,
    MEASURES,
    MeasureResult,
    Subgroups,
    compute_all,
)

OUTPUT_COLUMNS = (
    "setting", "year", "indicator_abbr", "dimension", "measure", "estimate", "se", "ci_lb",
    "ci_ub", "unit", "method", "applicable", "note",
)  # fmt: skip


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Register the `measures` subcommand."""
    parser = subparsers.add_parser(
        "measures",
        help="compute gap measures for a file in the WHO HEAT Plus template",
        description=(
            "Compute WHO HEAT (and PHE) gap measures for every setting, year, indicator and "
            "dimension in a HEAT Plus template file (CSV or XLSX); write them as CSV."
        ),
    )
    parser.add_argument("input", metavar="INPUT", help="HEAT Plus template file (.csv or .xlsx)")
    parser.add_argument(
        "-o", "--output", metavar="OUTPUT", help="CSV file to write (default: standard output)"
    )
    parser.add_argument(
        "--measures",
        metavar="ID,ID,...",
        help=f"comma-separated measure ids (default: all): {', '.join(MEASURES)}",
    )
    parser.add_argument(
        "--seed",
        type=int,
        default=DEFAULT_SEED,
        help=f"seed of the simulated intervals (default {DEFAULT_SEED})",
    )
    parser.set_defaults(func=run)


def _measure_ids(text: str | None) -> list[str]:
    if not text:
        return list(MEASURES)
    ids = [part.strip().lower() for part in text.split(",") if part.strip()]
    unknown = [m for m in ids if m not in MEASURES]
    if unknown or not ids:
        raise ValueError(
            f"unknown measure id(s): {', '.join(unknown) or '(none given)'}; "
            f"choose from {', '.join(MEASURES)}"
        )
    return ids


def _subgroups(stratum: HeatStratum) -> Subgroups:
    return Subgroups(
        estimate=stratum.estimate,
        se=stratum.se,
        population=stratum.population,
        order=stratum.order,
        reference=stratum.reference,
        favourable=stratum.favourable,
        scale=stratum.scale,
        setting_average=stratum.setting_average,
    )


def _number(value: float) -> str:
    return "" if math.isnan(value) else f"{value:.12g}"


def _note(result: MeasureResult) -> str:
    if not result.applicable:
        return result.reason or ""
    info = MEASURES[result.measure]
    notes = []
    if info.se_scale == "log":
        notes.append("se is the standard error of the log ratio")
    elif info.se_scale == "none":
        notes.append("no se: the interval is simulated")
    if math.isnan(result.ci_lb) or math.isnan(result.ci_ub):
        notes.append("no interval: standard errors or populations missing")
    return "; ".join(notes)


def _row(stratum: HeatStratum, result: MeasureResult) -> list[str]:
    return [
        stratum.setting,
        str(stratum.year),
        stratum.indicator_abbr,
        stratum.dimension,
        result.measure,
        _number(result.estimate),
        _number(result.se),
        _number(result.ci_lb),
        _number(result.ci_ub),
        result.unit,
        result.method,
        "true" if result.applicable else "false",
        _note(result),
    ]


def _write(rows: list[list[str]], stream: TextIO) -> None:
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(OUTPUT_COLUMNS)
    writer.writerows(rows)


def run(args: argparse.Namespace) -> int:
    """Compute and write the measures; return the exit status."""
    err = sys.stderr
    try:
        ids = _measure_ids(args.measures)
    except ValueError as error:
        print(f"dashboard measures: {error}", file=err)
        return 2
    try:
        data = read_heat_template(args.input)
    except TemplateError as error:
        for problem in error.problems:
            print(problem, file=err)
        return 2
    for problem in data.problems:
        print(problem, file=err)
    skipped = [", ".join(key) for key in data.skipped]
    rows: list[list[str]] = []
    for stratum in data.strata:
        results = compute_all(_subgroups(stratum), ids, seed=args.seed)
        rows += [_row(stratum, r) for r in results]
    for key in skipped:
        print(f"{args.input}: skipped stratum ({key}) because of the problems above", file=err)
    if not rows:
        print(f"{args.input}: no valid stratum; nothing written", file=err)
        return 2
    if args.output:
        text = io.StringIO()
        _write(rows, text)
        write_atomic(args.output, text.getvalue())
    else:
        _write(rows, sys.stdout)
    return 1 if skipped else 0
