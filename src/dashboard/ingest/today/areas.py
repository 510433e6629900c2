"""Malmö's 192 DeSO and 91 RegSO as areas, and SCB's socioeconomic area type of each.

Input: SCB's key from DeSO (2018 division) to RegSO (2020 division) and the RegSO area types of
2022 (`deso_socioeconomic_index/` in the team's raw data; PROVENANCE.md). A DeSO has no name of
its own, so it is named by its RegSO with its code beside it ("Almvik norr-Lindängen norr
(1280C1230)"); a RegSO by SCB's name without the "RegSO-" prefix.

The area types are SCB's and Delmos's classification of every RegSO by its socioeconomic
conditions, 1 (major socioeconomic challenges) to 5 (very good socioeconomic conditions)
(Delmos, "Områdestyper", https://delmos.se/om-segregation/arbete-mot-segregation/omradestyper/).
A DeSO takes the type of its RegSO.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from dashboard.core.problems import DatasetError, Problem
from dashboard.core.schema import AREAS, TOTAL

KEY_FILE = "deso_socioeconomic_index/koppling-deso2018-regso2020.csv"
TYPE_FILE = "deso_socioeconomic_index/regso_socioekonomisk_index_2022.csv"
KOMMUN = "1280"
AREA_TYPE = "socioekonomisk_omradestyp"
AREA_TYPE_SOURCE = "scb-delmos-omradestyp-2022"
AREA_TYPE_PERIOD = "2022"


def read_key(raw_dir: Path) -> pd.DataFrame:
    """Malmö's DeSO with their RegSO: columns deso, regso, regso_name."""
    path = raw_dir / KEY_FILE
    key = pd.read_csv(path, dtype=str, encoding="utf-8-sig", keep_default_na=False)
    key = key[key["Kommun"] == KOMMUN]
    if key.empty:
        raise DatasetError([Problem(str(path), None, None, "holds no DeSO of Malmö (1280)")])
    names = key["RegSO_2020"].str.removeprefix("RegSO-").str.strip()
    return pd.DataFrame({"deso": key["DeSO_2018"].to_numpy(),
                         "regso": key["RegSOkod_2020"].to_numpy(),
                         "regso_name": names.to_numpy()})


def deso_name(regso_name: str, code: str) -> str:
    """How a DeSO is named: its RegSO, then its code."""
    return f"{regso_name} ({code})"


def today_areas(key: pd.DataFrame) -> pd.DataFrame:
    """The areas table rows of Malmö's RegSO (2020 division) and DeSO (2018 division)."""
    regso = key.drop_duplicates("regso")
    rows = [{"code": r.regso, "name": r.regso_name, "level": "regso", "parent_code": KOMMUN,
             "valid_from": "2020"} for r in regso.itertuples()]
    rows += [{"code": r.deso, "name": deso_name(r.regso_name, r.deso), "level": "deso",
              "parent_code": r.regso, "valid_from": "2018"} for r in key.itertuples()]
    return pd.DataFrame(rows).reindex(columns=list(AREAS.column_names))


def area_types(raw_dir: Path, key: pd.DataFrame) -> pd.DataFrame:
    """SCB's area type (1-5) of every RegSO and, by its RegSO, of every DeSO: observations."""
    path = raw_dir / TYPE_FILE
    table = pd.read_csv(path, dtype=str, encoding="utf-8-sig", keep_default_na=False)
    label, value = table.columns[0], AREA_TYPE_PERIOD
    names = table[label].str.extract(r"^Malmö \(RegSO-(.*)\)$")[0].str.strip()
    by_name = dict(zip(key["regso_name"], key["regso"], strict=False))
    codes = names.map(by_name)
    unknown = table.index[codes.isna()]
    if len(unknown):
        raise DatasetError([Problem(str(path), int(i) + 2, label,
                                    f"'{table.at[i, label]}' is not a RegSO of Malmö")
                            for i in unknown])
    types = dict(zip(codes, pd.to_numeric(table[value]), strict=True))
    rows = [(code, t) for code, t in types.items()]
    rows += [(r.deso, types[r.regso]) for r in key.itertuples()]
    return pd.DataFrame({
        "indicator_id": AREA_TYPE, "area_code": [c for c, _ in rows],
        "period": AREA_TYPE_PERIOD, "sex": TOTAL, "dimension": TOTAL, "group": TOTAL,
        "value": [float(t) for _, t in rows], "source_id": AREA_TYPE_SOURCE,
    })
