"""The embedded dataset: Malmö's districts 1998-2013 and Malmö today, in one dataset.

Two builds, each from the publishers' own figures in the team's raw data: the welfare
reports' figures for the ten stadsdelar (`welfare_reports`) and the DeSO/RegSO figures of
2020-2023 (`today`). They share some indicators (population, foreign background, born
abroad), measured at different levels and times; an indicator keeps its metadata from the
first build and cites the sources of both.
"""

from __future__ import annotations

import hashlib
import json
from importlib import resources
from pathlib import Path
from typing import Any

import pandas as pd

from dashboard.ingest import today, welfare_reports

DATASET_ID = "malmo-health-gaps-1998-2023"
TITLES = {
    "sv": "Malmö 1998–2023: stadsdelarna 1998–2013 (välfärdsredovisningarna) och DeSO/RegSO "
          "2020–2023 (SCB, Folkhälsomyndigheten)",
    "en": "Malmö 1998–2023: the districts 1998–2013 (welfare reports) and DeSO/RegSO "
          "2020–2023 (Statistics Sweden, Public Health Agency)",
}


# The project's own simplified delområden (`dashboard build-boundaries`), whose names and
# stadsdelar give the 136 delområden as areas, so the map can colour them.
DELOMRADEN = Path(str(resources.files("dashboard").joinpath("data", "boundaries",
                                                             "delomraden.geojson")))


def delomrade_areas(path: Path = DELOMRADEN) -> pd.DataFrame:
    """The delområden of the shipped boundary layer as area rows (none if it is absent)."""
    if not path.is_file():
        return pd.DataFrame(columns=["code", "name", "level", "parent_code"])
    features = json.loads(path.read_text(encoding="utf-8"))["features"]
    return pd.DataFrame([{k: f["properties"][k] for k in ("name", "level", "parent_code")}
                         | {"code": f["properties"]["area_code"]} for f in features])


def _union(first: pd.DataFrame, second: pd.DataFrame, key: list[str]) -> pd.DataFrame:
    return pd.concat([first, second], ignore_index=True).drop_duplicates(key, keep="first")


def _indicators(first: pd.DataFrame, second: pd.DataFrame) -> pd.DataFrame:
    both = _union(first, second, ["id"]).reset_index(drop=True)
    cited = pd.concat([first, second]).groupby("id")["source_ids"].agg(
        lambda s: ";".join(sorted({p for ids in s for p in str(ids).split(";") if p})))
    return both.assign(source_ids=both["id"].map(cited))


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def build_embedded(raw_dir: Path, meta_dir: Path
                   ) -> tuple[dict[str, pd.DataFrame], dict[str, Any], dict[str, int]]:
    """The tables (to be derived and validated), the dataset's info, and RegSO left out."""
    old = welfare_reports.build_tables(raw_dir, welfare_reports.read_meta(meta_dir))
    new, left_out = today.build_today(raw_dir, meta_dir, old["areas"])
    tables = {
        "observations": pd.concat([old["observations"], new["observations"]],
                                  ignore_index=True),
        "indicators": _indicators(old["indicators"], new["indicators"]),
        "areas": _union(_union(old["areas"], delomrade_areas(), ["code"]), new["areas"],
                        ["code"]),
        "groups": _union(old["groups"], new["groups"], ["dimension", "group"]),
        "sources": _union(old["sources"], new["sources"], ["id"]),
    }
    inputs = [raw_dir / rel for rel in welfare_reports.RAW_FILES] + today.raw_inputs(raw_dir)
    info = {
        "id": DATASET_ID,
        "title_sv": TITLES["sv"],
        "title_en": TITLES["en"],
        "built_by": "dashboard build-default",
        "inputs": {p.relative_to(raw_dir).as_posix(): _sha256(p) for p in inputs},
        "retrieved": welfare_reports.RETRIEVED,
    }
    return tables, info, left_out
