"""Made-up data for tests and benchmarks that need more areas than the embedded dataset."""

from __future__ import annotations

import pandas as pd

from dashboard.store.dataset import Dataset


def many_areas(base: Dataset, n: int) -> Dataset:
    """The embedded dataset plus `n` made-up DeSO with values of one indicator."""
    codes = [f"1280C{i:04d}" for i in range(n)]
    areas = pd.concat([base.areas, pd.DataFrame({
        "code": codes, "name": [f"Område {i}" for i in range(n)],
        "name_en": [f"Area {i}" for i in range(n)], "level": "deso",
        "parent_code": "1280"})], ignore_index=True)
    template = base.observations[base.observations["indicator_id"] == "ohalsotal"].iloc[0]
    rows = pd.DataFrame([template] * n)
    rows["area_code"] = codes
    rows["value"] = [20 + (i * 37 % 300) / 10 for i in range(n)]
    for column in ("ci_low", "ci_high"):
        rows[column] = float("nan")
    observations = pd.concat([base.observations, rows], ignore_index=True)
    return Dataset(observations, base.indicators, areas.reindex(columns=base.areas.columns),
                   base.groups, base.sources, base.info)
