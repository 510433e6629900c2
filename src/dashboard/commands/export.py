"""`dashboard export URL-OR-STATE --chart ID --format FMT -o FILE`: a chart as a file.

URL-OR-STATE is a link copied from the dashboard (http://127.0.0.1:8050/?ind=...) or just
its query string. Choices the data cannot serve fall back exactly as on the page, and the
notices saying so go to stderr. The link baked into the file points at --base-url, else
the chart's page at $DASHBOARD_PUBLIC_URL, else the server of the given link. The file is
written beside its target and renamed into place, so a failed export never leaves a
half-written file.
Exit status: 0 written; 1 the figure could not be rendered; 2 bad arguments or data.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path

from dashboard.core.files import write_atomic
from dashboard.core.problems import DatasetError
from dashboard.core.viewstate import from_query, restrict
from dashboard.export.figure import SCALES
from dashboard.export.formats import FORMATS, export_file
from dashboard.export.link import DEFAULT_BASE_URL, split_link
from dashboard.export.renderer import RenderError
from dashboard.figures.charts import CHART_IDS, CHART_PAGES
from dashboard.ingest.boundaries import BoundaryError

PROG = "dashboard export"


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Register the `export` subcommand."""
    parser = subparsers.add_parser(
        "export",
        help="write a chart as PNG, SVG, PDF, CSV, XLSX or a zip bundle",
        description="Write one chart of a dashboard view as a file: the figure with its "
                    "title, source and link, its numbers, or a zip of both with a README.",
    )
    parser.add_argument("view", metavar="URL-OR-STATE",
                        help="a dashboard link or its query string, e.g. '?ind=ohalsotal'")
    parser.add_argument("--chart", default=CHART_IDS[0],
                        help=f"chart id: {', '.join(CHART_IDS)} (default {CHART_IDS[0]})")
    parser.add_argument("--format", dest="fmt", default="png",
                        help=f"{', '.join(FORMATS)} (default png)")
    parser.add_argument("--scale", type=int, default=1,
                        help="pixel density of PNG: 1 or 2 (default 1)")
    parser.add_argument("--full", action="store_true",
                        help="CSV of the indicator's full data instead of the chart's table")
    parser.add_argument("--base-url", help="server the baked-in link points to (default: "
                        "$DASHBOARD_PUBLIC_URL, else that of the given link, else "
                        f"{DEFAULT_BASE_URL})")
    parser.add_argument("--data", help="dataset folder or store root (default: as the app)")
    parser.add_argument("-o", "--output", required=True, metavar="FILE", help="file to write")
    parser.set_defaults(func=run)


def _usage_problem(args: argparse.Namespace) -> str | None:
    if args.chart not in CHART_IDS:
        return f"unknown chart {args.chart!r}; choose from {', '.join(CHART_IDS)}"
    if args.fmt not in FORMATS:
        return f"unknown format {args.fmt!r}; choose from {', '.join(FORMATS)}"
    if args.scale not in SCALES:
        return f"--scale must be one of {', '.join(map(str, SCALES))}, not {args.scale}"
    return None


def run(args: argparse.Namespace) -> int:
    """Export the chart; return the exit status."""
    from dashboard.app.factory import load
    from dashboard.app.pages import chart_fields
    from dashboard.app.render import notice_texts
    from dashboard.app.settings import load_settings, public_url
    from dashboard.app.viewmodel import Notice, resolve

    problem = _usage_problem(args)
    try:
        public = public_url()
    except ValueError as error:
        public, problem = None, problem or str(error)
    if problem:
        print(f"{PROG}: {problem}", file=sys.stderr)
        return 2
    link_base, search = split_link(args.view)
    asked, ignored = from_query(search)
    settings = load_settings()
    if args.data:
        settings = dataclasses.replace(settings, data_path=Path(args.data))
    try:
        ds, boundaries = load(settings)
    except (DatasetError, BoundaryError) as error:
        print(f"{PROG}: cannot read the data: {error}", file=sys.stderr)
        return 2
    resolved, fallbacks = resolve(ds, asked)
    state = restrict(resolved, chart_fields(args.chart))
    notices = [Notice("ignored", {"names": ignored})] if ignored else []
    for line in notice_texts([*notices, *fallbacks], state.lang, ds):
        print(f"{PROG}: {line}", file=sys.stderr)
    page = public and public.rstrip("/") + CHART_PAGES.get(args.chart, "/")
    base_url = args.base_url or page or link_base or DEFAULT_BASE_URL
    try:
        payload = export_file(ds, state, args.chart, args.fmt, base_url, scale=args.scale,
                              full=args.full, boundaries=boundaries)
    except RenderError as error:
        print(f"{PROG}: {error}", file=sys.stderr)
        return 1
    write_atomic(args.output, payload)
    print(f"Wrote {args.output} ({len(payload)} bytes)")
    return 0
