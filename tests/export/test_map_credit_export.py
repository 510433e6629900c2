"""An exported map keeps the boundaries' credit ("Stadskontoret, Malmö stad (CC0)")."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from dashboard.app.factory import load
from dashboard.app.pages import chart_fields
from dashboard.app.settings import load_settings
from dashboard.core.viewstate import restrict
from dashboard.export.citation import cite
from dashboard.export.figure import export_figure, export_spec
from dashboard.figures.charts import build_chart
from tests.export.helpers import BASE_URL, resolved

CREDIT = "Stadskontoret, Malmö stad (CC0)"


@pytest.fixture(scope="module")
def shipped(tmp_path_factory):
    return load(load_settings({"DASHBOARD_HOME": str(tmp_path_factory.mktemp("home"))}))


def test_export_spec_keeps_the_credit(shipped) -> None:
    ds, boundaries = shipped
    state = restrict(resolved(ds, lang="en"), chart_fields("map"))
    chart = build_chart(ds, state, "map", boundaries)
    spec = export_spec(chart, cite(chart, state, BASE_URL), 1200, 675)
    assert f"Boundaries: {CREDIT}" in [a["text"] for a in spec["layout"]["annotations"]]


def test_exported_svg_shows_the_credit(shipped, renderer) -> None:
    ds, boundaries = shipped
    state = restrict(resolved(ds), chart_fields("map"))
    chart = build_chart(ds, state, "map", boundaries)
    svg = export_figure(chart, state, BASE_URL, "svg", renderer=renderer)
    words = " ".join("".join(el.itertext()) for el in ET.fromstring(svg).iter()
                     if el.tag.endswith("}text"))
    assert f"Gränser: {CREDIT}" in words
    assert "Oxie" in words  # the stadsdelar are named on the image
