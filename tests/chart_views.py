"""The view each chart is drawn in, for tests that go through every chart: most draw in the
default view; the social-investment charts need a scenario."""

from __future__ import annotations

SCENARIO = ("ind=sysselsatta_16_64&level=deso&costy=4000000&cyrs=3&eff=1,2,3&hor=20"
            "&shares=40,10,30,20&area=1280C1640")
SCENARIO_CHARTS = ("gapcost", "investflows", "tornado", "simulation", "gains")


def chart_query(chart_id: str, lang: str = "sv") -> str:
    """The query string ('?lang=..&..') of a view in which `chart_id` is drawn."""
    extra = f"&{SCENARIO}" if chart_id in SCENARIO_CHARTS else ""
    return f"?lang={lang}{extra}"
