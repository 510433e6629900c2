"""The gap panel: how large the gap is between areas, along a social gradient, between
women and men, and between groups.

Each section leads with a plain-language sentence, then the WHO HEAT (and PHE) measures
that apply, each with its 95% CI, the method and a one-line reading. The numbers come from
the measures engine and the words from `figures.sentences`; this module chooses the inputs.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
import pandas as pd

from dashboard.core.i18n import format_period, join_names
from dashboard.core.schema import TOTAL
from dashboard.core.texts import decapitalise, t
from dashboard.core.viewstate import ViewState
from dashboard.figures import sentences
from dashboard.figures.labels import (
    ViewLabels,
    area_name,
    area_names,
    flag_text,
    group_label,
    view_labels,
)
from dashboard.measures import MEASURES, REASONS, Subgroups, compute_all
from dashboard.measures.intervals import se_from_ci
from dashboard.measures.ties import merge_ties
from dashboard.store import query
from dashboard.store.dataset import Dataset

# Dimensions whose groups differ by design rather than by inequity (age bands, school
# programmes); gaps between their groups are not shown as inequality.
NOT_EQUITY_DIMENSIONS = frozenset({"age", "programme"})
# Shown first in each section; the rest sit under "more measures".
KEY_MEASURES = ("d", "r", "sii", "rii", "sii_phe", "rii_phe", "paf", "idisw")
AREA_MEASURES = ("d", "r", "paf", "par", "idisw", "idisu", "bgv", "bgsd", "cov", "mdbu",
                 "mdbw", "mdmu", "mdmw", "ti", "mld")
GRADIENT_MEASURES = ("sii", "rii", "sii_phe", "rii_phe", "aci", "rci", "d", "r", "paf",
                     "par")
PAIR_MEASURES = ("d", "r")
DECIMALS = {"ratio": 2, "fraction": 3, "percent": 1, "x1000": 2}
UNIT_SUFFIX = {"ratio": "", "fraction": "", "percent": " %", "x1000": " ×1000"}
# Differences in the indicator's own units keep its precision; derived spreads get one more.
SAME_DECIMALS = frozenset({"d", "par"})


@dataclass(frozen=True)
class MeasureRow:
    """One measure as printed: name, value, CI, what it means, and how it was made (`method`
    the technical label for files, `method_text` the words in the view's language)."""

    measure: str
    label: str
    value: str
    ci: str
    reading: str
    method: str
    key: bool
    method_text: str


@dataclass(frozen=True)
class GapSection:
    """A titled part of the panel: the sentence first, then the measures."""

    key: str
    title: str
    sentence: str
    rows: tuple[MeasureRow, ...] = ()
    caveat: str = ""
    not_applicable: tuple[str, ...] = ()


@dataclass(frozen=True)
class GapPanel:
    sections: tuple[GapSection, ...] = field(default_factory=tuple)


def measure_rows(groups: Subgroups, ids: tuple[str, ...], labels: ViewLabels
                 ) -> tuple[tuple[MeasureRow, ...], tuple[str, ...]]:
    """Compute the measures; return printable rows and 'name: why not' for the rest."""
    rows, skipped = [], []
    lang = labels.lang
    for result in compute_all(groups, ids):
        measure = result.measure
        info = MEASURES[measure]
        name = t(info.name_key, lang)
        if not result.applicable:
            skipped.append(sentences.not_applicable(
                name, REASONS.get(result.reason or "", result.reason or ""), lang))
            continue
        decimals = DECIMALS.get(info.unit, labels.decimals + (0 if measure in SAME_DECIMALS
                                                              else 1))
        value = labels.number(result.estimate, decimals)
        unit = UNIT_SUFFIX.get(info.unit, f" {labels.diff_unit}")
        if info.unit == "squared indicator units":
            unit = f" ({labels.diff_unit})²"
        has_ci = not (math.isnan(result.ci_lb) or math.isnan(result.ci_ub))
        ci = sentences.ci_range(labels.number(result.ci_lb, decimals),
                                labels.number(result.ci_ub, decimals), lang) if has_ci else "–"
        rows.append(MeasureRow(
            measure, name, value + unit, ci,
            sentences.measure_reading(info.reading_key, value, labels.diff_unit, lang),
            result.method, measure in KEY_MEASURES,
            sentences.method_text(info.method_key, result.draws, result.seed, lang)))
    return tuple(rows), tuple(skipped)


def _subgroups(values: pd.Series, labels: ViewLabels, weights: dict[str, float],
               order: np.ndarray | None = None, ci: pd.DataFrame | None = None) -> Subgroups:
    """Subgroups from area values; se from the CI where the data give one."""
    estimate = values.to_numpy(dtype=float)
    se = np.full(estimate.shape, np.nan)
    if ci is not None:
        se = se_from_ci(ci["ci_low"].to_numpy(float), ci["ci_high"].to_numpy(float))
    population = np.array([weights.get(c, np.nan) for c in values.index], dtype=float)
    return Subgroups(estimate=estimate, se=se, population=population, order=order,
                     favourable=labels.polarity != "lower_better", scale=labels.scale)


def _flagged(rows: list[pd.Series], lang: str) -> list[tuple[str, str]]:
    return [(area_name(r, lang), flag_text(r["flag"], lang)) for r in rows
            if isinstance(r["flag"], str) and r["flag"]]


def areas_section(ds: Dataset, state: ViewState, labels: ViewLabels) -> GapSection:
    """Every area of the level as one non-ordered dimension: highest vs lowest and spread."""
    values = query.view_values(ds, state).dropna(subset=["value"])
    title = t("gap_areas_label", state.lang, level_lc=labels.level.lower())
    if len(values) < 2:
        return GapSection("areas", title, t("gap_one_area", state.lang))
    values = values.sort_values("value", kind="stable")
    low, high = values.iloc[0], values.iloc[-1]
    codes = list(values["area_code"])
    weights = query.population_weights(ds, codes)
    indexed = values.set_index("area_code")
    groups = _subgroups(indexed["value"], labels, weights, ci=indexed[["ci_low", "ci_high"]])
    rows, skipped = measure_rows(groups, AREA_MEASURES, labels)
    caveat = sentences.caveat(
        sentences.flag_caveat(_flagged([high, low], state.lang)),
        sentences.weights_note(all(c in weights for c in codes), state.lang),
        sentences.ci_note(rows, state.lang))
    template = query.indicator_info(ds, state.indicator).get(f"sentence_{state.lang}")
    sentence = sentences.area_gap_sentence(
        labels, state.sex, template if isinstance(template, str) else "",
        (area_name(high, state.lang), float(high["value"])),
        (area_name(low, state.lang), float(low["value"])))
    return GapSection("areas", title, sentence, rows, caveat, skipped)


def gradient_section(ds: Dataset, state: ViewState, labels: ViewLabels) -> GapSection | None:
    """Areas ranked by a social determinant: the slope and concentration indices."""
    found = query.ordering(ds, state)
    if found is None:
        return None
    period, order_values = found
    lang = state.lang
    values = query.view_values(ds, state).dropna(subset=["value"])
    values = values[values["area_code"].isin(order_values.index)]
    order_info = query.indicator_info(ds, state.order)
    order_title = order_info[f"title_{lang}"]
    title = t("gradient_title", lang, order=decapitalise(order_title))
    if len(values) < query.MIN_ORDERED_AREAS:
        return GapSection("gradient", title, t("gradient_too_few", lang))
    indexed = values.set_index("area_code", drop=False)
    codes = list(indexed.index)
    # 1 = most disadvantaged: the lowest value of a higher-is-better determinant; areas that
    # tie on the determinant form one rank group (population-weighted).
    weights = query.population_weights(ds, codes)
    ranked = merge_ties(
        order_values.reindex(indexed.index).to_numpy(float), indexed["value"].to_numpy(float),
        se_from_ci(indexed["ci_low"].to_numpy(float), indexed["ci_high"].to_numpy(float)),
        np.array([weights.get(c, np.nan) for c in codes], dtype=float),
        ascending=order_info["polarity"] == "higher_better")
    if len(ranked.members) < query.MIN_ORDERED_AREAS:
        return GapSection("gradient", title, t("gradient_too_few", lang))
    groups = Subgroups(estimate=ranked.estimate, se=ranked.se, population=ranked.population,
                       order=ranked.order, favourable=labels.polarity != "lower_better",
                       scale=labels.scale)
    rows, skipped = measure_rows(groups, GRADIENT_MEASURES, labels)
    names = area_names(ds, codes, lang)

    def members(group: int) -> list[str]:
        return [codes[i] for i in ranked.members[group]]

    ends = [members(0), members(-1)]
    most, least = (join_names([names[c] for c in end], lang) for end in ends)
    slope = next((r for r in rows if r.measure in ("sii", "sii_phe")), None)
    sentence = sentences.gradient_gap_sentence(
        labels, order_title, format_period(period), most, least, slope)
    order_labels = view_labels(ds, state.with_changes(
        indicator=state.order, sex=TOTAL, dimension=TOTAL, group=TOTAL))
    ties = sentences.tie_notes(
        [([names[codes[i]] for i in tied],
          order_labels.with_unit(float(order_values[codes[tied[0]]])),
          labels.with_unit(float(ranked.estimate[k])))
         for k, tied in enumerate(ranked.members) if len(tied) > 1], lang)
    caveat = sentences.caveat(
        *ties,
        sentences.flag_caveat(_flagged([indexed.loc[c] for end in ends for c in end], lang)),
        sentences.weights_note(all(c in weights for c in codes), lang),
        sentences.ci_note(rows, lang))
    return GapSection("gradient", title, sentence, rows, caveat, skipped)


def _pair_values(ds: Dataset, state: ViewState, column: str, categories: list[str]
                 ) -> pd.Series | None:
    """The city's (kommun) values for each category, where all exist."""
    out = {}
    for category in categories:
        changes = {"sex": category} if column == "sex" else {"group": category}
        refs = query.reference_values(ds, state.with_changes(**changes))
        city = refs[refs["level"] == "kommun"]["value"]
        if city.empty or math.isnan(city.iloc[0]):
            return None
        out[category] = float(city.iloc[0])
    return pd.Series(out)


def sex_section(ds: Dataset, state: ViewState, labels: ViewLabels) -> GapSection | None:
    """Women vs men: the city-wide gap and where it is largest and smallest."""
    wide = query.values_by(ds, state, "sex")
    if not {"female", "male"} <= set(wide.columns):
        return None
    diff = (wide["female"] - wide["male"]).dropna()
    if diff.empty:
        return None
    names = area_names(ds, list(diff.index), state.lang)
    abs_diff = diff.abs().sort_values(kind="stable")
    largest = (names[abs_diff.index[-1]], float(abs_diff.iloc[-1]))
    smallest = (names[abs_diff.index[0]], float(abs_diff.iloc[0]))
    city = _pair_values(ds, state, "sex", ["female", "male"])
    rows: tuple[MeasureRow, ...] = ()
    gap = None
    if city is not None:
        gap = float(city["female"] - city["male"])
        rows, _ = measure_rows(_subgroups(city, labels, {}), PAIR_MEASURES, labels)
    sentence = sentences.sex_gap_sentence(labels, largest, smallest, gap)
    return GapSection("sex", t("sex_gap_title", state.lang), sentence, rows,
                      sentences.ci_note(rows, state.lang))


def group_sections(ds: Dataset, state: ViewState, labels: ViewLabels) -> list[GapSection]:
    """For each equity dimension with two or more groups: where the group gap is widest."""
    obs = query.for_indicator(ds, state.indicator)
    obs = obs[(obs["level"] == state.level) & (obs["period"] == state.period)
              & (obs["sex"] == state.sex) & (obs["dimension"] != TOTAL)
              & ~obs["dimension"].isin(NOT_EQUITY_DIMENSIONS)]
    sections = []
    for dimension in sorted(obs["dimension"].unique()):
        at_dimension = state.with_changes(dimension=dimension)
        wide = query.values_by(ds, at_dimension, "group")
        if wide.shape[1] < 2:
            continue
        means = wide.mean().sort_values()
        lo_group, hi_group = means.index[0], means.index[-1]
        diff = (wide[hi_group] - wide[lo_group]).dropna().sort_values(kind="stable")
        if diff.empty:
            continue
        names = area_names(ds, list(diff.index), state.lang)
        hi_label, dim_label = group_label(ds, dimension, hi_group, state.lang)
        lo_label, _ = group_label(ds, dimension, lo_group, state.lang)
        sentence = sentences.group_gap_sentence(
            labels, hi_label, lo_label, (names[diff.index[-1]], float(diff.iloc[-1])),
            (names[diff.index[0]], float(diff.iloc[0])))
        city = _pair_values(ds, at_dimension, "group", list(wide.columns))
        rows: tuple[MeasureRow, ...] = ()
        if city is not None:
            rows, _ = measure_rows(_subgroups(city, labels, {}), PAIR_MEASURES, labels)
        sections.append(GapSection(f"group:{dimension}",
                                   t("group_gap_title", state.lang, dimension=dim_label.lower()),
                                   sentence, rows, sentences.ci_note(rows, state.lang)))
    return sections


@lru_cache(maxsize=128)
def gap_panel(ds: Dataset, state: ViewState) -> GapPanel:
    """All gap sections that apply to the view (computed once per dataset and view: the
    page's parts and its charts share it)."""
    labels = view_labels(ds, state)
    sections = [areas_section(ds, state, labels)]
    for section in (gradient_section(ds, state, labels), sex_section(ds, state, labels)):
        if section is not None:
            sections.append(section)
    sections.extend(group_sections(ds, state, labels))
    return GapPanel(tuple(sections))
