"""The `dashboard` command: serve the explorer, build the embedded data, check and fetch data."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dashboard.app.settings import DEFAULT_DATA, REPO_ROOT, load_settings
from dashboard.commands import export as export_cmd
from dashboard.commands import ingest as ingest_cmd
from dashboard.commands import measures as measures_cmd
from dashboard.core.problems import DatasetError
from dashboard.ingest.boundaries import BoundaryError

DEFAULT_RAW = REPO_ROOT.parent / "shared" / "data" / "raw"


def _serve(args: argparse.Namespace) -> int:
    from dashboard.app.factory import app_from_settings

    try:
        app = app_from_settings(load_settings())
    except (DatasetError, BoundaryError) as exc:
        print(f"dashboard: cannot start: {exc}", file=sys.stderr)
        return 2
    print(f"Serving the Malmö health-gap dashboard at http://{args.host}:{args.port}/")
    app.run(host=args.host, port=args.port, debug=args.debug)
    return 0


def _build_default(args: argparse.Namespace) -> int:
    from dashboard.ingest.welfare_reports import build_default
    from dashboard.store.dataset import from_tables, write_dataset

    raw = Path(args.raw)
    if not raw.is_dir():
        print(f"dashboard: {raw} not found: build-default reads the transcribed welfare-report "
              "figures from shared/data/raw (pass --raw DIR)", file=sys.stderr)
        return 2
    try:
        ds = from_tables(*build_default(raw, Path(args.meta)))
    except DatasetError as exc:
        print(f"dashboard: {exc}", file=sys.stderr)
        return 1
    target = write_dataset(ds, args.output)
    print(f"Wrote {len(ds.observations)} observations of {len(ds.indicators)} indicators "
          f"for {len(ds.areas)} areas from {len(ds.sources)} sources to {target}")
    return 0


def _validate(args: argparse.Namespace) -> int:
    from dashboard.store.dataset import read_dataset

    try:
        ds = read_dataset(args.path)
    except DatasetError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    print(f"OK: {len(ds.observations)} observations, {len(ds.indicators)} indicators, "
          f"{len(ds.areas)} areas, {len(ds.sources)} sources")
    return 0


def _boundaries_fetch(args: argparse.Namespace) -> int:
    from dashboard.ingest.boundary_fetch import MALMO_LAYERS, FetchError, fetch_layer
    from dashboard.store.dataset import read_dataset

    settings = load_settings()
    ds = read_dataset(settings.data_path)
    dest = settings.home / "boundaries"
    failed = 0
    for layer in MALMO_LAYERS:
        try:
            got = fetch_layer(layer, dest, ds.areas)
        except FetchError as exc:
            print(f"dashboard: {layer.name}: {exc}", file=sys.stderr)
            failed += 1
            continue
        print(f"{layer.name}: {got.features} areas saved to {got.path} (sha256 {got.sha256})")
    return 1 if failed else 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="dashboard", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="serve the dashboard")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8050)
    serve.add_argument("--debug", action="store_true")
    serve.set_defaults(func=_serve)
    build = sub.add_parser("build-default", help="rebuild the embedded dataset in data/default")
    build.add_argument("--raw", default=str(DEFAULT_RAW), help="shared/data/raw folder")
    build.add_argument("--meta", default=str(REPO_ROOT / "data" / "meta"))
    build.add_argument("-o", "--output", default=str(DEFAULT_DATA))
    build.set_defaults(func=_build_default)
    validate = sub.add_parser("validate", help="check a dataset folder and list every problem")
    validate.add_argument("path")
    validate.set_defaults(func=_validate)
    bounds = sub.add_parser("boundaries", help="boundary layers")
    bsub = bounds.add_subparsers(dest="action", required=True)
    fetch = bsub.add_parser("fetch", help="download Malmö stad's official boundary layers")
    fetch.set_defaults(func=_boundaries_fetch)
    measures_cmd.add_parser(sub)
    export_cmd.add_parser(sub)
    ingest_cmd.add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.func(args) or 0)
