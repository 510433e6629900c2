"""Malmö today: the embedded dataset's 192 DeSO and 91 RegSO, from the publishers' own files.

`build_today(raw_dir, meta_dir, known)` reads, with the project's own readers:
- SCB's nine Statistikdatabasen exports for all of Sweden's DeSO, 2022-2023
  (`scb_deso_2022/`, read by `ingest.scb_file`), kept for Malmö's 192 DeSO;
- SCB's CSV exports for Malmö's 91 RegSO, 2020-2023 (`scb_regso_2020_2023/`);
- Folkhälsomyndigheten's vaccination workbooks per DeSO at six dates
  (`fohm_vaccination_deso_2021/`, read by `ingest.fohm_deso`);
- SCB's DeSO-RegSO key and the RegSO area types (`deso_socioeconomic_index/`, today.areas);
and the project's metadata for the indicators made from them (`data/meta/today_indicators.csv`:
titles, definitions, and in column `regso` how a RegSO value is made from its DeSO where SCB
gives none, today.regso). Every value keeps the source it came from.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from dashboard.core.schema import INDICATORS, OBSERVATIONS, SOURCES, TOTAL
from dashboard.core.texts import t
from dashboard.ingest.fohm_deso import read_fohm_workbooks
from dashboard.ingest.scb_file import read_scb_file
from dashboard.ingest.today.areas import (
    AREA_TYPE_SOURCE,
    KOMMUN,
    area_types,
    read_key,
    today_areas,
)
from dashboard.ingest.today.recipes import DESO, REGSO, apply
from dashboard.ingest.today.regso import METHODS, to_regso

SCB_DESO = "scb_deso_2022"
SCB_REGSO = "scb_regso_2020_2023"
FOHM = "fohm_vaccination_deso_2021"
META_FILE = "today_indicators.csv"
# Where the workbooks were obtained (PROVENANCE.md): Folkhälsomyndigheten's documents as
# published in a public repository, since the agency released them on request.
FOHM_URL = ("https://github.com/StaffanBetner/vaccin_deso/tree/"
            "980192698bcd5fa7dcefce7922aa0017518e7828/data")
# SCB's CSV exports carry no title; their tables in Statistikdatabasen (PROVENANCE.md).
REGSO_TITLES = {
    "malmo_regso_foreign_born": ("Folkmängd efter region (RegSO), födelseregion, kön och år",
                                 "BE0101Y/FolkmDesoLandKon"),
    "malmo_regso_housing_tenure": ("Antal lägenheter efter region (RegSO), upplåtelseform och "
                                   "år", "BO0104X/BO0104T10N"),
    "malmo_regso_income": ("Inkomster efter region (RegSO), inkomstkomponent, kön och år",
                           "HE0110I/Tab2InkDesoN"),
}
# Nor an export time: the reader would fall back on the file's modification time, which
# changes with every copy, so the build names the commit the files come from instead.
REGSO_ORIGIN = ("Mumbokatten/diversity_renovation_study, commit "
                "d76b041e66e3a51d91186f712b4d033d0e354f74")
REGSO_RETRIEVED = f"undated export ({REGSO_ORIGIN})"
_AREA_TYPE_NOTES = ("Klassningen läst ur en fil med SCB:s RegSO-klassning (GitHub "
                    "addegezon/deso_socioeconomic_index, 2025-05-14); typernas innebörd enligt "
                    "Delmos sida om områdestyper.")
AREA_TYPE_SOURCE_ROW = {
    "id": AREA_TYPE_SOURCE, "publisher": "SCB och Delmos",
    "title": "Socioekonomisk områdestyp per RegSO 2022 (SCB:s och Delmos klassning)",
    "url": "https://delmos.se/om-segregation/arbete-mot-segregation/omradestyper/",
    "licence": "SCB:s öppna data (CC0); ange Källa: SCB",
    "retrieved": "2025-05-14",
    "licence_sv": "SCB:s öppna data (CC0); ange Källa: SCB",
    "licence_en": "Statistics Sweden's open data (CC0); cite Källa: SCB",
    "notes": _AREA_TYPE_NOTES,
    "notes_sv": _AREA_TYPE_NOTES,
    "notes_en": "The classification read from a file holding Statistics Sweden's RegSO "
                "classification (GitHub addegezon/deso_socioeconomic_index, 2025-05-14); "
                "the meaning of the types as Delmos's page on area types gives it.",
}


def raw_inputs(raw_dir: Path) -> list[Path]:
    """Every raw file the build reads (for the dataset's checksums)."""
    return sorted([*(raw_dir / SCB_DESO).glob("*.xlsx"), *(raw_dir / SCB_REGSO).glob("*.csv"),
                   *(raw_dir / FOHM).glob("*.xlsx"),
                   raw_dir / "deso_socioeconomic_index/koppling-deso2018-regso2020.csv",
                   raw_dir / "deso_socioeconomic_index/regso_socioekonomisk_index_2022.csv"])


def read_meta(meta_dir: Path) -> pd.DataFrame:
    """The project's metadata of today's indicators, with the RegSO method of each."""
    meta = pd.read_csv(meta_dir / META_FILE, dtype=str, keep_default_na=False)
    unknown = sorted(set(meta["regso"]) - set(METHODS))
    if unknown:
        raise ValueError(f"{meta_dir / META_FILE}: unknown RegSO methods {unknown}")
    return meta


def _observations(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.reindex(columns=list(OBSERVATIONS.column_names))
    for column in ("sex", "dimension", "group"):
        out[column] = out[column].astype(object).fillna(TOTAL)
    return out


def build_today(raw_dir: Path, meta_dir: Path, known: pd.DataFrame
                ) -> tuple[dict[str, pd.DataFrame], dict[str, int]]:
    """The tables of Malmö today, and counts of what was left out (RegSO not aggregated)."""
    meta = read_meta(meta_dir)
    key = read_key(raw_dir)
    areas = today_areas(key)
    every_area = pd.concat([known, areas], ignore_index=True)
    scb = [read_scb_file(p, every_area) for p in sorted((raw_dir / SCB_DESO).glob("*.xlsx"))]
    scb_regso = [read_scb_file(p, every_area)
                 for p in sorted((raw_dir / SCB_REGSO).glob("*.csv"))]
    deso_codes = set(key["deso"])
    values = pd.concat([f.tables["observations"] for f in scb], ignore_index=True)
    values = values[values["area_code"].isin(deso_codes)]
    deso = pd.concat([apply(r, values) for r in DESO], ignore_index=True)
    regso_values = pd.concat([f.tables["observations"] for f in scb_regso], ignore_index=True)
    regso = pd.concat([apply(r, regso_values) for r in REGSO], ignore_index=True)

    fohm = read_fohm_workbooks(sorted((raw_dir / FOHM).glob("*.xlsx")), every_area)
    vaccination = fohm["observations"]
    vaccination = vaccination[vaccination["area_code"].isin(deso_codes)]

    population = deso[(deso["indicator_id"] == "folkmangd")].set_index(
        ["area_code", "period"])["value"]
    year = vaccination["period"].str[:4].where(
        vaccination["period"].str[:4].isin(population.index.get_level_values(1)), "2022")
    vaccination = vaccination.assign(population=[
        population.get((a, y)) for a, y in zip(vaccination["area_code"], year, strict=True)])
    deso = deso.assign(population=[population.get((a, p[:4]))
                                   for a, p in zip(deso["area_code"], deso["period"],
                                                   strict=True)])

    weights = population.xs("2022", level="period")
    method = dict(zip(meta["id"], meta["regso"], strict=True))
    published = set(zip(regso["indicator_id"], regso["period"], strict=True))
    city_key = key.assign(regso=KOMMUN)
    aggregated, left_out = [], {}
    from_deso: set[tuple[str, str]] = set()
    for indicator, rows in pd.concat([deso, _observations(vaccination)]).groupby("indicator_id"):
        rows = _observations(rows)
        rows = rows[(rows["dimension"] == TOTAL) & rows["flag"].isna()]
        how = method[str(indicator)]
        made, missing = to_regso(rows[[(indicator, p) not in published for p in rows["period"]]],
                                 key, how, weights)
        city, _ = to_regso(rows, city_key, how, weights)
        aggregated += [made, city]
        from_deso = {*from_deso, *((indicator, p) for p in city["period"])}
        left_out[str(indicator)] = missing
    regso_population = regso[regso["indicator_id"] == "folkmangd"].set_index(
        ["area_code", "period"])["value"]
    regso = _observations(regso.assign(population=[
        regso_population.get((a, p)) for a, p in zip(regso["area_code"], regso["period"],
                                                      strict=True)]))
    regso_key = pd.DataFrame({"deso": sorted(set(key["regso"])), "regso": KOMMUN})
    for indicator, rows in regso.groupby("indicator_id"):
        periods = set(rows["period"])
        for period in sorted(periods - {p for i, p in from_deso if i == indicator}):
            weights_then = regso_population.xs(period, level="period") \
                if period in regso_population.index.get_level_values(1) else None
            city, _ = to_regso(rows[rows["period"] == period], regso_key,
                               method[str(indicator)], weights_then)
            aggregated.append(city)

    observations = pd.concat([_observations(deso), _observations(vaccination),
                              _observations(regso), *map(_observations, aggregated),
                              _observations(area_types(raw_dir, key))], ignore_index=True)
    cited = observations.groupby("indicator_id")["source_id"].agg(
        lambda s: ";".join(sorted(set(s.dropna()))))
    indicators = meta.drop(columns="regso").assign(source_ids=lambda m: m["id"].map(cited))
    used = set(observations["source_id"])
    sources = pd.concat([*(f.tables["sources"] for f in [*scb, *scb_regso]), fohm["sources"],
                         pd.DataFrame([AREA_TYPE_SOURCE_ROW])], ignore_index=True)
    sources = sources[sources["id"].isin(used)].drop_duplicates("id")
    fohm_rows = sources["publisher"] == "Folkhälsomyndigheten"
    sources.loc[fohm_rows, "url"] = FOHM_URL
    for stem, (title, matrix) in REGSO_TITLES.items():
        regso_rows = sources["title"] == stem
        sources.loc[regso_rows, "retrieved"] = REGSO_RETRIEVED
        sources.loc[regso_rows, "title"] = f"{title} ({matrix})"
        notes = {lang: t("regso_undated_notes", lang, matrix=matrix, file=f"{stem}.csv",
                         origin=REGSO_ORIGIN) for lang in ("sv", "en")}
        sources.loc[regso_rows, ["notes", "notes_sv", "notes_en"]] = \
            [notes["sv"], notes["sv"], notes["en"]]
    tables = {
        "observations": observations,
        "indicators": indicators.reindex(columns=list(INDICATORS.column_names)),
        "areas": areas,
        "groups": fohm["groups"],
        "sources": sources.reindex(columns=list(SOURCES.column_names)),
    }
    return tables, left_out
