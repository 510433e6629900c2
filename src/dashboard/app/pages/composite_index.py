"""A composite welfare index by district: the user picks indicators and weights; Malmö's
own method (mean polarity-aware rank); shown ranked, on the map and over time."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
from dash import dcc, html

from dashboard.app.components import chart_card, dropdown, page_control, sentences
from dashboard.app.pages import Context, Page
from dashboard.app.render import area_options
from dashboard.core.i18n import format_number
from dashboard.core.texts import t
from dashboard.figures.charts import shapes_for
from dashboard.figures.composite import components, composite_trend_figure, composite_years
from dashboard.figures.labels import area_names, view_labels
from dashboard.figures.map import area_map, ranks
from dashboard.figures.style import base_layout, colours_for
from dashboard.store import query


def _ranked_bars(names: list[str], values: list[float], lang: str, area: str,
                 codes: list[str]) -> dict:
    order = sorted(range(len(values)), key=lambda i: values[i])
    layout = base_layout(lang, 34 * len(values) + 80)
    layout.update(xaxis={"range": [0, 10.5], "gridcolor": "#e5e7eb"},
                  yaxis={"automargin": True, "fixedrange": True},
                  margin={"l": 10, "r": 30, "t": 10, "b": 40})
    vals = [values[i] for i in order]
    return {"data": [{"type": "bar", "orientation": "h", "x": vals,
                      "y": [names[i] for i in order],
                      "marker": {"color": colours_for(vals, min(vals), max(vals),
                                                      "higher_better"),
                                 "line": {"color": ["#d95f02" if codes[i] == area else "#fff"
                                                    for i in order],
                                          "width": [3 if codes[i] == area else 0.5
                                                    for i in order]}},
                      "text": [format_number(v, lang, 1) for v in vals],
                      "textposition": "outside", "cliponaxis": False, "showlegend": False,
                      "hovertemplate": "%{y}: %{x}<extra></extra>"}], "layout": layout}


def _index_map(ds, state, codes: list[str], values: list[float], names: list[str],
               boundaries) -> dict:
    """The index on the same map drawing as every indicator (higher = better)."""
    shapes = shapes_for(ds, state.level, boundaries)
    if shapes is None:
        return {"data": [], "layout": base_layout(state.lang, 200)}
    labels = replace(view_labels(ds, state), title=t("page_index", state.lang),
                     unit=t("index_value", state.lang), decimals=1, polarity="higher_better")
    by_code = dict(zip(codes, values, strict=True))
    all_names = area_names(ds, [s.code for s in shapes.shapes], state.lang)
    hover = {s.code: f"<b>{all_names.get(s.code, s.code)}</b><br>"
                     f"{t('index_value', state.lang)}: "
                     f"{format_number(by_code.get(s.code), state.lang, 1)}"
             for s in shapes.shapes}
    return area_map(shapes, by_code, {s.code: all_names.get(s.code, s.code)
                                      for s in shapes.shapes}, hover, set(), labels)


def render(ctx: Context) -> list:
    ds, state, lang = ctx.ds, ctx.state, ctx.state.lang
    chosen, weights = components(ds, state)
    options = [{"label": query.indicator_info(ds, c)[f"title_{lang}"], "value": c}
               for c in query.composite_options(ds, state.level)]
    sliders = [page_control(f"w:{c}", query.indicator_info(ds, c)[f"title_{lang}"], dcc.Slider,
                            min=0, max=3, step=0.5, value=w, updatemode="mouseup",
                            marks={i: str(i) for i in range(4)})
               for c, w in zip(chosen, weights, strict=True)]
    controls = html.Div([
        page_control("sel", t("index_components", lang), dcc.Dropdown, options=options,
                     value=chosen, multi=True),
        dropdown("area", t("highlight", lang),
                 [{"label": t("none_selected", lang), "value": ""}, *area_options(ds, state)],
                 state.area),
        html.Div([html.P(t("index_weights", lang), className="chart-note"), *sliders],
                 className="weights"),
    ], className="page-controls index-controls")
    years = composite_years(ds, state)
    if not years:
        return [controls, html.P(t("index_none", lang), className="notice", id="headline")]
    latest = years[-1]
    names_by = area_names(ds, latest.codes, lang)
    complete = [i for i, v in enumerate(latest.result.index) if v == v]
    codes = [latest.codes[i] for i in complete]
    names = [names_by[c] for c in codes]
    values = [float(latest.result.index[i]) for i in complete]
    rank = ranks(pd.Series(values), "higher_better").tolist()
    best, worst = names[values.index(max(values))], names[values.index(min(values))]
    used = ", ".join(f"{query.indicator_info(ds, c)[f'title_{lang}']} {y}"
                     for c, y in latest.periods_used.items())
    lead = t("index_sentence", lang, year=latest.period, best=best, worst=worst,
             hi=format_number(max(values), lang, 1), lo=format_number(min(values), lang, 1),
             n=len(chosen))
    titles = [query.indicator_info(ds, c)[f"title_{lang}"] for c in chosen]
    header = [t("rank", lang), t("area", lang), t("index_value", lang), *titles]
    rows = sorted(([str(r), names[k], format_number(values[k], lang, 2),
                    *[format_number(latest.result.scores[j, complete[k]], lang, 1)
                      for j in range(len(chosen))]]
                   for k, r in enumerate(rank)), key=lambda row: int(row[0]))
    return [
        controls,
        sentences([lead, t("index_method", lang), t("index_years_used", lang, used=used)]),
        html.Div([
            chart_card("indexmap", t("index_map_heading", lang, year=latest.period),
                       _index_map(ds, state, codes, values, names, ctx.boundaries), lang,
                       alt=lead),
            chart_card("indexbars", t("index_bars_heading", lang, year=latest.period),
                       _ranked_bars(names, values, lang, state.area, codes), lang, alt=lead,
                       header=header, rows=rows),
        ], className="charts"),
        chart_card("indextrend", t("index_trend_heading", lang),
                   composite_trend_figure(ds, state, years), lang,
                   alt=t("index_trend_alt", lang, first=years[0].period, last=latest.period)),
    ]


PAGE = Page("index", "/index", "page_index", ("level",), render)
