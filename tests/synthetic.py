"""Made-up data for tests and benchmarks that need more areas than the embedded dataset."""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.store.dataset import Dataset, from_tables


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


# The indicators of a made-up DeSO dataset: (id, topic, unit, polarity, scale, mean, spread),
# shaped after SCB's DeSO tables and Folkhälsomyndigheten's vaccination coverage.
DESO_INDICATORS = (
    ("medianinkomst", "living_conditions", "sek_thousands", "higher_better", 1.0, 280.0, 60.0),
    ("lag_ekonomisk_standard", "living_conditions", "percent", "lower_better", 100.0, 18.0,
     10.0),
    ("forvarvsfrekvens", "living_conditions", "percent", "higher_better", 100.0, 70.0, 10.0),
    ("eftergymnasial_utbildning", "living_conditions", "percent", "higher_better", 100.0,
     45.0, 15.0),
    ("vaccination_tva_doser", "health", "percent", "higher_better", 100.0, 80.0, 10.0),
    ("utlandsk_bakgrund_andel", "population", "percent", "none", 100.0, 40.0, 20.0),
    ("folkmangd", "population", "persons", "none", 1.0, 1800.0, 400.0),
)
AREA_TYPE = "socioekonomisk_omradestyp"
MALMO_DESO = 192


def _deso_codes(n: int) -> tuple[list[str], list[str]]:
    """DeSO codes and their kommun: Malmö's first (1280C…), then other municipalities."""
    codes, kommuner = [], []
    for i in range(n):
        kommun = "1280" if i < MALMO_DESO else f"{(i - MALMO_DESO) // 20 % 9900 + 100:04d}"
        codes.append(f"{kommun}C{i:04d}")
        kommuner.append(kommun)
    return codes, kommuner


def deso_dataset(n: int = MALMO_DESO, periods: tuple[str, ...] = ("2022",),
                 seed: int = 1) -> Dataset:
    """A made-up dataset of `n` DeSO (Malmö's 192 first, then other municipalities) with
    their RegSO (two DeSO each, parent the kommun), Malmö and Sweden: several indicators
    in percent, money and persons, over `periods`, with populations, SCB's socioeconomic
    area type (1-5) per area and a few missing values."""
    rng = np.random.default_rng(seed)
    codes, kommuner = _deso_codes(n)
    regso = [f"{k}R{i // 2:03d}" for i, k in enumerate(kommuner)]
    regso_codes = list(dict.fromkeys(regso))
    regso_kommun = {r: r[:4] for r in regso_codes}
    kommun_codes = list(dict.fromkeys(kommuner))
    areas = pd.DataFrame({
        "code": ["00", *kommun_codes, *regso_codes, *codes],
        "name": ["Sverige", *["Malmö" if k == "1280" else f"Kommun {k}" for k in kommun_codes],
                 *[f"RegSO-{r}" for r in regso_codes],
                 *[f"Område {i} ({c})" for i, c in enumerate(codes)]],
        "name_en": None,
        "level": ["riket", *["kommun"] * len(kommun_codes), *["regso"] * len(regso_codes),
                  *["deso"] * n],
        "parent_code": [None, *["00"] * len(kommun_codes), *regso_kommun.values(), *regso],
        "valid_from": None, "valid_to": None, "tile_x": np.nan, "tile_y": np.nan})
    # An area's social position: drives every judged indicator, so they agree as in SCB's data.
    position = rng.normal(0, 1, len(regso_codes))
    by_regso = dict(zip(regso_codes, position, strict=True))
    deso_position = np.array([by_regso[r] for r in regso]) + rng.normal(0, 0.3, n)
    kind = np.clip(np.digitize(position, [-1.0, -0.4, 0.4, 1.0]) + 1, 1, 5)
    population = np.round(rng.normal(1800, 400, n).clip(700, 3500))
    frames = []
    for ind, _topic, unit, polarity, _scale, mean, spread in DESO_INDICATORS:
        sign = {"higher_better": 1.0, "lower_better": -1.0, "none": -0.5}[polarity]
        for j, period in enumerate(periods):
            drift = j * spread * 0.05
            if ind == "folkmangd":
                values = population * (1 + 0.01 * j)
            else:
                values = mean + drift + sign * spread * deso_position + \
                    rng.normal(0, spread * 0.15, n)
                if unit == "percent":
                    values = values.clip(1, 99)
                values[rng.random(n) < 0.02] = np.nan
            frame = pd.DataFrame({"indicator_id": ind, "area_code": codes, "period": period,
                                  "value": np.round(values, 1), "population": population})
            by = frame.assign(regso=regso, kommun=kommuner, w=population * ~np.isnan(values))
            by["wv"] = by["value"].fillna(0) * by["w"]
            for column in ("regso", "kommun"):
                sums = by.groupby(column)[["wv", "w", "value"]].sum()
                # Counts add up; shares and money are population-weighted means.
                total = sums["value"] if ind == "folkmangd" else sums["wv"] / sums["w"]
                frames.append(pd.DataFrame({
                    "indicator_id": ind, "area_code": sums.index, "period": period,
                    "value": total.round(1).to_numpy(),
                    "population": sums["w"].to_numpy()}))
            frames.append(frame)
    types = pd.DataFrame({"indicator_id": AREA_TYPE, "area_code": [*regso_codes, *codes],
                          "period": periods[-1],
                          "value": [*kind, *[kind[regso_codes.index(r)] for r in regso]],
                          "population": np.nan})
    obs = pd.concat([*frames, types], ignore_index=True)
    obs["flag"] = np.where(obs["value"].isna(), "suppressed", None)
    obs = obs.assign(sex="total", dimension="total", group="total", se=np.nan,
                     ci_low=np.nan, ci_high=np.nan, ci_method=None, numerator=np.nan,
                     denominator=np.nan, band_low=np.nan, band_high=np.nan,
                     source_id="src-synthetic", note=None, note_sv=None, note_en=None)
    specs = [*DESO_INDICATORS, (AREA_TYPE, "population", "area_type", "none", 1.0, 0, 0)]
    indicators = pd.DataFrame({
        "id": [s[0] for s in specs], "topic": [s[1] for s in specs],
        "title_sv": [f"Påhittad {s[0]}" for s in specs],
        "title_en": [f"Made-up {s[0]}" for s in specs],
        "definition_sv": "Påhittade värden för test.", "definition_en": "Made-up test values.",
        "unit": [s[2] for s in specs], "polarity": [s[3] for s in specs],
        "scale": [s[4] for s in specs], "ci_method": None, "source_ids": "src-synthetic",
        "caveats_sv": None, "caveats_en": None, "sentence_sv": None, "sentence_en": None})
    sources = pd.DataFrame({"id": ["src-synthetic"], "publisher": ["Test"],
                            "title": ["Påhittade DeSO-data"], "url": ["https://example.org/"],
                            "licence": ["CC0"], "retrieved": ["2026-11-30"], "notes": [None]})
    groups = pd.DataFrame({"dimension": ["total"], "group": ["total"], "label_sv": ["Alla"],
                           "label_en": ["All"], "dimension_sv": ["Alla"],
                           "dimension_en": ["All"], "order": [0.0]})
    tables = {"observations": obs, "indicators": indicators, "areas": areas, "groups": groups,
              "sources": sources}
    return from_tables(tables, {"id": f"synthetic-deso-{n}", "title_sv": f"Påhittade {n} DeSO",
                                "title_en": f"Made-up {n} DeSO"})
