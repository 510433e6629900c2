"""The view state round-trips through the address, codes only, with real types."""

from __future__ import annotations

from dashboard.core.viewstate import ViewState, from_query, href, restrict, to_query


def test_round_trip() -> None:
    state = ViewState("en", "forvarvsfrekvens", "2011", "total", "birth_region", "born_abroad",
                      "stadsdel", sel=("ohalsotal", "forvarvsfrekvens"), weights=(1.5, 1.0))
    parsed, ignored = from_query(to_query(state))
    assert parsed == state and ignored == []
    assert "ind=forvarvsfrekvens" in to_query(state)
    assert "w=1.5,1" in to_query(state) and "sel=ohalsotal,forvarvsfrekvens" in to_query(state)


def test_unknown_and_malformed_parameters_are_reported() -> None:
    parsed, ignored = from_query("?lang=fi&ind=ohalsotal&utm_source=x&period=last&w=a,b"
                                 "&sort=up&area=<script>")
    assert parsed.lang == "sv" and parsed.indicator == "ohalsotal" and parsed.period == ""
    assert parsed.weights == () and parsed.sort == "" and parsed.area == ""
    assert sorted(ignored) == ["area", "lang", "period", "sort", "utm_source", "w"]


def test_lists_and_weights_are_typed() -> None:
    parsed, _ = from_query("?sel=a,b,a&w=2,,0.5")
    assert parsed.sel == ("a", "b") and parsed.weights == (2.0, 1.0, 0.5)
    assert parsed.weight_of("b") == 1.0 and parsed.weight_of("z") == 1.0


def test_an_address_can_hold_only_what_its_view_uses() -> None:
    state = ViewState("en", "ohalsotal", "2011", sel=("a",), weights=(2.0,), sort="name")
    kept = restrict(state, frozenset({"indicator", "sort"}))
    assert to_query(kept) == "?lang=en&ind=ohalsotal&sort=name"


def test_empty_query() -> None:
    assert from_query("") == (ViewState(), [])
    assert to_query(ViewState()) == "?lang=sv"


def test_one_url_builder_for_views_exports_and_embeds() -> None:
    state = ViewState(indicator="ohalsotal")
    assert href("/map", state) == "/map?lang=sv&ind=ohalsotal"
    assert href("/export/map/png", state, scale="2") == \
        "/export/map/png?lang=sv&ind=ohalsotal&scale=2"
    assert href("/embed/map", state, "http://h:1/") == "http://h:1/embed/map?lang=sv&ind=ohalsotal"
    assert href("/export/map/csv", None, full="1") == "/export/map/csv?full=1"
