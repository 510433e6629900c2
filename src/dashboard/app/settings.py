"""Where the app finds its data and boundaries: environment variables with sensible defaults.

DASHBOARD_DATA        a dataset folder or store root (default: the user's store written by
                      `dashboard ingest` if there is one, else the embedded dataset, shipped
                      as package data in `dashboard/data/default` and found through
                      importlib.resources)
DASHBOARD_BOUNDARIES  boundary files (GeoJSON, GeoPackage, shapefile), separated by ':'
DASHBOARD_HOME        the user's data folder; boundaries fetched by `dashboard boundaries
                      fetch` land in its `boundaries/` and are used automatically

Boundaries are read in order: the ones shipped with the package (Malmö's delområden and
stadsdelar, `dashboard/data/boundaries`, made by `dashboard build-boundaries`), then the
fetched ones, then DASHBOARD_BOUNDARIES; a later file for a level replaces an earlier one.
DASHBOARD_PUBLIC_URL  the address readers reach the dashboard at (e.g.
                      https://halsa.example.se/); baked into exports, embeds and links
DASHBOARD_STORE       where versions, drafts, accounts and the audit log are kept: a folder
                      (default: the user's store, `store/` in DASHBOARD_HOME) or a
                      PostgreSQL address (postgresql://user@host/db), which several app
                      servers share
DASHBOARD_REDIS_URL   a Redis address (redis://host:6379/0): computed views and the sign-in
                      rate limits are then shared by every worker and server; without it each
                      process keeps its own
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

from dashboard.export.link import DEFAULT_BASE_URL
from dashboard.store.dataset import is_store

# Installed as plain files (editable or wheel), so the resource is a real folder.
DEFAULT_DATA = Path(str(resources.files("dashboard").joinpath("data", "default")))
SHIPPED_BOUNDARIES = Path(str(resources.files("dashboard").joinpath("data", "boundaries")))
BOUNDARY_SUFFIXES = (".geojson", ".json", ".gpkg", ".shp", ".zip")
PUBLIC_URL_VARIABLE = "DASHBOARD_PUBLIC_URL"
# The address links point to when no public address is set and the request came from
# elsewhere than this machine: the one `dashboard serve` listens on by default.
DEFAULT_PUBLIC_URL = DEFAULT_BASE_URL
LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
SECRET_FILE = "secret_key"


@dataclass(frozen=True)
class Settings:
    data_path: Path
    boundary_paths: tuple[Path, ...]
    home: Path
    store: str = ""
    redis_url: str | None = None
    follows_store: bool = True


def home_dir(env: Mapping[str, str] | None = None) -> Path:
    environ = os.environ if env is None else env
    default = Path(environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share"))
    return Path(environ.get("DASHBOARD_HOME", default / "malmo-health-gaps"))


def boundary_files(folder: Path) -> list[Path]:
    """The boundary files in a folder, by name (provenance records left out)."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*") if p.suffix.lower() in BOUNDARY_SUFFIXES
                  and not p.name.endswith(".provenance.json"))


def load_settings(env: Mapping[str, str] | None = None) -> Settings:
    """Read the settings from the environment (or the mapping given, for tests)."""
    environ = os.environ if env is None else env
    home = home_dir(environ)
    shipped = boundary_files(SHIPPED_BOUNDARIES)
    fetched = boundary_files(home / "boundaries")
    named = [Path(p) for p in environ.get("DASHBOARD_BOUNDARIES", "").split(os.pathsep) if p]
    store = environ.get("DASHBOARD_STORE") or str(store_dir(home))
    folder = Path(store)
    default = folder if "://" not in store and is_store(folder) else DEFAULT_DATA
    return Settings(Path(environ.get("DASHBOARD_DATA", default)),
                    tuple(shipped + fetched + named), home, store,
                    environ.get("DASHBOARD_REDIS_URL") or None,
                    "DASHBOARD_DATA" not in environ)


def stored_secret(home: Path) -> str:
    """The key that signs sessions on this machine when DASHBOARD_SECRET_KEY is not set:
    made once, kept readable by this user only in DASHBOARD_HOME/secret_key, so that every
    worker signs alike and sign-ins outlive a restart."""
    path = home / SECRET_FILE
    try:
        return path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        pass
    home.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(48)
    try:
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text(encoding="ascii").strip()
    with os.fdopen(handle, "w", encoding="ascii") as out:
        out.write(key + "\n")
    return key


def store_dir(home: Path) -> Path:
    """The user's versioned store (CURRENT + versions/), where ingests commit new data."""
    return home / "store"


def public_url(env: Mapping[str, str] | None = None) -> str | None:
    """$DASHBOARD_PUBLIC_URL ending in '/', or None when unset; ValueError if not http(s)."""
    environ = os.environ if env is None else env
    configured = environ.get(PUBLIC_URL_VARIABLE, "").strip()
    if not configured:
        return None
    parts = urlsplit(configured)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.query \
            or parts.fragment:
        raise ValueError(f"{PUBLIC_URL_VARIABLE} must be an http(s) address without query, "
                         f"e.g. https://halsa.example.se/, not {configured!r}")
    return configured.rstrip("/") + "/"


def local_address(host_url: str) -> str | None:
    """'scheme://host[:port]/' rebuilt from `host_url` when its host is this machine
    (127.0.0.1, localhost or ::1), else None."""
    try:
        parts = urlsplit(host_url)
        host, port = parts.hostname, parts.port
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or host not in LOCAL_HOSTS:
        return None
    shown = f"[{host}]" if ":" in host else host
    return f"{parts.scheme}://{shown}{f':{port}' if port else ''}/"


def base_url(host_url: str | None, public: str | None) -> str:
    """The address to bake into links: `public` (the configured `public_url()`) if set;
    else the request's own (`host_url`) only when it is local, so that a forged Host
    header never reaches a link; else DEFAULT_PUBLIC_URL."""
    return public or (host_url and local_address(host_url)) or DEFAULT_PUBLIC_URL
