"""Issue 11, item 6: the project's metadata gives every licence, source note and transcriber's
note in Swedish and English; the tables carry both; stores without them still load."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pandas as pd
import pytest

from dashboard.core.problems import DatasetError
from dashboard.derive.suppression import suppress_small_counts
from dashboard.ingest.welfare_reports import RAW_FILES, build_default
from dashboard.store.dataset import read_dataset
from tests.conftest import REPO, shared_path

META = REPO / "data" / "meta"


def _meta(name: str) -> pd.DataFrame:
    return pd.read_csv(META / name, dtype=str, keep_default_na=False)


def test_every_transcriber_note_in_the_raw_data_has_swedish_text() -> None:
    raw = shared_path("data", "raw")
    notes = {n for rel in RAW_FILES for n in _meta_free_notes(raw / rel) if n}
    translations = _meta("note_translations.csv")
    swedish = dict(zip(translations["note_en"], translations["note_sv"], strict=True))
    missing = sorted(n for n in notes if not swedish.get(n, "").strip())
    assert not missing, f"no Swedish text in data/meta/note_translations.csv for {missing}"
    assert len(notes) == 75


def _meta_free_notes(path: Path) -> list[str]:
    return list(pd.read_csv(path, dtype=str, keep_default_na=False)["note"])


def test_every_note_and_licence_of_the_embedded_data_is_in_both_languages(dataset) -> None:
    obs = dataset.observations
    noted = obs[obs["note"].notna()]
    assert noted["note_sv"].notna().all() and noted["note_en"].notna().all()
    # `note` is the text as first written: the transcriber's English for the welfare
    # figures, the project's Swedish for notes the build writes (e.g. how a RegSO was made)
    assert ((noted["note_en"] == noted["note"]) | (noted["note_sv"] == noted["note"])).all()
    publisher = noted["source_id"].map(dataset.sources.set_index("id")["publisher"])
    transcribed = noted[~publisher.isin(["SCB", "Folkhälsomyndigheten"])]
    assert (transcribed["note_en"] == transcribed["note"]).all()
    assert transcribed["note_sv"].nunique() == transcribed["note_en"].nunique() == 99
    assert "tabellen avkortad i den sparade kopian: Rosengård, Husie, Kirseberg och Malmö " \
           "totalt saknas" in set(noted["note_sv"])
    # the source's own words stay as printed
    assert any("kolumnen 'Juni 2011*'" in n for n in noted["note_sv"])
    sources = dataset.sources
    for column in ("licence_sv", "licence_en", "notes_sv", "notes_en"):
        assert sources[column].notna().all(), column
    assert (sources["licence_sv"] != sources["licence_en"]).all()
    publishers = _meta("publishers.csv")
    assert (publishers["licence_sv"] != "").all() and (publishers["licence_en"] != "").all()


def test_a_note_without_swedish_text_stops_the_build(tmp_path: Path) -> None:
    raw = shared_path("data", "raw")
    meta = tmp_path / "meta"
    shutil.copytree(META, meta)
    translations = _meta("note_translations.csv")
    gone = "table truncated in stored copy: Rosengård, Husie, Kirseberg, Malmö totalt missing"
    translations[translations["note_en"] != gone].to_csv(meta / "note_translations.csv",
                                                         index=False, quoting=csv.QUOTE_MINIMAL)
    with pytest.raises(DatasetError) as caught:
        build_default(raw, meta)
    problem = caught.value.problems[0]
    assert problem.column == "note" and "note_translations.csv" in problem.message
    assert gone in problem.message


def test_a_store_without_the_language_columns_loads_with_the_one_language_text(
        csv_dataset: Path) -> None:
    obs = pd.read_csv(csv_dataset / "observations.csv", dtype=str, keep_default_na=False)
    obs.drop(columns=["note_sv", "note_en"]).to_csv(csv_dataset / "observations.csv",
                                                    index=False)
    sources = pd.read_csv(csv_dataset / "sources.csv", dtype=str, keep_default_na=False)
    sources["notes_sv"] = ""  # present but empty: read as the one-language notes
    sources.drop(columns=["licence_sv", "licence_en", "notes_en"]).to_csv(
        csv_dataset / "sources.csv", index=False)
    ds = read_dataset(csv_dataset)
    noted = ds.observations[ds.observations["note"].notna()]
    assert len(noted) and (noted["note_sv"] == noted["note"]).all()
    assert (noted["note_en"] == noted["note"]).all()
    assert (ds.sources["licence_sv"] == ds.sources["licence"]).all()
    assert (ds.sources["notes_sv"] == ds.sources["notes"]).all()


def test_derived_notes_are_written_in_both_languages(dataset) -> None:
    obs = dataset.observations.copy()
    indicators = dataset.indicators
    people = indicators.loc[indicators["unit"] == "persons", "id"].iloc[0]
    row = obs.index[(obs["indicator_id"] == people) & obs["note"].notna()][0]
    obs.loc[row, "value"] = 3.0
    out, count = suppress_small_counts(obs, indicators)
    assert count >= 1
    assert out.loc[row, "note_en"].endswith("; fewer than 5: suppressed before storing")
    assert out.loc[row, "note_sv"].startswith(obs.loc[row, "note_sv"])
    assert out.loc[row, "note_sv"].endswith("; färre än 5: undertryckt före lagring")
