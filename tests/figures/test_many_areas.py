"""The views at DeSO scale: 192 made-up DeSO of Malmö (and a few hundred more), judged for
all areas at once, ranked legibly, drawn as a band over time and profiled one by one."""

from __future__ import annotations

import json
import math

import pytest

from dashboard.app.viewmodel import resolve
from dashboard.core.viewstate import ViewState
from dashboard.figures.bars import END_AREAS
from dashboard.figures.charts import build_chart
from dashboard.figures.overview import area_table, compare, judged
from dashboard.store import query
from dashboard.store.dataset import Dataset
from tests.synthetic import AREA_TYPE, deso_dataset


@pytest.fixture(scope="module")
def deso() -> Dataset:
    return deso_dataset(192, ("2020", "2021", "2022"))


def view(ds: Dataset, **choices: str) -> ViewState:
    return resolve(ds, ViewState(level="deso", **choices))[0]


def test_the_table_is_cut_into_pages_of_the_chosen_size(deso: Dataset) -> None:
    first = area_table(deso, view(deso))
    assert (first.total, first.matched, first.pages, len(first.rows)) == (192, 192, 8, 25)
    last = area_table(deso, view(deso, opage="8"))
    assert (last.page, last.first, len(last.rows)) == (8, 176, 17)
    beyond = area_table(deso, view(deso, opage="99"))
    assert beyond.page == 8 and beyond.rows == last.rows
    hundred = area_table(deso, view(deso, osize="100", opage="2"))
    assert len(hundred.rows) == 92
    seen = {r.code for p in range(1, 9)
            for r in area_table(deso, view(deso, opage=str(p))).rows}
    assert len(seen) == 192


def test_sorting_by_a_column_orders_the_values_with_missing_ones_last(deso: Dataset) -> None:
    column = next(i for i, c in enumerate(judged(deso, "sv", "deso").columns)
                  if c.key == "medianinkomst")
    codes = [r.code for p in range(1, 9) for r in area_table(
        deso, view(deso, osort="-medianinkomst", opage=str(p))).rows]
    judge = judged(deso, "sv", "deso")
    values = [judge.value[judge.codes.get_loc(c), column] for c in codes]
    present = [v for v in values if not math.isnan(v)]
    assert present == sorted(present, reverse=True)
    assert all(math.isnan(v) for v in values[len(present):])
    rising = area_table(deso, view(deso, osort="medianinkomst"))
    assert rising.sort == "medianinkomst" and rising.rows[0].code == codes[len(present) - 1]
    unknown = area_table(deso, view(deso, osort="no_such_column"))
    assert unknown.sort == "name"
    names = [r.name for r in unknown.rows]
    assert names == sorted(names, key=str.casefold)


def test_filters_keep_only_the_matching_areas(deso: Dataset) -> None:
    parent = "1280R010"
    table = area_table(deso, view(deso, oparent=parent))
    children = set(deso.areas.loc[deso.areas["parent_code"] == parent, "code"])
    assert {r.code for r in table.rows} == children and table.matched == len(children)
    found = area_table(deso, view(deso, ofind="område 12"))
    assert found.matched == 11  # Område 12 and Område 120-129
    assert all("Område 12" in r.name for r in found.rows)
    by_code = area_table(deso, view(deso, ofind="1280C0150"))
    assert [r.code for r in by_code.rows] == ["1280C0150"]
    types = deso.observations[deso.observations["indicator_id"] == AREA_TYPE]
    of_type = set(types.loc[types["value"] == 1, "area_code"]) & set(
        deso.areas.loc[deso.areas["level"] == "deso", "code"])
    typed = area_table(deso, view(deso, otype="1", osize="100"))
    assert typed.has_types and typed.matched == len(of_type)
    assert {r.code for r in typed.rows} <= of_type
    nothing = area_table(deso, view(deso, ofind="no such area"))
    assert (nothing.matched, nothing.pages, nothing.rows) == (0, 1, ())


def test_each_cell_is_judged_as_the_one_area_rule_would(deso: Dataset) -> None:
    judge = judged(deso, "sv", "deso")
    city = deso.observations[(deso.observations["area_code"] == "1280")
                             & (deso.observations["period"] == "2022")]
    for j, column in enumerate(judge.columns):
        info = deso.indicators.set_index("id").loc[column.indicator]
        ref = city.loc[city["indicator_id"] == column.indicator, "value"]
        city_value = float(ref.iloc[0]) if len(ref) else math.nan
        values = judge.value[:, j]
        threshold = 0.5 * float(values[~(values != values)].std())
        for i in range(0, 192, 7):
            expected = "missing" if math.isnan(values[i]) else "neutral" if math.isnan(
                city_value) else compare(
                values[i], (math.nan, math.nan), city_value, (math.nan, math.nan),
                info["polarity"], threshold)
            assert judge.status[i, j] == expected


def test_trend_arrows_only_where_there_is_an_earlier_year() -> None:
    one_year = judged(deso_dataset(192, ("2022",)), "sv", "deso")
    assert not any(one_year.trend.ravel())
    two = judged(deso_dataset(192, ("2021", "2022")), "sv", "deso")
    arrows = set(two.trend.ravel())
    assert arrows <= {"↑", "↓", "→", ""} and {"↑", "↓"} <= arrows


def spec_size(spec: dict) -> int:
    return len(json.dumps(spec, default=str))


def test_bars_at_192_areas_are_dots_naming_the_highlighted_one(deso: Dataset) -> None:
    chosen = "1280C0150"
    state = view(deso, indicator="medianinkomst", area=chosen)
    with_values = int(query.view_values(deso, state)["value"].notna().sum())
    spec = build_chart(deso, state, "bars").spec
    assert spec["layout"]["meta"]["chart_form"] == "ranked_dots"
    dots = spec["data"][0]
    assert len(dots["x"]) == with_values and all(isinstance(y, int) for y in dots["y"])
    named = [a["text"] for a in spec["layout"]["annotations"]]
    assert any("Område 150 (1280C0150)" in text for text in named)
    assert len(named) <= 6  # the chosen, the best, the worst, Malmö, Sweden
    assert str(with_values) in spec["layout"]["yaxis"]["title"]["text"]
    assert spec_size(spec) < 60_000


def test_bars_at_thousands_of_areas_show_the_ends_and_say_so() -> None:
    ds = deso_dataset(900, ("2022",))
    values = query.view_values(ds, view(ds, indicator="medianinkomst")).dropna(
        subset=["value"]).sort_values("value")
    chosen = str(values["area_code"].iloc[len(values) // 2])
    spec = build_chart(ds, view(ds, indicator="medianinkomst", area=chosen), "bars").spec
    assert spec["layout"]["meta"]["chart_form"] == "ends"
    dots = spec["data"][1]
    assert len(dots["x"]) == 2 * END_AREAS + 1 and chosen in dots["customdata"]
    title = spec["layout"]["yaxis"]["title"]["text"]
    assert f"{END_AREAS} bästa" in title and f"av {len(values)} områden" in title
    gaps = spec["data"][0]["y"]
    assert len(gaps) == 2 and all("områden till" in g for g in gaps)
    assert any("median" in a["text"] for a in spec["layout"]["annotations"])
    assert spec_size(spec) < 30_000


def test_trends_at_192_areas_draw_a_band_not_192_named_lines(deso: Dataset) -> None:
    chosen = "1280C0150"
    chart = build_chart(deso, view(deso, indicator="medianinkomst", area=chosen), "trend")
    spec = chart.spec
    names = [a["text"] for a in spec["layout"]["annotations"]]
    assert sorted(names) == sorted(["Malmö", "Område… (1280C0150)"])  # cut, code kept
    hovered = [t["name"] for t in spec["data"] if t.get("mode") == "lines+markers"]
    assert "Område 150 (1280C0150)" in hovered
    lines = [t for t in spec["data"] if t.get("mode") == "lines+markers"]
    assert len(lines) == 2
    assert any(t.get("fill") == "tonexty" for t in spec["data"])
    assert len(chart.rows) == 193  # the table keeps every area and Malmö
    assert spec_size(spec) < 20_000


def test_the_profile_opens_for_a_deso_and_a_regso(deso: Dataset) -> None:
    chart = build_chart(deso, view(deso, area="1280C0150"), "spine")
    assert "Område 150 (1280C0150)" in chart.heading
    assert len(chart.rows) == 5  # the five indicators with a judgement
    assert all(180 <= int(r[6].split("/")[1]) <= 192 for r in chart.rows)
    regso = resolve(deso, ViewState(level="regso", area="1280R010"))[0]
    assert "RegSO-1280R010" in build_chart(deso, regso, "spine").heading
