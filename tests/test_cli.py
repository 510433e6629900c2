"""The `dashboard` command: rebuilds the shipped data exactly, and refuses bad data clearly."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pandas as pd

from dashboard.app.settings import DEFAULT_DATA, load_settings
from dashboard.cli import main
from dashboard.store.dataset import read_dataset
from tests.conftest import REPO, shared_path


def test_build_default_reproduces_the_shipped_dataset(tmp_path: Path, capsys) -> None:
    raw = shared_path("data", "raw")
    out = tmp_path / "default"
    assert main(["build-default", "--raw", str(raw), "-o", str(out)]) == 0
    shipped = read_dataset(DEFAULT_DATA)
    assert (f"Wrote {len(shipped.observations)} observations of {len(shipped.indicators)} "
            f"indicators for {len(shipped.areas)} areas from {len(shipped.sources)} sources "
            f"to {out}") in capsys.readouterr().out
    for name in ("observations", "indicators", "areas", "groups", "sources"):
        pd.testing.assert_frame_equal(pd.read_parquet(out / f"{name}.parquet"),
                                      pd.read_parquet(DEFAULT_DATA / f"{name}.parquet"))
    assert read_dataset(out).info == shipped.info


def test_build_default_without_raw_folder_says_where_to_look(tmp_path: Path, capsys) -> None:
    assert main(["build-default", "--raw", str(tmp_path / "nowhere"), "-o",
                 str(tmp_path / "x")]) == 2
    assert "shared/data/raw" in capsys.readouterr().err
    assert not (tmp_path / "x").exists()


def test_validate_lists_problems_with_row_and_column(csv_dataset: Path, dataset,
                                                     capsys) -> None:
    assert main(["validate", str(csv_dataset)]) == 0
    assert (f"OK: {len(dataset.observations)} observations, {len(dataset.indicators)} "
            f"indicators, {len(dataset.areas)} areas, {len(dataset.sources)} sources"
            ) in capsys.readouterr().out
    frame = pd.read_csv(csv_dataset / "areas.csv", dtype=str, keep_default_na=False)
    frame.loc[2, "level"] = "planet"
    frame.to_csv(csv_dataset / "areas.csv", index=False)
    assert main(["validate", str(csv_dataset)]) == 1
    err = capsys.readouterr().err
    assert "areas.csv, row 3 (line 4), column 'level': 'planet' is not one of" in err


def test_serve_refuses_bad_data_with_a_message(tmp_path: Path) -> None:
    env = {**os.environ, "DASHBOARD_DATA": str(tmp_path), "DASHBOARD_HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, "-m", "dashboard", "serve", "--port", "0"],
                            env=env, capture_output=True, text=True, timeout=120, cwd=REPO)
    assert result.returncode == 2
    assert "cannot start" in result.stderr and "observations" in result.stderr


def test_settings_pick_up_fetched_and_named_boundaries(tmp_path: Path) -> None:
    (tmp_path / "boundaries").mkdir()
    (tmp_path / "boundaries" / "malmo_stadsdelar.geojson").write_text("{}")
    (tmp_path / "boundaries" / "malmo_stadsdelar.geojson.provenance.json").write_text("{}")
    settings = load_settings({"DASHBOARD_HOME": str(tmp_path),
                              "DASHBOARD_BOUNDARIES": f"/a.gpkg{os.pathsep}/b.geojson"})
    # The shipped boundaries first, then the fetched ones, then those named.
    assert [p.name for p in settings.boundary_paths] == ["delomraden.geojson",
                                                         "stadsdelar.geojson",
                                                         "malmo_stadsdelar.geojson",
                                                         "a.gpkg", "b.geojson"]
    assert settings.data_path == DEFAULT_DATA
