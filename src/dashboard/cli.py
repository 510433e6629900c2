"""The `dashboard` command: serve the explorer, build the embedded data, check and fetch data."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from dashboard.app.settings import DEFAULT_DATA, load_settings, stored_secret
from dashboard.commands import export as export_cmd
from dashboard.commands import ingest as ingest_cmd
from dashboard.commands import measures as measures_cmd
from dashboard.commands import store as store_cmd
from dashboard.commands import users as users_cmd
from dashboard.core.problems import DatasetError
from dashboard.ingest.http import DEFAULT_TIMEOUT

# `build-default` is run from a checkout of the repository, with the team's ../shared beside
# it; the current folder is taken as that checkout.
DEFAULT_RAW = Path("..") / "shared" / "data" / "raw"
DEFAULT_META = Path("data") / "meta"


def _serve(args: argparse.Namespace) -> int:
    from dashboard.app.auth import auth_settings
    from dashboard.app.serving import serve
    from dashboard.store.backend import StoreUnavailable
    from dashboard.store.dataset import read_dataset
    from dashboard.store.open import open_store

    settings = load_settings()
    if not os.environ.get("DASHBOARD_SECRET_KEY"):
        # Every worker must sign sessions with the same key.
        os.environ["DASHBOARD_SECRET_KEY"] = stored_secret(settings.home)
    try:
        auth_settings()
        open_store(settings.store)
        # The workers read the data again; reading them here first says what is wrong
        # in one line instead of a worker's failure to boot.
        read_dataset(settings.data_path)
    except (DatasetError, StoreUnavailable, ValueError) as exc:
        print(f"dashboard: cannot start: {exc}", file=sys.stderr)
        return 2
    return serve(args.host, args.port, workers=args.workers, threads=args.threads,
                 dev=args.dev, debug=args.debug)


def _build_default(args: argparse.Namespace) -> int:
    from dashboard.derive import derive_tables
    from dashboard.ingest.embedded import build_embedded
    from dashboard.store.dataset import from_tables, write_dataset

    raw = Path(args.raw)
    if not raw.is_dir():
        print(f"dashboard: {raw} not found: build-default reads the transcribed welfare-report "
              "figures from shared/data/raw (pass --raw DIR)", file=sys.stderr)
        return 2
    try:
        tables, info, left_out = build_embedded(raw, Path(args.meta))
        ds = from_tables(derive_tables(tables, tables["indicators"]), info)
    except (DatasetError, ValueError) as exc:
        print(f"dashboard: {exc}", file=sys.stderr)
        return 1
    target = write_dataset(ds, args.output)
    print(f"Wrote {len(ds.observations)} observations of {len(ds.indicators)} indicators "
          f"for {len(ds.areas)} areas from {len(ds.sources)} sources to {target}")
    for indicator, count in sorted(left_out.items()):
        if count:
            print(f"{indicator}: {count} RegSO values left out (not every DeSO has a value)")
    return 0


def _build_boundaries(args: argparse.Namespace) -> int:
    from dashboard.app.settings import SHIPPED_BOUNDARIES
    from dashboard.ingest.boundary_build import BuildError, build
    from dashboard.store.dataset import read_dataset

    raw = Path(args.raw)
    if not raw.is_dir():
        print(f"dashboard: {raw} not found: build-boundaries reads Malmö stad's delområden "
              "from shared/data/raw (pass --raw DIR)", file=sys.stderr)
        return 2
    try:
        built = build(raw, read_dataset(args.data).areas, Path(args.output or SHIPPED_BOUNDARIES))
    except (BuildError, DatasetError) as exc:
        print(f"dashboard: {exc}", file=sys.stderr)
        return 1
    for path, features, size in built.files:
        print(f"Wrote {features} areas to {path} ({size / 1024:.1f} KB)")
    print("Stadsdelar (km²): " + ", ".join(f"{n} {a:.2f}" for n, a in built.stadsdel_km2.items()))
    return 0


def _validate(args: argparse.Namespace) -> int:
    from dashboard.store.dataset import VERSIONS, current_name, is_store, read_folder

    path = Path(args.path)
    folder = path
    if is_store(path):
        name = current_name(path)
        if name is None:
            print(f"{path}: this store has no readable CURRENT file naming its live version",
                  file=sys.stderr)
            return 1
        folder = path / VERSIONS / name
    try:
        ds = read_folder(folder)
    except DatasetError as exc:
        print(f"{folder}: {len(exc.problems)} problem(s):", file=sys.stderr)
        for problem in exc.problems:
            print(f"  - {problem}", file=sys.stderr)
        return 1
    print(f"OK: {len(ds.observations)} observations, {len(ds.indicators)} indicators, "
          f"{len(ds.areas)} areas, {len(ds.sources)} sources")
    return 0


def _boundaries_fetch(args: argparse.Namespace) -> int:
    from dashboard.ingest import boundary_fetch as bf
    from dashboard.ingest.http import HttpClient
    from dashboard.ingest.snapshots import Fetcher, LiveFetcher, OfflineFetcher, SnapshotStore
    from dashboard.store.dataset import read_dataset

    settings = load_settings()
    ds = read_dataset(settings.data_path)
    snapshots = SnapshotStore(settings.home / "snapshots")
    fetcher: Fetcher = (OfflineFetcher(bf.SOURCE, snapshots) if args.offline else
                        LiveFetcher(bf.SOURCE, bf.LICENCE, bf.ATTRIBUTION,
                                    HttpClient(timeout=args.timeout), snapshots))
    failed = 0
    for layer in bf.MALMO_LAYERS:
        try:
            got = bf.fetch_layer(layer, settings.home / "boundaries", ds.areas, fetcher)
        except bf.FetchError as exc:
            print(f"dashboard: {layer.name}: {exc}", file=sys.stderr)
            failed += 1
            continue
        snapshots.save(got.snapshot)
        print(f"{layer.name}: {got.features} areas saved to {got.path} (sha256 {got.sha256})")
    return 1 if failed else 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="dashboard", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="serve the dashboard (gunicorn; --dev: Flask's "
                           "development server)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8050)
    serve.add_argument("--workers", type=int, help="worker processes (default: by the cores)")
    serve.add_argument("--threads", type=int, help="threads per worker")
    serve.add_argument("--dev", action="store_true",
                       help="Flask's development server, for work on the code")
    serve.add_argument("--debug", action="store_true",
                       help="with --dev: the reloader and debugger")
    serve.set_defaults(func=_serve)
    build = sub.add_parser("build-default", help="rebuild the embedded dataset (package data)")
    build.add_argument("--raw", default=str(DEFAULT_RAW), help="shared/data/raw folder")
    build.add_argument("--meta", default=str(DEFAULT_META))
    build.add_argument("-o", "--output", default=str(DEFAULT_DATA))
    build.set_defaults(func=_build_default)
    bounds_build = sub.add_parser("build-boundaries",
                                  help="rebuild the shipped Malmö boundaries (package data)")
    bounds_build.add_argument("--raw", default=str(DEFAULT_RAW), help="shared/data/raw folder")
    bounds_build.add_argument("--data", default=str(DEFAULT_DATA),
                              help="dataset whose areas name the stadsdelar")
    bounds_build.add_argument("-o", "--output", help="folder to write to (default: the "
                                                     "package's data/boundaries)")
    bounds_build.set_defaults(func=_build_boundaries)
    validate = sub.add_parser("validate", help="check a dataset folder and list every problem")
    validate.add_argument("path")
    validate.set_defaults(func=_validate)
    bounds = sub.add_parser("boundaries", help="boundary layers")
    bsub = bounds.add_subparsers(dest="action", required=True)
    fetch = bsub.add_parser("fetch", help="download Malmö stad's official boundary layers")
    fetch.add_argument("--offline", action="store_true",
                       help="install the layers from the saved snapshots, without the network")
    fetch.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, metavar="SECONDS",
                       help=f"seconds to wait for an answer (default {DEFAULT_TIMEOUT:g})")
    fetch.set_defaults(func=_boundaries_fetch)
    measures_cmd.add_parser(sub)
    users_cmd.add_parser(sub)
    store_cmd.add_parser(sub)
    export_cmd.add_parser(sub)
    ingest_cmd.add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.func(args) or 0)
