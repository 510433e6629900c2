"""Text descriptions of charts, composed from the chart data they describe (alt text).

Written for someone who cannot see the chart: what kind of chart, what it shows, the
extremes and the reference values, and how many areas have no value.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from dashboard.core.texts import decapitalise, t
from dashboard.figures import sentences

if TYPE_CHECKING:
    from dashboard.figures.composite import IndexData, IndexTrendData
    from dashboard.figures.gradient import AreaGroupsData, GradientData
    from dashboard.figures.groups import GroupsData
    from dashboard.figures.invest import InvestData
    from dashboard.figures.labels import ViewLabels
    from dashboard.figures.potential import PotentialData
    from dashboard.figures.profile import SpineData
    from dashboard.figures.trends import GapTrendData, TrendData
    from dashboard.figures.values import AreaValue, ValuesData


def _extremes(data: ValuesData) -> dict[str, str]:
    labels, lang = data.labels, data.lang
    values = sorted(data.shown, key=lambda v: v.value)
    ref_text = ", ".join(f"{r.name} {labels.with_unit(r.value)}" for r in data.references
                         if not math.isnan(r.value))
    low, high = values[0], values[-1]
    return {
        "title": decapitalise(labels.title),
        "subtitle": labels.subtitle, "n": str(len(values)),
        "high": high.name, "high_value": labels.with_unit(high.value, high.band),
        "low": low.name, "low_value": labels.with_unit(low.value, low.band),
        "refs": (t("alt_refs", lang, refs=ref_text) if ref_text else ""),
        "order": _rank_order(values[::-1], labels, lang),
    }


# Beyond this many areas a text description names the best and worst ALT_ENDS only (the
# table alternative holds them all): 5,984 names make a description no one can listen to.
ALT_LISTED = 40
ALT_ENDS = 10


def _rank_order(ranked: list[AreaValue], labels: ViewLabels, lang: str) -> str:
    named = [f"{v.name} {labels.shown(v.value, v.band)}" for v in ranked]
    if len(named) <= ALT_LISTED:
        return ", ".join(named)
    return ", ".join([*named[:ALT_ENDS], t("alt_left_out", lang, n=len(named) - 2 * ALT_ENDS),
                      *named[-ALT_ENDS:]])


def map_alt(data: ValuesData) -> str:
    """Alt text of the map."""
    if not data.shown:
        return t("alt_empty", data.lang)
    return t("alt_map", data.lang, **_extremes(data)).strip()


def bars_alt(data: ValuesData) -> str:
    """Alt text of the ranked bars: every value in rank order."""
    if not data.shown:
        return t("alt_empty", data.lang)
    return t("alt_bars", data.lang, **_extremes(data)).strip()


def spine_alt(data: SpineData) -> str:
    """Alt text of the profile: what it shows and where the area stands out."""
    return " ".join([t("alt_profile", data.lang, area=data.area_name),
                     *sentences.profile_sentences(data)])


def groups_alt(data: GroupsData) -> str:
    """Alt text of the equiplot and the grouped bars."""
    return t("alt_equiplot", data.lang, title=data.labels.title,
             groups=", ".join(data.group_labels), n=len(data.rows))


def trend_alt(data: TrendData) -> str:
    """Alt text of the trend lines, with whether the gap changed."""
    return t("alt_trend", data.lang, title=data.labels.title, first=data.periods[0],
             last=data.periods[-1], n=len(data.lines)) + " " + \
        sentences.gap_trend_sentence(data.change, data.labels)


def gaptrend_alt(data: GapTrendData) -> str:
    """Alt text of the gap over time: whether it widened or narrowed."""
    return sentences.gap_trend_sentence(data.change, data.labels)


def gradient_alt(data: GradientData) -> str:
    """Alt text of the scatter, with the fitted slope."""
    return t("alt_gradient", data.lang, y=data.labels.title, x=data.x_labels.title,
             n=len(data.points)) + " " + sentences.gradient_sentence(data)


def areagroups_alt(data: AreaGroupsData) -> str:
    """Alt text of the groups' equiplot: every group with its value, then the comparison."""
    labels = data.labels
    values = ", ".join(f"{r.label} {labels.with_unit(r.value)}" for r in data.rows)
    return t("alt_areagroups", data.lang, y=decapitalise(labels.title), n=len(data.rows),
             groups=sentences.bin_words(data.bins, "plural", data.lang), count=data.n_areas,
             x=decapitalise(data.x_labels.title), values=values) + " " + \
        sentences.area_groups_sentence(data) + " " + sentences.area_groups_source(data)


def potential_alt(data: PotentialData) -> str:
    """Alt text of the distances to the best area: the city's gain."""
    return sentences.potential_sentence(data)


def index_alt(data: IndexData) -> str:
    """Alt text of the index map and bars: the best and worst area."""
    return sentences.index_sentence(data)


def indextrend_alt(data: IndexTrendData) -> str:
    """Alt text of the index over time."""
    return t("index_trend_alt", data.lang, first=data.periods[0], last=data.periods[-1])


def gapcost_alt(data: InvestData) -> str:
    """Alt text of the yearly cost of the gap: the total and the largest areas."""
    return sentences.invest_alt(data.model, "gapcost", data.lang)


def flows_alt(data: InvestData) -> str:
    """Alt text of the yearly flows: the scenario in plain words."""
    return sentences.invest_alt(data.model, "investflows", data.lang)


def tornado_alt(data: InvestData) -> str:
    """Alt text of the tornado: the assumption that matters most."""
    return sentences.invest_alt(data.model, "tornado", data.lang)


def simulation_alt(data: InvestData) -> str:
    """Alt text of the simulation: the share of positive outcomes and the interval."""
    return sentences.invest_alt(data.model, "simulation", data.lang)


def gains_alt(data: InvestData) -> str:
    """Alt text of who gains: each party's present value."""
    return sentences.invest_alt(data.model, "gains", data.lang)
