"""Numbers and periods are written the way each language writes them."""

from __future__ import annotations

from dashboard.core.i18n import format_number, format_period, plotly_separators


def test_decimal_comma_in_swedish_and_point_in_english() -> None:
    assert format_number(6.4, "sv") == "6,4"
    assert format_number(6.4, "en") == "6.4"
    assert format_number(307758, "sv", 0) == "307\u00a0758"
    assert format_number(307758, "en", 0) == "307,758"
    assert format_number(-90, "sv", 0) == "\u221290"
    assert format_number(2.5, "en", signed=True) == "+2.5"
    assert format_number(float("nan"), "sv") == "–"
    assert format_number(-0.01, "sv", 1) == "0,0"


def test_periods_and_plotly_separators() -> None:
    assert format_period("2006-2010") == "2006\u20132010"
    assert format_period("2013-06-30") == "2013-06-30"
    assert plotly_separators("sv") == ", "
    assert plotly_separators("en") == ".,"
