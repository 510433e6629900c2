"""scb-file beyond the real workbooks: PX files built here from Statistics Sweden's PX file
format specification (no real PX file is available offline), SCB's CSV variants, and small
workbooks in the export's layout for the cases the real files do not hold (SCB's symbols,
2025 codes, wrong regions and units)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from openpyxl import Workbook

from dashboard.cli import main
from dashboard.ingest.scb_file import ScbFileError, read_scb_file
from dashboard.store.dataset import read_dataset

PX = '''CHARSET="ANSI";
AXIS-VERSION="2010";
LANGUAGE="sv";
LANGUAGES="sv","en";
CREATION-DATE="20240813 15:34";
DECIMALS=1;
MATRIX="000005FM";
SUBJECT-CODE="HE";
SUBJECT-AREA="Hushållens ekonomi";
TITLE="Inkomster efter region, kön, tabellinnehåll och år";
TITLE[en]="Income by region, sex, observations and year";
CONTENTS="Inkomster";
UNITS="tkr";
STUB="region","kön";
HEADING="tabellinnehåll","år";
CONTVARIABLE="tabellinnehåll";
VALUES("region")="1280C1010 Malmö","1280C2390 Malmö";
VALUES("kön")="män","kvinnor";
VALUES("tabellinnehåll")="Medianvärde, tkr","Antal personer";
VALUES("år")="2021","2022";
TIMEVAL("år")=TLIST(A1),"2021","2022";
CODES("region")="1280C1010","1280C2390";
CODES("kön")="1","2";
UNITS("Medianvärde, tkr")="tkr";
UNITS("Antal personer")="antal";
NOTE="Tabellen redovisar personer 20 år "
"och äldre.";
DATA=
329.4 330.1 1425 1430
310.0 ".." 1400 1410
255.4 260.0 "-" 1198
250 251.5 1100 1110;
'''


def _px(tmp_path: Path, text: str = PX, name: str = "income.px") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("cp1252"))  # CHARSET="ANSI": Windows-1252
    return path


def test_px_file_is_read_by_the_specification(tmp_path: Path, dataset) -> None:
    got = read_scb_file(_px(tmp_path), dataset.areas)
    assert (got.matrix, got.exported, got.level) == ("000005FM", "2024-08-13T15:34:00", "deso")
    assert got.title == "Inkomster efter region, kön, tabellinnehåll och år"  # not [en]
    assert got.footnotes == "Tabellen redovisar personer 20 år och äldre."
    obs = got.tables["observations"].set_index(["indicator_id", "area_code", "period", "sex"])
    median = "scb_000005FM_medianvarde"
    assert obs.loc[(median, "1280C1010", "2022", "male"), "value"] == 330.1
    assert obs.loc[(median, "1280C2390", "2022", "female"), "value"] == 251.5
    assert obs.loc[("scb_000005FM_antal_personer", "1280C1010", "2021", "female"),
                   "value"] == 1400
    hidden = obs.loc[(median, "1280C1010", "2022", "female")]
    assert pd.isna(hidden["value"]) and hidden["flag"] == "suppressed"
    assert "”..”" in hidden["note_sv"]
    nil = obs.loc[("scb_000005FM_antal_personer", "1280C2390", "2021", "male")]
    assert pd.isna(nil["value"]) and nil["flag"] == "suppressed"
    units = got.tables["indicators"].set_index("id")["unit"]
    assert units.to_dict() == {median: "sek_thousands",
                               "scb_000005FM_antal_personer": "persons"}


def test_px_cut_short_or_with_a_wrong_cell_is_refused_with_its_line(tmp_path: Path,
                                                                    dataset) -> None:
    cut = PX[:PX.index("255.4")]
    with pytest.raises(ScbFileError, match=r"row 28, column 'DATA': DATA does not end"):
        read_scb_file(_px(tmp_path, cut), dataset.areas)
    short = cut.rstrip() + ";\n"
    with pytest.raises(ScbFileError, match=r"DATA': holds 8 values; .* need 16"):
        read_scb_file(_px(tmp_path, short), dataset.areas)
    wrong = PX.replace('".."', '"x"')
    with pytest.raises(ScbFileError, match=r"row 30, column 'Medianvärde, tkr \| 2022': "
                                           r"expected a number"):
        read_scb_file(_px(tmp_path, wrong), dataset.areas)


def test_semicolon_csv_with_title_decimal_comma_and_windows_encoding(tmp_path: Path,
                                                                     dataset) -> None:
    text = ('"Medianinkomst efter region, kön och år"\r\n\r\n'
            '"region";"kön";"Medianvärde, tkr 2021";"Medianvärde, tkr 2022"\r\n'
            '"1280 Malmö";"män";301,5;310,25\r\n'
            '"1280 Malmö";"kvinnor";"..";280\r\n'
            '"Riket";"män";350;360\r\n'
            '"0114 Upplands Väsby";"män";320;330\r\n'
            '\r\n"Källa: SCB"\r\n')
    path = tmp_path / "HE0110A1_20240102-030405.csv"
    path.write_bytes(text.encode("cp1252"))
    got = read_scb_file(path, dataset.areas)
    assert got.title == "Medianinkomst efter region, kön och år"
    assert got.matrix == "HE0110A1" and got.exported == "2024-01-02T03:04:05"
    obs = got.tables["observations"].set_index(["area_code", "period", "sex"])
    assert obs.loc[("1280", "2022", "male"), "value"] == 310.25
    assert obs.loc[("00", "2021", "male"), "value"] == 350
    assert obs.loc[("1280", "2021", "female"), "flag"] == "suppressed"
    assert got.footnotes == "Källa: SCB"
    areas = got.tables["areas"].set_index("code")
    assert areas.loc["0114", "name"] == "Upplands Väsby" and areas.loc["01", "name"] == "01"
    assert "1280" not in areas.index  # known already


def test_tab_separated_csv_with_the_year_as_a_column(tmp_path: Path, dataset) -> None:
    path = tmp_path / "people.csv"
    path.write_text("region\tår\tAntal personer\n1280C1010\t2022\t2074\n"
                    "1280C1010\t2023\t2039\n", encoding="utf-8")
    obs = read_scb_file(path, dataset.areas).tables["observations"]
    assert obs.set_index("period")["value"].to_dict() == {"2022": 2074, "2023": 2039}


def _workbook(path: Path, regions: list[tuple[str, object]], content: str = "Antal personer",
              footer: bool = True) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append([f"{content} efter region och år"])
    sheet.append([])
    sheet.append([None, "2024"])
    for region, value in regions:
        sheet.append([region, value])
    sheet.append([])
    if footer:
        for line in ("Källa:", "SCB", "Databas:", "Statistikdatabasen", "Intern referenskod:",
                     "TAB9999X"):
            sheet.append([line])
    book.save(path)
    return path


def test_2025_codes_keep_their_suffix_and_symbols_are_suppressed(tmp_path: Path,
                                                                 dataset) -> None:
    path = _workbook(tmp_path / "TAB9999X_20250101-000000.xlsx", [
        ("1280C1070_DeSO2025", 905), ("1280R055_RegSO2025", ".."), ("1280C1010", 10)])
    got = read_scb_file(path, dataset.areas)
    areas = got.tables["areas"].set_index("code")
    assert areas.loc["1280C1070_DeSO2025", "level"] == "deso2025"
    assert areas.loc["1280R055_RegSO2025", "level"] == "regso2025"
    assert set(areas["parent_code"]) == {"1280"}
    obs = got.tables["observations"].set_index("area_code")
    assert obs.loc["1280C1070_DeSO2025", "value"] == 905
    assert obs.loc["1280R055_RegSO2025", "flag"] == "suppressed"


def test_unknown_region_unit_or_cell_is_named_with_row_and_column(tmp_path: Path,
                                                                   dataset) -> None:
    region = _workbook(tmp_path / "a.xlsx", [("1280C1010", 1), ("Atlantis", 2)])
    with pytest.raises(ScbFileError, match=r"a\.xlsx, row 5, column 'region': the region "
                                           r"'Atlantis' is neither"):
        read_scb_file(region, dataset.areas)
    unit = _workbook(tmp_path / "b.xlsx", [("1280C1010", 1)], content="Medelålder")
    with pytest.raises(ScbFileError, match=r"b\.xlsx, row 4, column 'B': the unit of "
                                           r"'Medelålder' is not known"):
        read_scb_file(unit, dataset.areas)
    cell = _workbook(tmp_path / "c.xlsx", [("1280C1010", 1), ("1280C1020", None)])
    with pytest.raises(ScbFileError, match=r"row 5, column 'B': expected a number .* found "
                                           r"an empty cell"):
        read_scb_file(cell, dataset.areas)


def test_cli_reads_several_files_in_one_ingest(tmp_path: Path, capsys) -> None:
    home = tmp_path / "home"
    first = _workbook(tmp_path / "TAB9999X_20250101-000000.xlsx", [("1280C1010", 5000)])
    second = _px(tmp_path)
    assert main(["ingest", "scb-file", str(first), str(second), "--home", str(home)]) == 0, \
        capsys.readouterr().err
    ids = set(read_dataset(home / "store").observations["indicator_id"])
    assert {"scb_TAB9999X_antal_personer", "scb_000005FM_medianvarde"} <= ids


def test_names_match_with_or_without_the_regso_prefix_and_ambiguity_is_refused(
        tmp_path: Path, dataset) -> None:
    extra = pd.DataFrame({"code": ["1280R001", "1280R002", "1281R001"],
                          "name": ["Almvik norr-Lindängen norr", "Annelund", "Annelund"],
                          "level": "regso", "parent_code": ["1280", "1280", "1281"]})
    areas = pd.concat([dataset.areas[~dataset.areas["code"].isin(extra["code"])], extra],
                      ignore_index=True)
    # The embedded data also hold a delområde named Annelund (and one and a RegSO named
    # Möllevången): a label with SCB's RegSO- prefix must still name only the RegSO.
    named = areas.set_index("code")
    assert named.loc["1280DO11321", ["name", "level"]].tolist() == ["Annelund", "delomrade"]
    assert named.loc["1280DO11316", ["name", "level"]].tolist() == ["Möllevången", "delomrade"]
    assert named.loc["1280R049", ["name", "level"]].tolist() == ["Möllevången", "regso"]
    path = tmp_path / "names.csv"
    path.write_text('"region","Antal personer 2022"\n"Malmö (RegSO-Almvik norr-Lindängen norr)",3\n'
                    '"Malmö (RegSO-Annelund)",4\n"Malmö (RegSO-Möllevången)",5\n',
                    encoding="utf-8-sig")
    obs = read_scb_file(path, areas).tables["observations"]
    assert obs.set_index("area_code")["value"].to_dict() == {"1280R001": 3, "1280R002": 4,
                                                             "1280R049": 5}
    path.write_text('"region","Antal personer 2022"\n"Malmö (DeSO-Möllevången)",4\n',
                    encoding="utf-8-sig")
    with pytest.raises(ScbFileError, match=r"row 2, column 'region': the region 'Malmö "
                                           r"\(DeSO-Möllevången\)' is neither"):
        read_scb_file(path, areas)  # no DeSO has that name, only a delområde and a RegSO
    path.write_text('"region","Antal personer 2022"\n"Annelund",4\n', encoding="utf-8-sig")
    with pytest.raises(ScbFileError, match=r"row 2, column 'region': the region 'Annelund' "
                                           r"names 3 known areas \(1280DO11321, 1280R002, "
                                           r"1281R001\)"):
        read_scb_file(path, areas)
