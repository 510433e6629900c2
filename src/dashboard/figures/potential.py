"""What closing the gap would mean: the gain if every area reached the best area's level.

Population attributable risk and fraction (WHO HEAT, reference = the best area) and, for
life expectancy, the life-years the gap implies (a person-years reading of the Malmö
Commission's call to weigh social investment by its health gain) come from
`measures.potential`; where only the total population is known for a sex-specific value,
half of it is used, and said so. The gain is measured from the areas' population-weighted
mean (which the sentence names beside the city's published figure), and the life-years are
rounded to two significant figures: the inputs (values to a tenth of a year, populations of
another year, halved by assumption) support no more.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from dashboard.core.geometry import ShapeSet
from dashboard.core.i18n import format_number
from dashboard.core.texts import decapitalise, t
from dashboard.core.viewstate import ViewState
from dashboard.figures import style
from dashboard.figures.gaps import gap_panel
from dashboard.figures.labels import ViewLabels, area_names, view_labels
from dashboard.figures.parts import ChartData
from dashboard.measures.intervals import se_from_ci
from dashboard.measures.potential import potential_gain, round_significant
from dashboard.store import query
from dashboard.store.dataset import Dataset

LIFE_YEARS_UNIT = "years"
LIFE_YEARS_DIGITS = 2  # significant figures of the life-years


@dataclass(frozen=True)
class PotentialRow:
    """One area's distance to the best area and its population (NaN: unknown)."""

    code: str
    name: str
    gap: float
    population: float


@dataclass(frozen=True, kw_only=True)
class PotentialData(ChartData):
    """Each area's distance to the best, PAR and PAF with CIs and their methods, the
    population-weighted mean they start from and the city's published value (NaN: unknown),
    and the life-years rounded to LIFE_YEARS_DIGITS significant figures (NaN unless the
    indicator is in years)."""

    labels: ViewLabels
    best: str
    best_name: str
    best_value: float
    rows: tuple[PotentialRow, ...]
    par: float
    par_ci: tuple[float, float]
    paf: float
    paf_ci: tuple[float, float]
    methods: tuple[str, str]
    life_years: float
    halved: bool
    mean: float
    city_value: float


def potential_data(ds: Dataset, state: ViewState, _boundaries: dict[str, ShapeSet] | None = None
                   ) -> PotentialData | None:
    """PAR/PAF and per-area gains for the view; None with fewer than two areas."""
    labels = view_labels(ds, state)
    values = query.view_values(ds, state).dropna(subset=["value"])
    if len(values) < 2:
        return None
    codes = list(values["area_code"])
    weights = query.population_weights(ds, codes)
    pop = np.array([weights.get(c, np.nan) for c in codes], dtype=float)
    halved = state.sex != "total"
    years = query.indicator_info(ds, state.indicator)["unit"] == LIFE_YEARS_UNIT
    gain = potential_gain(
        values["value"].to_numpy(float),
        se_from_ci(values["ci_low"].to_numpy(float), values["ci_high"].to_numpy(float)),
        pop, higher_better=labels.polarity != "lower_better", scale=labels.scale,
        years=years, halved=halved)
    names = area_names(ds, codes, state.lang)
    best = codes[gain.best]
    heading = t("potential_heading", state.lang, best=names[best])
    refs = query.reference_values(ds, state)
    city = refs[refs["level"] == "kommun"]["value"].dropna()
    return PotentialData(
        lang=state.lang, heading=heading,
        title=f"{labels.title}: {decapitalise(heading)}", subtitle=labels.subtitle,
        source_ids=tuple(str(s) for s in values["source_id"]), gaps=gap_panel(ds, state),
        labels=labels, best=best, best_name=names[best],
        best_value=float(values["value"].iloc[gain.best]),
        rows=tuple(PotentialRow(c, names[c], g, float(p))
                   for c, g, p in zip(codes, gain.gaps, pop, strict=True)),
        par=gain.par.estimate, par_ci=(gain.par.ci_lb, gain.par.ci_ub),
        paf=gain.paf.estimate, paf_ci=(gain.paf.ci_lb, gain.paf.ci_ub),
        methods=(gain.par.method, gain.paf.method),
        life_years=round_significant(gain.life_years, LIFE_YEARS_DIGITS), halved=halved,
        mean=gain.mean, city_value=float(city.iloc[0]) if len(city) else math.nan)


def draw_potential(data: PotentialData, lang: str) -> style.FigureSpec:
    """Each area's distance to the best area, largest at the top."""
    labels = data.labels
    rows = sorted(data.rows, key=lambda r: r.gap)
    gaps = [r.gap for r in rows]
    layout = style.base_layout(lang, max(260, 34 * len(rows) + 80))
    layout.update(xaxis={"title": {"text": labels.diff_unit}, "gridcolor": "#e5e7eb",
                         "rangemode": "tozero"},
                  yaxis={"automargin": True, "fixedrange": True},
                  margin={"l": 10, "r": 30, "t": 10, "b": 40})
    return {"data": [{
        "type": "bar", "orientation": "h", "x": gaps, "y": [r.name for r in rows],
        "marker": {"color": style.colours_for(gaps, 0.0, max(gaps) or 1.0, "lower_better")},
        "text": [labels.number(g) for g in gaps], "textposition": "outside",
        "cliponaxis": False, "hovertemplate": "%{y}: %{x}<extra></extra>",
        "showlegend": False}], "layout": layout}


def potential_table(data: PotentialData) -> tuple[tuple[str, ...], list[list[str]]]:
    """Area, distance to the best, population."""
    lang = data.lang
    return ((t("area", lang), t("gap_to_best", lang), t("population", lang)),
            [[r.name, data.labels.number(r.gap), format_number(r.population, lang, 0)]
             for r in data.rows])
