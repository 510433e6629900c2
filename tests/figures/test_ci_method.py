"""An interval the dashboard derived from counts names its method wherever it is shown."""

from __future__ import annotations

from dashboard.app.viewmodel import resolve
from dashboard.core.viewstate import ViewState
from dashboard.figures.charts import build_chart


def test_derived_intervals_name_their_method_in_table_and_hover(dataset) -> None:
    for lang, word in (("sv", "Wilson"), ("en", "Wilson")):
        state, _ = resolve(dataset, ViewState(lang=lang, indicator="utlandsk_bakgrund_andel"))
        chart = build_chart(dataset, state, "bars")
        derived = [row for row in chart.rows if row[3]]
        assert chart.header[3] in ("95 % KI", "95% CI")
        assert derived and all(row[3].endswith(f"({word})") for row in derived)
        hover = chart.spec["data"][0]["hovertext"]
        assert any(f"({word})" in text for text in hover)

