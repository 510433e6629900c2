"""The social gradient in population-weighted groups (issue 10, item 6), on made-up DeSO data
shaped like Malmö's 2022 data: groups from lowest to highest income, an equiplot naming every
group, a sentence that says what its numbers say, and SII/RII whose sign follows the data."""

from __future__ import annotations

import plotly.graph_objects as go
import pytest

from dashboard.app.viewmodel import lead_view, resolve
from dashboard.core.viewstate import ViewState
from dashboard.figures.charts import build_chart
from dashboard.figures.gradient import AreaGroupsData
from dashboard.figures.sentences import (
    area_groups_notes,
    area_groups_sentence,
    area_groups_source,
)
from dashboard.store.dataset import Dataset
from tests.deso_today import DATES, deso_dataset


@pytest.fixture(scope="module")
def deso() -> Dataset:
    return deso_dataset()


def groups_of(ds: Dataset, **choices) -> AreaGroupsData:
    choices = {"indicator": "vaccination_covid19_dos1", "level": "deso",
               "order": "median_nettoinkomst", **choices}
    data = build_chart(ds, resolve(ds, ViewState(**choices))[0], "areagroups").data
    assert isinstance(data, AreaGroupsData)
    return data


def number(text: str) -> float:
    """The leading number of an English measure value ('38.61 percentage points')."""
    return float(text.split()[0].replace(",", "").replace("\u2212", "-"))


def measure(data: AreaGroupsData, measure_id: str) -> float:
    return number(next(r.value for r in data.measures if r.measure == measure_id))


def test_groups_run_from_lowest_to_highest_income_and_hold_equal_people(deso) -> None:
    data = groups_of(deso)
    assert [r.group for r in data.rows] == [1, 2, 3, 4, 5]
    assert [r.label for r in data.rows][::4] == ["Femtedel 1 (lägst)", "Femtedel 5 (högst)"]
    for before, after in zip(data.rows, data.rows[1:], strict=False):
        assert before.x_high < after.x_low
    # The poorest DeSO are the most populous: fewer of them make up a fifth of the people.
    assert data.rows[0].n_areas < data.rows[-1].n_areas
    total = sum(r.population for r in data.rows)
    assert all(abs(r.population - total / 5) < 3000 for r in data.rows)
    assert sum(r.n_areas for r in data.rows) == data.n_areas == 40


def test_tenths_on_request(deso) -> None:
    data = groups_of(deso, bins="10", lang="en")
    assert len(data.rows) == 10
    assert data.rows[0].label == "Tenth 1 (lowest)" and data.rows[-1].label == "Tenth 10 (highest)"


def test_equiplot_names_every_group_on_one_axis(deso) -> None:
    chart = build_chart(deso, resolve(deso, ViewState(
        indicator="vaccination_covid19_dos1", level="deso", order="median_nettoinkomst",
        lang="en"))[0], "areagroups")
    go.Figure(chart.spec)
    data = chart.data
    assert isinstance(data, AreaGroupsData)
    names = [tr.get("name") for tr in chart.spec["data"] if tr.get("mode") == "markers+text"]
    assert names == [r.label for r in data.rows]
    assert {tuple(tr["y"]) for tr in chart.spec["data"]} == {(data.labels.period,) * 1} | {
        (data.labels.period,) * 2}
    for row in data.rows:
        assert row.label in chart.alt
    assert [r[0] for r in chart.rows] == [r.label for r in data.rows]


def test_scatter_keeps_every_area_and_draws_the_groups_over_it(deso) -> None:
    chart = build_chart(deso, resolve(deso, ViewState(
        indicator="vaccination_covid19_dos1", level="deso", order="median_nettoinkomst"))[0],
        "gradient")
    go.Figure(chart.spec)
    areas, steps = chart.spec["data"][0], chart.spec["data"][-1]
    assert len(areas["x"]) == 40 and areas["mode"] == "markers"
    assert [v for v in steps["y"] if v is not None][::2] == \
        [r.value for r in groups_of(deso).rows]


def test_sentence_says_its_numbers_period_and_source(deso) -> None:
    data = groups_of(deso)
    text = area_groups_sentence(data)
    low, high = data.rows[0], data.rows[-1]
    assert text.startswith("I den femtedel av Malmös DeSO med lägst medianinkomst")
    assert f"{data.labels.number(low.value)}\u00a0% den 18 januari 2022, lägre än" in text
    assert f"({data.labels.number(high.value)}\u00a0%)" in text
    assert text.endswith(f"Skillnaden är {data.labels.number(high.value - low.value)} "
                         "procentenheter.")
    assert area_groups_source(data) == "Källa: Folkhälsomyndigheten och SCB."
    english = area_groups_sentence(groups_of(deso, lang="en"))
    assert "In the fifth of Malmö's DeSO with the lowest median net income" in english
    assert "on 18 January 2022, lower than in the fifth with the highest" in english


def test_sentence_turns_round_when_the_gap_does() -> None:
    flipped = deso_dataset(coverage_of=lambda i, date: float(95 - i))
    data = groups_of(flipped)
    assert data.rows[0].value > data.rows[-1].value
    text = area_groups_sentence(data)
    assert "högre än i den femtedel med högst" in text and "lägre än" not in text
    same = deso_dataset(coverage_of=lambda i, date: 80.0)
    assert "samma som i den femtedel med högst" in area_groups_sentence(groups_of(same))
    assert "Skillnaden" not in area_groups_sentence(groups_of(same))


def test_slope_index_sign_follows_the_data_and_the_polarity(deso) -> None:
    rising = groups_of(deso, lang="en")  # favourable, higher with income
    assert measure(rising, "sii") > 0 and measure(rising, "rii") > 1
    assert measure(rising, "sii_phe") > 0 and measure(rising, "d") > 0
    falling = groups_of(deso_dataset(coverage_of=lambda i, date: float(95 - i)), lang="en")
    assert measure(falling, "sii") < 0 and measure(falling, "rii") < 1
    assert measure(falling, "d") < 0  # the better-off fifth does worse
    adverse = groups_of(deso, indicator="lag_ekonomisk_standard", lang="en")
    assert adverse.labels.polarity == "lower_better"
    assert measure(adverse, "sii") < 0 and measure(adverse, "rii") < 1
    assert measure(adverse, "d") > 0  # adverse: the worse-off fifth minus the better-off
    sii_row = next(r for r in rising.measures if r.measure == "sii")
    assert sii_row.ci.startswith("95% CI")


def test_no_interval_without_counts_and_wilson_with_them(deso) -> None:
    data = groups_of(deso)
    assert data.ci_method == "" and all(r[-1] == "" for r in build_chart(
        deso, resolve(deso, ViewState(indicator="vaccination_covid19_dos1", level="deso",
                                      order="median_nettoinkomst"))[0], "areagroups").rows)
    assert "varken antal" in area_groups_notes(data)
    obs = deso.observations.copy()
    vacc = obs["indicator_id"] == "vaccination_covid19_dos1"
    obs.loc[vacc, "denominator"] = obs.loc[vacc, "population"]
    obs.loc[vacc, "numerator"] = (obs.loc[vacc, "value"] / 100 * obs.loc[vacc, "population"]
                                  ).round()
    counted = groups_of(Dataset(obs, deso.indicators, deso.areas, deso.groups, deso.sources,
                                deso.info))
    assert counted.ci_method == "wilson"
    assert all(r.ci_low < r.value < r.ci_high for r in counted.rows)
    assert "Wilsonintervall" in area_groups_notes(counted)


def test_determinant_period_is_the_one_nearest_the_outcome(deso) -> None:
    data = groups_of(deso, period=DATES[0])
    assert data.period == DATES[0] and data.x_period == "2022"
    assert "den 27 augusti 2021" in area_groups_sentence(data)


def test_start_page_lead_is_the_newest_small_area_health_value_by_income(deso) -> None:
    state = lead_view(deso, "sv")
    assert state is not None
    assert (state.indicator, state.period, state.level, state.order, state.bins) == \
        ("vaccination_covid19_dos1", DATES[-1], "deso", "median_nettoinkomst", "5")


def without_small_area_health(ds: Dataset) -> Dataset:
    """The data with no health value for a DeSO or RegSO (as the embedded data were before
    they held Folkhälsomyndigheten's vaccination coverage)."""
    small = set(ds.areas.loc[ds.areas["level"].isin(["deso", "regso"]), "code"])
    health = set(ds.indicators.loc[ds.indicators["topic"] == "health", "id"])
    obs = ds.observations
    kept = obs[~(obs["indicator_id"].isin(health) & obs["area_code"].isin(small))]
    indicators = ds.indicators[ds.indicators["id"].isin(set(kept["indicator_id"]))]
    return Dataset(kept.reset_index(drop=True), indicators.reset_index(drop=True), ds.areas,
                   ds.groups, ds.sources, ds.info)


def test_districts_of_the_embedded_data_still_make_groups(dataset) -> None:
    state = resolve(dataset, ViewState())[0]
    assert state.level == "stadsdel"
    lead = lead_view(dataset, "sv")  # the embedded DeSO vaccination coverage leads
    assert lead is not None
    assert (lead.indicator, lead.period, lead.level, lead.order) == \
        ("vaccination_covid19_dos1", "2022-01-18", "deso", "median_nettoinkomst")
    assert lead_view(without_small_area_health(dataset), "sv") is None
    chart = build_chart(dataset, state, "areagroups")
    go.Figure(chart.spec)
    assert chart.rows and chart.alt


def _texts(node) -> list[str]:
    children = getattr(node, "children", None)
    if isinstance(children, str):
        return [children]
    out = []
    for child in children if isinstance(children, list) else [children] if children else []:
        out += [child] if isinstance(child, str) else _texts(child)
    return out


def _links(node) -> dict[str, str]:
    children = getattr(node, "children", None)
    found = {node.id: node.href} if getattr(node, "href", None) else {}
    for child in children if isinstance(children, list) else [children] if children else []:
        if not isinstance(child, str):
            found |= _links(child)
    return found


def test_start_page_leads_with_the_sentence_and_links_to_that_gradient(deso) -> None:
    from dashboard.app.pages import Context, summary

    state = resolve(deso, ViewState(lang="en"))[0]
    part = summary.TODAY.slot(Context(deso, state, {}))
    text = " ".join(_texts(part))
    assert "In the fifth of Malmö's DeSO with the lowest median net income" in text
    assert "Source: Folkhälsomyndigheten and SCB." in text
    links = _links(part)
    gradient = links["lead-gradient-link"]
    assert gradient.startswith("/gradient?")
    for pair in ("ind=vaccination_covid19_dos1", "period=2022-01-18", "level=deso",
                 "order=median_nettoinkomst", "bins=5", "lang=en"):
        assert pair in gradient
    assert "ind=medellivslangd_vid_fodelsen" in links["lead-historic-link"]
    assert "level=stadsdel" in links["lead-historic-link"]


def test_no_lead_without_small_area_health_data(dataset) -> None:
    from dashboard.app.pages import Context, summary

    state = resolve(dataset, ViewState())[0]
    assert summary.TODAY.slot(Context(dataset, state, {})).children != []
    older = without_small_area_health(dataset)
    state = resolve(older, ViewState())[0]
    assert summary.TODAY.slot(Context(older, state, {})).children == []


def test_the_groups_control_sets_tenths_and_stays_in_the_address(deso) -> None:
    from dashboard.app.pages import gradient
    from dashboard.app.viewmodel import state_from_control

    state = resolve(deso, ViewState(indicator="vaccination_covid19_dos1", level="deso"))[0]
    assert state.bins == "5"
    tenths = state_from_control(deso, state, "bins", "10")
    assert tenths.bins == "10" and state_from_control(deso, state, "bins", "7") == state
    assert "bins" in gradient.PAGE.uses()
    assert resolve(deso, ViewState(bins="10"))[0].bins == "10"
