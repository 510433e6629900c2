"""`dashboard ingest scb-file`: SCB's own Statistikdatabasen exports (../shared) read right.

Expected numbers were read off the workbooks by eye (row of DeSO 1280C1010 and 2584C1130).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import Workbook, load_workbook

from dashboard.cli import main
from dashboard.ingest.scb_file import ScbFileError, read_scb_file
from dashboard.store.dataset import read_dataset
from tests.conftest import shared_path
from tests.live.conftest import tree_hash

DESO = "data/raw/scb_deso_2022"
REGSO = "data/raw/scb_regso_2020_2023"
NAMES = {"FB": "000005FB_20240813-152341.xlsx", "FC": "000005FC_20240806-102837.xlsx",
         "FE": "000005FE_20240813-152154.xlsx", "FF": "000005FF_20240813-152010.xlsx",
         "FM": "000005FM_20240813-153407.xlsx", "LO": "000005LO_20240813-153750.xlsx",
         "MO": "000005MO_20240813-151714.xlsx", "TA": "000006TA_20240813-153551.xlsx",
         "A8": "000007A8_20240813-151334.xlsx"}


def _xlsx(key: str) -> Path:
    return shared_path(DESO, NAMES[key])


def _value(obs: pd.DataFrame, indicator: str, area: str, group: str = "total") -> float:
    row = obs[(obs["indicator_id"] == indicator) & (obs["area_code"] == area)
              & (obs["group"] == group) & (obs["sex"] == "total")]
    assert len(row) == 1, row
    return float(row["value"].iloc[0])


def test_income_workbook_gives_median_and_mean_in_sek_thousands(dataset) -> None:
    got = read_scb_file(_xlsx("FM"), dataset.areas)
    obs, ind = got.tables["observations"], got.tables["indicators"].set_index("id")
    assert (got.matrix, got.level, got.exported) == ("000005FM", "deso", "2024-08-13T15:34:07")
    assert got.title.startswith("Andel av befolkningen i inkomstklass efter region")
    assert _value(obs, "scb_000005FM_medianvarde_nettoinkomst", "1280C1010") == 329.4
    assert _value(obs, "scb_000005FM_medelvarde_nettoinkomst", "1280C1010") == 360.8
    assert _value(obs, "scb_000005FM_antal_personer_totalt_nettoinkomst", "2584C1130") == 1123
    assert ind.loc["scb_000005FM_medianvarde_nettoinkomst", "unit"] == "sek_thousands"
    assert ind.loc["scb_000005FM_antal_personer_totalt_nettoinkomst", "unit"] == "persons"
    assert ind.loc["scb_000005FM_medianvarde_nettoinkomst", "title_sv"] == (
        "Medianvärde, tkr (nettoinkomst)")
    assert set(obs["period"]) == {"2022"} and set(obs["sex"]) == {"total"}
    source = got.tables["sources"].iloc[0]
    assert source["title"].endswith("(000005FM)") and source["publisher"] == "SCB"
    assert source["retrieved"] == "2024-08-13T15:34:07" and "CC0" in source["licence_sv"]
    assert "fastprisberäknade" in source["notes_sv"] and "fastprisberäknade" in got.footnotes


def test_every_deso_of_a_national_file_becomes_an_area_under_its_kommun(dataset) -> None:
    got = read_scb_file(_xlsx("FC"), dataset.areas)
    areas = got.tables["areas"].set_index("code")
    deso = areas[areas["level"] == "deso"]
    known = dataset.areas.set_index("code")
    malmo = set(known.index[known["level"] == "deso"])
    assert len(malmo) == 192 and got.tables["observations"]["area_code"].nunique() == 5984
    # The DeSO the store knows (Malmö's, with names) are not added again; all others are.
    assert len(deso) == 5984 - 192 and not malmo & set(deso.index)
    assert known.loc["1280C1010", "name"] == "Tygelsjö by omland (1280C1010)"
    assert deso.loc["2584C1130", "name"] == "2584C1130"
    assert deso.loc["2584C1130", "parent_code"] == "2584"
    assert areas.loc["2584", "level"] == "kommun" and areas.loc["2584", "parent_code"] == "25"
    assert areas.loc["25", "level"] == "lan" and areas.loc["25", "parent_code"] == "00"
    assert "1280" not in areas.index  # Malmö is known already and keeps its name
    assert _value(got.tables["observations"], "scb_000005FC_folkmangden_per_region",
                  "1280C1010") == 2039  # the year is a row label in this layout
    assert set(got.tables["observations"]["period"]) == {"2023"}
    # A store that knows no DeSO gets all of them, Malmö's under Malmö.
    bare = read_scb_file(_xlsx("FC"), dataset.areas[dataset.areas["level"] != "deso"])
    added = bare.tables["areas"].set_index("code")
    assert (added["level"] == "deso").sum() == 5984
    assert added.loc["1280C1010", ["name", "parent_code"]].tolist() == ["1280C1010", "1280"]


@pytest.mark.parametrize(("key", "indicator", "group", "expected"), [
    ("FB", "scb_000005FB_folkmangden_per_region", "europa_utom_sverige", 166),
    ("FE", "scb_000005FE_folkmangden_per_region", "utlandsk_bakgrund", 391),
    ("FF", "scb_000005FF_folkmangden_per_region", "5-9", 154),
    ("LO", "scb_000005LO_antal_personer", "flerbostadshus", 27),
    ("MO", "scb_000005MO_befolkning_25_64_ar", "eftergymnasial_utbildning_3_ar_eller_mer",
     354),
    ("TA", "scb_000006TA_lag_ekonomisk_standard", "total", 4),
    ("A8", "scb_000007A8_antal_arbetslosa_16_64_ar", "total", 28),
])
def test_each_layout_spot_checks_against_the_workbook(dataset, key: str, indicator: str,
                                                      group: str, expected: float) -> None:
    got = read_scb_file(_xlsx(key), dataset.areas)
    assert _value(got.tables["observations"], indicator, "1280C1010", group) == expected
    assert len(got.tables["observations"]) % 5984 == 0


def test_breakdowns_become_groups_and_units_follow_scb_words(dataset) -> None:
    ages = read_scb_file(_xlsx("FF"), dataset.areas).tables
    groups = ages["groups"].set_index(["dimension", "group"])
    assert groups.loc[("alder", "0-4"), "label_sv"] == "0-4 år"
    assert groups.loc[("alder", "0-4"), "dimension_sv"] == "Ålder"
    totals = ages["observations"][ages["observations"]["group"] == "total"]
    assert set(totals["dimension"]) == {"total"}
    poverty = read_scb_file(_xlsx("TA"), dataset.areas).tables["indicators"].set_index("id")
    assert poverty.loc["scb_000006TA_lag_ekonomisk_standard", "unit"] == "percent"
    assert poverty.loc["scb_000006TA_lag_ekonomisk_standard", "title_en"] == (
        "Low economic standard, per cent")


def _regso_areas(dataset) -> pd.DataFrame:
    link = pd.read_csv(shared_path("data/raw/deso_socioeconomic_index",
                                   "koppling-deso2018-regso2020.csv"),
                       dtype=str, encoding="utf-8-sig")
    regso = link[["RegSOkod_2020", "RegSO_2020"]].drop_duplicates()
    rows = pd.DataFrame({"code": regso["RegSOkod_2020"], "name": regso["RegSO_2020"],
                         "level": "regso", "parent_code": "1280"})
    return pd.concat([dataset.areas, rows], ignore_index=True)


def test_regso_csv_names_resolve_to_codes_when_the_areas_are_known(dataset) -> None:
    path = shared_path(REGSO, "malmo_regso_income.csv")
    got = read_scb_file(path, _regso_areas(dataset))
    obs = got.tables["observations"].set_index(["area_code", "period"])["value"]
    assert got.level == "regso" and got.tables["areas"].empty
    assert obs[("1280R001", "2020")] == 199.6 and obs[("1280R001", "2023")] == 200.4
    assert got.tables["observations"]["area_code"].nunique() == 91
    ind = got.tables["indicators"].iloc[0]
    assert ind["unit"] == "sek_thousands" and ind["title_sv"] == (
        "Medelvärde för samtliga, tkr (löneinkomst)")
    tenure = read_scb_file(shared_path(REGSO, "malmo_regso_housing_tenure.csv"),
                           _regso_areas(dataset)).tables
    assert tenure["indicators"].iloc[0]["unit"] == "dwellings"
    born = read_scb_file(shared_path(REGSO, "malmo_regso_foreign_born.csv"),
                         _regso_areas(dataset)).tables
    row = born["observations"].set_index(["area_code", "period", "group"])["value"]
    assert row[("1280R001", "2020", "sverige")] == 1586
    assert row[("1280R001", "2023", "total")] == 3404


def test_regso_csv_names_unknown_to_the_store_are_refused_with_the_row(dataset) -> None:
    path = shared_path(REGSO, "malmo_regso_income.csv")
    # The embedded data know Malmö's 91 RegSO by name, so the file reads with them ...
    got = read_scb_file(path, dataset.areas)
    assert got.tables["areas"].empty and got.tables["observations"]["area_code"].nunique() == 91
    # ... and a store that does not know them refuses the first row naming one.
    without = dataset.areas[dataset.areas["level"] != "regso"]
    with pytest.raises(ScbFileError, match=r"malmo_regso_income\.csv, row 2, column "
                                           r"'region': the region 'Malmö \(RegSO-Almvik"):
        read_scb_file(path, without)


def _cli(home: Path, *files: Path) -> int:
    return main(["ingest", "scb-file", *map(str, files), "--home", str(home)])


def test_cli_ingests_a_national_file_and_a_second_run_changes_nothing(
        tmp_path: Path, capsys) -> None:
    home = tmp_path / "home"
    assert _cli(home, _xlsx("TA")) == 0, capsys.readouterr().err
    ds = read_dataset(home / "store")
    assert (ds.areas["level"] == "deso").sum() == 5984
    low = ds.observations[(ds.observations["indicator_id"] == "scb_000006TA_lag_ekonomisk_"
                           "standard") & (ds.observations["area_code"] == "1280C2390")]
    assert low["value"].tolist() == [29.0]
    before = tree_hash(home / "store")
    assert _cli(home, _xlsx("TA")) == 0
    assert "already up to date" in capsys.readouterr().out
    assert tree_hash(home / "store") == before


def _book(path: Path, rows: list[list[object]]) -> Path:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def test_cli_refuses_a_non_export_and_leaves_the_store_unchanged(
        tmp_path: Path, capsys) -> None:
    home = tmp_path / "home"
    assert _cli(home, _xlsx("FC")) == 0
    before = tree_hash(home / "store")
    empty = tmp_path / "empty.xlsx"
    empty.write_bytes(b"")
    cut = tmp_path / "000005FM_20240813-153407.xlsx"
    cut.write_bytes(_xlsx("FM").read_bytes()[:60_000])
    heat = tmp_path / "heat.csv"
    heat.write_text("setting,year,source,indicator_abbr,estimate\nMalmö,2022,x,le,81\n")
    random = _book(tmp_path / "random.xlsx", [["Namn", "Värde"], ["a", 1]])
    export = [["Antal personer efter region och år"], [], [None, "2024"], ["1280C1010", 5]]
    footer = [[], ["Intern referenskod:"], ["TAB1"]]
    unknown = _book(tmp_path / "unknown.xlsx", [*export, ["9999X9999", 7], *footer])
    no_footer = _book(tmp_path / "no_footer.xlsx", export)
    for bad, said in ((empty, "the file is empty"), (cut, "not a readable Excel workbook"),
                      (heat, "row 1: expected columns named by a statistic and a year"),
                      (random, "row 1, column 'A': expected SCB's table title"),
                      (unknown, "row 5, column 'region': the region '9999X9999' is neither"),
                      (no_footer, "row 4: the footer has no 'Intern referenskod:'")):
        assert _cli(home, bad) == 1
        err = capsys.readouterr().err
        assert bad.name in err and "Nothing was changed" in err
        assert re.search(said, err), err
        assert tree_hash(home / "store") == before


def test_a_workbook_cut_inside_its_rows_is_refused(tmp_path: Path, dataset) -> None:
    source = tmp_path / "000006TA_20240813-153551.xlsx"
    shutil.copy(_xlsx("TA"), source)
    book = load_workbook(source)
    sheet = book.worksheets[0]
    sheet.delete_rows(3000, sheet.max_row - 3000 + 1)
    book.save(source)
    with pytest.raises(ScbFileError, match=r"row \d+: the footer has no 'Intern "
                                           r"referenskod:'.*cut short"):
        read_scb_file(source, dataset.areas)
