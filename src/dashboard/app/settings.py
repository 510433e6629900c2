"""Where the app finds its data and boundaries: environment variables with sensible defaults.

DASHBOARD_DATA        a dataset folder or store root (default: the user's store written by
                      `dashboard ingest` if there is one, else the embedded dataset, shipped
                      as package data in `dashboard/data/default` and found through
                      importlib.resources)
DASHBOARD_BOUNDARIES  boundary files (GeoJSON, GeoPackage, shapefile), separated by ':'
DASHBOARD_HOME        the user's data folder; boundaries fetched by `dashboard boundaries
                      fetch` land in its `boundaries/` and are used automatically
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

# Installed as plain files (editable or wheel), so the resource is a real folder.
DEFAULT_DATA = Path(str(resources.files("dashboard").joinpath("data", "default")))
BOUNDARY_SUFFIXES = (".geojson", ".json", ".gpkg", ".shp", ".zip")


@dataclass(frozen=True)
class Settings:
    data_path: Path
    boundary_paths: tuple[Path, ...]
    home: Path


def home_dir(env: Mapping[str, str] | None = None) -> Path:
    environ = os.environ if env is None else env
    default = Path(environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share"))
    return Path(environ.get("DASHBOARD_HOME", default / "malmo-health-gaps"))


def load_settings(env: Mapping[str, str] | None = None) -> Settings:
    """Read the settings from the environment (or the mapping given, for tests)."""
    environ = os.environ if env is None else env
    home = home_dir(environ)
    folder = home / "boundaries"
    fetched = sorted(p for p in folder.glob("*") if p.suffix.lower() in BOUNDARY_SUFFIXES
                     and not p.name.endswith(".provenance.json")) if folder.is_dir() else []
    named = [Path(p) for p in environ.get("DASHBOARD_BOUNDARIES", "").split(os.pathsep) if p]
    store = store_dir(home)
    default = store if (store / "CURRENT").exists() else DEFAULT_DATA
    return Settings(Path(environ.get("DASHBOARD_DATA", default)), tuple(fetched + named), home)


def store_dir(home: Path) -> Path:
    """The user's versioned store (CURRENT + versions/), where ingests commit new data."""
    return home / "store"
