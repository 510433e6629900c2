"""What the overview leaves out it names, and the profile counts each indicator once
(issue 11, item 7)."""

from __future__ import annotations

from dashboard.app.viewmodel import resolve
from dashboard.core.viewstate import ViewState
from dashboard.figures.overview import overview_left_out, overview_rows
from dashboard.figures.profile import spine_data
from dashboard.figures.sentences import profile_sentences


def test_every_indicator_is_in_the_overview_or_named_as_left_out(dataset) -> None:
    state, _ = resolve(dataset, ViewState())
    _, rows = overview_rows(dataset, state)
    shown = {r.indicator for r in rows}
    left_out = overview_left_out(dataset, state)
    titles = dict(zip(dataset.indicators["id"], dataset.indicators["title_sv"], strict=True))
    assert {titles[i] for i in set(titles) - shown} == set(left_out)
    assert left_out  # the embedded data has indicators with too few districts


def test_a_position_among_areas_is_drawn_but_not_counted_again(dataset) -> None:
    state, _ = resolve(dataset, ViewState(area="1280SD08"))
    data = spine_data(dataset, state)
    ranked = [r for r in data.rows if not r.counted]
    assert [r.indicator for r in ranked] == ["valfardsindex_rang"]
    counted = len(data.rows) - len(ranked)
    assert f"av {counted} indikatorer" in profile_sentences(data)[0]
    assert "Välfärdsindex (placering)" not in " ".join(profile_sentences(data))
