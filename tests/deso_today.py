"""A small made-up dataset shaped like Malmö's DeSO data for 2022 (issue 10): DeSO with a
RegSO parent, registered population, median net income, the share with low economic
standard, and COVID-19 vaccination coverage 18+ at two dates with the 18+ population.

The numbers are invented: coverage rises with income, so the lowest-income fifth has the
lowest coverage. `income_flipped` turns the gradient round for tests of the wording.
"""

from __future__ import annotations

import pandas as pd

from dashboard.store.dataset import Dataset, from_tables

CITY = "1280"
N_DESO = 40
DATES = ("2021-08-27", "2022-01-18")
VACCINATION = ("vaccination_covid19_dos1", "vaccination_covid19_dos2", "vaccination_covid19_dos3")


def deso_codes(n: int = N_DESO) -> list[str]:
    return [f"1280C{1001 + i}" for i in range(n)]


def _indicator(id_: str, topic: str, title_sv: str, title_en: str, unit: str, polarity: str,
               scale: float, source: str) -> dict:
    return {"id": id_, "topic": topic, "title_sv": title_sv, "title_en": title_en,
            "definition_sv": f"{title_sv} (påhittade testdata).",
            "definition_en": f"{title_en} (made-up test data).", "unit": unit,
            "polarity": polarity, "scale": scale, "ci_method": None, "source_ids": source,
            "caveats_sv": None, "caveats_en": None, "sentence_sv": None, "sentence_en": None}


def _observation(indicator: str, code: str, period: str, value: float,
                 population: float | None, source: str) -> dict:
    return {"indicator_id": indicator, "area_code": code, "period": period, "sex": "total",
            "dimension": "total", "group": "total", "value": value, "se": None,
            "ci_low": None, "ci_high": None, "numerator": None, "denominator": None,
            "population": population, "flag": None, "source_id": source, "note": None}


def people(i: int) -> float:
    """Registered population of the i-th DeSO: uneven, so that area-count fifths and
    population fifths differ (the low-income DeSO are the most populous)."""
    return float(3000 - 45 * i) if i < 20 else float(1000 + 10 * i)


def income(i: int) -> float:
    """Median net income (tkr): rising with i."""
    return 150.0 + 6.0 * i


def coverage(i: int, date: str) -> float:
    """Vaccination coverage 18+ (%), whole percent: rising with income."""
    base = 55 + i if date == DATES[-1] else 45 + i
    return float(min(base, 99))


def deso_dataset(n: int = N_DESO, income_of=income, coverage_of=coverage) -> Dataset:
    """The made-up DeSO dataset, validated like any loaded one."""
    codes = deso_codes(n)
    areas = [{"code": CITY, "name": "Malmö", "name_en": "Malmö", "level": "kommun",
              "parent_code": None}]
    areas += [{"code": f"1280R{r:03d}", "name": f"RegSO {r}", "name_en": f"RegSO {r}",
               "level": "regso", "parent_code": CITY} for r in range(1, n // 10 + 2)]
    areas += [{"code": c, "name": f"DeSO {c[-4:]}", "name_en": f"DeSO {c[-4:]}",
               "level": "deso", "parent_code": f"1280R{i // 10 + 1:03d}"}
              for i, c in enumerate(codes)]
    scb, fohm = "src-scb-test", "src-fohm-test"
    indicators = [
        _indicator("folkmangd", "population", "Folkmängd", "Population", "persons", "none",
                   1.0, scb),
        _indicator("median_nettoinkomst", "living_conditions", "Medianinkomst (nettoinkomst)",
                   "Median net income", "sek_thousands", "higher_better", 1.0, scb),
        _indicator("lag_ekonomisk_standard", "living_conditions", "Låg ekonomisk standard",
                   "Low economic standard", "percent", "lower_better", 100.0, scb),
    ]
    indicators += [_indicator(v, "health", f"Vaccinationstäckning covid-19, {d}",
                              f"COVID-19 vaccination coverage, {e}", "percent",
                              "higher_better", 100.0, fohm)
                   for v, d, e in zip(VACCINATION, ("minst en dos", "två doser", "tre doser"),
                                      ("at least one dose", "two doses", "three doses"),
                                      strict=True)]
    obs = []
    for i, code in enumerate(codes):
        pop = people(i)
        obs.append(_observation("folkmangd", code, "2022", pop, pop, scb))
        obs.append(_observation("median_nettoinkomst", code, "2022", income_of(i), pop, scb))
        obs.append(_observation("lag_ekonomisk_standard", code, "2022",
                                max(40.0 - 0.9 * i, 2.0), pop, scb))
        for date in DATES:
            for k, indicator in enumerate(VACCINATION):
                value = max(coverage_of(i, date) - 15 * k, 1.0)
                obs.append(_observation(indicator, code, date, value, 0.8 * pop, fohm))
    sources = [
        {"id": scb, "publisher": "SCB", "title": "Statistikdatabasen (test)",
         "url": "https://www.statistikdatabasen.scb.se/", "licence": "CC0",
         "retrieved": "2026-11-30", "notes": None},
        {"id": fohm, "publisher": "Folkhälsomyndigheten", "title": "Vaccinationstäckning (test)",
         "url": "https://www.folkhalsomyndigheten.se/", "licence": "CC0",
         "retrieved": "2026-11-30", "notes": None},
    ]
    groups = pd.DataFrame([{"dimension": "total", "group": "total", "label_sv": "Totalt",
                            "label_en": "Total", "dimension_sv": "Totalt",
                            "dimension_en": "Total", "order": None}])
    for row in areas:
        row.update(valid_from=None, valid_to=None, tile_x=None, tile_y=None)
    return from_tables({"observations": pd.DataFrame(obs), "indicators": pd.DataFrame(indicators),
                        "areas": pd.DataFrame(areas), "groups": groups,
                        "sources": pd.DataFrame(sources)},
                       {"id": "deso-test", "title_sv": "Påhittade DeSO",
                        "title_en": "Made-up DeSO"})
