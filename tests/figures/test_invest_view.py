"""The social-investment view (/invest) as a user meets it: the yearly cost of the gap, the
scenario's headline and results, its charts, the problems it names, the page's number
boxes, the link and the exports. Expected numbers are worked out here from the dataset's
observations and from the arithmetic the view states, not read back from the view."""

from __future__ import annotations

import io
import math
import re

import pandas as pd
import pytest
from openpyxl import load_workbook

from dashboard.app.viewmodel import resolve, state_from_control
from dashboard.core.natural_units import unit_values
from dashboard.core.viewstate import ViewState, from_query, to_query
from dashboard.export.formats import export_file
from dashboard.figures.charts import ChartUnavailable, build_chart
from dashboard.figures.invest_model import invest_model
from dashboard.figures.sentences import invest_headline, invest_results
from dashboard.store.dataset import Dataset

EXAMPLE = ("?ind=sysselsatta_16_64&level=deso&costy=4000000&cyrs=3&eff=1,2,3&hor=20"
           "&shares=40,10,30,20&area=1280C1640")
POINT = "?ind=sysselsatta_16_64&level=deso&costy=4000000&cyrs=3&eff=2&hor=20&area=1280C1640"
NBSP, MINUS = "\u00a0", "\u2212"


def view(ds: Dataset, query: str) -> ViewState:
    """The resolved state of an address's query, as the page shows it."""
    state, ignored = from_query(query)
    assert ignored == []
    return resolve(ds, state)[0]


def swedish_number(text: str) -> float:
    """'−1 234 567,8' (NBSP between thousands, a real minus, decimal comma) as a float."""
    return float(text.replace(NBSP, "").replace(" ", "").replace(MINUS, "-").replace(",", "."))


def observations(ds: Dataset, state: ViewState, level: str) -> pd.DataFrame:
    """The view's observations of the areas at `level`, taken straight from the tables."""
    obs = ds.table("observations")
    areas = ds.table("areas")
    codes = set(areas.loc[areas["level"] == level, "code"])
    chosen = obs[(obs["indicator_id"] == state.indicator) & (obs["period"] == state.period)
                 & (obs["sex"] == "total") & (obs["dimension"] == "total")
                 & (obs["group"] == "total") & obs["area_code"].isin(codes)]
    return chosen.dropna(subset=["value"]).set_index("area_code")


# --- the yearly cost of the gap -------------------------------------------------------------

def test_gap_against_the_best_area_counts_people_from_each_denominator(dataset) -> None:
    state = view(dataset, "?ind=sysselsatta_16_64&level=deso&ref=best")
    polarity = dataset.table("indicators").set_index("id").at[state.indicator, "polarity"]
    assert polarity == "higher_better"
    obs = observations(dataset, state, "deso")
    best = obs["value"].max()
    model = invest_model(dataset, state)
    assert model.ref == "best"
    assert {r.code for r in model.rows} == set(obs.index)
    for row in model.rows:
        value, denominator = obs.at[row.code, "value"], obs.at[row.code, "denominator"]
        # A share in percent: (best - value) percentage points of the people counted.
        expected = (best - value) / 100 * denominator
        assert row.reference == pytest.approx(best)
        assert row.units == pytest.approx(expected, rel=1e-9, abs=1e-9)
    assert model.total_units == pytest.approx(((best - obs["value"]) / 100
                                               * obs["denominator"]).sum())


def test_areas_better_than_the_city_cost_nothing(dataset) -> None:
    state = view(dataset, "?ind=sysselsatta_16_64&level=deso&ref=city")
    city = observations(dataset, state, "kommun")
    assert len(city) == 1
    city_value = float(city["value"].iloc[0])
    obs = observations(dataset, state, "deso")
    model = invest_model(dataset, state)
    assert model.ref == "city"
    better = [r for r in model.rows if obs.at[r.code, "value"] >= city_value]
    worse = [r for r in model.rows if obs.at[r.code, "value"] < city_value]
    assert better and worse
    assert all(r.units == 0 and r.gap == 0 for r in better)
    for row in worse:
        assert row.reference == pytest.approx(city_value)
        assert row.units == pytest.approx((city_value - obs.at[row.code, "value"]) / 100
                                          * obs.at[row.code, "denominator"])


# --- the scenario's headline, ranges and charts ---------------------------------------------

def test_without_an_effect_range_there_is_no_tornado_and_no_probability(dataset) -> None:
    state = view(dataset, POINT)
    with pytest.raises(ChartUnavailable):
        build_chart(dataset, state, "tornado")
    headline = invest_headline(invest_model(dataset, state), "sv")
    assert "återbetald" in headline
    assert "sannolikhet" not in headline and "%" in headline  # only the rate's percent
    assert headline.count("%") == 1


def test_with_an_effect_range_the_headline_gives_a_probability(dataset) -> None:
    state = view(dataset, EXAMPLE)
    chart = build_chart(dataset, state, "tornado")
    assert len(chart.rows) >= 1
    headline = invest_headline(invest_model(dataset, state), "sv")
    found = re.search(r"sannolikheten att nettonuvärdet är positivt är (\d+) %", headline)
    assert found is not None, headline
    assert 0 <= int(found.group(1)) <= 100


@pytest.mark.parametrize(("lang", "cost", "rate", "area"), [
    ("sv", "12,0 mnkr", "3,5 % diskonteringsränta", "Sibbarp"),
    ("en", "SEK 12.0 million", "3.5 % discount rate", "Sibbarp"),
])
def test_headline_names_area_cost_and_cited_rate(dataset, lang, cost, rate, area) -> None:
    # 4 000 000 kr a year for 3 years is 12 million kronor; the rate is the cited default.
    assert unit_values()["discount_rate"].value == 3.5
    state = view(dataset, f"{EXAMPLE}&lang={lang}")
    headline = invest_headline(invest_model(dataset, state), lang)
    assert area in headline and "1280C1640" in headline
    assert cost in headline
    assert rate in headline


def test_headline_in_english_has_no_swedish_words(dataset) -> None:
    state = view(dataset, f"{EXAMPLE}&lang=en")
    headline = invest_headline(invest_model(dataset, state), "en")
    assert "Employed aged 16–64" in headline
    assert "procentenheter" not in headline and "percentage points" in headline


def test_without_a_value_per_unit_the_results_ask_for_one(dataset) -> None:
    assert not unit_values()["sickness_day"].known
    state = view(dataset, "?ind=ohalsotal&costy=4000000&cyrs=3&eff=1,2,3&hor=20")
    model = invest_model(dataset, state)
    assert model.scenario is not None and not math.isfinite(model.evaluation.npv)
    assert any(line.startswith("Ange ett värde i kronor per enhet")
               for line in invest_results(model, "sv"))
    chart = build_chart(dataset, state, "investflows")
    assert len(chart.rows) == 21
    units = [swedish_number(row[2]) for row in chart.rows]
    assert units[0] == 0 and all(u > 0 for u in units[1:])


# --- the problems the page names ------------------------------------------------------------

def test_a_range_out_of_order_gives_no_scenario_but_the_problem(dataset) -> None:
    state = view(dataset, EXAMPLE.replace("eff=1,2,3", "eff=3,2,1"))
    assert state.eff == (3.0, 2.0, 1.0)  # the link keeps what the user typed
    model = invest_model(dataset, state)
    assert "invest_bad_low_high" in model.missing
    assert model.scenario is None and model.evaluation is None
    assert invest_headline(model, "sv") == ""


def test_shares_above_the_whole_give_the_problem_and_no_gains(dataset) -> None:
    state = view(dataset, EXAMPLE.replace("shares=40,10,30,20", "shares=60,10,30,20"))
    model = invest_model(dataset, state)
    assert "invest_bad_shares" in model.missing
    with pytest.raises(ChartUnavailable):
        build_chart(dataset, state, "gains")


def test_shares_within_the_whole_split_the_benefits(dataset) -> None:
    state = view(dataset, EXAMPLE)
    model = invest_model(dataset, state)
    chart = build_chart(dataset, state, "gains")
    pv = model.evaluation.pv_benefits
    assert [swedish_number(r[2]) for r in chart.rows] == pytest.approx(
        [0.4 * pv, 0.1 * pv, 0.3 * pv, 0.2 * pv], abs=0.5)


# --- the page's number boxes ----------------------------------------------------------------

def test_range_boxes_build_the_range(dataset) -> None:
    empty = ViewState()
    likely = state_from_control(dataset, empty, "eff:mid", 2)
    assert likely.eff == (2.0,)
    assert state_from_control(dataset, likely, "eff:lo", 1).eff == (1.0, 2.0, 2.0)


@pytest.mark.parametrize("value", ["2", -1, -0.5, True])
def test_a_box_with_a_wrong_value_changes_nothing(dataset, value) -> None:
    state = state_from_control(dataset, ViewState(), "eff:mid", 2)
    assert state_from_control(dataset, state, "eff:lo", value) == state
    assert state_from_control(dataset, state, "hor", value) == state


def test_the_horizon_box_sets_whole_years(dataset) -> None:
    assert state_from_control(dataset, ViewState(), "hor", 20).hor == "20"


# --- links and exports ----------------------------------------------------------------------

def test_a_link_gives_the_same_scenario_and_numbers(dataset) -> None:
    state = view(dataset, EXAMPLE)
    again = view(dataset, to_query(state))
    assert again == state
    first, second = invest_model(dataset, state), invest_model(dataset, again)
    assert second.evaluation.npv == first.evaluation.npv
    assert second.simulation.p_positive == first.simulation.p_positive


def test_a_link_keeps_every_digit_typed(dataset) -> None:
    state = view(dataset, EXAMPLE.replace("costy=4000000", "costy=1234.5678"))
    assert state.costy == (1234.5678,)
    assert from_query(to_query(state))[0].costy == (1234.5678,)


def test_flows_table_runs_to_the_horizon_and_ends_at_the_npv(dataset) -> None:
    state = view(dataset, EXAMPLE)
    model = invest_model(dataset, state)
    chart = build_chart(dataset, state, "investflows")
    assert len(chart.rows) == int(state.hor) + 1
    assert [int(r[0]) for r in chart.rows] == list(range(21))
    # Year 0 has no cost; years 1-3 cost 4 000 000 kr each, then nothing.
    costs = [swedish_number(r[1]) for r in chart.rows]
    assert costs == [0, 4_000_000, 4_000_000, 4_000_000] + [0] * 17
    assert swedish_number(chart.rows[-1][-1]) == pytest.approx(model.evaluation.npv, abs=0.5)
    # The first year's discount factor at the cited 3.5 %: 1 / 1.035.
    assert swedish_number(chart.rows[1][4]) == pytest.approx(1 / 1.035, abs=5e-5)


def test_xlsx_of_the_flows_holds_numbers_for_every_year(dataset) -> None:
    state = view(dataset, EXAMPLE)
    data = export_file(dataset, state, "investflows", "xlsx", "http://127.0.0.1:8050/")
    sheet = load_workbook(io.BytesIO(data)).worksheets[0]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(rows) == int(state.hor) + 1
    for row in rows:
        assert all(isinstance(v, int | float) for v in row), row
    assert [r[0] for r in rows] == list(range(21))
    assert rows[-1][-1] == pytest.approx(invest_model(dataset, state).evaluation.npv, abs=0.5)
