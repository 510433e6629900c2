"""The view each chart is drawn in, for tests that go through every chart: most draw in the
default view; the social-investment charts need a scenario."""

from __future__ import annotations

from dashboard.app.viewmodel import resolve
from dashboard.core.viewstate import ViewState, from_query
from dashboard.store.dataset import Dataset

SCENARIO = ("ind=sysselsatta_16_64&level=deso&costy=4000000&cyrs=3&eff=1,2,3&hor=20"
            "&shares=40,10,30,20&area=1280C1640")
SCENARIO_CHARTS = ("gapcost", "investflows", "tornado", "simulation", "gains")


def chart_query(chart_id: str, lang: str = "sv") -> str:
    """The query string ('?lang=..&..') of a view in which `chart_id` is drawn."""
    extra = f"&{SCENARIO}" if chart_id in SCENARIO_CHARTS else ""
    return f"?lang={lang}{extra}"


def chart_state(ds: Dataset, chart_id: str, lang: str = "sv", **choices: str) -> ViewState:
    """The resolved view state in which `chart_id` is drawn; other charts in `choices`."""
    if chart_id in SCENARIO_CHARTS:
        return resolve(ds, from_query(chart_query(chart_id, lang))[0])[0]
    return resolve(ds, ViewState(lang=lang, **choices))[0]
