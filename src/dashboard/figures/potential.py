"""What closing the gap would mean: the gain if every area reached the best area's level.

Population attributable risk and fraction (WHO HEAT, reference = the best area) from the
measures engine, and each area's distance to the best. For life expectancy the distance
times the population is the life-years the gap implies (a person-years reading of the
Malmö Commission's call to weigh social investment by its health gain); where only the
total population is known for a sex-specific value, half of it is used, and said so.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from dashboard.core.i18n import format_number
from dashboard.core.texts import t
from dashboard.core.viewstate import ViewState
from dashboard.figures import style
from dashboard.figures.labels import area_names, view_labels
from dashboard.figures.parts import ChartParts, as_rows
from dashboard.measures import Subgroups, compute_all
from dashboard.store import query
from dashboard.store.dataset import Dataset

LIFE_YEARS_UNIT = "years"


@dataclass(frozen=True)
class Potential:
    best: str
    best_value: float
    codes: list[str]
    gaps: np.ndarray
    population: np.ndarray
    par: float
    par_ci: tuple[float, float]
    paf: float
    paf_ci: tuple[float, float]
    life_years: float
    halved: bool


def potential(ds: Dataset, state: ViewState) -> Potential | None:
    """PAR/PAF and per-area gains for the view; None with fewer than two areas."""
    labels = view_labels(ds, state)
    values = query.view_values(ds, state).dropna(subset=["value"])
    if len(values) < 2:
        return None
    codes = list(values["area_code"])
    weights = query.population_weights(ds, codes)
    pop = np.array([weights.get(c, np.nan) for c in codes], dtype=float)
    y = values["value"].to_numpy(float)
    higher_better = labels.polarity != "lower_better"
    best_i = int(np.argmax(y) if higher_better else np.argmin(y))
    gaps = (y[best_i] - y) if higher_better else (y - y[best_i])
    se = ((values["ci_high"] - values["ci_low"]) / (2 * 1.96)).to_numpy(float)
    groups = Subgroups(estimate=y, se=se, population=pop, favourable=higher_better,
                       scale=labels.scale)
    par, paf = compute_all(groups, ("par", "paf"))
    halved = state.sex != "total"
    people = pop / 2 if halved else pop
    life_years = float(np.nansum(gaps * people)) \
        if query.indicator_info(ds, state.indicator)["unit"] == LIFE_YEARS_UNIT and \
        not np.isnan(pop).all() else math.nan
    return Potential(codes[best_i], float(y[best_i]), codes, gaps, pop, par.estimate,
                     (par.ci_lb, par.ci_ub), paf.estimate, (paf.ci_lb, paf.ci_ub), life_years,
                     halved)


def potential_figure(ds: Dataset, state: ViewState, pot: Potential) -> style.FigureSpec:
    """Each area's distance to the best area, largest at the top."""
    labels = view_labels(ds, state)
    names = area_names(ds, pot.codes, state.lang)
    order = np.argsort(pot.gaps)
    layout = style.base_layout(state.lang, max(260, 34 * len(pot.codes) + 80))
    layout.update(xaxis={"title": {"text": labels.diff_unit}, "gridcolor": "#e5e7eb",
                         "rangemode": "tozero"},
                  yaxis={"automargin": True, "fixedrange": True},
                  margin={"l": 10, "r": 30, "t": 10, "b": 40})
    return {"data": [{
        "type": "bar", "orientation": "h", "x": [float(pot.gaps[i]) for i in order],
        "y": [names[pot.codes[i]] for i in order],
        "marker": {"color": style.colours_for([float(pot.gaps[i]) for i in order], 0.0,
                                              float(pot.gaps.max()) or 1.0, "lower_better")},
        "text": [labels.number(float(pot.gaps[i])) for i in order], "textposition": "outside",
        "cliponaxis": False, "hovertemplate": "%{y}: %{x}<extra></extra>",
        "showlegend": False}], "layout": layout}


def potential_parts(ds: Dataset, state: ViewState, _boundaries) -> ChartParts | None:
    """Each area's distance to the best, with population, and the reading as alt text."""
    pot = potential(ds, state)
    if pot is None:
        return None
    labels = view_labels(ds, state)
    names = area_names(ds, pot.codes, state.lang)
    rows = [[names[c], labels.number(g), format_number(p, state.lang, 0)]
            for c, g, p in zip(pot.codes, pot.gaps, pot.population, strict=True)]
    return ChartParts(t("potential_heading", state.lang, best=names[pot.best]),
                      potential_figure(ds, state, pot), potential_sentence(ds, state, pot),
                      (t("area", state.lang), t("gap_to_best", state.lang),
                       t("population", state.lang)), as_rows(rows))


def potential_sentence(ds: Dataset, state: ViewState, pot: Potential) -> str:
    """What the city would gain: PAR and PAF against the best area, with CI if known."""
    labels = view_labels(ds, state)
    names = area_names(ds, [pot.best], state.lang)
    ci = "" if math.isnan(pot.par_ci[0]) else \
        f" ({t('ci', state.lang)} {labels.number(pot.par_ci[0])}–" \
        f"{labels.number(pot.par_ci[1])})"
    return t("potential_sentence", state.lang, best=names[pot.best],
             best_value=labels.with_unit(pot.best_value), par=labels.number(abs(pot.par)),
             unit=labels.diff_unit, ci=ci, paf=format_number(abs(pot.paf), state.lang, 1),
             direction=t("potential_up" if labels.polarity != "lower_better"
                         else "potential_down", state.lang))
