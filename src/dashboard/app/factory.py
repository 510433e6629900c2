"""Build the Dash app from a dataset and boundary shapes (no globals, so tests can make many)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import flask
from dash import Dash

from dashboard.app import callbacks
from dashboard.app.access import current_account
from dashboard.app.auth import AuthSettings, auth_settings, register_auth
from dashboard.app.compression import enable_compression
from dashboard.app.headers import register_headers
from dashboard.app.health import live_status, register_health
from dashboard.app.index_page import INDEX, ViewDash
from dashboard.app.layout import build_layout
from dashboard.app.limits import limit_requests
from dashboard.app.live import BoundaryLoader, LiveData
from dashboard.app.pages.accounts import register_accounts
from dashboard.app.pages.audit import register_audit
from dashboard.app.pages.review import register_review
from dashboard.app.preview import preview_dataset, register_preview
from dashboard.app.proxies import trust_proxies
from dashboard.app.routes import register_routes
from dashboard.app.settings import DEFAULT_DATA, Settings, load_settings
from dashboard.app.upload import register_upload
from dashboard.app.viewcache import ViewCache, make_cache, register_view_cache
from dashboard.core.geometry import ShapeSet
from dashboard.core.texts import t
from dashboard.ingest.boundaries import read_many
from dashboard.store.dataset import Dataset, read_dataset
from dashboard.store.files import FileStore
from dashboard.store.open import open_store
from dashboard.store.postgres import PgStore

# The page's style sheet and browser code, shipped as package data.
ASSETS = Path(str(resources.files("dashboard").joinpath("assets")))
# How often a server asks a shared database whether another server published (s).
SHARED_POLL_SECONDS = 1.0


def create_app(ds: Dataset, boundaries: dict[str, ShapeSet] | None = None,
               store: FileStore | PgStore | None = None, *, follow_store: bool = False,
               load_boundaries: BoundaryLoader | None = None, cache: ViewCache | None = None,
               auth: AuthSettings | None = None) -> Dash:
    """A Dash app serving the explorer over `ds`; every asset is served from this machine.

    `store` keeps drafts, versions, accounts and the audit log (None: nobody signs in and
    nothing can be added); with `follow_store`, versions published there (by this app,
    another server or `dashboard ingest`) are picked up while the app runs (boundaries
    re-read with `load_boundaries`). `cache` keeps computed views (default: in memory).
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
    views = cache or make_cache(None)
    live = LiveData(ds, boundaries, store, follow_store, load_boundaries,
                    poll_seconds=SHARED_POLL_SECONDS if isinstance(store, PgStore) else 0.0,
                    preview=preview_dataset, changed=views.forget)
    if store is not None:
        register_auth(app, store, store.log, auth or auth_settings())
    register_view_cache(app.server, views, lambda: live.version,
                        lambda: _public(live),
                        callbacks.request_base_url)
    callbacks.register(app, live)
    register_routes(app, live)
    register_upload(app, live)
    register_review(app, live)
    register_audit(app, live)
    register_accounts(app, store, store.log if store is not None else None,
                      lambda: store.records() if store is not None else [])
    register_preview(app)
    register_health(app.server, live_status(live))
    limit_requests(app)
    trust_proxies(app.server)
    register_headers(app)
    enable_compression(app.server)
    return app


def _public(live: LiveData) -> bool:
    """Whether this request is the public's: no session of any kind (signed in, previewing,
    or told that a session ended), so its answers may be shared."""
    return not flask.session and current_account() is None and not live.previewing


def _boundaries(settings: Settings, ds: Dataset) -> dict[str, ShapeSet]:
    files = read_many([str(p) for p in settings.boundary_paths], ds.areas)
    return {level: f.shapes for level, f in files.items()}


def load(settings: Settings | None = None) -> tuple[Dataset, dict[str, ShapeSet]]:
    """Read the configured dataset and boundaries; raises with a clear message on bad input."""
    settings = settings or load_settings()
    ds = read_dataset(settings.data_path)
    return ds, _boundaries(settings, ds)


def app_from_settings(settings: Settings | None = None) -> Dash:
    """The app on the configured store: its live version, else the embedded data; it
    follows the store unless DASHBOARD_DATA names a dataset outright."""
    settings = settings or load_settings()
    store = open_store(settings.store, fallback=lambda: read_dataset(DEFAULT_DATA))
    ds = (store.live() or read_dataset(DEFAULT_DATA)) if settings.follows_store \
        else read_dataset(settings.data_path)

    def reload_boundaries(new: Dataset) -> dict[str, ShapeSet]:
        return _boundaries(load_settings(), new)

    return create_app(ds, _boundaries(settings, ds), store, follow_store=settings.follows_store,
                      load_boundaries=reload_boundaries,
                      cache=make_cache(settings.redis_url),
                      auth=auth_settings())
