"""Figure builders: valid Plotly specs that show what the numbers say, in either language."""

from __future__ import annotations

import plotly.graph_objects as go
import pytest

from dashboard.app.viewmodel import resolve
from dashboard.core.geometry import Shape, ShapeSet
from dashboard.core.viewstate import ViewState
from dashboard.figures.bars import bars_data, draw_bars
from dashboard.figures.charts import shapes_for
from dashboard.figures.map import draw_map, map_data, wrap_name
from dashboard.figures.style import NO_DATA
from dashboard.figures.tables import values_table
from dashboard.ingest.boundaries import read_boundaries
from dashboard.store import query
from tests.conftest import shared_path


def view(dataset, **choices) -> ViewState:
    return resolve(dataset, ViewState(**choices))[0]


def map_figure(dataset, state: ViewState, shapes: ShapeSet | None = None) -> dict:
    """The map of the view, on the given shapes (else the level's tiles, if any)."""
    boundaries = {} if shapes is None else {shapes.level: shapes}
    return draw_map(map_data(dataset, state, boundaries), state.lang)


def bars_figure(dataset, state: ViewState) -> dict:
    return draw_bars(bars_data(dataset, state, {}), state.lang)


def luminance(colour: str) -> float:
    if colour.startswith("rgb"):
        r, g, b = (float(x) for x in colour[colour.index("(") + 1:-1].split(",")[:3])
    else:
        r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def area_traces(spec: dict) -> list[dict]:
    return [tr for tr in spec["data"] if tr.get("fill") == "toself" and tr.get("name") != "hole"]


def area_fills(spec: dict) -> list[str]:
    return [tr["fillcolor"] for tr in area_traces(spec)]


def label_trace(spec: dict) -> dict:
    return next(tr for tr in spec["data"] if tr.get("name") == "areas")


@pytest.mark.parametrize("indicator", ["medellivslangd_vid_fodelsen", "ohalsotal",
                                       "folkmangd", "behorighet_gymnasieskolan"])
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_spec_is_valid_plotly(dataset, indicator: str, lang: str) -> None:
    state = view(dataset, indicator=indicator, lang=lang)
    go.Figure(map_figure(dataset, state, shapes_for(dataset, state.level, {})))
    go.Figure(bars_figure(dataset, state))


def test_tile_map_darkest_is_worst_for_each_polarity(dataset) -> None:
    # Life expectancy: higher is better, so the lowest (Södra Innerstaden) is darkest.
    state = view(dataset)
    spec = map_figure(dataset, state, shapes_for(dataset, "stadsdel", {}))
    codes = label_trace(spec)["customdata"]
    fills = dict(zip(codes, area_fills(spec), strict=True))
    assert min(fills, key=lambda c: luminance(fills[c])) == "1280SD02"
    assert max(fills, key=lambda c: luminance(fills[c])) == "1280SD07"
    assert spec["layout"]["meta"]["map_kind"] == "tiles"
    # Sickness days: lower is better, so the highest (Rosengård) is darkest.
    spec = map_figure(dataset, view(dataset, indicator="ohalsotal"),
                      shapes_for(dataset, "stadsdel", {}))
    fills = dict(zip(label_trace(spec)["customdata"], area_fills(spec), strict=True))
    assert min(fills, key=lambda c: luminance(fills[c])) == "1280SD08"


def test_flagged_value_is_outlined_and_named_in_hover(dataset) -> None:
    spec = map_figure(dataset, view(dataset), shapes_for(dataset, "stadsdel", {}))
    labels = label_trace(spec)
    husie = labels["customdata"].index("1280SD09")
    dotted = [tr["line"].get("dash") == "dot" for tr in area_traces(spec)]
    assert dotted[husie] and sum(dotted) == 1
    assert "motsägelsefullt i källan" in labels["hovertext"][husie]
    # Life expectancy is drawn as dots: the flagged one is a diamond, its label flagged.
    dots = bars_figure(dataset, view(dataset))["data"][0]
    assert dots["marker"]["symbol"][dots["y"].index("Husie")] == "diamond"
    assert dots["text"][dots["y"].index("Husie")] == "77,2 ⚑"
    # Counts are bars: the flagged ones are striped.
    bar = bars_figure(dataset, view(dataset, indicator="folkmangd", level="delomrade",
                                    period="2011-01-01"))["data"][0]
    assert bar["type"] == "bar"
    assert bar["marker"]["pattern"]["shape"][bar["y"].index("Holma")] == "/"


def test_missing_areas_are_grey_and_say_no_data(dataset) -> None:
    state = view(dataset, indicator="behorighet_gymnasieskolan")
    spec = map_figure(dataset, state, shapes_for(dataset, "stadsdel", {}))
    fills = area_fills(spec)
    assert fills.count(NO_DATA) == 4  # only six districts survive in the source table
    hover = label_trace(spec)["hovertext"]
    assert sum("Uppgift saknas" in h for h in hover) == 4


def test_geographic_map_stays_in_malmo(dataset) -> None:
    shapes = read_boundaries(
        shared_path("data/derived/malmo_stadsdelar_10_derived_epsg4326.geojson"),
        dataset.areas).shapes
    spec = map_figure(dataset, view(dataset), shapes)
    xs = [x for tr in area_traces(spec) for x in tr["x"] if x]
    ys = [y for tr in area_traces(spec) for y in tr["y"] if y]
    assert 110_000 < min(xs) < max(xs) < 130_000  # SWEREF99 13 30 metres, not degrees
    assert 6_150_000 < min(ys) < max(ys) < 6_170_000
    assert spec["layout"]["yaxis"]["scaleanchor"] == "x"
    assert spec["layout"]["meta"]["map_kind"] == "boundaries"
    assert "geo" not in spec["layout"] and all(tr["type"] == "scatter" for tr in spec["data"])


def test_delomrade_map_marks_areas_without_data(dataset) -> None:
    shapes = read_boundaries(shared_path("data/raw/swemaps2/malmo_delomraden_epsg3008.geojson"),
                             dataset.areas).shapes
    state = view(dataset, indicator="folkmangd", level="delomrade")
    spec = map_figure(dataset, state, shapes)
    fills = area_fills(spec)
    assert len(fills) == 136
    assert sum(f != NO_DATA for f in fills) == len(query.view_values(dataset, state))
    flagged = [tr for tr in area_traces(spec) if tr["line"].get("dash") == "dot"]
    assert len(flagged) == 4  # the four Wikipedia-sourced figures keep their colour


def test_area_inside_a_hole_is_drawn_on_top(dataset) -> None:
    square = ((0.0, 10.0, 10.0, 0.0, 0.0), (0.0, 0.0, 10.0, 10.0, 0.0))
    hole = ((4.0, 6.0, 6.0, 4.0, 4.0), (4.0, 4.0, 6.0, 6.0, 4.0))
    ring = Shape("1280SD02", (square,), (hole,), 1.0, 1.0)
    island = Shape("1280SD01", (hole,), (), 5.0, 5.0)  # sorts first by code
    shapes = ShapeSet("stadsdel", (island, ring), False, "test")
    spec = map_figure(dataset, view(dataset), shapes)
    names = [tr.get("name") for tr in spec["data"]]
    hole_at = names.index("hole")
    island_at = next(i for i, tr in enumerate(spec["data"])
                     if tr.get("fill") == "toself" and tr["x"][:5] == list(hole[0])
                     and tr.get("name") != "hole")
    assert island_at > hole_at


def test_no_shapes_gives_a_message_not_a_blank_chart(dataset) -> None:
    state = view(dataset, indicator="behorighet_gymnasieskolan", level="skola")
    assert shapes_for(dataset, "skola", {}) is None
    spec = map_figure(dataset, state)
    assert "Ingen karta" in spec["layout"]["annotations"][0]["text"]


def test_bars_rank_best_first_with_reference_lines(dataset) -> None:
    spec = bars_figure(dataset, view(dataset))
    bar = spec["data"][0]
    assert bar["y"][-1] == "Oxie" and bar["y"][0] == "Södra Innerstaden"  # top = last
    assert bar["text"][-1] == "81,0"
    refs = {a["text"] for a in spec["layout"]["annotations"]}
    assert refs == {"Malmö 77,9", "Sverige 79,1"}
    assert [s["x0"] for s in spec["layout"]["shapes"]] == [77.9, 79.1]
    assert spec["layout"]["separators"] == ", "
    english = bars_figure(dataset, view(dataset, lang="en"))
    assert {a["text"] for a in english["layout"]["annotations"]} == {"Malmö 77.9",
                                                                      "Sweden 79.1"}


def test_bars_sort_lower_is_better_indicators_ascending(dataset) -> None:
    bar = bars_figure(dataset, view(dataset, indicator="ohalsotal"))["data"][0]
    assert bar["x"][-1] == min(bar["x"])  # the best (fewest days) is at the top


def test_wrap_name_breaks_long_names() -> None:
    assert wrap_name("Södra Innerstaden") == "Södra<br>Innerstaden"
    assert wrap_name("Limhamn-Bunkeflo") == "Limhamn-<br>Bunkeflo"
    assert wrap_name("Oxie") == "Oxie"


def test_table_alternative_has_every_area_with_source(dataset) -> None:
    header, rows = values_table(bars_data(dataset, view(dataset, lang="en"), {}))
    assert header[0] == "Rank" and len(rows) == 10
    assert rows[0][:3] == ["1", "Oxie", "81.0"]
    assert all(r[-1].startswith("http://redovisningar.malmo.se/") for r in rows)
    husie = next(r for r in rows if r[1] == "Husie")
    assert husie[4] == "inconsistent in the source"


def test_lead_sentence_and_source_in_both_languages(dataset) -> None:
    from dashboard.figures.charts import build_chart
    from dashboard.figures.gaps import gap_panel
    from dashboard.figures.sentences import lead_sentence

    sv, en = view(dataset), view(dataset, lang="en")
    assert lead_sentence(gap_panel(dataset, sv)) == (
        "Män i Oxie förväntas leva 6,4 år längre än män i Södra Innerstaden (2006–2010).")
    assert lead_sentence(gap_panel(dataset, en)) == (
        "Men in Oxie are expected to live 6.4 years longer than men in Södra Innerstaden "
        "(2006–2010).")
    assert build_chart(dataset, sv, "map").source.startswith(
        "Källa: Malmö stad (redovisningar.malmo.se/2011/?page_id=1790)")
    assert build_chart(dataset, en, "bars").source.startswith("Source: Malmö stad")


def test_charts_carry_source_licence_table_and_alt_text(dataset) -> None:
    from dashboard.figures.charts import build_chart

    for lang in ("sv", "en"):
        state = view(dataset, lang=lang)
        for chart_id in ("map", "bars"):
            chart = build_chart(dataset, state, chart_id)
            go.Figure(chart.spec)
            assert chart.source and "Malmö stad" in chart.licence
            assert len(chart.rows) == 10
            assert "Oxie" in chart.alt and "Södra Innerstaden" in chart.alt
    bars = build_chart(dataset, view(dataset, lang="en"), "bars")
    assert bars.alt.startswith("Horizontal bar chart of life expectancy at birth")
    assert "Oxie 81.0, Västra Innerstaden 80.0" in bars.alt
    assert "For comparison: Malmö 77.9 years, Sweden 79.1 years." in bars.alt
    empty = build_chart(dataset, view(dataset, indicator="behorighet_gymnasieskolan",
                                      level="skola"), "map")
    assert "Högst i" in empty.alt


def test_every_registered_chart_is_a_valid_figure_in_both_languages(dataset) -> None:
    from dashboard.figures.charts import CHART_IDS, build_chart
    from tests.chart_views import chart_state

    for lang in ("sv", "en"):
        for chart_id in CHART_IDS:
            state = chart_state(dataset, chart_id, lang, indicator="forvarvsfrekvens")
            chart = build_chart(dataset, state, chart_id)
            go.Figure(chart.spec)
            assert chart.alt and chart.header and chart.rows, chart_id


def test_suppressed_value_is_named_not_drawn(dataset) -> None:
    from dashboard.store.dataset import from_tables

    obs = dataset.observations.copy()
    row = obs.index[(obs["indicator_id"] == "medellivslangd_vid_fodelsen")
                    & (obs["area_code"] == "1280SD07") & (obs["period"] == "2006-2010")
                    & (obs["sex"] == "male")][0]
    obs.loc[row, "value"] = float("nan")
    obs.loc[row, "flag"] = "suppressed"
    tables = {n: dataset.table(n) for n in ("indicators", "areas", "groups", "sources")}
    changed = from_tables({"observations": obs, **tables}, dataset.info)
    spec = map_figure(changed, view(changed), shapes_for(changed, "stadsdel", {}))
    labels = label_trace(spec)
    oxie = labels["customdata"].index("1280SD07")
    assert "undertryckt (för få fall)" in labels["hovertext"][oxie]
    assert area_fills(spec)[oxie] == NO_DATA


def test_long_line_names_are_cut_at_the_end_but_keep_their_code() -> None:
    from dashboard.figures.lines import LABEL_CHARS, end_label

    assert end_label("Husie") == "Husie"
    cut = end_label("Almvik norr-Lindängen norr (1280C1230)")
    assert cut.endswith("… (1280C1230)") and cut.startswith("Almvik")
    assert len(cut) <= LABEL_CHARS
    assert len(end_label("Limhamn-Bunkeflo och en lång rad andra namn")) == LABEL_CHARS


def test_whole_numbers_as_published_are_shown_without_decimals(dataset) -> None:
    """FoHM gives DeSO coverage in whole percent: '91 %', not '91,0 %'; RegSO values made
    from them by weighting keep their decimal."""
    from dashboard.figures.labels import view_labels

    deso = resolve(dataset, ViewState(indicator="vaccination_covid19_dos1", level="deso"))[0]
    regso = deso.with_changes(level="regso")
    assert view_labels(dataset, deso).with_unit(91.0) == "91 %"
    assert view_labels(dataset, regso).with_unit(91.04) == "91,0 %"


def test_many_context_lines_are_one_grey_trace_named_on_hover() -> None:
    from dashboard.figures.lines import MAX_NAMED, Line, draw_lines

    periods = ["2021", "2022"]
    context = [Line(f"Område {i}", (2021.0, 2022.0), (float(i), float(i + 1)), "#999999", False)
               for i in range(MAX_NAMED + 8)]
    chosen = Line("Rosengård", (2021.0, 2022.0), (3.0, 5.0), "#cc0000", True)
    spec = draw_lines([*context, chosen], "År", "%", periods, "sv", 300)
    assert len(spec["data"]) == 2
    assert "Område 19, 2022" in spec["data"][0]["customdata"]
    assert [a["text"] for a in spec["layout"]["annotations"]] == ["Rosengård"]
    few = draw_lines([*context[:3], chosen], "År", "%", periods, "sv", 300)
    assert len(few["data"]) == 4 and len(few["layout"]["annotations"]) == 4
