"""Charts and sentences that say exactly what they draw (issue 11, items 1 to 5): tied ends of a
ranking, the colour bar's judgement, titles and subtitles, averages and rounding, and axes
and lines that show differences instead of hiding them."""

from __future__ import annotations

from itertools import pairwise

import pandas as pd
import pytest

from dashboard.app.viewmodel import resolve
from dashboard.core.viewstate import ViewState
from dashboard.figures.bars import LABEL_DOMAIN, focused_axis
from dashboard.figures.charts import build_chart
from dashboard.figures.gaps import gap_panel
from dashboard.figures.gradient import _box, _overlap, label_positions
from dashboard.figures.lines import CONTEXT, period_position, spread
from dashboard.figures.sentences import life_years_sentence, potential_sentence
from dashboard.store import query
from dashboard.store.dataset import Dataset


def chart(ds: Dataset, chart_id: str, **choices):
    return build_chart(ds, resolve(ds, ViewState(**choices))[0], chart_id)


def gradient_of(ds: Dataset, **choices):
    state = resolve(ds, ViewState(**choices))[0]
    return next(s for s in gap_panel(ds, state).sections if s.key == "gradient")


def measure(section, measure_id: str) -> str:
    return next(r.value for r in section.rows if r.measure == measure_id)


def weighted(ds: Dataset, values: dict[str, float]) -> float:
    weights = query.population_weights(ds, list(values))
    return sum(v * weights[c] for c, v in values.items()) / sum(weights[c] for c in values)


def with_employment(ds: Dataset, changes: dict[str, float]) -> Dataset:
    """The dataset with some districts' employment rate in 2010 changed (made-up ties)."""
    obs = ds.observations.copy()
    for code, value in changes.items():
        rows = ((obs["indicator_id"] == "forvarvsfrekvens") & (obs["area_code"] == code)
                & (obs["period"] == "2010") & (obs["sex"] == "total")
                & (obs["group"] == "total"))
        obs.loc[rows, "value"] = value
    return Dataset(obs, ds.indicators, ds.areas, ds.groups, ds.sources, ds.info)


# Item 1: the ends a sentence names are the subgroups the measures compare.

def test_tied_top_of_the_ranking_is_one_group_named_and_measured(dataset) -> None:
    gradient = gradient_of(dataset)  # Västra Innerstaden and Husie both at 75 % in 2010
    assert "från Rosengård till Västra Innerstaden och Husie" in gradient.sentence
    assert "Västra Innerstaden och Husie har samma värde i rangordningen (75 %)" \
        in gradient.caveat
    assert "⚑ Husie: motsägelsefullt i källan." in gradient.caveat
    top = weighted(dataset, {"1280SD03": 80.0, "1280SD09": 77.2})
    assert measure(gradient, "d") == f"{top - 76.2:.1f} år".replace(".", ",")
    assert measure(gradient, "d") != "1,0 år"  # Husie alone, as before


def test_made_up_tie_at_the_bottom_merges_both_ends(dataset) -> None:
    tied = with_employment(dataset, {"1280SD06": 36.0})  # Fosie ties with Rosengård
    gradient = gradient_of(tied, lang="en")
    assert "from Fosie and Rosengård to Västra Innerstaden and Husie" in gradient.sentence
    assert "Fosie and Rosengård tie in the ranking (36 %)" in gradient.caveat
    top = weighted(tied, {"1280SD03": 80.0, "1280SD09": 77.2})
    bottom = weighted(tied, {"1280SD06": 76.5, "1280SD08": 76.2})
    assert measure(gradient, "d") == f"{top - bottom:.1f} years"
    untied = gradient_of(with_employment(dataset, {"1280SD09": 74.0}), lang="en")
    assert "tie in the ranking" not in untied.caveat
    assert "to Västra Innerstaden," in untied.sentence


# Item 2: the colour bar's ends say better or worse only where there is a range.

def colour_bar(spec: dict) -> dict:
    return spec["data"][-1]["marker"]["colorbar"]


def test_a_lone_value_is_neither_better_nor_worse(dataset) -> None:
    bar = colour_bar(chart(dataset, "map", indicator="barnfattigdom").spec)
    assert bar["ticktext"] == ["62,3"]


def test_colour_bar_ends_follow_the_polarity(dataset) -> None:
    sickness = colour_bar(chart(dataset, "map", indicator="ohalsotal").spec)
    assert sickness["ticktext"][0].endswith("(bättre)")  # fewest days
    assert sickness["ticktext"][-1].endswith("(sämre)")
    life = colour_bar(chart(dataset, "map", lang="en").spec)
    assert life["ticktext"] == ["74.6 (worse)", "81.0 (better)"]


# Item 3: each chart's title and subtitle describe what it draws.

def test_equiplot_by_sex_does_not_say_one_sex(dataset) -> None:
    equiplot = chart(dataset, "equiplot", split="sex")
    assert equiplot.subtitle.startswith("2006–2010, kvinnor och män, stadsdelar")
    assert equiplot.subtitle.endswith("och Malmö")
    assert len(equiplot.spec["data"]) == 3  # the range line and one trace per sex


def test_trend_subtitle_gives_the_years_drawn(dataset) -> None:
    trend = chart(dataset, "trend")
    assert trend.data.periods == ("2008", "2009", "2010")
    assert trend.subtitle.startswith("2008–2010, män")
    assert "2006" not in trend.subtitle
    gap = chart(dataset, "gaptrend", lang="en")
    assert gap.subtitle.startswith("2008–2010, men")
    assert gap.title == ("Life expectancy at birth: the difference between the areas with the "
                         "highest and lowest value")
    groups = chart(dataset, "trend", indicator="forvarvsfrekvens", split="birth_region",
                   area="1280SD02")
    assert groups.subtitle == "1999–2011, Södra Innerstaden"


def test_index_states_the_year_of_each_component(dataset) -> None:
    bars = chart(dataset, "indexbars")
    assert bars.title.endswith("2011 (värden från 2009–2011)")
    assert "Ohälsotal 2009" in bars.subtitle and "Förvärvsfrekvens 20–64 år 2011" \
        in bars.subtitle
    trend = chart(dataset, "indextrend", lang="en")
    assert "Sickness days (ohälsotal) 2009;" in trend.subtitle


# Item 4: averages named as they are computed, and no false precision.

def test_potential_names_the_weighted_mean_it_starts_from(dataset) -> None:
    data = chart(dataset, "potential").data
    sentence = potential_sentence(data)
    assert "befolkningsviktade medelvärde, 77,7 år, förbättras med 3,3 år" in sentence
    assert "Malmös eget redovisade värde är 77,9 år" in sentence
    assert data.best_value - data.mean == pytest.approx(data.par)


def test_life_years_are_rounded_and_say_how_they_were_counted(dataset) -> None:
    data = chart(dataset, "potential", lang="en").data
    assert data.life_years == 500_000
    text = life_years_sentence(data, "men")
    assert "of the order of 500,000 life-years" in text
    assert "two significant figures" in text and "half of its population" in text
    assert life_years_sentence(chart(dataset, "potential", indicator="ohalsotal").data,
                               "män") == ""


# Item 5: axes and lines that show the differences.

def test_life_expectancy_is_dots_on_a_focused_axis(dataset) -> None:
    spec = chart(dataset, "bars").spec
    dots, labels = spec["data"]
    assert dots["type"] == "scatter" and dots["mode"] == "markers"
    assert "error_x" not in dots or dots["error_x"]["type"] == "data"
    low, high = spec["layout"]["xaxis"]["range"]
    assert 73 < low < 74.6 and 81.0 < high < 82
    assert spec["layout"]["meta"]["chart_form"] == "dots"
    # The value labels stand in their own column, right of every reference line.
    assert labels["xaxis"] == "x2" and labels["text"] == dots["text"]
    assert spec["layout"]["xaxis"]["domain"][1] == LABEL_DOMAIN
    assert spec["layout"]["xaxis2"]["domain"][0] > LABEL_DOMAIN
    assert all(s["xref"] == "x" for s in spec["layout"]["shapes"])


def test_zero_based_quantities_stay_bars_from_zero(dataset) -> None:
    spec = chart(dataset, "bars", indicator="ohalsotal").spec
    assert spec["data"][0]["type"] == "bar" and spec["layout"]["xaxis"]["range"][0] == 0
    assert spec["data"][0]["textposition"] == "none"
    assert focused_axis("years", [1.0, 50.0])
    assert focused_axis("percent", [80.0, 84.0])
    assert not focused_axis("percent", [36.0, 75.0])
    assert not focused_axis("persons", [-5.0, 5.0])


def test_time_is_a_number_axis_spaced_by_years() -> None:
    assert period_position("2009") == 2009
    assert period_position("2006-2010") == 2008
    assert period_position("2013-07") == pytest.approx(2013.5)


def test_trend_axis_spaces_years_by_their_distance(dataset) -> None:
    spec = chart(dataset, "trend", indicator="forvarvsfrekvens").spec
    axis = spec["layout"]["xaxis"]
    assert axis["type"] == "linear"
    assert axis["tickvals"] == [1999, 2009, 2010, 2011]
    assert axis["ticktext"] == ["1999", "2009", "2010", "2011"]
    assert all(tr["x"][0] == 1999 for tr in spec["data"])


def coloured(spec: dict) -> list[str]:
    return [tr["line"]["color"] for tr in spec["data"] if tr["line"]["color"] != CONTEXT]


@pytest.mark.parametrize("chart_id, choices", [
    ("trend", {"area": "1280SD08"}),
    ("trend", {}),
    ("trend", {"indicator": "forvarvsfrekvens", "split": "birth_region"}),
    ("indextrend", {"area": "1280SD03"}),
])
def test_no_two_lines_share_a_colour_and_each_is_named(dataset, chart_id, choices) -> None:
    spec = chart(dataset, chart_id, **choices).spec
    colours = coloured(spec)
    assert colours and len(colours) == len(set(colours))
    names = {a["text"] for a in spec["layout"]["annotations"]}
    assert names == {tr["name"] for tr in spec["data"]}
    assert not spec["layout"]["showlegend"]


def test_end_labels_keep_apart_and_near_their_lines() -> None:
    placed = spread([10.0, 10.01, 10.02, 20.0], 0.5)
    ordered = sorted(placed[:3])
    assert all(b - a >= 0.5 - 1e-9 for a, b in pairwise(ordered))
    assert placed[3] == 20.0
    assert sum(placed[:3]) / 3 == pytest.approx(10.01)


def test_gradient_legend_sits_above_the_plot(dataset) -> None:
    layout = chart(dataset, "gradient").spec["layout"]
    assert layout["legend"]["y"] > 1 and layout["legend"]["yanchor"] == "bottom"


def test_gradient_names_do_not_cover_each_other(dataset) -> None:
    data = chart(dataset, "gradient").data
    spec = chart(dataset, "gradient").spec
    sizes = pd.Series(spec["data"][0]["marker"]["size"]).to_numpy(float)
    places = label_positions(data, sizes)
    assert places == spec["data"][0]["textposition"]
    xs = [p.x for p in data.points]
    ys = [p.y for p in data.points]
    px = [(x - min(xs)) / (max(xs) - min(xs)) * 900 for x in xs]
    py = [(y - min(ys)) / (max(ys) - min(ys)) * 330 for y in ys]
    boxes = [_box(x, y, s / 2, p.name, place)
             for x, y, s, p, place in zip(px, py, sizes, data.points, places, strict=True)]
    assert all(_overlap(a, b) == 0 for i, a in enumerate(boxes) for b in boxes[i + 1:])


def test_many_tied_groups_are_counted_not_listed() -> None:
    """At DeSO level dozens of areas share a rounded income: one sentence counts them."""
    from dashboard.figures.sentences import NAMED_TIES, tie_notes

    few = [([f"A{i}", f"B{i}"], "200 tkr", "80 %") for i in range(NAMED_TIES)]
    assert len(tie_notes(few, "sv")) == NAMED_TIES
    many = [*few, (["C", "D", "E"], "210 tkr", "81 %")]
    notes = tie_notes(many, "en")
    assert notes == [notes[0]] and "9 areas" in notes[0] and "4 groups" in notes[0]
    assert "A0" not in notes[0]
