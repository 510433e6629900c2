"""Build the Dash app from a dataset and boundary shapes (no globals, so tests can make many)."""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

from dash import Dash

from dashboard.app import callbacks
from dashboard.app.headers import register_headers
from dashboard.app.index_page import INDEX, ViewDash
from dashboard.app.layout import build_layout
from dashboard.app.limits import limit_requests
from dashboard.app.live import BoundaryLoader, LiveData
from dashboard.app.routes import register_routes
from dashboard.app.settings import Settings, load_settings, store_dir
from dashboard.app.upload import register_upload
from dashboard.core.geometry import ShapeSet
from dashboard.core.texts import t
from dashboard.ingest.boundaries import read_many
from dashboard.store.dataset import Dataset, read_dataset

# The page's style sheet and browser code, shipped as package data.
ASSETS = Path(str(resources.files("dashboard").joinpath("assets")))


def create_app(ds: Dataset, boundaries: dict[str, ShapeSet] | None = None,
               store_root: Path | None = None, *, follow_store: bool = False,
               load_boundaries: BoundaryLoader | None = None) -> Dash:
    """A Dash app serving the explorer over `ds`; every asset is served from this machine.

    `store_root` is where data added in the browser is committed (None: adding is off);
    with `follow_store`, versions that `dashboard ingest` commits there are picked up
    while the app runs (boundaries re-read with `load_boundaries`).
    """
    app = ViewDash(
        __name__,
        title=t("app_title", "sv"),
        index_string=INDEX,
        assets_folder=str(ASSETS),
        serve_locally=True,
        update_title="",
        suppress_callback_exceptions=True,
    )
    app.layout = build_layout()
    live = LiveData(ds, boundaries, store_root, follow_store, load_boundaries)
    callbacks.register(app, live)
    register_routes(app, live)
    register_upload(app, live)
    limit_requests(app)
    register_headers(app)
    return app


def load(settings: Settings | None = None) -> tuple[Dataset, dict[str, ShapeSet]]:
    """Read the configured dataset and boundaries; raises with a clear message on bad input."""
    settings = settings or load_settings()
    ds = read_dataset(settings.data_path)
    files = read_many([str(p) for p in settings.boundary_paths], ds.areas)
    return ds, {level: f.shapes for level, f in files.items()}


def app_from_settings(settings: Settings | None = None) -> Dash:
    """The app on the configured data; it follows the user's store unless DASHBOARD_DATA
    names a dataset explicitly."""
    settings = settings or load_settings()
    ds, boundaries = load(settings)

    def reload_boundaries(new: Dataset) -> dict[str, ShapeSet]:
        fresh = load_settings()
        files = read_many([str(p) for p in fresh.boundary_paths], new.areas)
        return {level: f.shapes for level, f in files.items()}

    return create_app(ds, boundaries, store_dir(settings.home),
                      follow_store="DASHBOARD_DATA" not in os.environ,
                      load_boundaries=reload_boundaries)


