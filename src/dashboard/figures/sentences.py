"""Every sentence the charts and the gap panel say, composed from their data.

The words come from the text catalogue (`core.texts.t`); numbers arrive as values and are
formatted here with the view's labels. Nothing here reads the store or computes a statistic.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import TYPE_CHECKING

from dashboard.core.i18n import format_money, format_number, format_period, join_names
from dashboard.core.texts import capitalise, decapitalise, t
from dashboard.figures.invest_model import PARTIES
from dashboard.figures.labels import ViewLabels
from dashboard.figures.overview import SD_THRESHOLD
from dashboard.measures.invest import PARAMETERS, Span, Swing

if TYPE_CHECKING:
    from dashboard.figures.composite import IndexData
    from dashboard.figures.gaps import GapPanel, MeasureRow
    from dashboard.figures.gradient import AreaGroupsData, GradientData
    from dashboard.figures.invest_model import InvestModel
    from dashboard.figures.potential import PotentialData
    from dashboard.figures.profile import SpineData
    from dashboard.figures.trends import GapChange

# (area name, value) of one end of a comparison.
Named = tuple[str, float]


def ci_method_note(method: str, lang: str) -> str:
    """' (Wilson)': the method of an interval derived from counts, or nothing."""
    return f" ({t(f'ci_method_{method}', lang)})" if method else ""


def ci_range(lo: str, hi: str, lang: str) -> str:
    """'95 % KI 1,2 till 3,4' for an interval whose ends are already formatted."""
    return t("ci_range", lang, ci=t("ci", lang), lo=lo, hi=hi)


def measure_reading(key: str, value: str, unit: str, lang: str) -> str:
    """A measure's one-line reading (catalogue `key`) with its value and unit filled in."""
    return t(key, lang, value=value, unit=unit)


def method_text(key: str, draws: int | None, seed: int | None, lang: str) -> str:
    """How a measure's interval was made (catalogue `key`), with its draws and seed."""
    if draws is None:
        return t(key, lang)
    return t(key, lang, draws=format_number(draws, lang, 0), seed=seed)


def not_applicable(name: str, reason_key: str, lang: str) -> str:
    """'Name: why it does not apply' for a measure left out (`reason_key` in the catalogue)."""
    return f"{name}: {decapitalise(t(reason_key, lang))}"


def ci_note(rows: Iterable[MeasureRow], lang: str) -> str:
    """Said once per section instead of in every row: why some intervals are missing."""
    return t("no_ci", lang) + "." if any(r.ci == "–" for r in rows) else ""


def flag_caveat(flagged: list[tuple[str, str]]) -> str:
    """'⚑ Area: flag words; ...' for the flagged areas named in a sentence."""
    return ("⚑ " + "; ".join(f"{name}: {words}" for name, words in flagged) + ".") \
        if flagged else ""


def weights_note(complete: bool, lang: str) -> str:
    """Whether the population weights cover every area."""
    return t("weights_note" if complete else "weights_missing", lang)


def caveat(*parts: str) -> str:
    """The non-empty caveat parts, joined."""
    return " ".join(filter(None, parts))


def area_gap_sentence(labels: ViewLabels, sex: str, template: str, high: Named,
                      low: Named) -> str:
    """The lead sentence: the indicator's own template if it has one, else best vs worst."""
    lang = labels.lang
    best, worst = (low, high) if labels.polarity == "lower_better" else (high, low)
    fields = {
        "high": high[0], "low": low[0],
        "high_value": labels.with_unit(high[1]), "low_value": labels.with_unit(low[1]),
        "best": best[0], "worst": worst[0],
        "best_value": labels.with_unit(best[1]), "worst_value": labels.with_unit(worst[1]),
        "diff": labels.number(high[1] - low[1]), "unit": labels.diff_unit,
        "period": labels.period, "Title": labels.title,
        "who": t(f"who_{sex}", lang), "Who": capitalise(t(f"who_{sex}", lang)),
    }
    if template:
        return template.format(**fields)
    key = "gap_sentence_neutral" if labels.polarity == "none" else "gap_sentence_judged"
    return t(key, lang, **fields)


def gradient_gap_sentence(labels: ViewLabels, order_title: str, order_period: str,
                          most: str, least: str, slope: MeasureRow | None) -> str:
    """Along the determinant, from the most to the least disadvantaged area, by the slope."""
    fields = {"order": decapitalise(order_title), "order_period": order_period,
              "most": most, "least": least, "title": decapitalise(labels.title)}
    if slope is None:
        return t("gradient_sentence_none", labels.lang, **fields)
    return t("gradient_sentence", labels.lang, slope=slope.value,
             method=decapitalise(slope.label), **fields)


def tie_note(names: list[str], order_value: str, merged: str, lang: str) -> str:
    """Areas that tie on the ranking: one rank group with their population-weighted mean."""
    return t("gradient_tie", lang, areas=join_names(names, lang), value=order_value,
             merged=merged)


# More tied groups than this are summed up in one sentence: at DeSO level dozens of areas
# share a rounded value, and naming each would bury the measures.
NAMED_TIES = 3


def tie_notes(ties: list[tuple[list[str], str, str]], lang: str) -> list[str]:
    """One note per tied group (names, ranking value, merged value), or a count if many."""
    if len(ties) <= NAMED_TIES:
        return [tie_note(names, value, merged, lang) for names, value, merged in ties]
    return [t("gradient_ties", lang, areas=sum(len(names) for names, _, _ in ties),
              groups=len(ties))]


def _spread(labels: ViewLabels, largest: Named, smallest: Named) -> dict[str, str]:
    return {"max_area": largest[0], "max_diff": f"{labels.number(largest[1])} {labels.diff_unit}",
            "min_area": smallest[0],
            "min_diff": f"{labels.number(smallest[1])} {labels.diff_unit}",
            "period": labels.period}


def _only_area(largest: Named, smallest: Named) -> bool:
    """Whether both ends of a comparison are the same area: only one area has values."""
    return largest[0] == smallest[0]


def sex_gap_sentence(labels: ViewLabels, largest: Named, smallest: Named,
                     city_gap: float | None) -> str:
    """Women vs men in the city (women minus men), and where the gap is largest/smallest
    (or, with one area only, that there is nothing to compare it with)."""
    lang = labels.lang
    fields = _spread(labels, largest, smallest)
    only = t("gap_only_area", lang, area=largest[0]) if _only_area(largest, smallest) else ""
    if city_gap is None:
        if only:
            return f"{t('sex_gap_one_area', lang, **fields)} {only}"
        return t("sex_gap_sentence_no_city", lang, **fields)
    higher, lower = ("female", "male") if city_gap >= 0 else ("male", "female")
    words = {"higher_lc": t(f"who_{higher}", lang), "lower": t(f"who_{lower}", lang),
             "diff": labels.number(abs(city_gap)), "unit": labels.diff_unit,
             "city": t("reference_city", lang)}
    if only:
        return f"{t('sex_gap_city_only', lang, period=labels.period, **words)} {only}"
    return t("sex_gap_sentence", lang, **words, **fields)


def group_gap_sentence(labels: ViewLabels, high_group: str, low_group: str, largest: Named,
                       smallest: Named) -> str:
    """Between two groups of a dimension: where the difference is largest and smallest (or,
    with one area only, its size there and that there is nothing to compare it with)."""
    lang = labels.lang
    fields = {"high_group": decapitalise(high_group), "low_group": decapitalise(low_group),
              **_spread(labels, largest, smallest)}
    if _only_area(largest, smallest):
        return f"{t('group_gap_one_area', lang, **fields)} " \
               f"{t('gap_only_area', lang, area=largest[0])}"
    return t("group_gap_sentence", lang, **fields)


def lead_sentence(panel: GapPanel) -> str:
    """The panel's first sentence, used as the page's headline."""
    return panel.sections[0].sentence if panel.sections else ""


def gradient_sentence(data: GradientData) -> str:
    """How much the indicator changes per unit of the determinant (the fitted slope)."""
    labels, fit = data.labels, data.fit
    if fit is None:
        return t("gradient_too_few", data.lang)
    decimals = labels.decimals + 2
    return t("scatter_sentence", data.lang, x=decapitalise(data.x_labels.title),
             xunit=data.x_labels.unit, y=decapitalise(labels.title),
             slope=labels.number(fit.slope, decimals), unit=labels.unit,
             lo=labels.number(fit.lower, decimals), hi=labels.number(fit.upper, decimals),
             n=fit.n)


# The words for fifths and tenths, by the number of groups and the form needed.
BIN_KEYS: dict[int, dict[str, str]] = {
    5: {"one": "bins_5_one", "singular": "bins_5_singular", "plural": "bins_5_plural"},
    10: {"one": "bins_10_one", "singular": "bins_10_singular", "plural": "bins_10_plural"},
}
WEIGHT_KEYS = {"observation": "areagroups_weight_observation",
               "folkmangd": "areagroups_weight_folkmangd"}
CI_KEYS = {"wilson": "areagroups_ci_wilson", "se": "areagroups_ci_se", "": "areagroups_ci_none"}


def bin_words(bins: int, form: str, lang: str, **fields: object) -> str:
    """'femtedelar', 'Tiondel 3': the name of the groups in the form asked for."""
    return t(BIN_KEYS[bins][form], lang, **fields)


def when(period: str, lang: str) -> str:
    """'den 18 januari 2022' for an ISO date, 'år 2022' / 'in 2022' for a year or span."""
    parts = period.split("-")
    if len(parts) == 3 and all(p.isdigit() for p in parts):
        month = t("month_names", lang).split(",")[int(parts[1]) - 1]
        return t("when_date", lang, day=int(parts[2]), month=month, year=parts[0])
    return t("when_period", lang, period=format_period(period))


def possessive(name: str, lang: str) -> str:
    """'Malmös' / "Malmö's"; the city's in general words where the name is unknown."""
    if not name:
        return t("areagroups_city_fallback", lang)
    if lang == "en":
        return f"{name}'s"
    return name if name[-1] in "sxz" else f"{name}s"


def _level_words(level: str) -> str:
    """A level's name inside a sentence: 'DeSO', 'stadsdelar' (acronyms kept as they are)."""
    short = level.split(" (")[0]
    return short if any(c.isupper() for c in short[1:]) else decapitalise(short)


def _unbroken(text: str) -> str:
    """A number and its unit that a line break must not part ('55,8 %')."""
    return text.replace(" ", "\u00a0")


def area_groups_sentence(data: AreaGroupsData) -> str:
    """The first against the last population-weighted group: both values, which is higher
    (the words follow the numbers as printed), the period and the difference."""
    lang, labels = data.lang, data.labels
    first, last = data.rows[0], data.rows[-1]
    low, high = labels.number(first.value), labels.number(last.value)
    cmp = "areagroups_same" if low == high else \
        ("areagroups_lower" if first.value < last.value else "areagroups_higher")
    ends = ("lowest", "highest") if data.low_first else ("highest", "lowest")
    text = t("areagroups_sentence", lang, fraction=bin_words(data.bins, "singular", lang),
             city=possessive(data.city, lang), level=_level_words(data.level_name),
             low_end=t(ends[0], lang), high_end=t(ends[1], lang),
             x=decapitalise(data.x_labels.title), y=decapitalise(labels.title),
             low_value=_unbroken(labels.with_unit(first.value)),
             high_value=_unbroken(labels.with_unit(last.value)),
             when=when(data.period, lang), cmp=t(cmp, lang))
    parts = [text]
    if low != high:
        parts.append(t("areagroups_difference", lang,
                       diff=labels.number(abs(last.value - first.value)),
                       unit=labels.diff_unit))
    return " ".join(parts)


def area_groups_source(data: AreaGroupsData) -> str:
    """'Källa: Folkhälsomyndigheten och SCB.': who published the two indicators compared."""
    return t("areagroups_source", data.lang,
             publishers=join_names(list(data.publishers), data.lang)) if data.publishers else ""


def area_groups_notes(data: AreaGroupsData) -> str:
    """How the groups were made and weighted, and why there is or is not an interval."""
    lang = data.lang
    parts = [t("areagroups_method", lang, x=decapitalise(data.x_labels.title),
               x_period=format_period(data.x_period),
               groups=bin_words(data.bins, "plural", lang)),
             t(WEIGHT_KEYS[data.weighting], lang),
             t(CI_KEYS[data.ci_method], lang)]
    if data.left_out:
        parts.append(t("areagroups_left_out", lang, n=data.left_out))
    return " ".join(parts)


def potential_sentence(data: PotentialData) -> str:
    """What the city would gain: PAR and PAF against the best area, with CI if known, from
    the areas' population-weighted mean (named, beside the city's published value)."""
    labels, lang = data.labels, data.lang
    ci = "" if math.isnan(data.par_ci[0]) else \
        f" ({t('ci', lang)} {labels.number(data.par_ci[0])}–{labels.number(data.par_ci[1])})"
    fields = {"best": data.best_name, "best_value": labels.with_unit(data.best_value),
              "par": labels.number(abs(data.par)), "unit": labels.diff_unit, "ci": ci,
              "paf": format_number(abs(data.paf), lang, 1),
              "direction": t("potential_up" if labels.polarity != "lower_better"
                             else "potential_down", lang)}
    if math.isnan(data.mean):
        return t("potential_sentence", lang, **fields)
    text = t("potential_sentence_mean", lang, mean=labels.with_unit(data.mean), **fields)
    if math.isnan(data.city_value):
        return text
    return f"{text} {t('potential_city_value', lang, city_value=labels.with_unit(data.city_value))}"


def life_years_sentence(data: PotentialData, who: str) -> str:
    """The life-years the gap implies, rounded, with how they were counted ('' if none)."""
    if math.isnan(data.life_years):
        return ""
    lang = data.lang
    people = t("potential_people_halved" if data.halved else "potential_people", lang)
    return t("potential_life_years_rounded", lang,
             years=format_number(data.life_years, lang, 0), who=who, people=people)


def profile_heading(area_name: str, city_name: str, lang: str, compared: bool = False) -> str:
    """The profile's heading: the area against the city, or, when the area is the city
    itself and nothing is `compared` (it is the only area of its level), saying so."""
    if area_name == city_name and not compared:
        return t("profile_heading_only_area", lang, area=area_name)
    return t("profile_heading", lang, area=area_name)


def profile_sentences(data: SpineData) -> list[str]:
    """Where the area stands out: best or worst of all areas, and counts against Malmö; when
    the area is the city itself with nothing to compare (the only area of its level), that
    there is no other area."""
    rows, lang, name = tuple(r for r in data.rows if r.counted), data.lang, data.area_name
    if not rows:
        only = name == data.city_name and not data.rows
        return [t("profile_only_area" if only else "profile_none", lang, area=name)]
    worst = [r.label for r in rows if r.rank == r.n]
    best = [r.label for r in rows if r.rank == 1]
    counts = {s: sum(r.status == s for r in rows) for s in ("better", "similar", "worse")}
    out = [t("profile_counts", lang, area=name, n=len(rows), **counts)]
    if worst:
        out.append(t("profile_worst", lang, area=name, items=join_names(worst, lang)))
    if best:
        out.append(t("profile_best", lang, area=name, items=join_names(best, lang)))
    return out


def gap_trend_sentence(change: GapChange | None, labels: ViewLabels) -> str:
    """Did the gap widen or narrow between the first and last year, beyond its uncertainty?"""
    lang, number, unit = labels.lang, labels.number, labels.diff_unit
    if change is None:
        return t("trend_too_short", lang)
    first, last = change.first, change.last
    delta = last.d - first.d
    direction = "trend_wider" if delta > 0 else ("trend_narrower" if delta < 0 else "trend_same")
    text = t(direction, lang, first=first.period, last=last.period, d0=number(first.d),
             d1=number(last.d), unit=unit)
    if math.isnan(change.margin):
        return f"{text} {t('trend_no_uncertainty', lang)}"
    key = "trend_beyond" if abs(delta) > change.margin else "trend_within"
    return f"{text} {t(key, lang, margin=number(change.margin), unit=unit)}"


def index_sentence(data: IndexData) -> str:
    """The latest year's best and worst area on the index."""
    values, lang = [r.value for r in data.rows], data.lang
    hi, lo = max(values), min(values)
    return t("index_sentence", lang, year=data.year,
             best=data.rows[values.index(hi)].name, worst=data.rows[values.index(lo)].name,
             hi=format_number(hi, lang, 1), lo=format_number(lo, lang, 1),
             n=len(data.titles))


def overview_rule(lang: str) -> str:
    """The overview's comparison method, as printed under the table."""
    return t("overview_rule", lang, share=format_number(SD_THRESHOLD, lang, 1))


# The social-investment view (figures.invest_model): its headings, plain words and
# assumptions.

def unit_words(model: InvestModel, lang: str) -> str:
    """The natural unit of the view's gap, plural ('people not in employment')."""
    return t(f"nunit_{model.unit.kind}", lang) if model.unit else model.labels.diff_unit


def invest_reference(model: InvestModel, lang: str) -> str:
    """The reference the gap is measured from, in words."""
    return t(f"invest_ref_{model.ref}", lang, name=model.ref_name)


def invest_heading(model: InvestModel, chart: str, lang: str) -> str:
    """The heading of one of the view's charts."""
    return t(f"invest_h_{chart}", lang, unit=unit_words(model, lang),
             ref=invest_reference(model, lang))


def invest_subtitle(model: InvestModel, lang: str) -> str:
    """The indicator, period and level the view is about."""
    return f"{model.labels.title}. {model.labels.subtitle}"


def gap_cost_sentence(model: InvestModel, lang: str) -> str:
    """What all areas' shortfalls amount to each year, in units and, if valued, money."""
    if model.unit is None:
        return t("invest_no_unit", lang, title=model.labels.title)
    short = [r for r in model.rows if r.gap > 0]
    text = t("invest_gap_sentence", lang, ref=invest_reference(model, lang),
             n=str(len(short)), units=format_number(model.total_units, lang, 0),
             unit=unit_words(model, lang))
    if math.isfinite(model.total_money):
        text += " " + t("invest_gap_money", lang, money=format_money(model.total_money, lang),
                        value=format_money(model.money.span.mid, lang))
    return text


def _effect_text(model: InvestModel, value: float, lang: str) -> str:
    return f"{model.labels.number(value, model.labels.decimals + 1)} {model.labels.diff_unit}"


def _uncertain(model: InvestModel) -> bool:
    s = model.scenario
    return s is not None and any(getattr(s, name).ranged() for name in PARAMETERS)


def parameter_value(model: InvestModel, parameter: str, value: float, lang: str) -> str:
    """A scenario parameter's value as a reader knows it (money, percent, the indicator's
    own unit for the effect)."""
    if parameter in ("upfront", "yearly", "value"):
        return format_money(value, lang)
    if parameter in ("decay", "rate"):
        return f"{format_number(100 * value, lang, 1)} %"
    return _effect_text(model, value / model.per_change, lang)


def parameter_range(model: InvestModel, swing: Swing, lang: str) -> str:
    """'Effect (1.00 – 3.00 percentage points)': a parameter with its range (the effect's
    unit said once)."""
    name = t(f"invest_param_{swing.parameter}", lang)
    if swing.parameter == "effect":
        digits = model.labels.decimals + 1
        low, high = (model.labels.number(v / model.per_change, digits)
                     for v in (swing.low, swing.high))
        return t("invest_param_range", lang, name=name, low=low,
                 high=f"{high} {model.labels.diff_unit}")
    return t("invest_param_range", lang, name=name,
             low=parameter_value(model, swing.parameter, swing.low, lang),
             high=parameter_value(model, swing.parameter, swing.high, lang))


def _cost_words(model: InvestModel, lang: str) -> str:
    s = model.scenario
    assert s is not None
    total = s.upfront.mid + s.yearly.mid * s.cost_years
    if s.yearly.mid == 0:
        return format_money(total, lang)
    if s.upfront.mid == 0:
        return t("invest_cost_yearly", lang, total=format_money(total, lang),
                 years=str(s.cost_years))
    return t("invest_cost_both", lang, total=format_money(total, lang),
             upfront=format_money(s.upfront.mid, lang),
             yearly=format_money(s.yearly.mid, lang), years=str(s.cost_years))


def invest_headline(model: InvestModel, lang: str) -> str:
    """The scenario in plain words: cost, effect, area, when it is repaid at which rate, and
    how sure that is; in natural units where no money value is known."""
    s, e, sim = model.scenario, model.evaluation, model.simulation
    if s is None or e is None or sim is None or model.target is None:
        return ""
    verb = t("invest_raised" if model.labels.polarity == "higher_better" else "invest_lowered",
             lang)
    effect = _effect_text(model, s.effect.mid / model.per_change, lang)
    rate = f"{format_number(100 * s.rate.mid, lang, 1)} %"
    fields = {"cost": _cost_words(model, lang), "verb": verb,
              "indicator": model.labels.title, "area": model.target.name,
              "effect": effect, "rate": rate, "horizon": str(s.horizon)}
    if not math.isfinite(e.npv):
        total = t(f"nunit_total_{model.unit.kind}", lang) if model.unit else ""
        return t("invest_headline_units", lang, units=format_number(e.units, lang, 0),
                 unit=total, **fields)
    paid = t("invest_repaid", lang, year=str(e.break_even)) if e.break_even is not None \
        else t("invest_not_repaid", lang, horizon=str(s.horizon))
    if not _uncertain(model):
        return t("invest_headline_point", lang, paid=paid, **fields)
    return t("invest_headline", lang, paid=paid, p=probability(sim.p_positive, lang), **fields)


def probability(p: float, lang: str) -> str:
    """A share of the draws as a percent, never rounded to a certainty it is not: '> 99 %'
    unless every draw agrees."""
    if 0.99 < p < 1:
        return "> 99 %"
    if 0 < p < 0.01:
        return "< 1 %"
    return f"{format_number(100 * p, lang, 0)} %"


def invest_results(model: InvestModel, lang: str) -> list[str]:
    """The results after the headline: present values, NPV, BCR, cost per unit, the
    interval of the simulation and who gains."""
    s, e, sim = model.scenario, model.evaluation, model.simulation
    if s is None or e is None or sim is None:
        return []
    unit = unit_words(model, lang)
    total = t(f"nunit_total_{model.unit.kind}", lang) if model.unit else unit
    lines = [t("invest_units_gained", lang, units=format_number(e.units, lang, 0), unit=total,
               cpu=format_money(e.cost_per_unit, lang))]
    if math.isfinite(e.npv):
        lines.append(t("invest_values", lang, costs=format_money(e.pv_costs, lang),
                       benefits=format_money(e.pv_benefits, lang),
                       npv=format_money(e.npv, lang), bcr=format_number(e.bcr, lang, 2)))
        lines.append(t("invest_interval", lang, n=format_number(sim.draws, lang, 0),
                       low=format_money(sim.low, lang), high=format_money(sim.high, lang),
                       seed=str(sim.seed)) if _uncertain(model) else t("invest_no_ranges", lang))
        if e.break_even is not None and not e.stays_repaid:
            lines.append(t("invest_not_stays", lang))
    else:
        lines.append(t("invest_need_value", lang, unit=unit))
    if model.gains:
        lines.append(t("invest_gains", lang, parts=join_names(
            [f"{decapitalise(t(f'invest_party_{p}', lang))} {format_money(g, lang)}"
             for p, g in zip(PARTIES, model.gains, strict=True)], lang)))
    return lines


def _span_shown(model: InvestModel, parameter: str, span: Span, lang: str) -> str:
    mid = parameter_value(model, parameter, span.mid, lang)
    if not span.ranged():
        return mid
    return t("invest_span", lang, mid=mid, low=parameter_value(model, parameter, span.low, lang),
             high=parameter_value(model, parameter, span.high, lang))


def invest_assumptions(model: InvestModel, lang: str) -> tuple[tuple[str, float | str, str], ...]:
    """Every input the view's numbers rest on: (label, number or text, as shown)."""
    rows: list[tuple[str, float | str, str]] = [
        (t("invest_a_indicator", lang), model.labels.title,
         f"{model.labels.title} ({model.labels.subtitle})"),
        (t("invest_a_reference", lang), model.ref, invest_reference(model, lang)),
    ]
    money = model.money
    source = t("invest_own_value", lang) if money.own else (
        f"{money.cited.publisher}, {money.cited.title} ({money.cited.year})"
        if money.cited is not None and money.cited.known else t("invest_no_value", lang))
    s = model.scenario
    if s is None or model.target is None:
        rows.append((t("invest_a_value", lang, unit=unit_words(model, lang)), money.span.mid,
                     f"{format_money(money.span.mid, lang)}; {source}"))
        return tuple(rows)
    rows += [
        (t("invest_a_area", lang), model.target.code, model.target.name),
        (t("invest_a_people", lang), s.people, format_number(s.people, lang, 0)),
        (t("invest_a_per_change", lang), model.per_change,
         format_number(model.per_change, lang, 4)),
        (t("invest_a_start", lang), float(s.start), str(s.start)),
        (t("invest_a_cost_years", lang), float(s.cost_years), str(s.cost_years)),
        (t("invest_a_horizon", lang), float(s.horizon), str(s.horizon)),
        (t("invest_a_draws", lang), float(model.simulation.draws if model.simulation else 0),
         t("invest_a_draws_how", lang)),
        (t("invest_a_seed", lang), float(model.simulation.seed if model.simulation else 0),
         str(model.simulation.seed if model.simulation else "")),
    ]
    for name in PARAMETERS:
        span: Span = getattr(s, name)
        label = t(f"invest_param_{name}", lang)
        shown = _span_shown(model, name, span, lang)
        if name == "rate" and model.rate_cited is not None and model.rate_cited.known:
            shown += f"; {model.rate_cited.publisher} ({model.rate_cited.year})"
        if name == "value":
            label = t("invest_a_value", lang, unit=unit_words(model, lang))
            shown += f"; {source}"
        scale = 1 / model.per_change if name == "effect" else 100.0 \
            if name in ("decay", "rate") else 1.0
        for part, value in (("low", span.low), ("mid", span.mid), ("high", span.high)):
            rows.append((f"{label} ({t(f'invest_part_{part}', lang)})", value * scale, shown))
    for party, share in zip(PARTIES, model.shares, strict=False):
        rows.append((t("invest_a_share", lang, party=t(f"invest_party_{party}", lang)),
                     100 * share, f"{format_number(100 * share, lang, 0)} %"))
    return tuple(rows)


def listed_assumptions(rows: tuple[tuple[str, float | str, str], ...], lang: str) -> list[str]:
    """The assumptions as a reader reads them: one line each, a range on one line (the
    workbook keeps low, likely and high apart)."""
    ends = tuple(f"({t(k, lang)})" for k in ("invest_part_low", "invest_part_high"))
    likely = f" ({t('invest_part_mid', lang)})"
    return [f"{label.removesuffix(likely)}: {shown}" for label, _value, shown in rows
            if not label.endswith(ends)]


def invest_alt(model: InvestModel, chart: str, lang: str) -> str:
    """The text description of one of the view's charts."""
    if chart == "gapcost":
        top = sorted((r for r in model.rows if r.units > 0), key=lambda r: -r.units)[:3]
        return " ".join([gap_cost_sentence(model, lang), t("invest_alt_top", lang, areas=join_names(
            [f"{r.name} ({format_number(r.units, lang, 0)})" for r in top], lang))])
    if chart == "tornado" and model.swings:
        first = model.swings[0]
        return t("invest_alt_tornado", lang, name=parameter_range(model, first, lang),
                 low=format_money(first.npv_low, lang), high=format_money(first.npv_high, lang))
    if chart == "simulation" and model.simulation is not None:
        sim = model.simulation
        return t("invest_alt_simulation", lang, n=format_number(sim.draws, lang, 0),
                 p=probability(sim.p_positive, lang),
                 low=format_money(sim.low, lang), high=format_money(sim.high, lang))
    if chart == "gains":
        return invest_results(model, lang)[-1]
    return invest_headline(model, lang)
