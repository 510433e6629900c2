"""The view state round-trips through the address, codes only."""

from __future__ import annotations

from dashboard.core.viewstate import ViewState, from_query


def test_round_trip() -> None:
    state = ViewState("en", "forvarvsfrekvens", "2011", "total", "birth_region", "born_abroad",
                      "stadsdel")
    parsed, ignored = from_query(state.to_query())
    assert parsed == state and ignored == []
    assert "ind=forvarvsfrekvens" in state.to_query()


def test_unknown_parameters_and_language_are_reported() -> None:
    parsed, ignored = from_query("?lang=fi&ind=ohalsotal&utm_source=x")
    assert parsed.lang == "sv" and parsed.indicator == "ohalsotal"
    assert sorted(ignored) == ["lang", "utm_source"]


def test_empty_query() -> None:
    assert from_query("") == (ViewState(), [])
    assert ViewState().to_query() == "?lang=sv"
