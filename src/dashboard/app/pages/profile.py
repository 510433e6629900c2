"""District profile: one area against Malmö's range and average for every indicator."""

from __future__ import annotations

from dashboard.app.components import chart_from, dropdown, invest_link, sentences
from dashboard.app.pages import Context, Page, Part
from dashboard.app.render import area_options
from dashboard.core.texts import t
from dashboard.figures.charts import build_chart
from dashboard.figures.profile import SpineData, default_area
from dashboard.figures.sentences import profile_sentences


def _controls(ctx: Context) -> list:
    area = default_area(ctx.ds, ctx.state)
    lang = ctx.state.lang
    return [dropdown("area", t("area", lang), area_options(ctx.ds, ctx.state), area, lang)]


def _profile(ctx: Context) -> list:
    chart = build_chart(ctx.ds, ctx.state, "spine", ctx.boundaries)
    assert isinstance(chart.data, SpineData)
    return [sentences(profile_sentences(chart.data)),
            chart_from(chart, ctx, note=t("spine_note", ctx.state.lang)),
            invest_link(ctx, "invest_open_area", default_area(ctx.ds, ctx.state))]


CONTROLS = Part("controls", frozenset({"level", "area"}), _controls, ("area",), "page-controls")
PROFILE = Part("profile", frozenset({"level", "area"}), _profile)
PAGE = Page("profile", "/profile", "page_profile", ("level",), (CONTROLS, PROFILE),
            lambda ctx: [CONTROLS.slot(ctx), PROFILE.slot(ctx)])
