"""The map's hover gives each area's population, as the README promises (issue 11, item 7),
also where the indicator's own rows carry none (the latest registered population)."""

from __future__ import annotations

from dashboard.app.viewmodel import resolve
from dashboard.core.viewstate import ViewState
from dashboard.figures.charts import build_chart
from dashboard.store import query


def test_every_area_on_the_map_shows_its_population(dataset) -> None:
    state, _ = resolve(dataset, ViewState(indicator="medellivslangd_vid_fodelsen"))
    assert query.view_values(dataset, state)["population"].isna().all()
    chart = build_chart(dataset, state, "map")
    hover = [h for trace in chart.spec["data"] for h in (trace.get("hovertext") or [])]
    rosengard = next(h for h in hover if h.startswith("<b>Rosengård</b>"))
    assert "23 563 inv." in rosengard.replace("\u00a0", " ")
