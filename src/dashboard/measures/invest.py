"""Cost-benefit arithmetic for judging preventive social spending as an investment.

The Malmö Commission (Kommission för ett socialt hållbart Malmö, 2010-2013) asked that
preventive social spending be weighed as a social investment. This module does the
arithmetic: costs and effects by year, their present values, net present value (NPV),
benefit-cost ratio (BCR), break-even year, cost per unit of effect, one-way sensitivity
(tornado) and a Monte Carlo simulation over parameter ranges. Pure numpy; no I/O.

Conventions
- Years t = 0..horizon. The up-front cost falls at t = 0 and is not discounted. The yearly
  cost falls at the end of each of years 1..cost_years.
- Effects fall at the end of years start..horizon: full size in year `start`, then shrinking
  by the share `decay` a year, so the share of the full effect in year t is
  (1 - decay) ** (t - start), and 0 before `start`.
- Units gained in year t = people x effect x share_t; benefits in money = units x value.
- Discount factor for year t = 1 / (1 + r) ** t with r the real discount rate (HM Treasury,
  The Green Book, 2022, Annex A6 "Discounting": a real social time preference rate of 3.5%
  for the first 30 years, https://www.gov.uk/government/publications/the-green-book-
  appraisal-and-evaluation-in-central-governent; the rate restated in HM Treasury, "Review
  of discounting in the Green Book: Terms of Reference", 2025, https://www.gov.uk/
  government/publications/green-book-discount-rate-review-2026/review-of-discounting-in-
  the-green-book-terms-of-reference). One constant rate is used for every year.
- NPV = PV(benefits) - PV(costs); BCR = PV(benefits) / PV(costs), NaN without costs.
- Natural units are discounted at the same rate as money, as health economics does (NICE,
  "NICE health technology evaluations: the manual", PMG36, 2022, section 4.5
  "Discounting": costs and health effects at the same annual rate, currently 3.5%,
  https://www.nice.org.uk/process/pmg36/chapter/economic-evaluation). Cost per unit =
  PV(costs) / PV(units).
- Break-even year: the first t at which cumulative discounted benefits >= cumulative
  discounted costs while cumulative costs are above 0; None if that never happens within
  the horizon. `stays_repaid` says whether the balance stays >= 0 from then to the horizon.
- A NaN money value per unit makes every money result (benefits, NPV, BCR) NaN and the
  break-even year None; natural units and the cost per unit are still computed.
- Tornado: each ranged parameter is set to its low and then its high value with the others
  at their point values; sorted by the size of the NPV swing (one-way sensitivity analysis
  as the Green Book, 2022, asks of an appraisal).
- Monte Carlo: each ranged parameter is drawn independently from a triangular distribution
  (low, mode = point value, high) with numpy.random.default_rng(seed); the interval is the
  2.5th to 97.5th percentile of the simulated NPVs.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

PARAMETERS: tuple[str, ...] = ("upfront", "yearly", "effect", "decay", "rate", "value")
MAX_HORIZON = 100
_REL_TOL = 1e-12


@dataclass(frozen=True)
class Span:
    """A parameter's point value and its low-high range (low <= mid <= high).

    All three NaN means "unknown" (allowed for the money value per unit only).
    """

    mid: float
    low: float
    high: float

    def __post_init__(self) -> None:
        values = (self.mid, self.low, self.high)
        if all(math.isnan(v) for v in values):
            return
        if any(math.isnan(v) for v in values):
            raise ValueError("A range must give all of low, point value and high, or none.")
        if not self.low <= self.mid <= self.high:
            raise ValueError(
                f"A range needs low <= point value <= high; got {self.low}, {self.mid}, "
                f"{self.high}."
            )

    @classmethod
    def point(cls, x: float) -> Span:
        """A value without a range: low = mid = high = x."""
        return cls(x, x, x)

    def ranged(self) -> bool:
        """True when the range is wider than a point."""
        return self.low < self.high


@dataclass(frozen=True)
class Scenario:
    """One investment: its costs, target group, effect, horizon, discount rate and value."""

    upfront: Span
    yearly: Span
    cost_years: int
    people: float
    effect: Span
    start: int
    decay: Span
    horizon: int
    rate: Span
    value: Span

    def __post_init__(self) -> None:
        for name in ("upfront", "yearly", "effect", "decay", "rate"):
            if math.isnan(getattr(self, name).mid):
                raise ValueError(f"The parameter '{name}' needs a value.")
        if not 1 <= self.horizon <= MAX_HORIZON:
            raise ValueError(f"The horizon must be 1 to {MAX_HORIZON} years; got {self.horizon}.")
        if not 1 <= self.start <= self.horizon:
            raise ValueError(
                f"The first year with an effect must be 1 to the horizon ({self.horizon}); "
                f"got {self.start}."
            )
        if not 0 <= self.cost_years <= self.horizon:
            raise ValueError(
                f"The years with a yearly cost must be 0 to the horizon ({self.horizon}); "
                f"got {self.cost_years}."
            )
        if not self.people >= 0:
            raise ValueError(f"The target group cannot be negative; got {self.people}.")
        if not (self.decay.low >= 0 and self.decay.high <= 1):
            raise ValueError("The yearly loss of effect must lie between 0 and 1.")
        if not self.rate.low > -1:
            raise ValueError("The discount rate must be above -100%.")


@dataclass(frozen=True, eq=False)
class Flows:
    """Yearly flows at the point values, arrays of length horizon + 1 (years 0..horizon)."""

    years: np.ndarray
    costs: np.ndarray
    units: np.ndarray
    benefits: np.ndarray
    discount: np.ndarray


@dataclass(frozen=True)
class Evaluation:
    """Present values, NPV, BCR, break-even and cost per unit at the point values."""

    pv_costs: float
    pv_benefits: float
    npv: float
    bcr: float
    break_even: int | None
    stays_repaid: bool
    units: float
    pv_units: float
    cost_per_unit: float


@dataclass(frozen=True)
class Swing:
    """NPV with one parameter at its low and at its high value, the others at their points."""

    parameter: str
    low: float
    high: float
    npv_low: float
    npv_high: float


@dataclass(frozen=True, eq=False)
class Simulation:
    """Monte Carlo NPVs: share above 0, median and 2.5th-97.5th percentile interval."""

    draws: int
    seed: int
    p_positive: float
    low: float
    median: float
    high: float
    npv: np.ndarray


def discount_factors(rate: float | np.ndarray, horizon: int) -> np.ndarray:
    """1 / (1 + rate) ** t for t = 0..horizon; shape rate.shape + (horizon + 1,)."""
    r = np.asarray(rate, dtype=float)[..., np.newaxis]
    years = np.arange(horizon + 1, dtype=float)
    return np.power(1.0 + r, -years)


def present_value(flows: np.ndarray, rate: float | np.ndarray) -> np.ndarray:
    """Sum over the last axis of flows[..., t] / (1 + rate) ** t."""
    flows = np.asarray(flows, dtype=float)
    factors = discount_factors(rate, flows.shape[-1] - 1)
    return np.asarray(np.sum(flows * factors, axis=-1))


def effect_path(start: int, decay: float | np.ndarray, horizon: int) -> np.ndarray:
    """Share of the full effect in each year t = 0..horizon: 0 before `start`, then
    (1 - decay) ** (t - start); shape decay.shape + (horizon + 1,)."""
    keep = 1.0 - np.asarray(decay, dtype=float)[..., np.newaxis]
    since = np.arange(horizon + 1, dtype=float) - start
    return np.where(since >= 0, np.power(keep, np.maximum(since, 0.0)), 0.0)


def _cost_path(upfront: float, yearly: float, cost_years: int, horizon: int) -> np.ndarray:
    costs = np.zeros(horizon + 1)
    costs[0] = upfront
    costs[1 : cost_years + 1] = yearly
    return costs


def flows(s: Scenario) -> Flows:
    """The yearly costs, units gained and benefits of `s` at its point values."""
    years = np.arange(s.horizon + 1)
    costs = _cost_path(s.upfront.mid, s.yearly.mid, s.cost_years, s.horizon)
    units = s.people * s.effect.mid * effect_path(s.start, s.decay.mid, s.horizon)
    benefits = units * s.value.mid
    discount = discount_factors(s.rate.mid, s.horizon)
    return Flows(years=years, costs=costs, units=units, benefits=benefits, discount=discount)


def _break_even(costs: np.ndarray, benefits: np.ndarray) -> tuple[int | None, bool]:
    """First year the cumulative discounted benefits reach the costs, and whether they stay."""
    if np.isnan(benefits).any():
        return None, False
    paid = np.cumsum(costs)
    gained = np.cumsum(benefits)
    covered = (gained >= paid * (1 - _REL_TOL)) & (paid > 0)
    if not covered.any():
        return None, False
    first = int(np.argmax(covered))
    repaid_after = gained[first:] >= paid[first:] * (1 - _REL_TOL)
    return first, bool(repaid_after.all())


def _ratio(numerator: float, denominator: float) -> float:
    return numerator / denominator if denominator != 0 else float("nan")


def evaluate(s: Scenario) -> Evaluation:
    """NPV, BCR, break-even and cost per unit of `s` at its point values."""
    f = flows(s)
    pv_costs = float(np.sum(f.costs * f.discount))
    pv_benefits = float(np.sum(f.benefits * f.discount))
    pv_units = float(np.sum(f.units * f.discount))
    break_even, stays = _break_even(f.costs * f.discount, f.benefits * f.discount)
    return Evaluation(
        pv_costs=pv_costs,
        pv_benefits=pv_benefits,
        npv=pv_benefits - pv_costs,
        bcr=_ratio(pv_benefits, pv_costs),
        break_even=break_even,
        stays_repaid=stays,
        units=float(np.sum(f.units)),
        pv_units=pv_units,
        cost_per_unit=_ratio(pv_costs, pv_units),
    )


def npv_vectorised(
    upfront: float | np.ndarray,
    yearly: float | np.ndarray,
    effect: float | np.ndarray,
    decay: float | np.ndarray,
    rate: float | np.ndarray,
    value: float | np.ndarray,
    *,
    cost_years: int,
    people: float,
    start: int,
    horizon: int,
) -> np.ndarray:
    """NPV for arrays of parameter values (broadcast together), one per draw.

    Uses the closed forms of the geometric sums (the yearly costs are an annuity, the
    decaying effect a geometric series), so it costs O(draws) rather than O(draws x years).
    """
    r = np.asarray(rate, dtype=float)
    d = np.asarray(decay, dtype=float)
    with np.errstate(divide="ignore"):
        log_v = -np.log1p(r)
        log_q = np.log1p(-d) + log_v
    annuity = np.exp(log_v) * _geometric_sum(log_v, cost_years)
    pv_path = np.exp(start * log_v) * _geometric_sum(log_q, horizon - start + 1)
    pv_costs = np.asarray(upfront, dtype=float) + np.asarray(yearly, dtype=float) * annuity
    gain = people * np.asarray(effect, dtype=float) * np.asarray(value, dtype=float)
    return np.asarray(gain * pv_path - pv_costs)


def _geometric_sum(log_ratio: np.ndarray, n: int) -> np.ndarray:
    """Sum of q ** k for k = 0..n-1 with log(q) given; exact for q = 1 (n) and q = 0 (1)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.expm1(n * log_ratio) / np.expm1(log_ratio)
    return np.where(log_ratio == 0, float(n), ratio)


def _npv_of(s: Scenario, values: dict[str, np.ndarray | float]) -> np.ndarray:
    return npv_vectorised(
        **values, cost_years=s.cost_years, people=s.people, start=s.start, horizon=s.horizon
    )


def tornado(s: Scenario) -> list[Swing]:
    """One-way sensitivity: each ranged parameter at its low and high, the others at their
    point values; largest NPV swing first (NaN swings last). Unranged parameters left out."""
    ranged = [p for p in PARAMETERS if getattr(s, p).ranged()]
    if not ranged:
        return []
    values: dict[str, np.ndarray | float] = {}
    for p in PARAMETERS:
        column = np.full(2 * len(ranged), getattr(s, p).mid)
        if p in ranged:
            i = ranged.index(p)
            column[2 * i] = getattr(s, p).low
            column[2 * i + 1] = getattr(s, p).high
        values[p] = column
    npv = _npv_of(s, values)
    swings = [
        Swing(p, getattr(s, p).low, getattr(s, p).high, float(npv[2 * i]), float(npv[2 * i + 1]))
        for i, p in enumerate(ranged)
    ]

    def size(w: Swing) -> float:
        width = abs(w.npv_high - w.npv_low)
        return -width if math.isfinite(width) else math.inf

    return sorted(swings, key=size)


def monte_carlo(s: Scenario, draws: int = 10_000, seed: int = 1) -> Simulation:
    """NPV over `draws` joint draws of the ranged parameters (independent triangular
    distributions, mode at the point value); the same seed gives the same result."""
    if draws < 1:
        raise ValueError(f"The number of draws must be at least 1; got {draws}.")
    rng = np.random.default_rng(seed)
    values: dict[str, np.ndarray | float] = {}
    for p in PARAMETERS:
        span: Span = getattr(s, p)
        if span.ranged():
            values[p] = rng.triangular(span.low, span.mid, span.high, draws)
        else:
            values[p] = np.full(draws, span.mid)
    npv = _npv_of(s, values)
    if np.isnan(npv).any():
        nan = float("nan")
        return Simulation(draws, seed, nan, nan, nan, nan, npv)
    low, median, high = np.percentile(npv, [2.5, 50.0, 97.5])
    return Simulation(
        draws, seed, float(np.mean(npv > 0)), float(low), float(median), float(high), npv
    )


def shares_of(pv_benefits: float, shares: Sequence[float]) -> np.ndarray:
    """Who gains: each party's share of the present value of the benefits.

    Shares are fractions (0.25 = a quarter); they may add up to less than 1 (the rest goes
    to parties not listed) but not more.
    """
    parts = np.asarray(shares, dtype=float)
    if not np.isfinite(parts).all():
        raise ValueError("Every share must be a number.")
    if (parts < 0).any():
        raise ValueError(f"A share cannot be negative; got {parts.min():g}.")
    total = float(parts.sum())
    if total > 1 + 1e-9:
        raise ValueError(f"The shares add up to {total:g}, more than the whole (1).")
    return parts * pv_benefits
