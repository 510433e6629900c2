"""`dashboard ingest SOURCE ...`: load current data from SCB, Malmö stad, Kolada or a file.

SOURCE is one of scb, scb-geodata, malmo, kolada, heat-file, tidy-csv, fohm-deso,
scb-file.
Each run: fetch (or, with --offline, replay the saved snapshots) -> read into tidy tables
-> derive values with intervals from counts -> suppress small counts -> check the new rows against
the current dataset (the user's store, else the embedded dataset) -> merge -> validate
everything -> save the raw responses as snapshots -> commit a new store version, made live
atomically. A failure at any step
prints what failed and where and leaves the store exactly as it was. An ingest that would
change nothing commits nothing, so running it again is harmless.

Ingests may run at the same time: commits take the store's lock one at a time, and an
ingest that finds a version committed after it read the store builds its version again on
that one, so no ingest's data are lost. A store whose live version cannot be read is read at
the newest version that loads (said on stderr) and repaired by committing on top of it.

Exit status: 0 done or already up to date; 1 the ingest failed and nothing was changed.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pandas as pd

from dashboard.app.settings import DEFAULT_DATA, home_dir, store_dir
from dashboard.core.problems import DatasetError
from dashboard.core.schema import TABLES
from dashboard.derive import derive_tables
from dashboard.derive.suppression import SUPPRESS_BELOW
from dashboard.ingest import (
    files,
    fohm_deso,
    kolada,
    malmo_ckan,
    scb_file,
    scb_geodata,
    scb_pxweb,
)
from dashboard.ingest.boundaries import BoundaryError
from dashboard.ingest.http import DEFAULT_TIMEOUT, HttpClient, SourceError
from dashboard.ingest.snapshots import (
    Fetcher,
    LiveFetcher,
    OfflineFetcher,
    SnapshotStore,
    save_all,
)
from dashboard.store.backend import Contribution, StoreUnavailable
from dashboard.store.dataset import Dataset, Redo, read_folder
from dashboard.store.files import FileStore
from dashboard.store.merge import merge_into, merge_table, merge_tables
from dashboard.store.open import open_store, shown_address
from dashboard.store.postgres import PgStore


@dataclass
class Ingested:
    """What a source gave, before it is checked and merged."""

    key: str
    label: str
    tables: dict[str, pd.DataFrame]
    fetchers: list[Fetcher] = field(default_factory=list)
    files: dict[str, str] = field(default_factory=dict)
    csv_lines: dict[str, bool] = field(default_factory=dict)
    replace_reference: bool = False
    notes: list[str] = field(default_factory=list)
    boundary: scb_geodata.StagedBoundary | None = None


@dataclass
class Context:
    """The current dataset, where snapshots live, and how to fetch."""

    args: argparse.Namespace
    current: Dataset
    snapshots: SnapshotStore
    home: Path

    def fetcher(self, source: str, licence: str, attribution: str,
                client: HttpClient | None = None) -> Fetcher:
        if self.args.offline:
            return OfflineFetcher(source, self.snapshots)
        return LiveFetcher(source, licence, attribution,
                           client or HttpClient(timeout=self.args.timeout), self.snapshots)


def _combine(parts: list[dict[str, pd.DataFrame]]) -> dict[str, pd.DataFrame]:
    combined: dict[str, pd.DataFrame] = {}
    for part in parts:
        combined = merge_tables(combined, part)
    return combined


def _scb(ctx: Context) -> Ingested:
    args = ctx.args
    keys = list(scb_pxweb.TABLES) if args.table == "all" else [args.table]
    client = scb_pxweb.make_client(timeout=args.timeout)
    fetcher = ctx.fetcher(scb_pxweb.SOURCE, scb_pxweb.LICENCE, scb_pxweb.ATTRIBUTION, client)
    years = [y.strip() for y in args.years.split(",") if y.strip()]
    parts = [scb_pxweb.ingest(fetcher, scb_pxweb.TABLES[k], ctx.current.areas,
                              level=args.level, years=years, base_url=args.base_url,
                              max_cells=scb_pxweb.MAX_CELLS)
             for k in keys]
    return Ingested(f"scb:{','.join(keys)}:{args.level}", f"SCB {', '.join(keys)} "
                    f"({args.level})", _combine(parts), [fetcher])


def _scb_geodata(ctx: Context) -> Ingested:
    layer = scb_geodata.LAYERS[ctx.args.layer]
    fetcher = ctx.fetcher(scb_geodata.SOURCE, scb_geodata.LICENCE, scb_geodata.ATTRIBUTION)
    got = scb_geodata.ingest(fetcher, layer, ctx.current.areas, base_url=ctx.args.url)
    record = {"layer": layer.type_name, "url": got.url, "sha256": got.sha256,
              "retrieved": got.retrieved, "licence": scb_geodata.LICENCE,
              "attribution": scb_geodata.ATTRIBUTION}
    areas = merge_table("areas", ctx.current.areas, got.tables["areas"], prefer_new=False)
    staged = scb_geodata.stage_boundary(got.features, layer, ctx.home / "boundaries", areas,
                                        record, got.url)
    return Ingested(f"scb-geodata:{layer.level}", f"SCB geodata {layer.type_name}",
                    got.tables, [fetcher], boundary=staged)


def _malmo(ctx: Context) -> Ingested:
    args = ctx.args
    mapping = dict(args.field or [])
    fetcher = ctx.fetcher(malmo_ckan.SOURCE, malmo_ckan.LICENCE, malmo_ckan.ATTRIBUTION)
    got = malmo_ckan.ingest(fetcher, args.resource_id, ctx.current.areas,
                            ctx.current.indicators, mapping=mapping, base_url=args.base_url)
    notes = [f"fields not loaded (map them with --field NAME=INDICATOR): "
             f"{', '.join(got.skipped)}"] if got.skipped else []
    return Ingested(f"malmo:{args.resource_id}", f"Malmö stad resource {args.resource_id}",
                    got.tables, [fetcher], notes=notes)


def _kolada(ctx: Context) -> Ingested:
    args = ctx.args
    fetcher = ctx.fetcher(kolada.SOURCE, kolada.LICENCE, kolada.ATTRIBUTION)
    kpis = args.kpi or list(kolada.KPIS)
    municipalities = args.municipality or list(kolada.DEFAULT_MUNICIPALITIES)
    years = [y.strip() for y in (args.years or "").split(",") if y.strip()]
    tables = kolada.ingest(fetcher, ctx.current.areas, kpis=kpis,
                           municipalities=municipalities, years=years,
                           base_url=args.base_url)
    return Ingested(f"kolada:{','.join(kpis)}", f"Kolada {', '.join(kpis)}", tables, [fetcher])


def _heat_file(ctx: Context) -> Ingested:
    got = files.read_heat_file(ctx.args.path, ctx.current.areas)
    return Ingested(f"heat-file:{Path(ctx.args.path).name}", str(ctx.args.path), got.tables,
                    files=got.files, csv_lines=got.csv_lines)


def _fohm_deso(ctx: Context) -> Ingested:
    paths = [Path(p) for p in ctx.args.paths]
    got = fohm_deso.read_fohm(paths, ctx.current.areas)
    notes = [f"{len(got.outside)} DeSO outside the dataset's kommuner left out (add the "
             "kommun to the areas to keep them)"] if got.outside else []
    return Ingested(f"fohm-deso:{','.join(sorted(p.name for p in paths))}",
                    f"Folkhälsomyndigheten DeSO workbooks ({len(paths)})", got.tables,
                    files={"observations": ", ".join(map(str, paths))},
                    csv_lines={"observations": False}, notes=notes)


def _scb_file(ctx: Context) -> Ingested:
    paths = [Path(p) for p in ctx.args.paths]
    parts = [scb_file.read_scb_file(p, ctx.current.areas).tables for p in paths]
    names = ",".join(p.name for p in paths)
    return Ingested(f"scb-file:{names}", f"SCB Statistikdatabasen export(s) {names}",
                    _combine(parts))


def _tidy_csv(ctx: Context) -> Ingested:
    got = files.read_tidy_folder(ctx.args.folder)
    return Ingested(f"tidy-csv:{Path(ctx.args.folder).name}", str(ctx.args.folder),
                    got.tables, files=got.files, csv_lines=got.csv_lines,
                    replace_reference=True)


def _store(home: Path) -> FileStore | PgStore:
    """The store ingests publish into: DASHBOARD_STORE, else the user's folder store."""
    address = os.environ.get("DASHBOARD_STORE") or str(store_dir(home))
    return open_store(address, fallback=lambda: read_folder(DEFAULT_DATA))


def _contribution(ingested: Ingested) -> Contribution:
    """Who published an ingest in the store's records: this user through the command, the
    sources' publishers and licences, and the source it came from."""
    sources = ingested.tables.get("sources", pd.DataFrame(columns=["publisher", "licence"]))

    def listed(column: str) -> str:
        values = sources[column].dropna().astype(str) if column in sources else []
        return "; ".join(dict.fromkeys(values)) or "-"

    try:
        user = getpass.getuser()
    except (OSError, KeyError):
        user = "?"
    return Contribution(f"{user} (dashboard ingest)", listed("publisher"), listed("licence"),
                        ingested.label)


def _same(a: Dataset, b: Dataset) -> bool:
    return a.info == b.info and all(a.table(n).equals(b.table(n)) for n in TABLES)


def _info(current: Dataset, ingested: Ingested, tables: dict[str, pd.DataFrame]) -> dict:
    retrieved = tables["sources"]["retrieved"].dropna().astype(str)
    record = {"label": ingested.label, "observations": len(tables["observations"]),
              "retrieved": max(retrieved) if len(retrieved) else None}
    info = dict(current.info)
    info["ingested"] = {**info.get("ingested", {}), ingested.key: record}
    return info


def build(current: Dataset, ingested: Ingested,
          suppress_below: float) -> tuple[Dataset, int]:
    """The new dataset (validated) and how many small counts were suppressed.

    Values and intervals are derived from counts first (derive/), with the indicators the
    new dataset will hold; small counts are suppressed while merging.
    """
    obs = ingested.tables.get("observations")
    info = _info(current, ingested, {"observations": obs if obs is not None else pd.DataFrame(),
                                     "sources": ingested.tables.get(
                                         "sources", pd.DataFrame(columns=["retrieved"]))})
    indicators = merge_table("indicators", current.indicators,
                             ingested.tables.get("indicators"),
                             prefer_new=ingested.replace_reference)
    tables = derive_tables(ingested.tables, indicators)
    new, suppressed = merge_into(current, tables, label=ingested.label, files=ingested.files,
                                 csv_lines=ingested.csv_lines,
                                 replace_reference=ingested.replace_reference,
                                 suppress_below=suppress_below, info=info)
    again = Redo(current.version, lambda newer: build(newer, ingested, suppress_below)[0])
    return replace(new, redo=again), suppressed


HANDLERS: dict[str, Callable[[Context], Ingested]] = {
    "scb": _scb, "scb-geodata": _scb_geodata, "malmo": _malmo, "kolada": _kolada,
    "heat-file": _heat_file, "tidy-csv": _tidy_csv, "fohm-deso": _fohm_deso,
    "scb-file": _scb_file,
}


def _summary(ingested: Ingested, new: Dataset, current: Dataset, suppressed: int) -> str:
    obs = ingested.tables.get("observations")
    n_obs = 0 if obs is None else len(obs)
    added = len(new.areas) - len(current.areas)
    return (f"{n_obs} observations ({suppressed} small count(s) suppressed), "
            f"{added} new areas, {len(new.observations)} observations in all")


def run(args: argparse.Namespace) -> int:
    """Ingest one source into the user's store; return the exit status."""
    err = sys.stderr
    home = Path(args.home) if args.home else home_dir()
    stage = "opening the store"
    ingested: Ingested | None = None
    version: str | None = None
    where = shown_address(os.environ.get("DASHBOARD_STORE") or str(store_dir(home)))
    try:
        store = _store(home)
        where = store.label
        stage = "reading the current dataset"
        current = store.live() or read_folder(DEFAULT_DATA)
        repair = current.store is not None and current.store.fallback
        if repair:
            print(f"dashboard ingest {args.source}: {current.store}", file=err)
        ctx = Context(args, current, SnapshotStore(home / "snapshots"), home)
        stage = "reading the saved snapshots (--offline)" if args.offline \
            else "fetching and reading the source"
        ingested = HANDLERS[args.source](ctx)
        stage = "checking the new data"
        new, suppressed = build(current, ingested, args.suppress_below)
        stage = "saving the raw responses as snapshots"
        saved = [p for f in ingested.fetchers for p in save_all(ctx.snapshots, f.fetched)]
        if repair or not _same(new, current):
            stage = "writing the new store version"
            version = store.commit(new, _contribution(ingested)).version
        if ingested.boundary is not None:
            stage = "installing the boundary file"
            print(f"{args.source}: boundaries saved to {ingested.boundary.install()}")
    except (SourceError, DatasetError, BoundaryError, StoreUnavailable, OSError) as error:
        print(f"dashboard ingest {args.source}: failed while {stage}:\n{error}", file=err)
        if version is None:
            print(f"Nothing was changed: the store at {where} is as it was.", file=err)
        else:
            print(f"The store at {where} holds the new version {version}; only the boundary "
                  "file is missing: run the command again.", file=err)
        return 1
    finally:
        if ingested is not None and ingested.boundary is not None:
            ingested.boundary.discard()
    for note in ingested.notes:
        print(f"{args.source}: {note}")
    kept = (f"{len(saved)} raw response(s) kept in {ctx.snapshots.root}" if saved
            else "no raw responses (a local file)")
    if version is None:
        print(f"{args.source}: already up to date; nothing to commit ({kept}).")
    else:
        print(f"{args.source}: {_summary(ingested, new, current, suppressed)}; store version "
              f"{version} in {where}; {kept}.")
    return 0


def _field(text: str) -> tuple[str, str]:
    name, _, indicator = text.partition("=")
    if not name.strip() or not indicator.strip():
        raise argparse.ArgumentTypeError(f"expected NAME=INDICATOR, got {text!r}")
    return name.strip(), indicator.strip()


def _common(parser: argparse.ArgumentParser, *, network: bool) -> None:
    parser.add_argument("--suppress-below", type=float, default=SUPPRESS_BELOW, metavar="N",
                        help=f"suppress counts below N (default {SUPPRESS_BELOW})")
    parser.add_argument("--home", metavar="DIR",
                        help="the data folder (default: $DASHBOARD_HOME)")
    if network:
        parser.add_argument("--offline", action="store_true",
                            help="rebuild from the saved snapshots only, without the network")
        parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT,
                            metavar="SECONDS",
                            help=f"seconds to wait for an answer (default {DEFAULT_TIMEOUT:g})")
    parser.set_defaults(func=run, offline=False, timeout=DEFAULT_TIMEOUT)


def add_parser(subparsers: Any) -> None:
    """Register `ingest` and its sources."""
    parser = subparsers.add_parser(
        "ingest", help="load current data from SCB, Malmö stad, Kolada or a file",
        description="Load current data into the store (DASHBOARD_HOME/store). A failed ingest "
                    "changes nothing; raw responses are kept in DASHBOARD_HOME/snapshots.")
    sources = parser.add_subparsers(dest="source", required=True, metavar="SOURCE")

    scb = sources.add_parser("scb", help="SCB statistical database (DeSO/RegSO of Malmö)")
    scb.add_argument("--table", choices=[*scb_pxweb.TABLES, "all"], default="all",
                     help="which table (default: all, in one ingest)")
    scb.add_argument("--level", choices=list(scb_pxweb.LEVELS), default="deso",
                     help="DeSO or RegSO areas (default deso)")
    scb.add_argument("--years", default="top(1)",
                     help="years, comma-separated, or top(N) for the latest N (default top(1))")
    scb.add_argument("--base-url", default=scb_pxweb.BASE_URL,
                     help=f"PxWebApi 2.0 address (default {scb_pxweb.BASE_URL})")

    geo = sources.add_parser("scb-geodata", help="SCB DeSO/RegSO boundaries of Malmö (WFS)")
    geo.add_argument("--layer", choices=list(scb_geodata.LAYERS), default="deso")
    geo.add_argument("--url", default=scb_geodata.BASE_URL, help="the WFS address")

    malmo = sources.add_parser("malmo", help="Malmö stad open data (CKAN datastore)")
    malmo.add_argument("--resource-id", required=True,
                       help="the datastore resource id on the portal")
    malmo.add_argument("--field", action="append", type=_field, metavar="NAME=INDICATOR",
                       help="load field NAME as the dataset's indicator INDICATOR")
    malmo.add_argument("--base-url", default=malmo_ckan.BASE_URL,
                       help=f"CKAN portal address (default {malmo_ckan.BASE_URL})")

    kol = sources.add_parser("kolada", help="Kolada key figures for Malmö and comparisons")
    kol.add_argument("--kpi", action="append", choices=list(kolada.KPIS),
                     help="key figure, repeatable (default: all listed)")
    kol.add_argument("--municipality", action="append", metavar="CODE",
                     help=f"Kolada ids (default {', '.join(kolada.DEFAULT_MUNICIPALITIES)})")
    kol.add_argument("--years", help="years, comma-separated (default: all)")
    kol.add_argument("--base-url", default=kolada.BASE_URL,
                     help=f"Kolada API address (default {kolada.BASE_URL})")

    heat = sources.add_parser("heat-file", help="a file in the WHO HEAT Plus template")
    heat.add_argument("path", metavar="PATH", help=".csv or .xlsx")

    tidy = sources.add_parser("tidy-csv", help="a folder of the project's tidy CSVs")
    tidy.add_argument("folder", metavar="FOLDER")

    for sub in (scb, geo, malmo, kol):
        _common(sub, network=True)
    fohm = sources.add_parser("fohm-deso", help="Folkhälsomyndigheten's vaccination "
                              "coverage by DeSO (its .xlsx workbooks, one per date)")
    fohm.add_argument("paths", nargs="+", metavar="FILE", help=".xlsx workbook(s)")

    scbf = sources.add_parser("scb-file", help="Statistikdatabasen export(s) downloaded "
                              "from SCB's web site (.xlsx, .csv or .px)")
    scbf.add_argument("paths", nargs="+", metavar="FILE", help=".xlsx, .csv or .px")

    for sub in (heat, tidy, fohm, scbf):
        _common(sub, network=False)
