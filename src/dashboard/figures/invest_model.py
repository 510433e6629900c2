"""The social-investment view's numbers, computed once per view state.

First the yearly cost of the gap: each area's shortfall against a reference (the best area,
the city or Sweden) in natural units (`core.natural_units`), and in money where a value per
unit is known. Then the user's scenario for one area (`measures.invest`): costs, an effect
with its range, its fading, horizon and discount rate, evaluated at the likely values, moved
one at a time (tornado) and drawn at random (Monte Carlo). Every chart of the view, its
sentences and its exports read this one model.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd

from dashboard.core.natural_units import NaturalUnit, UnitValue, unit_for, unit_values
from dashboard.core.viewstate import ViewState, spread
from dashboard.figures.labels import ViewLabels, area_names, view_labels
from dashboard.measures.gapcost import relative_change, shortfall, units_per_person, yearly_units
from dashboard.measures.invest import (
    Evaluation,
    Flows,
    Scenario,
    Simulation,
    Span,
    Swing,
    evaluate,
    flows,
    monte_carlo,
    shares_of,
    tornado,
)
from dashboard.store import query
from dashboard.store.dataset import Dataset

PARTIES = ("municipality", "region", "state", "individuals")
# How the people an area's value counts were found (see `_bases`).
BASE_KINDS = ("denominator", "population", "registered", "halved")
DRAWS = 10_000
DEFAULT_SEED = 1
# The inputs a scenario cannot do without, by the text key that asks for them.
REQUIRED = (("cost", "invest_need_cost"), ("eff", "invest_need_effect"),
            ("hor", "invest_need_horizon"))


@dataclass(frozen=True)
class GapRow:
    """One area: its value, the reference, its shortfall, the people it counts, how the
    number of people was found ('denominator', 'population', 'registered', 'halved') and the
    units and money (NaN: unknown) the shortfall amounts to each year."""

    code: str
    name: str
    value: float
    reference: float
    gap: float
    base: float
    base_kind: str
    units: float
    money: float


@dataclass(frozen=True)
class Money:
    """The money per natural unit in use: likely, low and high (NaN: none), and whether the
    user set it (else it is the cited default, `cited`)."""

    span: Span
    own: bool
    cited: UnitValue | None


@dataclass(frozen=True)
class InvestModel:
    """Everything the view shows. `scenario` and what follows are None until the user has
    given what `missing` lists (text keys). `per_change` is the natural units per person
    that one unit of the indicator stands for in the target area."""

    labels: ViewLabels
    unit: NaturalUnit | None
    ref: str
    ref_name: str
    rows: tuple[GapRow, ...]
    money: Money
    target: GapRow | None
    rate: Span
    rate_cited: UnitValue | None
    missing: tuple[str, ...]
    per_change: float
    scenario: Scenario | None
    evaluation: Evaluation | None
    flows: Flows | None
    swings: tuple[Swing, ...]
    simulation: Simulation | None
    shares: tuple[float, ...]
    gains: tuple[float, ...]
    source_ids: tuple[str, ...]

    @property
    def total_units(self) -> float:
        """The units of all areas' shortfalls per year (NaN when none is known)."""
        known = [r.units for r in self.rows if math.isfinite(r.units)]
        return float(sum(known)) if known else float("nan")

    @property
    def total_money(self) -> float:
        """The same in money (NaN without a value per unit)."""
        return self.total_units * self.money.span.mid


def span_of(values: tuple[float, ...], scale: float = 1.0,
            default: Span | None = None) -> Span | None:
    """A state span ('likely' or 'low,likely,high') as a Span times `scale`; `default`
    when not given or out of order (the view says so)."""
    if not values or list(values) != sorted(values):
        return default
    low, mid, high = spread(values)
    return Span(mid * scale, low * scale, high * scale)


def _cited_span(cited: UnitValue | None, scale: float = 1.0) -> Span:
    if cited is None or not cited.known:
        return Span.point(float("nan"))
    low = cited.low if math.isfinite(cited.low) else cited.value
    high = cited.high if math.isfinite(cited.high) else cited.value
    return Span(cited.value * scale, low * scale, high * scale)


def _bases(ds: Dataset, values: pd.DataFrame, state: ViewState) -> tuple[np.ndarray, list[str]]:
    """The people each area's value counts: the observation's denominator, else its
    population, else the area's registered population (halved for one sex)."""
    registered = query.population_weights(ds, list(values["area_code"]))
    bases, kinds = [], []
    for row in values.itertuples():
        for kind, number in (("denominator", row.denominator), ("population", row.population)):
            if pd.notna(number) and number > 0:
                bases.append(float(number))
                kinds.append(kind)
                break
        else:
            people = registered.get(row.area_code, float("nan"))
            halved = state.sex != "total"
            bases.append(people / 2 if halved else people)
            kinds.append("halved" if halved else "registered")
    return np.array(bases, dtype=float), kinds


def _reference(ds: Dataset, state: ViewState, values: pd.DataFrame, higher_better: bool
               ) -> tuple[str, float, str]:
    """The reference asked for, its value and the area code it is (falls back to the best
    area where the city or Sweden has no value for the view)."""
    refs = query.reference_values(ds, state)
    levels = {"city": "kommun", "sweden": "riket"}
    if state.ref in levels:
        found = refs[refs["level"] == levels[state.ref]] if "level" in refs else refs.iloc[:0]
        if len(found) and pd.notna(found["value"].iloc[0]):
            return state.ref, float(found["value"].iloc[0]), str(found["area_code"].iloc[0])
    column = values["value"]
    best = column.idxmax() if higher_better else column.idxmin()
    return "best", float(column[best]), str(values["area_code"][best])


def _gap_rows(ds: Dataset, state: ViewState, unit: NaturalUnit | None, labels: ViewLabels
              ) -> tuple[tuple[GapRow, ...], str, str]:
    values = query.view_values(ds, state).dropna(subset=["value"]).reset_index(drop=True)
    if len(values) < 2 or labels.polarity not in ("higher_better", "lower_better"):
        return (), "best", ""
    higher = labels.polarity == "higher_better"
    ref, ref_value, ref_code = _reference(ds, state, values, higher)
    names = area_names(ds, [*values["area_code"], ref_code], state.lang)
    gaps = shortfall(values["value"], ref_value, higher)
    bases, kinds = _bases(ds, values, state)
    units = yearly_units(gaps, bases, unit.conversion, values["value"]) if unit \
        else np.full(len(values), np.nan)
    rows = tuple(GapRow(str(c), names.get(str(c), str(c)), float(v), ref_value, float(g),
                        float(b), k, float(u), float("nan"))
                 for c, v, g, b, k, u in zip(values["area_code"], values["value"], gaps,
                                            bases, kinds, units, strict=True))
    return rows, ref, names.get(ref_code, ref_code)


def _money(state: ViewState, unit: NaturalUnit | None) -> Money:
    cited = unit_values().get(unit.money) if unit and unit.money else None
    own = span_of(state.vpu)
    if own is not None:
        return Money(own, True, cited)
    return Money(_cited_span(cited), False, cited)


def _target(rows: tuple[GapRow, ...], state: ViewState) -> GapRow | None:
    chosen = next((r for r in rows if r.code == state.area), None)
    if chosen is not None or not rows:
        return chosen
    return max(rows, key=lambda r: (r.gap if math.isfinite(r.gap) else -1.0))


# The ranged inputs, by state field, with the text key of their label.
SPANS = {"vpu": "invest_param_value", "cost0": "invest_param_upfront",
         "costy": "invest_param_yearly", "eff": "invest_param_effect",
         "decay": "invest_param_decay", "rate": "invest_param_rate"}


def disordered(state: ViewState) -> tuple[str, ...]:
    """The ranged inputs whose low, likely and high are not in that order (label keys)."""
    return tuple(key for name, key in SPANS.items()
                 if list(getattr(state, name)) != sorted(getattr(state, name)))


def _missing(state: ViewState) -> tuple[str, ...]:
    given = {"cost": bool(state.cost0 or state.costy), "eff": bool(state.eff),
             "hor": bool(state.hor)}
    missing = tuple(key for name, key in REQUIRED if not given[name])
    if disordered(state):
        missing += ("invest_bad_low_high",)
    if sum(state.shares) > 100:
        missing += ("invest_bad_shares",)
    if state.decay and max(state.decay) > 100:
        missing += ("invest_bad_decay",)
    if state.start and state.hor and int(state.start) > int(state.hor):
        missing += ("invest_bad_start",)
    if state.cyrs and state.hor and int(state.cyrs) > int(state.hor):
        missing += ("invest_bad_cost_years",)
    return missing


def _scenario(state: ViewState, unit: NaturalUnit, target: GapRow, money: Money,
              rate: Span) -> Scenario | None:
    effect = span_of(state.eff)
    if effect is None:
        return None
    if state.effk == "rel":
        effect = Span(*(float(relative_change(e, target.value))
                        for e in (effect.mid, effect.low, effect.high)))
    per_person = Span(*(float(units_per_person(e, unit.conversion, target.value))
                        for e in (effect.mid, effect.low, effect.high)))
    people = float(state.people) if state.people else target.base
    zero = Span.point(0.0)
    return Scenario(
        upfront=span_of(state.cost0, default=zero) or zero,
        yearly=span_of(state.costy, default=zero) or zero,
        cost_years=int(state.cyrs or (1 if state.costy else 0)),
        people=people,
        effect=per_person,
        start=int(state.start or 1),
        decay=span_of(state.decay, 0.01, zero) or zero,
        horizon=int(state.hor),
        rate=Span(rate.mid / 100, rate.low / 100, rate.high / 100),
        value=money.span,
    )


@lru_cache(maxsize=64)
def invest_model(ds: Dataset, state: ViewState) -> InvestModel:
    """The view's numbers for a resolved view state (cached: both are immutable)."""
    labels = view_labels(ds, state)
    unit = unit_for(state.indicator)
    rows, ref, ref_name = _gap_rows(ds, state, unit, labels)
    money = _money(state, unit)
    rows = tuple(GapRow(**{**r.__dict__, "money": r.units * money.span.mid}) for r in rows)
    rate_cited = unit_values().get("discount_rate")
    rate = span_of(state.rate) or _cited_span(rate_cited)
    target = _target(rows, state)
    missing = _missing(state)
    scenario = None
    per_change = float(units_per_person(1.0, unit.conversion, target.value)) \
        if unit is not None and target is not None else float("nan")
    if unit is not None and target is not None and not missing:
        scenario = _scenario(state, unit, target, money, rate)
    evaluation = evaluate(scenario) if scenario else None
    shares = tuple(s / 100 for s in state.shares) if sum(state.shares) <= 100 else ()
    gains = tuple(float(g) for g in shares_of(evaluation.pv_benefits, shares)) \
        if evaluation is not None and shares else ()
    return InvestModel(
        labels=labels, unit=unit, ref=ref, ref_name=ref_name, rows=rows, money=money,
        target=target, rate=rate, rate_cited=rate_cited, missing=missing,
        per_change=per_change, scenario=scenario,
        evaluation=evaluation, flows=flows(scenario) if scenario else None,
        swings=tuple(tornado(scenario)) if scenario else (),
        simulation=monte_carlo(scenario, DRAWS, int(state.seed or DEFAULT_SEED))
        if scenario else None,
        shares=shares, gains=gains,
        source_ids=tuple(sorted(set(query.view_values(ds, state)["source_id"].dropna()))),
    )
