"""Folkhälsomyndigheten's DeSO workbooks: the publisher's caps are flagged, and a wrong,
damaged or foreign file is refused with its file, sheet and row named, the store unchanged.

Small workbooks in the publisher's layout are written here; the damaged and foreign files
are made from the real ones in ../shared (skipped where absent)."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import openpyxl
import pandas as pd
import pytest

from dashboard.cli import main
from dashboard.ingest.fohm_deso import FohmFileError, read_fohm_workbook
from dashboard.store.dataset import Dataset, read_dataset
from tests.conftest import shared_path

CAPS = ("Andelar > 99 % har justerats till 99 %", "Andelar < 1 % har justerats till 1 %")
HEADER = ("DeSO-kod", "Minst 1 dos %", "Minst 2 doser %")


def fohm_file(path: Path, rows: Sequence[tuple[Any, ...]], *, notes: Sequence[str] = CAPS,
              header: Sequence[str] = HEADER) -> Path:
    """A workbook in the publisher's layout: 'Innehåll' and one sheet 'Per DeSO'."""
    book = openpyxl.Workbook()
    contents = book.active
    contents.title = "Innehåll"
    lines = ["Sammanställd per : 2022-01-18 14:20:11", "Vaccinationstäckning i Skåne län, "
             "per demografiskt statistikområde (DeSO)", "Information", *notes]
    for i, line in enumerate(lines, 2):
        contents.cell(i, 2, line)
    sheet = book.create_sheet("Per DeSO")
    sheet.append(["Vaccinationstäckning bland individer 18+, per demografiskt "
                  "statistiskområde, 18/01"])
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    book.save(path)
    return path


def test_capped_shares_are_flagged_not_read_as_exact(tmp_path: Path, dataset: Dataset) -> None:
    path = fohm_file(tmp_path / "capped.xlsx", [("1280C1010", 99, 1), ("1280C1020", 98, 2)])
    obs = read_fohm_workbook(path, dataset.areas)["observations"].set_index(
        ["area_code", "indicator_id"])
    top = obs.loc[("1280C1010", "vaccination_covid19_dos1")]
    assert (top["value"], top["flag"]) == (99, "rounded")
    assert "99 % or more" in top["note_en"] and "99 % eller mer" in top["note_sv"]
    bottom = obs.loc[("1280C1010", "vaccination_covid19_dos2")]
    assert (bottom["value"], bottom["flag"]) == (1, "rounded")
    assert "1 % or less" in bottom["note_en"]
    assert pd.isna(obs.loc[("1280C1020", "vaccination_covid19_dos1"), "flag"])


def test_without_the_publishers_cap_99_is_a_value(tmp_path: Path, dataset: Dataset) -> None:
    path = fohm_file(tmp_path / "uncapped.xlsx", [("1280C1010", 99, 1)], notes=())
    obs = read_fohm_workbook(path, dataset.areas)["observations"]
    assert obs["flag"].isna().all() and sorted(obs["value"]) == [1, 99]


@pytest.mark.parametrize(("row", "column", "words"), [
    (("1280X9999", 50, 50), "DeSO-kod", "'1280X9999' is not a DeSO code"),
    (("1280C1010", "many", 50), "Minst 1 dos %", "'many' is neither a percentage"),
    (("1280C1010", "90-80", 50), "Minst 1 dos %", "'90-80' is neither"),
    (("1280C1010", 50, 120), "Minst 2 doser %", "120 is neither"),
])
def test_a_bad_cell_names_file_sheet_row_and_column(tmp_path: Path, dataset: Dataset,
                                                    row: tuple[Any, ...], column: str,
                                                    words: str) -> None:
    path = fohm_file(tmp_path / "bad.xlsx", [("1280C1020", 80, 70), row])
    with pytest.raises(FohmFileError) as caught:
        read_fohm_workbook(path, dataset.areas)
    assert isinstance(caught.value, ValueError)
    assert f"{path}, sheet 'Per DeSO', row 4, column '{column}': {words}" in str(caught.value)


def test_an_unknown_dose_heading_is_refused(tmp_path: Path, dataset: Dataset) -> None:
    path = fohm_file(tmp_path / "heading.xlsx", [("1280C1010", 80, 70)],
                     header=("DeSO-kod", "Minst 1 dos %", "4 doser %"))
    with pytest.raises(FohmFileError, match=r"sheet 'Per DeSO', row 2, column '4 doser %'"):
        read_fohm_workbook(path, dataset.areas)


def tree_hash(folder: Path) -> str:
    """A hash of every file's path and bytes under `folder`."""
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(str(path.relative_to(folder)).encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


@pytest.fixture()
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """DASHBOARD_HOME with a store holding one good workbook's values."""
    folder = tmp_path / "home"
    monkeypatch.setenv("DASHBOARD_HOME", str(folder))
    good = fohm_file(tmp_path / "good.xlsx", [("1280C1010", 90, 88)])
    assert main(["ingest", "fohm-deso", str(good)]) == 0
    return folder


def _damaged(tmp_path: Path) -> Path:
    real = shared_path("data", "raw", "fohm_vaccination_deso_2021",
                       "Skane_vaccinationstackning_DeSO_NVR_SCB_2022-01-18.xlsx")
    path = tmp_path / "truncated.xlsx"
    path.write_bytes(real.read_bytes()[:40_000])
    return path


def _foreign(_tmp_path: Path) -> Path:
    return sorted(shared_path("data", "raw", "scb_deso_2022").glob("*.xlsx"))[0]


def _text(tmp_path: Path) -> Path:
    path = tmp_path / "notes.xlsx"
    path.write_text("DeSO-kod;Minst 1 dos %\n1280C1010;90\n", encoding="utf-8")
    return path


def _bad_code(tmp_path: Path) -> Path:
    return fohm_file(tmp_path / "code.xlsx", [("1280C1010", 90, 88), ("Malmö", 90, 88)])


@pytest.mark.parametrize(("make", "words"), [
    (_damaged, "cannot be read as an Excel workbook; it may be truncated or damaged"),
    (_foreign, "is not a Folkhälsomyndigheten DeSO vaccination workbook: it has no sheet "
               "'Innehåll'"),
    (_text, "cannot be read as an Excel workbook"),
    (_bad_code, "sheet 'Per DeSO', row 4, column 'DeSO-kod': 'Malmö' is not a DeSO code"),
])
def test_a_refused_file_changes_nothing(home: Path, tmp_path: Path, capsys, make,
                                        words: str) -> None:
    path = make(tmp_path)
    before = tree_hash(home / "store")
    old = read_dataset(home / "store").observations
    capsys.readouterr()
    assert main(["ingest", "fohm-deso", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"{path}" in err and words in err and "Nothing was changed" in err
    assert tree_hash(home / "store") == before
    pd.testing.assert_frame_equal(read_dataset(home / "store").observations, old)
