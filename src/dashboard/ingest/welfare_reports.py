"""Build the embedded dataset from the figures transcribed from Malmö stad's welfare reports.

Input: the long CSVs in `shared/data/raw/malmo_valfardsredovisning/` and `malmo_more/`
(columns indicator, unit, area_level, area, sex, age_group, subgroup, period, value,
source_url, source_table, note) and the project's own metadata in `data/meta/`
(indicators, areas with the spellings each source uses, groups, publishers with their
licence in Swedish and English, flag rules, `counts.csv`: which printed share has its count
and population in other indicators, and `note_translations.csv`: every transcriber's note
in Swedish). Output: the five tidy tables, every value carrying its source URL and the
source's note in both languages (`note` as transcribed, `note_en`, `note_sv`).
A share whose counts the source prints gets them as numerator and denominator, so the
derive stage can compute it exactly with its interval.
Flags are derived from the notes and carried, never fixed: a value the source prints
inconsistently stays as printed, flagged 'inconsistent'.
"""

from __future__ import annotations

import csv
import fnmatch
import hashlib
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pandas as pd

from dashboard.core.problems import DatasetError, Problem
from dashboard.core.schema import AREAS, GROUPS, INDICATORS, SOURCES, TOTAL

RAW_FILES = (
    "malmo_valfardsredovisning/malmo_stadsdelar_indicators_long.csv",
    "malmo_more/stadsdel_figures_long.csv",
)
RAW_COLUMNS = ("indicator", "unit", "area_level", "area", "sex", "age_group", "subgroup",
               "period", "value", "source_url", "source_table", "note")
SEX_CODES = {"man": "male", "kvinna": "female", "totalt": TOTAL}
RETRIEVED = "2026 (archived copy of the public page)"


@dataclass(frozen=True)
class Meta:
    """The project's hand-written metadata that gives the raw figures codes and meaning."""

    indicators: pd.DataFrame
    areas: pd.DataFrame
    groups: pd.DataFrame
    publishers: list[dict[str, str]]
    flag_rules: list[tuple[str, str]]
    counts: list[tuple[str, str, str]]
    notes_sv: dict[str, str]


def read_meta(meta_dir: Path) -> Meta:
    """Read `data/meta/*.csv`."""
    def table(name: str) -> pd.DataFrame:
        return pd.read_csv(meta_dir / f"{name}.csv", dtype=str, keep_default_na=False)

    with open(meta_dir / "publishers.csv", encoding="utf-8", newline="") as f:
        publishers = list(csv.DictReader(f))
    with open(meta_dir / "flag_rules.csv", encoding="utf-8", newline="") as f:
        rules = [(r["pattern"], r["flag"]) for r in csv.DictReader(f)]
    counts = [(r.indicator, r.numerator, r.denominator) for r in table("counts").itertuples()]
    translations = table("note_translations")
    notes_sv = dict(zip(translations["note_en"], translations["note_sv"], strict=True))
    return Meta(table("indicators"), table("areas"), table("groups"), publishers, rules,
                counts, notes_sv)


def note_in_swedish(note: str, notes_sv: dict[str, str], file: str, line: int) -> str:
    """The Swedish text of a transcriber's note (data/meta/note_translations.csv)."""
    if not note or (note in notes_sv and notes_sv[note].strip()):
        return notes_sv.get(note, "")
    raise DatasetError([Problem(file, line - 1, "note",
                                f"{note!r} has no Swedish text in "
                                "data/meta/note_translations.csv", line)])


SOURCE_NOTES = {"en": "Transcribed from an archived copy of the page; see {}.",
                "sv": "Avskrivet från en arkiverad kopia av sidan; se {}."}


def _publisher(url: str, publishers: list[dict[str, str]]) -> dict[str, str]:
    host = urlsplit(url).hostname or ""
    for entry in publishers:
        if fnmatch.fnmatch(host, entry["host"]):
            return entry
    raise DatasetError([Problem("data/meta/publishers.csv", None, "host",
                                f"no publisher entry matches host {host!r} of {url}")])


def source_id(url: str, table: str) -> str:
    """A stable id for one table on one page."""
    return "src-" + hashlib.sha256(f"{url}\n{table}".encode()).hexdigest()[:10]


def flags_for(note: str, secondary: bool, rules: list[tuple[str, str]]) -> str:
    """The flags a source note implies, in a fixed order, joined with '|'."""
    found = {flag for pattern, flag in rules if pattern in note}
    if secondary:
        found.add("secondary")
    return "|".join(sorted(found))


def _group_of(row: dict[str, str], raw_groups: dict[str, tuple[str, str]],
              file: str, line: int) -> tuple[str, str]:
    subgroup, age = row["subgroup"].strip(), row["age_group"].strip()
    if subgroup and subgroup != "totalt":
        if subgroup not in raw_groups:
            raise DatasetError([Problem(file, line - 1, "subgroup",
                                        f"{subgroup!r} has no entry in data/meta/groups.csv",
                                        line)])
        return raw_groups[subgroup]
    return raw_groups.get(age, (TOTAL, TOTAL))


def build_tables(raw_dir: Path, meta: Meta) -> dict[str, pd.DataFrame]:
    """Turn the raw long CSVs into the five tables (not yet validated)."""
    aliases = {}
    for area in meta.areas.itertuples():
        for alias in area.aliases.split("|"):
            aliases[(area.level, alias)] = area.code
    raw_groups = {g.raw: (g.dimension, g.group) for g in meta.groups.itertuples() if g.raw}
    observations: list[dict[str, str]] = []
    sources: dict[str, dict[str, str]] = {}
    for rel in RAW_FILES:
        path = raw_dir / rel
        with open(path, encoding="utf-8", newline="") as f:
            reader = csv.DictReader(f)
            missing = [c for c in RAW_COLUMNS if c not in (reader.fieldnames or [])]
            if missing:
                raise DatasetError([Problem(str(path), None, c, "required column is missing")
                                    for c in missing])
            for line, row in enumerate(reader, start=2):
                code = aliases.get((row["area_level"], row["area"]))
                if code is None:
                    raise DatasetError([Problem(str(path), line - 1, "area",
                                                f"{row['area']!r} ({row['area_level']}) has no "
                                                "code in data/meta/areas.csv", line)])
                dimension, group = _group_of(row, raw_groups, str(path), line)
                publisher = _publisher(row["source_url"], meta.publishers)
                sid = source_id(row["source_url"], row["source_table"])
                verbatim = f"shared/data/raw/{rel.split('/')[0]}/verbatim/"
                sources.setdefault(sid, {
                    "id": sid, "publisher": publisher["publisher"],
                    "title": row["source_table"], "url": row["source_url"],
                    "licence": publisher["licence_en"], "retrieved": RETRIEVED,
                    "notes": SOURCE_NOTES["en"].format(verbatim),
                    "licence_sv": publisher["licence_sv"],
                    "licence_en": publisher["licence_en"],
                    "notes_sv": SOURCE_NOTES["sv"].format(verbatim),
                    "notes_en": SOURCE_NOTES["en"].format(verbatim),
                })
                observations.append({
                    "indicator_id": row["indicator"], "area_code": code,
                    "period": row["period"], "sex": SEX_CODES.get(row["sex"], row["sex"]),
                    "dimension": dimension, "group": group, "value": row["value"],
                    "se": "", "ci_low": "", "ci_high": "", "numerator": "",
                    "denominator": "", "population": "",
                    "flag": flags_for(row["note"], publisher["secondary"] == "yes",
                                      meta.flag_rules),
                    "source_id": sid, "note": row["note"], "note_en": row["note"],
                    "note_sv": note_in_swedish(row["note"], meta.notes_sv, str(path), line),
                })
    _attach_counts(observations, meta.counts)
    indicators = meta.indicators.copy()
    cited = pd.DataFrame(observations).groupby("indicator_id")["source_id"].agg(
        lambda s: ";".join(sorted(set(s))))
    indicators["source_ids"] = indicators["id"].map(cited).fillna("")
    return {
        "observations": pd.DataFrame(observations),
        "indicators": indicators[list(INDICATORS.column_names)],
        "areas": meta.areas[list(AREAS.column_names)],
        "groups": meta.groups[list(GROUPS.column_names)],
        "sources": pd.DataFrame(sorted(sources.values(), key=lambda s: s["id"]),
                                columns=list(SOURCES.column_names)),
    }


def _attach_counts(observations: list[dict[str, str]],
                   counts: list[tuple[str, str, str]]) -> None:
    """Give each share its count and population, where both are printed for the same cell."""
    def key(row: dict[str, str], indicator: str) -> tuple[str, ...]:
        return (indicator, row["area_code"], row["period"], row["sex"], row["dimension"],
                row["group"])

    printed = {key(row, row["indicator_id"]): row["value"] for row in observations}
    for share, numerator, denominator in counts:
        for row in observations:
            if row["indicator_id"] != share:
                continue
            x, n = printed.get(key(row, numerator)), printed.get(key(row, denominator))
            if x and n:
                row.update(numerator=x, denominator=n)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def build_default(raw_dir: Path, meta_dir: Path) -> tuple[dict[str, pd.DataFrame], dict]:
    """The embedded dataset's tables (to be validated by the store) and its descriptive info.

    The info records the inputs' checksums, so a rebuild can be compared with what ships.
    """
    tables = build_tables(raw_dir, read_meta(meta_dir))
    info = {
        "id": "malmo-welfare-reports-1998-2013",
        "title_sv": "Malmös stadsdelar 1998–2013 (Malmö stads välfärdsredovisningar)",
        "title_en": "Malmö's districts 1998–2013 (Malmö stad's welfare reports)",
        "built_by": "dashboard build-default",
        "inputs": {rel: _sha256(raw_dir / rel) for rel in RAW_FILES},
        "retrieved": RETRIEVED,
    }
    return tables, info
