"""Malmö today in the embedded build: areas, values checked against SCB's own workbooks,
RegSO values made from DeSO by the stated method, and every value with its source."""

from __future__ import annotations

import os
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from dashboard.derive import derive_tables
from dashboard.ingest.today import build_today
from dashboard.ingest.welfare_reports import build_tables, read_meta
from tests.conftest import REPO, shared_path


@pytest.fixture(scope="module")
def today() -> dict[str, pd.DataFrame]:
    raw = shared_path("data", "raw", "scb_deso_2022").parent
    meta = REPO / "data" / "meta"
    known = build_tables(raw, read_meta(meta))["areas"]
    tables, _ = build_today(raw, meta, known)
    return derive_tables(tables, tables["indicators"])


def _workbook_row(matrix: str, code: str) -> tuple:
    """The row of `code` in SCB's workbook, read here without the project's reader."""
    folder = shared_path("data", "raw", "scb_deso_2022")
    path = next(folder.glob(f"{matrix}_*.xlsx"))
    for row in openpyxl.load_workbook(path, read_only=True).worksheets[0].iter_rows(
            values_only=True):
        if row[0] == code:
            return row
    raise AssertionError(f"{code} not in {path}")


def _value(obs: pd.DataFrame, indicator: str, area: str, period: str) -> pd.Series:
    rows = obs[(obs["indicator_id"] == indicator) & (obs["area_code"] == area)
               & (obs["period"] == period) & (obs["sex"] == "total")
               & (obs["dimension"] == "total")]
    assert len(rows) == 1, rows
    return rows.iloc[0]


def test_all_192_deso_and_91_regso_named_by_their_regso(today) -> None:
    areas = today["areas"]
    deso, regso = areas[areas["level"] == "deso"], areas[areas["level"] == "regso"]
    assert len(deso) == 192 and len(regso) == 91
    assert set(deso["parent_code"]) == set(regso["code"])
    named = deso.set_index("code").loc["1280C1230"]
    assert named["name"] == "Almvik norr-Lindängen norr (1280C1230)"
    assert not regso["name"].str.startswith("RegSO").any()


@pytest.mark.parametrize(("indicator", "matrix", "column"), [
    ("median_nettoinkomst", "000005FM", 1),
    ("medel_nettoinkomst", "000005FM", 2),
    ("lag_ekonomisk_standard", "000006TA", 1),
])
def test_deso_values_are_scbs_own(today, indicator, matrix, column) -> None:
    for code in ("1280C1010", "1280C1230", "1280C2910"):
        expected = _workbook_row(matrix, code)[column]
        assert _value(today["observations"], indicator, code, "2022")["value"] == \
            pytest.approx(expected)


def test_shares_are_computed_from_scbs_counts(today) -> None:
    row = _workbook_row("000005MO", "1280C1010")
    got = _value(today["observations"], "eftergymnasial_utbildning", "1280C1010", "2022")
    assert got["numerator"] == row[3] + row[4]
    assert got["denominator"] == sum(row[1:6])
    assert got["value"] == pytest.approx(100 * (row[3] + row[4]) / sum(row[1:6]))
    assert got["ci_low"] < got["value"] < got["ci_high"] and got["ci_method"] == "wilson"


def test_regso_shares_sum_the_counts_of_their_deso(today) -> None:
    obs, areas = today["observations"], today["areas"]
    members = areas[areas["parent_code"] == "1280R001"]["code"]
    rows = [_workbook_row("000007A8", code) for code in members]
    got = _value(obs, "sysselsatta_16_64", "1280R001", "2022")
    assert got["numerator"] == sum(r[1] for r in rows)
    assert got["denominator"] == sum(r[5] for r in rows)


def test_a_median_is_never_averaged_into_a_regso(today) -> None:
    obs = today["observations"]
    median = obs[obs["indicator_id"] == "median_nettoinkomst"]
    assert set(median["area_code"].str[4]) == {"C"}
    definitions = today["indicators"].set_index("id")
    assert "hälften" in definitions.at["median_nettoinkomst", "definition_sv"]


def test_regso_population_is_scbs_own_and_equals_the_sum_of_its_deso(today) -> None:
    obs, areas = today["observations"], today["areas"]
    members = areas[areas["parent_code"] == "1280R055"]["code"]
    deso_sum = sum(_workbook_row("000005FE", code)[3] for code in members)
    regso = _value(obs, "folkmangd", "1280R055", "2022")
    assert regso["value"] == deso_sum
    assert regso["source_id"] == "scb-malmo_regso_foreign_born-file"


def test_regso_vaccination_is_weighted_by_deso_population(today) -> None:
    obs, areas = today["observations"], today["areas"]
    members = list(areas[areas["parent_code"] == "1280R001"]["code"])
    shares = [_value(obs, "vaccination_covid19_dos1", c, "2022-01-18")["value"]
              for c in members]
    people = [_value(obs, "folkmangd", c, "2022")["value"] for c in members]
    expected = sum(s * p for s, p in zip(shares, people, strict=True)) / sum(people)
    got = _value(obs, "vaccination_covid19_dos1", "1280R001", "2022-01-18")
    assert got["value"] == pytest.approx(expected)
    assert got["population"] == sum(people)


def test_area_types_follow_scbs_classification(today) -> None:
    obs = today["observations"]
    types = obs[obs["indicator_id"] == "socioekonomisk_omradestyp"]
    regso = types[types["area_code"].str[4] == "R"]["value"].value_counts().to_dict()
    assert regso == {1.0: 21, 2.0: 9, 3.0: 25, 4.0: 31, 5.0: 5}
    assert len(types[types["area_code"].str[4] == "C"]) == 192


def test_every_value_names_a_source_that_is_described(today) -> None:
    obs, sources = today["observations"], today["sources"]
    assert obs["source_id"].notna().all()
    assert set(obs["source_id"]) <= set(sources["id"])
    assert not sources["url"].str.startswith("file:").any()
    assert sources["publisher"].str.len().gt(0).all()


def test_a_missing_raw_folder_is_named(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="koppling-deso2018-regso2020"):
        build_today(tmp_path, REPO / "data" / "meta", pd.DataFrame())


def test_malmo_as_a_whole_is_made_from_its_deso_and_says_so(today) -> None:
    obs = today["observations"]
    population = _value(obs, "folkmangd", "1280", "2022")
    assert population["value"] == 357_377  # PROVENANCE.md: the 192 DeSO sum to this
    assert _value(obs, "folkmangd", "1280", "2023")["value"] == 362_133
    city = _value(obs, "vaccination_covid19_dos1", "1280", "2022-01-18")
    assert 60 < city["value"] < 95 and "folkmängd" in city["note_sv"]
    assert "weighted" in city["note_en"]
    assert obs[(obs["area_code"] == "1280")
               & (obs["indicator_id"] == "median_nettoinkomst")].empty
    rented = _value(obs, "hyresratt_andel", "1280", "2021")
    assert rented["ci_method"] == "wilson"


def test_the_build_does_not_depend_on_when_the_files_were_copied(today, tmp_path: Path
                                                                  ) -> None:
    raw = shared_path("data", "raw", "scb_deso_2022").parent
    for entry in raw.iterdir():
        (tmp_path / entry.name).symlink_to(entry)
    copied = tmp_path / "scb_regso_2020_2023"
    copied.unlink()
    copied.mkdir()
    for csv in (raw / "scb_regso_2020_2023").glob("*.csv"):
        (copied / csv.name).write_bytes(csv.read_bytes())
        os.utime(copied / csv.name, (86_400.0, 86_400.0))
    meta = REPO / "data" / "meta"
    tables, _ = build_today(tmp_path, meta, build_tables(raw, read_meta(meta))["areas"])
    pd.testing.assert_frame_equal(tables["sources"].reset_index(drop=True),
                                  today["sources"].reset_index(drop=True))
    assert not tables["sources"].apply(lambda c: c.astype(str).str.contains("1970")).any().any()
