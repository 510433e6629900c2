"""Text contrast (WCAG 2.1, 1.4.3: 4.5:1): every map label against its area's fill, for every
indicator at every level, on tiles and on the real boundaries; the charts' other text and the
page's text colours against white; the focus ring (1.4.11: 3:1)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dashboard.app.settings import load_settings
from dashboard.app.viewmodel import resolve
from dashboard.core.geometry import ShapeSet
from dashboard.core.viewstate import ViewState
from dashboard.figures import style
from dashboard.figures.lines import LINE_COLOURS, Line, draw_lines
from dashboard.figures.map import draw_map, map_data
from dashboard.ingest.boundaries import read_many
from dashboard.store import query
from dashboard.store.dataset import Dataset

CSS = Path(__file__).parents[2] / "src" / "dashboard" / "assets" / "style.css"


@pytest.fixture(scope="module")
def shipped(dataset: Dataset, tmp_path_factory: pytest.TempPathFactory
            ) -> dict[str, ShapeSet]:
    """The boundaries the app loads with default settings (an empty user folder)."""
    home = tmp_path_factory.mktemp("home")
    paths = load_settings({"DASHBOARD_HOME": str(home)}).boundary_paths
    return {level: f.shapes for level, f in read_many([str(p) for p in paths],
                                                      dataset.areas).items()}


def label_contrasts(spec: dict) -> list[tuple[str, str, str, float]]:
    """(label, text colour, fill, ratio) of every label drawn on the map."""
    fills = [tr["fillcolor"] for tr in spec["data"]
             if tr.get("fill") == "toself" and tr.get("name") != "hole"]
    areas = next(tr for tr in spec["data"] if tr.get("name") == "areas")
    if "text" not in areas:  # too many areas: names and values on hover only
        return []
    colours = areas["textfont"]["color"]
    return [(text, colour, fill, style.contrast_ratio(colour, fill))
            for text, colour, fill in zip(areas["text"], colours, fills, strict=True) if text]


def test_wcag_contrast_ratio_matches_its_definition() -> None:
    assert style.contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert style.contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1.0)
    # WCAG's own example: #767676 is the lightest grey with 4.5:1 on white.
    assert style.contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
    assert style.contrast_ratio("rgb(118, 118, 118)", "#fff000") == pytest.approx(
        style.contrast_ratio("#767676", "#fff000"))


def test_the_mid_blue_that_failed_gets_black_not_white() -> None:
    """White on this blue was 3.2:1 and the dark text 4.3:1; black reads at 6.2:1."""
    assert style.contrast_ratio("#ffffff", "#4292c6") < 4.5
    assert style.contrast_ratio(style.TEXT, "#4292c6") < 4.5
    assert style.text_colour_on("#4292c6") == "#000000"


@pytest.mark.parametrize("polarity", ["higher_better", "lower_better", "none"])
def test_label_text_reads_on_every_colour_of_the_scales(polarity: str) -> None:
    fills = style.colours_for([i / 200 for i in range(201)], 0.0, 1.0, polarity)
    for fill in [*fills, style.NO_DATA]:
        assert style.contrast_ratio(style.text_colour_on(fill), fill) >= 4.5, fill


def test_every_label_of_every_map_reads_on_its_fill(dataset: Dataset, shipped) -> None:
    """Every indicator's map at every level it has, on tiles and on real boundaries: the
    areas' labels and the notes on the map (the boundaries' credit sits over the fills)."""
    checked = {"tiles": 0, "boundaries": 0}
    failures = []
    for indicator in dataset.indicators["id"]:
        for level in query.levels_with_data(dataset, str(indicator)):
            for shape in ("tiles", "map"):
                state = resolve(dataset, ViewState(indicator=str(indicator), shape=shape))[0]
                state = state.with_changes(level=level)
                spec = draw_map(map_data(dataset, state, shipped), state.lang)
                kind = spec["layout"]["meta"]["map_kind"]
                if kind == "none":
                    continue
                labels = label_contrasts(spec)
                labels += [(note["text"], note["font"]["color"], note.get("bgcolor", "#ffffff"),
                            style.contrast_ratio(note["font"]["color"],
                                                 note.get("bgcolor", "#ffffff")))
                           for note in spec["layout"].get("annotations", [])]
                checked[kind] += len(labels)
                failures += [(indicator, level, kind, *label) for label in labels
                             if label[3] < 4.5]
    assert not failures, failures[:5]
    assert checked["tiles"] > 100 and checked["boundaries"] > 100, checked


def test_named_lines_keep_their_hue_and_read_on_white() -> None:
    lines = [Line(f"Line {i}", (2020.0, 2021.0), (float(i), i + 1.0), colour, True)
             for i, colour in enumerate((*LINE_COLOURS, style.HIGHLIGHT,
                                         style.REFERENCE_CITY))]
    spec = draw_lines(lines, "", "%", ["2020", "2021"], "sv", 300)
    colours = [a["font"]["color"] for a in spec["layout"]["annotations"]]
    assert len(colours) == len(lines)
    assert all(style.contrast_ratio(c, "#ffffff") >= 4.5 for c in colours), colours
    assert style.text_shade("#0072B2") == "#0072B2"  # already readable: unchanged
    assert style.text_shade("#E69F00") != "#000000"  # darkened, not turned black


@pytest.mark.parametrize("colour", [style.TEXT, style.MUTED, style.REFERENCE_CITY,
                                    style.REFERENCE_COUNTRY])
def test_chart_text_colours_read_on_white(colour: str) -> None:
    assert style.contrast_ratio(colour, "#ffffff") >= 4.5


def css_colours() -> dict[str, str]:
    """The custom properties of style.css that hold a #rrggbb colour."""
    return dict(re.findall(r"--([a-z-]+):\s*(#[0-9a-fA-F]{6})", CSS.read_text("utf-8")))


def test_page_text_colours_read_on_white_and_on_the_page_grey() -> None:
    colours = css_colours()
    for name in ("text", "muted", "accent"):
        for background in ("#ffffff", colours["bg"]):
            assert style.contrast_ratio(colours[name], background) >= 4.5, (name, background)


def test_overview_cells_keep_their_text_readable() -> None:
    css = CSS.read_text("utf-8")
    fills = dict(re.findall(r"\.cell\.([a-z]+) \{ background: (#[0-9a-fA-F]{6})", css))
    assert set(fills) >= {"better", "similar", "worse", "neutral", "missing"}
    text, muted = css_colours()["text"], css_colours()["muted"]
    for status, fill in fills.items():
        colour = muted if status == "missing" else text
        assert style.contrast_ratio(colour, fill) >= 4.5, status


def test_focus_ring_has_3_to_1_on_white_and_on_the_page_grey() -> None:
    css = CSS.read_text("utf-8")
    assert re.search(r"^:focus-visible \{ outline: 3px solid var\(--focus\)", css, re.M)
    colours = css_colours()
    for background in ("#ffffff", colours["bg"]):
        assert style.contrast_ratio(colours["focus"], background) >= 3.0
