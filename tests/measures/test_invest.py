"""Cost-benefit arithmetic of the social-investment view: worked examples from published
sources, closed forms written out here, and properties any correct NPV must have."""

from __future__ import annotations

import math
from dataclasses import replace

import numpy as np
import pytest

from dashboard.measures.invest import (
    PARAMETERS,
    Scenario,
    Span,
    discount_factors,
    effect_path,
    evaluate,
    flows,
    monte_carlo,
    npv_vectorised,
    present_value,
    shares_of,
    tornado,
)

P = Span.point


def scenario(**changes: object) -> Scenario:
    """A small programme: 1 000 000 up front, 200 000 a year for 3 years, 500 people, two
    percentage points more employed from year 2, losing 10% of the effect a year."""
    base = Scenario(
        upfront=P(1_000_000.0), yearly=P(200_000.0), cost_years=3, people=500.0,
        effect=P(0.02), start=2, decay=P(0.1), horizon=30, rate=P(0.035),
        value=P(300_000.0),
    )  # fmt: skip
    return replace(base, **changes)  # type: ignore[arg-type]


def npv_at_mid(s: Scenario) -> float:
    return float(npv_vectorised(
        s.upfront.mid, s.yearly.mid, s.effect.mid, s.decay.mid, s.rate.mid, s.value.mid,
        cost_years=s.cost_years, people=s.people, start=s.start, horizon=s.horizon,
    ))  # fmt: skip


# --- Worked examples -------------------------------------------------------------------


def test_green_book_discount_factors_at_3_5_percent() -> None:
    # HM Treasury, "The Green Book: appraisal and evaluation in central government", 2022,
    # Annex A6 (Discounting): discount factor D_t = 1 / (1 + r)^t at the real social time
    # preference rate r = 3.5% for years 0-30.
    # https://www.gov.uk/government/publications/the-green-book-appraisal-and-evaluation-in-central-governent
    # Rate restated in HM Treasury, "Review of discounting in the Green Book: Terms of
    # Reference", 16 December 2025, section 1:
    # https://www.gov.uk/government/publications/green-book-discount-rate-review-2026/review-of-discounting-in-the-green-book-terms-of-reference
    # Four-decimal factors worked by hand: 1/1.035 = 0.9662, 1/1.035^10 = 0.7089,
    # 1/1.035^30 = 0.3563.
    factors = discount_factors(0.035, 30)
    assert factors.shape == (31,)
    assert factors[0] == 1.0
    assert round(float(factors[1]), 4) == 0.9662
    assert round(float(factors[10]), 4) == 0.7089
    assert round(float(factors[30]), 4) == 0.3563


def test_textbook_example_single_payment_six_years_on() -> None:
    # Fagbokforlaget (Norwegian textbook publisher), digital resource "Løsningsforslag c),
    # Kapittel 8": the cash flow (-104, 0, 0, 0, 0, 0, 104) (NOK billion) has a net present
    # value of -22 billion at 4% (rounded to whole billions).
    # https://finans.portfolio.no/read/fdc8626f-4d00-4a2b-80e1-e2e14d4eae21
    cash = np.array([-104.0, 0, 0, 0, 0, 0, 104.0])
    assert round(float(present_value(cash, 0.04))) == -22
    # The same flows as a scenario: 104 up front, one unit worth 104 in year 6 only.
    s = Scenario(
        upfront=P(104.0), yearly=P(0.0), cost_years=0, people=1.0, effect=P(1.0), start=6,
        decay=P(1.0), horizon=6, rate=P(0.04), value=P(104.0),
    )  # fmt: skip
    assert round(evaluate(s).npv) == -22
    assert evaluate(s).npv == pytest.approx(-104 + 104 / 1.04**6, rel=1e-12)


def test_annuity_example_from_finance_solution_docs() -> None:
    # finance-solution (Rust crate) documentation, module present_value_annuity, "Example":
    # 500 a period for 10 periods at 3.4%, paid at the end of each period, is worth
    # 4179.341028819192 today; closed form 500 * (1 - 1.034^-10) / 0.034.
    # https://docs.rs/finance-solution/latest/finance_solution/present_value_annuity/index.html
    s = Scenario(
        upfront=P(0.0), yearly=P(500.0), cost_years=10, people=1.0, effect=P(0.0), start=1,
        decay=P(0.0), horizon=10, rate=P(0.034), value=P(1.0),
    )  # fmt: skip
    assert evaluate(s).pv_costs == pytest.approx(4179.341028819192, rel=1e-12)
    assert evaluate(s).pv_costs == pytest.approx(500 * (1 - 1.034**-10) / 0.034, rel=1e-12)


def test_annuity_closed_form_for_yearly_costs() -> None:
    # Standard closed form: the present value of 1 a year at the end of years 1..n is
    # (1 - (1 + r)^-n) / r.
    s = scenario(effect=P(0.0), cost_years=7, horizon=20, rate=P(0.05))
    annuity = (1 - 1.05**-7) / 0.05
    assert evaluate(s).pv_costs == pytest.approx(1_000_000 + 200_000 * annuity, rel=1e-12)


def test_decaying_effect_matches_growing_perpetuity_closed_form() -> None:
    # Standard closed form for a flow B paid at the end of years 1..H and shrinking by d a
    # year (a growing annuity with growth -d): PV = B / (r + d) * (1 - q^H),
    # q = (1 - d) / (1 + r); as H grows this tends to the perpetuity B / (r + d).
    r, d, h = 0.035, 0.1, 40
    s = scenario(start=1, horizon=h, cost_years=0, rate=P(r), decay=P(d))
    units = 500 * 0.02
    q = (1 - d) / (1 + r)
    ev = evaluate(s)
    assert ev.pv_units == pytest.approx(units / (r + d) * (1 - q**h), rel=1e-12)
    assert ev.pv_benefits == pytest.approx(300_000 * units / (r + d) * (1 - q**h), rel=1e-12)
    # Undiscounted units: a geometric series, units * (1 - (1 - d)^H) / d.
    assert ev.units == pytest.approx(units * (1 - (1 - d) ** h) / d, rel=1e-12)


def test_cost_per_unit_discounts_units_like_costs() -> None:
    # NICE, "NICE health technology evaluations: the manual" (PMG36), 2022, section 4.5
    # (Discounting): costs and health effects discounted at the same annual rate.
    # https://www.nice.org.uk/process/pmg36/chapter/economic-evaluation
    s = scenario(start=1, decay=P(0.0), horizon=5, cost_years=0, yearly=P(0.0))
    pv_units = 10 * (1 - 1.035**-5) / 0.035  # 500 people x 0.02 = 10 units a year
    ev = evaluate(s)
    assert ev.units == pytest.approx(50.0)
    assert ev.pv_units == pytest.approx(pv_units, rel=1e-12)
    assert ev.cost_per_unit == pytest.approx(1_000_000 / pv_units, rel=1e-12)


# --- Flows and conventions -------------------------------------------------------------


def test_flows_follow_the_stated_timing() -> None:
    f = flows(scenario(horizon=6))
    assert list(f.years) == [0, 1, 2, 3, 4, 5, 6]
    assert list(f.costs) == [1_000_000, 200_000, 200_000, 200_000, 0, 0, 0]
    assert f.units == pytest.approx([0, 0, 10, 9, 8.1, 7.29, 6.561])
    assert f.benefits == pytest.approx(f.units * 300_000)
    assert f.discount == pytest.approx(1.035 ** -np.arange(7))


def test_effect_path_and_discount_factors_broadcast() -> None:
    assert effect_path(3, 0.5, 5) == pytest.approx([0, 0, 0, 1, 0.5, 0.25])
    assert effect_path(1, 1.0, 3) == pytest.approx([0, 1, 0, 0])
    paths = effect_path(2, np.array([0.0, 0.5]), 3)
    assert paths.shape == (2, 4)
    assert paths[1] == pytest.approx([0, 0, 1, 0.5])
    rates = np.array([[0.0, 0.1], [0.2, 0.3]])
    factors = discount_factors(rates, 4)
    assert factors.shape == (2, 2, 5)
    assert factors[1, 0, 2] == pytest.approx(1 / 1.2**2)
    flows_by_rate = present_value(np.ones(3), np.array([0.0, 1.0]))
    assert flows_by_rate == pytest.approx([3.0, 1 + 0.5 + 0.25])


def test_break_even_year_by_hand() -> None:
    # 100 up front; 30 a year from year 1 with no decay; no discounting:
    # cumulative benefits 30, 60, 90, 120 -> first reach 100 in year 4.
    s = Scenario(
        upfront=P(100.0), yearly=P(0.0), cost_years=0, people=1.0, effect=P(30.0), start=1,
        decay=P(0.0), horizon=10, rate=P(0.0), value=P(1.0),
    )  # fmt: skip
    ev = evaluate(s)
    assert ev.break_even == 4 and ev.stays_repaid
    assert ev.npv == pytest.approx(300 - 100)
    assert ev.bcr == pytest.approx(3.0)


def test_break_even_reported_even_when_later_costs_undo_it() -> None:
    # Costs 100 then 50 in years 1-3 (cumulative 100, 150, 200, 250); one benefit of 200 in
    # year 1 (decay 1): covered in year 1 (200 >= 150), short again in year 3 (200 < 250).
    s = Scenario(
        upfront=P(100.0), yearly=P(50.0), cost_years=3, people=1.0, effect=P(200.0),
        start=1, decay=P(1.0), horizon=5, rate=P(0.0), value=P(1.0),
    )  # fmt: skip
    ev = evaluate(s)
    assert ev.break_even == 1
    assert not ev.stays_repaid
    assert ev.npv == pytest.approx(-50.0)


def test_break_even_none_when_benefits_never_cover_costs() -> None:
    ev = evaluate(scenario(value=P(1_000.0)))
    assert ev.npv < 0
    assert ev.break_even is None and not ev.stays_repaid


def test_no_costs_gives_nan_ratio_and_no_break_even() -> None:
    ev = evaluate(scenario(upfront=P(0.0), yearly=P(0.0)))
    assert ev.pv_costs == 0 and ev.npv == pytest.approx(ev.pv_benefits)
    assert math.isnan(ev.bcr)
    assert ev.break_even is None


# --- Properties ------------------------------------------------------------------------


def test_a_later_benefit_is_worth_less() -> None:
    single = np.zeros((2, 11))
    single[0, 4] = single[1, 5] = 1.0
    now, later = present_value(single, 0.035)
    assert later < now
    values = [evaluate(scenario(start=t)).pv_benefits for t in range(1, 10)]
    assert np.all(np.diff(values) < 0)


def test_npv_falls_as_the_rate_rises_when_costs_come_first() -> None:
    s = scenario(yearly=P(0.0), cost_years=0)
    rates = np.linspace(0.0, 0.12, 13)
    npvs = [evaluate(replace(s, rate=P(float(r)))).npv for r in rates]
    assert np.all(np.diff(npvs) < 0)
    drawn = npv_vectorised(
        1e6, 0.0, 0.02, 0.1, rates, 3e5, cost_years=0, people=500, start=2, horizon=30
    )
    assert np.all(np.diff(drawn) < 0)


def test_zero_effect_gives_minus_the_costs() -> None:
    ev = evaluate(scenario(effect=P(0.0)))
    annuity = (1 - 1.035**-3) / 0.035
    assert ev.npv == pytest.approx(-(1_000_000 + 200_000 * annuity), rel=1e-12)
    assert ev.npv == pytest.approx(-ev.pv_costs)
    assert ev.units == 0 and math.isnan(ev.cost_per_unit)


@pytest.mark.parametrize("value", [300_000.0, 1_000.0, 120_000.0])
def test_results_do_not_depend_on_the_currency_scale(value: float) -> None:
    s = scenario(value=P(value))
    k = 1000.0
    big = replace(s, upfront=P(s.upfront.mid * k), yearly=P(s.yearly.mid * k), value=P(value * k))
    a, b = evaluate(s), evaluate(big)
    assert b.npv == pytest.approx(a.npv * k, rel=1e-12)
    assert b.bcr == pytest.approx(a.bcr, rel=1e-12)
    assert b.break_even == a.break_even and b.stays_repaid == a.stays_repaid
    assert b.pv_units == pytest.approx(a.pv_units, rel=1e-12)


@pytest.mark.parametrize(
    "changes",
    [
        {},
        {"decay": P(0.0)},
        {"decay": P(1.0)},
        {"rate": P(0.0)},
        {"rate": P(0.0), "decay": P(0.0)},
        {"start": 1, "cost_years": 0, "horizon": 1},
        {"start": 30, "cost_years": 30},
        {"rate": P(0.07), "decay": P(0.35), "horizon": 100, "cost_years": 10},
    ],
)
def test_vectorised_npv_agrees_with_evaluate(changes: dict[str, object]) -> None:
    s = scenario(**changes)
    assert npv_at_mid(s) == pytest.approx(evaluate(s).npv, rel=1e-9, abs=1e-6)


def test_unknown_money_value_gives_nan_money_results_but_units() -> None:
    s = scenario(value=P(float("nan")), effect=Span(0.02, 0.01, 0.03))
    ev = evaluate(s)
    assert math.isnan(ev.pv_benefits) and math.isnan(ev.npv) and math.isnan(ev.bcr)
    assert ev.break_even is None and not ev.stays_repaid
    assert math.isfinite(ev.units) and ev.units > 0
    assert ev.pv_units == pytest.approx(evaluate(scenario()).pv_units)
    assert ev.cost_per_unit == pytest.approx(ev.pv_costs / ev.pv_units)
    assert math.isnan(npv_at_mid(s))
    sim = monte_carlo(s, draws=200)
    assert math.isnan(sim.p_positive) and math.isnan(sim.median)
    assert all(math.isnan(w.npv_low) and math.isnan(w.npv_high) for w in tornado(s))


# --- Tornado ---------------------------------------------------------------------------


def test_tornado_leaves_out_unranged_and_sorts_by_swing() -> None:
    s = scenario(
        effect=Span(0.02, 0.01, 0.03), rate=Span(0.035, 0.03, 0.04),
        upfront=Span(1e6, 0.9e6, 1.1e6),
    )  # fmt: skip
    swings = tornado(s)
    assert len(swings) == 3
    assert {w.parameter for w in swings} == {"effect", "rate", "upfront"}
    sizes = [abs(w.npv_high - w.npv_low) for w in swings]
    assert sizes == sorted(sizes, reverse=True)
    up = next(w for w in swings if w.parameter == "upfront")
    # The up-front cost moves NPV one for one.
    assert up.npv_low - up.npv_high == pytest.approx(0.2e6)
    assert up.npv_low == pytest.approx(evaluate(replace(s, upfront=P(0.9e6))).npv)
    assert tornado(scenario()) == []


def test_tornado_swing_for_the_effect_grows_with_its_range() -> None:
    def effect_swing(width: float) -> float:
        s = scenario(effect=Span(0.02, 0.02 - width, 0.02 + width))
        (w,) = tornado(s)
        return abs(w.npv_high - w.npv_low)

    widths = [0.001, 0.005, 0.01, 0.02]
    swings = [effect_swing(w) for w in widths]
    assert np.all(np.diff(swings) > 0)
    # NPV is linear in the effect: the swing is 2 x width x people x value x PV(path).
    path_pv = evaluate(scenario()).pv_units / (500 * 0.02)
    assert swings[1] == pytest.approx(2 * 0.005 * 500 * 300_000 * path_pv, rel=1e-9)


# --- Monte Carlo -----------------------------------------------------------------------


def ranged_scenario() -> Scenario:
    return scenario(
        upfront=Span(1e6, 0.8e6, 1.3e6), effect=Span(0.02, 0.005, 0.04),
        decay=Span(0.1, 0.0, 0.3), rate=Span(0.035, 0.01, 0.05), value=Span(3e5, 2e5, 4e5),
    )  # fmt: skip


def test_monte_carlo_is_reproducible_with_a_seed() -> None:
    a = monte_carlo(ranged_scenario(), draws=2_000, seed=7)
    b = monte_carlo(ranged_scenario(), draws=2_000, seed=7)
    c = monte_carlo(ranged_scenario(), draws=2_000, seed=8)
    assert np.array_equal(a.npv, b.npv) and a.median == b.median
    assert not np.array_equal(a.npv, c.npv)
    assert a.npv.shape == (2_000,) and a.draws == 2_000 and a.seed == 7
    assert a.low < a.median < a.high
    assert a.low == pytest.approx(np.percentile(a.npv, 2.5))
    assert a.high == pytest.approx(np.percentile(a.npv, 97.5))


def test_p_positive_is_one_when_every_draw_pays() -> None:
    s = replace(ranged_scenario(), effect=Span(0.03, 0.02, 0.04), decay=Span(0.0, 0.0, 0.1))
    sim = monte_carlo(s, draws=5_000)
    assert sim.npv.min() > 0
    assert sim.p_positive == 1.0
    loss = monte_carlo(replace(s, value=Span(10.0, 5.0, 20.0)), draws=5_000)
    assert loss.p_positive == 0.0


def test_unranged_scenario_has_no_spread() -> None:
    sim = monte_carlo(scenario(), draws=100)
    npv = evaluate(scenario()).npv
    assert sim.npv == pytest.approx(np.full(100, npv), rel=1e-9)
    assert sim.low == pytest.approx(npv) and sim.high == pytest.approx(npv)


def test_draws_follow_the_triangular_mean() -> None:
    # Only the value is ranged, and NPV is linear in it, so the mean NPV is
    # gain x mean(value) - PV(costs) with the triangular mean (low + mode + high) / 3.
    s = scenario(value=Span(3e5, 1e5, 8e5))
    sim = monte_carlo(s, draws=20_000, seed=3)
    base = evaluate(scenario(value=P(1.0)))
    expected = base.pv_benefits * (1e5 + 3e5 + 8e5) / 3 - base.pv_costs
    spread = base.pv_benefits * math.sqrt(
        (1e5**2 + 3e5**2 + 8e5**2 - 1e5 * 3e5 - 1e5 * 8e5 - 3e5 * 8e5) / 18
    )
    assert abs(sim.npv.mean() - expected) < 4 * spread / math.sqrt(20_000)


# --- Who gains and input checks --------------------------------------------------------


def test_shares_of_benefits() -> None:
    assert shares_of(1_000.0, [0.5, 0.3, 0.2]) == pytest.approx([500, 300, 200])
    assert shares_of(1_000.0, [0.25]) == pytest.approx([250])
    with pytest.raises(ValueError, match="negative"):
        shares_of(1_000.0, [0.5, -0.1])
    with pytest.raises(ValueError, match=r"add up to 1\.2,"):
        shares_of(1_000.0, [0.7, 0.5])


def test_spans_and_scenarios_reject_bad_input() -> None:
    assert P(2.0).ranged() is False and Span(2.0, 1.0, 3.0).ranged()
    with pytest.raises(ValueError, match="low <= point value <= high"):
        Span(1.0, 2.0, 3.0)
    with pytest.raises(ValueError, match="horizon"):
        scenario(horizon=101)
    with pytest.raises(ValueError, match="first year"):
        scenario(start=0)
    with pytest.raises(ValueError, match="between 0 and 1"):
        scenario(decay=Span(0.5, 0.0, 1.5))
    with pytest.raises(ValueError, match="needs a value"):
        scenario(rate=P(float("nan")))
    assert PARAMETERS == ("upfront", "yearly", "effect", "decay", "rate", "value")
