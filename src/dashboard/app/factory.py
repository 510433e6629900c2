"""Build the Dash app from a dataset and boundary shapes (no globals, so tests can make many)."""

from __future__ import annotations

from pathlib import Path

from dash import Dash

from dashboard.app import callbacks
from dashboard.app.layout import build_layout
from dashboard.app.live import LiveData
from dashboard.app.routes import register_routes
from dashboard.app.settings import REPO_ROOT, Settings, load_settings, store_dir
from dashboard.app.upload import register_upload
from dashboard.core.geometry import ShapeSet
from dashboard.core.texts import t
from dashboard.ingest.boundaries import read_many
from dashboard.store.dataset import Dataset, read_dataset

ASSETS = REPO_ROOT / "assets"


def create_app(ds: Dataset, boundaries: dict[str, ShapeSet] | None = None,
               store_root: Path | None = None) -> Dash:
    """A Dash app serving the explorer over `ds`; every asset is served from this machine.

    `store_root` is where data added in the browser is committed (None: adding is off).
    """
    app = Dash(
        __name__,
        title=t("app_title", "sv"),
        assets_folder=str(ASSETS),
        serve_locally=True,
        update_title=None,
        suppress_callback_exceptions=True,
    )
    app.layout = build_layout()
    live = LiveData(ds, store_root)
    callbacks.register(app, live, boundaries or {})
    register_routes(app, live, boundaries or {})
    register_upload(app, live)
    return app


def load(settings: Settings | None = None) -> tuple[Dataset, dict[str, ShapeSet]]:
    """Read the configured dataset and boundaries; raises with a clear message on bad input."""
    settings = settings or load_settings()
    ds = read_dataset(settings.data_path)
    files = read_many([str(p) for p in settings.boundary_paths], ds.areas)
    return ds, {level: f.shapes for level, f in files.items()}


def app_from_settings(settings: Settings | None = None) -> Dash:
    settings = settings or load_settings()
    ds, boundaries = load(settings)
    return create_app(ds, boundaries, store_dir(settings.home))


