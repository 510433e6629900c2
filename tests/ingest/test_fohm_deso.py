"""Folkhälsomyndigheten's vaccination workbooks per DeSO, read from the real files in
../shared: values as printed, bands kept as bands, masked cells suppressed, every Malmö DeSO.

Expected values were read by hand from the workbooks (sheet and row named at each)."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest

from dashboard.app.viewmodel import resolve
from dashboard.cli import main
from dashboard.core.viewstate import ViewState
from dashboard.figures.groups import group_data, groups_table
from dashboard.figures.map import hover_text
from dashboard.figures.tables import values_table
from dashboard.figures.values import values_data
from dashboard.ingest.fohm_deso import FohmFileError, read_fohm, read_fohm_workbook
from dashboard.store.dataset import Dataset, load_store
from tests.conftest import shared_path

FOLDER = ("data", "raw", "fohm_vaccination_deso_2021")
JAN = "Skane_vaccinationstackning_DeSO_NVR_SCB_2022-01-18.xlsx"
AUG = "Skane_vaccinationstackning_DeSO_NVR_SCB_2021_09_03.xlsx"
DOS1, DOS2, DOS3 = (f"vaccination_covid19_dos{n}" for n in (1, 2, 3))


def workbook(name: str) -> Path:
    return shared_path(*FOLDER, name)


def all_workbooks() -> list[Path]:
    return sorted(shared_path(*FOLDER).glob("*.xlsx"))


@pytest.fixture(scope="module")
def january(dataset: Dataset) -> dict[str, pd.DataFrame]:
    return read_fohm_workbook(workbook(JAN), dataset.areas)


def one(obs: pd.DataFrame, indicator: str, area: str, *, sex: str = "total",
        group: str = "total") -> pd.Series:
    rows = obs[(obs.indicator_id == indicator) & (obs.area_code == area) & (obs.sex == sex)
               & (obs.group == group)]
    assert len(rows) == 1, (indicator, area, sex, group)
    return rows.iloc[0]


def test_whole_percent_for_18_plus_as_printed(january) -> None:
    # 'Per DeSO', row 573: 1280C1010, Minst 1 dos 91, Minst 2 doser 90, 3 doser 39.
    obs = january["observations"]
    assert [one(obs, d, "1280C1010")["value"] for d in (DOS1, DOS2, DOS3)] == [91, 90, 39]
    row = one(obs, DOS1, "1280C1010")
    assert row["period"] == "2022-01-18"
    assert pd.isna(row["flag"]) and pd.isna(row["band_low"])


def test_age_and_sex_are_kept_as_bands(january) -> None:
    obs = january["observations"]
    # 'Per DeSO och ålderskategori', row 1144: 1280C1010, 65+, 3 doser '85-90'.
    old = one(obs, DOS3, "1280C1010", group="65+")
    assert (old["band_low"], old["band_high"], old["value"]) == (85, 90, 87.5)
    assert old["flag"] == "banded" and old["dimension"] == "age"
    # 'Per DeSO och kön', row 1144: 1280C1010, man, Minst 2 doser '85-90'.
    men = one(obs, DOS2, "1280C1010", sex="male")
    assert (men["band_low"], men["band_high"], men["flag"]) == (85, 90, "banded")
    groups = january["groups"].set_index("group")
    assert list(groups.index) == ["18-64", "65+", "80+"]
    assert groups.loc["80+", "label_sv"] == "80 år och äldre"


def test_masked_cells_are_suppressed_not_zero(january) -> None:
    # 'Per DeSO 80+', row 384: 1280C2900, 80+, all three cells empty.
    obs = january["observations"]
    for dose in (DOS1, DOS2, DOS3):
        row = one(obs, dose, "1280C2900", group="80+")
        assert math.isnan(row["value"]) and row["flag"] == "suppressed"


def test_every_malmo_deso_and_only_known_kommuner(january, dataset: Dataset) -> None:
    obs = january["observations"]
    adults = obs[(obs.group == "total") & (obs.sex == "total")]
    for dose in (DOS1, DOS2, DOS3):
        codes = set(adults.loc[adults.indicator_id == dose, "area_code"])
        assert len(codes) == 192 and all(c.startswith("1280C") for c in codes)
    # The embedded data know Malmö's DeSO by name: the workbook adds none and renames none.
    assert january["areas"].empty
    # A store that knows Malmö but not its DeSO gets all 192, named by code, under Malmö.
    known = dataset.areas[dataset.areas["level"] != "deso"]
    areas = read_fohm_workbook(workbook(JAN), known)["areas"]
    assert len(areas) == 192 and set(areas["parent_code"]) == {"1280"}
    assert (areas["name"] == areas["code"]).all() and set(areas["level"]) == {"deso"}


def test_doses_and_dates_follow_each_workbook(dataset: Dataset) -> None:
    got = read_fohm(all_workbooks(), dataset.areas)
    obs = got.tables["observations"]
    doses = obs.groupby("period")["indicator_id"].unique().map(sorted).to_dict()
    assert list(doses) == ["2021-08-27", "2021-09-28", "2021-10-26", "2021-11-23",
                           "2021-12-21", "2022-01-18"]
    assert doses["2021-11-23"] == [DOS1, DOS2] and doses["2021-12-21"] == [DOS1, DOS2, DOS3]
    # The file compiled 2021-09-03 holds the data of 27/08; its '2 doser %' is column B,
    # 'Per DeSO' row 573: 1280C1010 80 (2 doses), 88 (at least 1), ages in 10-point bands.
    aug = obs[obs.period == "2021-08-27"]
    assert one(aug, DOS2, "1280C1010")["value"] == 80
    assert one(aug, DOS1, "1280C1010")["value"] == 88
    young = one(aug, DOS2, "1280C1010", group="18-64")
    assert (young["band_low"], young["band_high"]) == (70, 80)
    assert len(got.outside) == 597  # the other 32 kommuner of Skåne
    sources = got.tables["sources"].set_index("retrieved")
    assert sources.loc["2022-01-18", "publisher"] == "Folkhälsomyndigheten"
    assert "Andelar > 99 % har justerats till 99 %" in sources.loc["2022-01-18", "notes_sv"]
    assert "Shares above 99 % have been set to 99 %" in sources.loc["2022-01-18", "notes_en"]
    assert "Nationella vaccinationsregistret och SCB" in sources.loc["2021-09-03", "licence_sv"]


def test_the_same_date_twice_is_refused(dataset: Dataset) -> None:
    with pytest.raises(FohmFileError, match="repeats the values for 2022-01-18"):
        read_fohm([workbook(JAN), workbook(JAN)], dataset.areas)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    """A store holding all six workbooks, ingested through the command line."""
    home = tmp_path_factory.mktemp("home")
    paths = [str(p) for p in all_workbooks()]
    assert main(["ingest", "fohm-deso", *paths, "--home", str(home)]) == 0
    return load_store(home / "store")


def test_ingest_through_the_command(store: Dataset, dataset: Dataset) -> None:
    obs = store.observations
    vaccination = obs[obs.indicator_id.str.startswith("vaccination_covid19")]
    deso = set(store.areas.loc[store.areas.level == "deso", "code"])
    # The six workbooks give 13,248 values for Malmö's DeSO; the embedded data hold the same
    # ones, so the ingest replaces them rather than adding a second copy.
    assert len(vaccination[vaccination.area_code.isin(deso)]) == 13248
    assert len(vaccination) == len(dataset.observations[
        dataset.observations.indicator_id.str.startswith("vaccination_covid19")])
    # Malmö's DeSO keep their names and place under their RegSO; no DeSO is added.
    pd.testing.assert_frame_equal(store.areas[store.areas.level == "deso"].reset_index(drop=True),
                                  dataset.areas[dataset.areas.level == "deso"]
                                  .reset_index(drop=True))


def test_a_band_is_shown_as_a_band(store: Dataset) -> None:
    state = resolve(store, ViewState(indicator=DOS3, level="deso", period="2022-01-18",
                                     dimension="age", group="65+", area="1280C1010"))[0]
    assert (state.indicator, state.period, state.group) == (DOS3, "2022-01-18", "65+")
    data = values_data(store, state, "")
    row = next(v for v in data.values if v.code == "1280C1010")
    assert row.band == (85, 90)
    assert row.name == "Tygelsjö by omland (1280C1010)"  # the name the store gives it
    _, rows = values_table(data)
    assert [r[2] for r in rows if r[1] == row.name] == ["85–90"]
    hover = hover_text(row, len(data.values), data.labels, row.name)
    assert "85–90 %" in hover and "87,5" not in hover
    groups = group_data(store, resolve(store, ViewState(
        indicator=DOS3, level="deso", period="2022-01-18", split="age"))[0])
    assert groups is not None
    header, table = groups_table(groups)
    cells = dict(zip(header, next(r for r in table if r[0] == row.name), strict=True))
    assert cells["65 år och äldre"] == "85–90" and cells["18–64 år"] == "20–25"
