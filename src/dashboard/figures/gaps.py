"""The gap panel: how large the gap is between areas, between women and men, between groups.

Each section leads with a plain-language sentence, then the measures with their 95% CI
and a one-line reading. Numbers come from the measures engine (WHO HEAT definitions);
this module only chooses the inputs and words them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from dashboard.core.schema import TOTAL
from dashboard.core.texts import capitalise, decapitalise, t
from dashboard.core.viewstate import ViewState
from dashboard.figures.labels import (
    ViewLabels,
    area_name,
    area_names,
    flag_text,
    group_label,
    view_labels,
)
from dashboard.measures import MeasureResult, Subgroups, compute
from dashboard.store import query
from dashboard.store.dataset import Dataset

# Dimensions whose groups differ by design rather than by inequity (age bands, school
# programmes); gaps between their groups are not shown as inequality.
NOT_EQUITY_DIMENSIONS = frozenset({"age", "programme"})
PANEL_MEASURES = ("d", "r")


@dataclass(frozen=True)
class MeasureRow:
    """One measure as printed: name, value, CI, what it means."""

    measure: str
    label: str
    value: str
    ci: str
    reading: str


@dataclass(frozen=True)
class GapSection:
    """A titled part of the panel: the sentence first, then the measures."""

    key: str
    title: str
    sentence: str
    rows: tuple[MeasureRow, ...] = ()
    caveat: str = ""


@dataclass(frozen=True)
class GapPanel:
    sections: tuple[GapSection, ...] = field(default_factory=tuple)


def _groups_of(values: pd.Series, labels: ViewLabels, weights: dict[str, float]) -> Subgroups:
    arr = values.to_numpy(dtype=float)
    pop = np.array([weights.get(c, np.nan) for c in values.index], dtype=float)
    return Subgroups(estimate=arr, se=np.full(arr.shape, np.nan), population=pop,
                     favourable=labels.polarity != "lower_better")


def _measure_rows(groups: Subgroups, labels: ViewLabels) -> tuple[MeasureRow, ...]:
    rows = []
    for measure in PANEL_MEASURES:
        result: MeasureResult = compute(measure, groups)
        if not result.applicable:
            continue
        decimals = 2 if measure == "r" else labels.decimals
        unit = "" if measure == "r" else f" {labels.diff_unit}"
        has_ci = not (math.isnan(result.ci_lb) or math.isnan(result.ci_ub))
        ci = (f"{t('ci', labels.lang)} {labels.number(result.ci_lb, decimals)}–"
              f"{labels.number(result.ci_ub, decimals)}") if has_ci else \
            ("KI saknas: källan anger inga standardfel" if labels.lang == "sv"
             else "No CI: the source gives no standard errors")
        rows.append(MeasureRow(measure, t(f"measure_{measure}", labels.lang),
                               labels.number(result.estimate, decimals) + unit, ci,
                               t(f"reading_{measure}", labels.lang, unit=labels.diff_unit)))
    return tuple(rows)


def _area_sentence(ds: Dataset, state: ViewState, labels: ViewLabels,
                   high: pd.Series, low: pd.Series) -> str:
    """The lead sentence: the indicator's own template if it has one, else best vs worst."""
    info = query.indicator_info(ds, state.indicator)
    best, worst = (low, high) if labels.polarity == "lower_better" else (high, low)
    fields = {
        "high": area_name(high, state.lang), "low": area_name(low, state.lang),
        "high_value": labels.with_unit(high["value"]),
        "low_value": labels.with_unit(low["value"]),
        "best": area_name(best, state.lang), "worst": area_name(worst, state.lang),
        "best_value": labels.with_unit(best["value"]),
        "worst_value": labels.with_unit(worst["value"]),
        "diff": labels.number(high["value"] - low["value"]), "unit": labels.diff_unit,
        "period": labels.period, "Title": labels.title,
        "who": t(f"who_{state.sex}", state.lang),
        "Who": capitalise(t(f"who_{state.sex}", state.lang)),
    }
    template = info.get(f"sentence_{state.lang}")
    if isinstance(template, str) and template:
        return template.format(**fields)
    key = "gap_sentence_neutral" if labels.polarity == "none" else "gap_sentence_judged"
    return t(key, state.lang, **fields)


def _flag_caveat(rows: list[pd.Series], lang: str) -> str:
    notes = [f"{area_name(r, lang)}: {flag_text(r['flag'], lang)}" for r in rows
             if isinstance(r["flag"], str) and r["flag"]]
    return ("⚑ " + "; ".join(notes)) if notes else ""


def areas_section(ds: Dataset, state: ViewState, labels: ViewLabels) -> GapSection:
    """Highest vs lowest area, with difference and ratio across all areas of the level."""
    values = query.view_values(ds, state).dropna(subset=["value"])
    title = t("gap_areas_label", state.lang, level_lc=labels.level.lower())
    if len(values) < 2:
        return GapSection("areas", title, t("gap_one_area", state.lang))
    values = values.sort_values("value", kind="stable")
    low, high = values.iloc[0], values.iloc[-1]
    weights = query.population_weights(ds, list(values["area_code"]))
    groups = _groups_of(values.set_index("area_code")["value"], labels, weights)
    sentence = _area_sentence(ds, state, labels, high, low)
    return GapSection("areas", title, sentence, _measure_rows(groups, labels),
                      _flag_caveat([high, low], state.lang))


def _spread(wide: pd.DataFrame, a: str, b: str) -> pd.Series:
    return (wide[a] - wide[b]).dropna()


def sex_section(ds: Dataset, state: ViewState, labels: ViewLabels) -> GapSection | None:
    """Women vs men: the city-wide gap and where it is largest and smallest."""
    wide = query.values_by(ds, state, "sex")
    if not {"female", "male"} <= set(wide.columns):
        return None
    diff = _spread(wide, "female", "male")
    if diff.empty:
        return None
    names = area_names(ds, list(diff.index), state.lang)
    abs_diff = diff.abs().sort_values(kind="stable")
    fields = {"max_area": names[abs_diff.index[-1]],
              "max_diff": f"{labels.number(abs_diff.iloc[-1])} {labels.diff_unit}",
              "min_area": names[abs_diff.index[0]],
              "min_diff": f"{labels.number(abs_diff.iloc[0])} {labels.diff_unit}",
              "period": labels.period}
    refs = {s: query.reference_values(ds, state.with_changes(sex=s)) for s in ("female", "male")}
    city = {s: r[r["level"] == "kommun"]["value"] for s, r in refs.items()}
    if all(len(v) for v in city.values()):
        gap = float(city["female"].iloc[0] - city["male"].iloc[0])
        higher, lower = ("female", "male") if gap >= 0 else ("male", "female")
        sentence = t("sex_gap_sentence", state.lang, higher_lc=t(f"who_{higher}", state.lang),
                     lower=t(f"who_{lower}", state.lang), diff=labels.number(abs(gap)),
                     unit=labels.diff_unit, city=t("reference_city", state.lang), **fields)
    else:
        sentence = t("sex_gap_sentence_no_city", state.lang, **fields)
    return GapSection("sex", t("sex_gap_title", state.lang), sentence)


def group_sections(ds: Dataset, state: ViewState, labels: ViewLabels) -> list[GapSection]:
    """For each equity dimension with two or more groups: where the group gap is widest."""
    obs = query.for_indicator(ds, state.indicator)
    obs = obs[(obs["level"] == state.level) & (obs["period"] == state.period)
              & (obs["sex"] == state.sex) & (obs["dimension"] != TOTAL)
              & ~obs["dimension"].isin(NOT_EQUITY_DIMENSIONS)]
    sections = []
    for dimension in sorted(obs["dimension"].unique()):
        wide = query.values_by(ds, state.with_changes(dimension=dimension), "group")
        if wide.shape[1] < 2:
            continue
        means = wide.mean().sort_values()
        lo_group, hi_group = means.index[0], means.index[-1]
        diff = _spread(wide, hi_group, lo_group).sort_values(kind="stable")
        if diff.empty:
            continue
        hi_label, dim_label = group_label(ds, dimension, hi_group, state.lang)
        lo_label, _ = group_label(ds, dimension, lo_group, state.lang)
        names = area_names(ds, list(diff.index), state.lang)
        sentence = t("group_gap_sentence", state.lang,
                     high_group=decapitalise(hi_label),
                     low_group=decapitalise(lo_label),
                     max_area=names[diff.index[-1]],
                     max_diff=f"{labels.number(diff.iloc[-1])} {labels.diff_unit}",
                     min_area=names[diff.index[0]],
                     min_diff=f"{labels.number(diff.iloc[0])} {labels.diff_unit}",
                     period=labels.period)
        sections.append(GapSection(f"group:{dimension}",
                                   t("group_gap_title", state.lang, dimension=dim_label.lower()),
                                   sentence))
    return sections


def gap_panel(ds: Dataset, state: ViewState) -> GapPanel:
    """All gap sections that apply to the view."""
    labels = view_labels(ds, state)
    sections = [areas_section(ds, state, labels)]
    sex = sex_section(ds, state, labels)
    if sex is not None:
        sections.append(sex)
    sections.extend(group_sections(ds, state, labels))
    return GapPanel(tuple(sections))


def lead_sentence(panel: GapPanel) -> str:
    """The panel's first sentence, used as the page's headline."""
    return panel.sections[0].sentence if panel.sections else ""
