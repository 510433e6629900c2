"""The embedded dataset: every figure of the welfare reports, each traceable to its source."""

from __future__ import annotations

import csv

import pandas as pd
import pytest

from dashboard.derive import derive_tables
from dashboard.ingest.embedded import build_embedded
from dashboard.ingest.welfare_reports import RAW_FILES, build_default, source_id
from dashboard.store import query
from dashboard.store.dataset import from_tables
from tests.conftest import REPO, shared_path


def value(ds, indicator, area, period, sex="total", dimension="total", group="total"):
    obs = ds.observations
    row = obs[(obs.indicator_id == indicator) & (obs.area_code == area) & (obs.period == period)
              & (obs.sex == sex) & (obs.dimension == dimension) & (obs.group == group)]
    assert len(row) == 1, (indicator, area, period, sex, group)
    return row.iloc[0]


def test_spot_values_match_the_source_tables(dataset) -> None:
    # Välfärdsredovisning 2011, page_id=1790: men 2006-2010.
    assert value(dataset, "medellivslangd_vid_fodelsen", "1280SD02", "2006-2010",
                 "male")["value"] == 74.6
    assert value(dataset, "medellivslangd_vid_fodelsen", "1280SD07", "2006-2010",
                 "male")["value"] == 81.0
    # Välfärdsredovisning 2013, page_id=1797: population 31 Dec 2012.
    assert value(dataset, "folkmangd", "1280SD08", "2012")["value"] == 23563


def test_printed_shares_with_counts_are_computed_with_wilson_intervals(dataset) -> None:
    # Välfärdsredovisning 2013, page_id=1797: Rosengård 2012, 20 699 of 23 563 residents
    # with a foreign background, printed as 88 %.
    share = value(dataset, "utlandsk_bakgrund_andel", "1280SD08", "2012")
    assert (share["numerator"], share["denominator"]) == (20699, 23563)
    assert share["value"] == pytest.approx(100 * 20699 / 23563)
    assert share["ci_method"] == "wilson"
    assert share["ci_low"] < share["value"] < share["ci_high"]
    assert "the source prints 88" in share["note"]
    obs = dataset.observations
    derived = obs[obs["ci_method"].notna() & (obs["period"].str[:4] <= "2013")]
    assert set(derived["indicator_id"]) == {"fodda_i_utlandet_andel", "utlandsk_bakgrund_andel",
                                            "fodda_i_sverige_bada_foraldrar_utrikes_andel"}
    assert len(derived) == 29  # 3 x 10 districts; Kirseberg's foreign-background share is cut off
    assert set(dataset.areas.set_index("code").loc[derived["area_code"], "level"]) == {"stadsdel"}
    assert dataset.observations.loc[dataset.observations["ci_method"].isna(), "ci_low"].isna().all()


def test_inconsistent_source_value_is_kept_and_flagged(dataset) -> None:
    husie = value(dataset, "medellivslangd_vid_fodelsen", "1280SD09", "2006-2010", "male")
    assert husie["value"] == 77.2
    assert husie["flag"] == "inconsistent"
    assert "inconsistent" in husie["note"]


def test_every_value_has_a_source_with_url_and_licence(dataset) -> None:
    merged = dataset.observations.merge(dataset.sources, left_on="source_id", right_on="id",
                                        how="left")
    assert merged["url"].str.startswith("http").all()
    assert merged["licence"].str.len().gt(5).all()
    assert merged["publisher"].notna().all()


def test_all_indicators_areas_and_levels_are_covered(dataset) -> None:
    ids = set(dataset.indicators["id"])
    for expected in ("medellivslangd_vid_fodelsen", "forvarvsfrekvens", "valdeltagande_kommunval",
                     "ohalsotal", "skadeincidens_olycksfall", "valfardsindex_rangmedel",
                     "folkmangd", "utlandsk_bakgrund_andel", "behorighet_gymnasieskolan"):
        assert expected in ids
    stadsdelar = dataset.areas[dataset.areas["level"] == "stadsdel"]
    assert len(stadsdelar) == 10
    assert {"kommun", "riket", "lan", "delomrade", "skola"} <= set(dataset.areas["level"])
    assert set(query.levels_with_data(dataset, "medellivslangd_vid_fodelsen")) == {"stadsdel"}


def test_secondary_sources_are_flagged(dataset) -> None:
    obs = dataset.observations.merge(dataset.sources, left_on="source_id", right_on="id")
    wiki = obs[obs["publisher"].str.contains("Wikipedia")]
    assert len(wiki) > 0
    assert wiki["flag"].str.contains("secondary").all()


def test_rebuild_from_shared_equals_the_shipped_files(dataset) -> None:
    raw = shared_path("data", "raw")
    tables, info, _ = build_embedded(raw, REPO / "data" / "meta")
    rebuilt = from_tables(derive_tables(tables, tables["indicators"]), info)
    for name in ("observations", "indicators", "areas", "groups", "sources"):
        pd.testing.assert_frame_equal(rebuilt.table(name), dataset.table(name))
    assert rebuilt.info == dataset.info


def test_every_raw_row_is_carried_over(dataset) -> None:
    raw = shared_path("data", "raw")
    rows: dict[str, int] = {}
    for rel in RAW_FILES:
        with open(raw / rel, encoding="utf-8") as f:
            for row in csv.DictReader(f):
                sid = source_id(row["source_url"], row["source_table"])
                rows[sid] = rows.get(sid, 0) + 1
    carried = dataset.observations["source_id"].value_counts()
    assert {sid: int(carried.get(sid, 0)) for sid in rows} == rows
    assert sum(rows.values()) == 1043


def test_unknown_area_in_raw_file_is_refused_with_line(tmp_path) -> None:
    raw = shared_path("data", "raw")
    from dashboard.core.problems import DatasetError

    for rel in RAW_FILES:
        target = tmp_path / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes((raw / rel).read_bytes())
    path = tmp_path / RAW_FILES[0]
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[3] = lines[3].replace("Centrum", "Atlantis", 1)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DatasetError) as info:
        build_default(tmp_path, REPO / "data" / "meta")
    text = str(info.value)
    assert "'Atlantis'" in text and "line 4" in text and "column 'area'" in text
