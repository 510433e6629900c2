"""Where the app finds its data and boundaries: environment variables with sensible defaults.

DASHBOARD_DATA        a dataset folder or store root (default: the user's store written by
                      `dashboard ingest` if there is one, else the embedded `data/default`)
DASHBOARD_BOUNDARIES  boundary files (GeoJSON, GeoPackage, shapefile), separated by ':'
DASHBOARD_HOME        the user's data folder; boundaries fetched by `dashboard boundaries
                      fetch` land in its `boundaries/` and are used automatically
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[3]
DEFAULT_DATA = REPO_ROOT / "data" / "default"
BOUNDARY_SUFFIXES = (".geojson", ".json", ".gpkg", ".shp", ".zip")


@dataclass(frozen=True)
class Settings:
    data_path: Path
    boundary_paths: tuple[Path, ...]
    home: Path


def home_dir(env: dict[str, str] | None = None) -> Path:
    env = os.environ if env is None else env
    default = Path(env.get("XDG_DATA_HOME", Path.home() / ".local" / "share")) / "malmo-health-gaps"
    return Path(env.get("DASHBOARD_HOME", default))


def load_settings(env: dict[str, str] | None = None) -> Settings:
    """Read the settings from the environment (or the mapping given, for tests)."""
    env = os.environ if env is None else env
    home = home_dir(env)
    folder = home / "boundaries"
    fetched = sorted(p for p in folder.glob("*") if p.suffix.lower() in BOUNDARY_SUFFIXES
                     and not p.name.endswith(".provenance.json")) if folder.is_dir() else []
    named = [Path(p) for p in env.get("DASHBOARD_BOUNDARIES", "").split(os.pathsep) if p]
    store = store_dir(home)
    default = store if (store / "CURRENT").exists() else DEFAULT_DATA
    return Settings(Path(env.get("DASHBOARD_DATA", default)), tuple(fetched + named), home)


def store_dir(home: Path) -> Path:
    """The user's versioned store (CURRENT + versions/), where ingests commit new data."""
    return home / "store"
