"""What a section drawn on request shows (`components.lazy`): a chart's table, its
downloads and links, and the gap measures beyond the key ones. Each is drawn for the view
as it is when the section is opened."""

from __future__ import annotations

from collections.abc import Callable

from dash import html

from dashboard.app import markup
from dashboard.app.components import share_box
from dashboard.app.pages import Context
from dashboard.app.render import measure_table
from dashboard.core.texts import t
from dashboard.figures.charts import CHART_IDS, ChartUnavailable, build_chart
from dashboard.figures.gaps import gap_panel


def _table(ctx: Context, chart_id: str) -> list:
    chart = build_chart(ctx.ds, ctx.state, chart_id, ctx.boundaries)
    return [markup.table(chart.header, chart.rows, label=chart.heading)]


def _share(ctx: Context, chart_id: str) -> list:
    return share_box(build_chart(ctx.ds, ctx.state, chart_id, ctx.boundaries), ctx)


def _more(ctx: Context, section_key: str) -> list:
    section = next(s for s in gap_panel(ctx.ds, ctx.state).sections if s.key == section_key)
    return [measure_table(tuple(r for r in section.rows if not r.key), ctx.state.lang)]


CONTENTS: dict[str, Callable[[Context, str], list]] = {"table": _table, "share": _share,
                                                       "more": _more}


def content(ctx: Context, name: str) -> list:
    """The content of the section `name` ('<kind>:<what>') for the view in `ctx`."""
    kind, _, what = name.partition(":")
    if kind not in CONTENTS or (kind in ("table", "share") and what not in CHART_IDS):
        return [html.P(t("no_data", ctx.state.lang), className="notice")]
    try:
        return CONTENTS[kind](ctx, what)
    except (ChartUnavailable, StopIteration):
        return [html.P(t("no_data", ctx.state.lang), className="notice")]
