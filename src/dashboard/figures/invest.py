"""The social-investment charts: the yearly cost of the gap by area, a scenario's yearly
flows, its tornado of parameters, its Monte Carlo spread and who gains.

Each chart's data is a slice of the one `InvestModel` of the view state; each drawing,
table and description is a pure function of that data. Money is in kronor at the prices
the user's inputs are in; every chart carries the assumptions, which exports print.
"""

from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass

import numpy as np

from dashboard.core.geometry import ShapeSet
from dashboard.core.i18n import format_money, format_number
from dashboard.core.texts import t
from dashboard.core.viewstate import ViewState
from dashboard.figures import sentences, style
from dashboard.figures.invest_model import PARTIES, InvestModel, invest_model
from dashboard.figures.parts import ChartData
from dashboard.store.dataset import Dataset

HISTOGRAM_BINS = 40
# The chart shows the areas with the largest gaps (all of them in the table): 192 bars of
# DeSO would make a chart no one can read.
SHOWN_AREAS = 20
# Legends above the plot: below it they would meet the axis title, and in an export the
# footer.
TEXT_ROOM = 1.5
# An axis title longer than this wraps: it is centred on the plot, which is narrow on a phone.
AXIS_TITLE_CHARS = 22
TOP_LEGEND = {"orientation": "h", "x": 0, "xanchor": "left", "y": 1.02, "yanchor": "bottom"}
COST = "#b2182b"
BENEFIT = "#2166ac"
NET = "#1f2933"


@dataclass(frozen=True, kw_only=True)
class InvestData(ChartData):
    """One chart of the view: the model it slices."""

    model: InvestModel


def _data(ds: Dataset, state: ViewState, chart: str, ready: bool) -> InvestData | None:
    model = invest_model(ds, state)
    if not ready or not model.rows:
        return None
    lang = state.lang
    heading = sentences.invest_heading(model, chart, lang)
    return InvestData(lang=lang, heading=heading, title=heading,
                      subtitle=sentences.invest_subtitle(model, lang),
                      source_ids=model.source_ids,
                      assumptions=sentences.invest_assumptions(model, lang), model=model)


def gapcost_data(ds: Dataset, state: ViewState, _b: dict[str, ShapeSet] | None = None
                 ) -> InvestData | None:
    """Each area's shortfall in natural units a year (None without a countable unit)."""
    return _data(ds, state, "gapcost", invest_model(ds, state).unit is not None)


def flows_data(ds: Dataset, state: ViewState, _b: dict[str, ShapeSet] | None = None
               ) -> InvestData | None:
    """The scenario's yearly discounted costs and benefits (None until it is complete)."""
    return _data(ds, state, "investflows", invest_model(ds, state).flows is not None)


def tornado_data(ds: Dataset, state: ViewState, _b: dict[str, ShapeSet] | None = None
                 ) -> InvestData | None:
    """The NPV as each ranged parameter moves (None without a range or a money value)."""
    model = invest_model(ds, state)
    ready = bool(model.swings) and model.evaluation is not None \
        and math.isfinite(model.evaluation.npv)
    return _data(ds, state, "tornado", ready)


def simulation_data(ds: Dataset, state: ViewState, _b: dict[str, ShapeSet] | None = None
                    ) -> InvestData | None:
    """The spread of the NPV over the draws (None without a money value)."""
    model = invest_model(ds, state)
    ready = model.simulation is not None and math.isfinite(model.simulation.median) \
        and bool(model.swings)
    return _data(ds, state, "simulation", ready)


def gains_data(ds: Dataset, state: ViewState, _b: dict[str, ShapeSet] | None = None
               ) -> InvestData | None:
    """Who gains the benefits (None until shares are given)."""
    model = invest_model(ds, state)
    return _data(ds, state, "gains", bool(model.gains) and all(map(math.isfinite, model.gains)))


def two_lines(name: str) -> str:
    """An area or parameter name with its bracket on a second line, so that the labels of a
    bar chart leave the bars room on a phone."""
    return name.replace(" (", "<br>(", 1)


def _hbar_layout(lang: str, count: int, title: str) -> style.FigureSpec:
    layout = style.base_layout(lang, max(240, 40 * count + 90))
    title = "<br>".join(textwrap.wrap(title, AXIS_TITLE_CHARS))
    layout.update(xaxis={"title": {"text": title}, "gridcolor": "#e5e7eb", "zeroline": True,
                         "zerolinecolor": style.MUTED, "automargin": True},
                  yaxis={"automargin": True, "fixedrange": True},
                  margin={"l": 10, "r": 40, "t": 10, "b": 40})
    return layout


def draw_gapcost(data: InvestData, lang: str) -> style.FigureSpec:
    """Horizontal bars: each area's shortfall in units a year, largest at the top; the
    scenario's target area in the highlight colour."""
    model = data.model
    rows = sorted((r for r in model.rows if math.isfinite(r.units) and r.units > 0),
                  key=lambda r: r.units)[-SHOWN_AREAS:]
    target = model.target.code if model.target else ""
    values = [r.units for r in rows]
    colours = [style.HIGHLIGHT if r.code == target else BENEFIT for r in rows]
    return {"data": [{
        "type": "bar", "orientation": "h", "x": values, "y": [two_lines(r.name) for r in rows],
        "marker": {"color": colours}, "cliponaxis": False, "textposition": "outside",
        "text": [format_number(v, lang, 0) for v in values],
        "hovertemplate": "%{y}: %{x:,.0f}<extra></extra>", "showlegend": False}],
        "layout": _hbar_layout(lang, len(rows), t("invest_per_year", lang,
                                                  unit=sentences.unit_words(model, lang)))}


def gapcost_table(data: InvestData) -> tuple[tuple[str, ...], list[list[str]]]:
    """Area, value, reference, shortfall, people counted, units a year, money a year."""
    model, lang = data.model, data.lang
    labels = model.labels
    header = (t("area", lang), t("invest_col_value", lang), t("invest_col_reference", lang),
              t("invest_col_gap", lang), t("invest_col_base", lang),
              t("invest_per_year", lang, unit=sentences.unit_words(model, lang)),
              t("invest_col_money", lang))
    rows = sorted(model.rows, key=lambda r: -r.units if math.isfinite(r.units) else 0.0)
    return header, [[r.name, labels.number(r.value), labels.number(r.reference),
                     labels.number(r.gap), format_number(r.base, lang, 0),
                     format_number(r.units, lang, 0), format_number(r.money, lang, 0)]
                    for r in rows]


def draw_flows(data: InvestData, lang: str) -> style.FigureSpec:
    """Bars of each year's discounted costs (below zero) and benefits (above), and the
    cumulative net present value as a line; the break-even year marked."""
    model = data.model
    assert model.flows is not None and model.evaluation is not None
    f = model.flows
    pv_costs = f.costs * f.discount
    pv_benefits = f.benefits * f.discount
    net = np.cumsum(pv_benefits - pv_costs)
    years = [int(y) for y in f.years]
    layout = style.base_layout(lang, 380)
    layout.update(barmode="relative", legend=TOP_LEGEND,
                  xaxis={"title": {"text": t("invest_year", lang)}, "dtick": 1 if
                         len(years) <= 20 else 5, "automargin": True},
                  yaxis={"title": {"text": t("invest_sek", lang)}, "gridcolor": "#e5e7eb",
                         "zerolinecolor": style.MUTED, "automargin": True},
                  margin={"l": 10, "r": 20, "t": 60, "b": 40})
    traces: list[dict] = [
        {"type": "bar", "x": years, "y": list(-pv_costs), "name": t("invest_pv_cost", lang),
         "marker": {"color": COST}, "hovertemplate": "%{x}: %{y:,.0f}<extra></extra>"},
        {"type": "bar", "x": years, "y": list(pv_benefits),
         "name": t("invest_pv_benefit", lang), "marker": {"color": BENEFIT},
         "hovertemplate": "%{x}: %{y:,.0f}<extra></extra>"},
        {"type": "scatter", "mode": "lines+markers", "x": years, "y": list(net),
         "name": t("invest_cumulative", lang), "line": {"color": NET, "width": 2},
         "hovertemplate": "%{x}: %{y:,.0f}<extra></extra>"},
    ]
    even = model.evaluation.break_even
    if even is not None:
        layout["shapes"] = [{"type": "line", "x0": even, "x1": even, "yref": "paper", "y0": 0,
                             "y1": 1, "line": {"color": style.HIGHLIGHT, "dash": "dot"}}]
        layout["annotations"] = [{"x": even, "yref": "paper", "y": 0.98, "yanchor": "top",
                                  "xanchor": "left", "bgcolor": "rgba(255,255,255,0.8)",
                                  "text": t("invest_repaid_mark", lang, year=str(even)),
                                  "showarrow": False, "font": {"color": style.TEXT}}]
    return {"data": traces, "layout": layout}


def flows_table(data: InvestData) -> tuple[tuple[str, ...], list[list[str]]]:
    """Every year's flows as numbers: costs, units, benefits, discount factor, present
    values and the cumulative net present value."""
    model, lang = data.model, data.lang
    assert model.flows is not None
    f = model.flows
    net = np.cumsum((f.benefits - f.costs) * f.discount)
    header = tuple(t(k, lang) for k in ("invest_year", "invest_col_cost", "invest_col_units",
                                        "invest_col_benefit", "invest_col_discount",
                                        "invest_col_pv_cost", "invest_col_pv_benefit",
                                        "invest_col_cumulative"))
    return header, [[str(int(y)), format_number(c, lang, 0), format_number(u, lang, 2),
                     format_number(b, lang, 0), format_number(d, lang, 4),
                     format_number(c * d, lang, 0), format_number(b * d, lang, 0),
                     format_number(n, lang, 0)]
                    for y, c, u, b, d, n in zip(f.years, f.costs, f.units, f.benefits,
                                                f.discount, net, strict=True)]


def draw_tornado(data: InvestData, lang: str) -> style.FigureSpec:
    """Each ranged parameter's low and high as a bar from the likely NPV; widest on top."""
    model = data.model
    assert model.evaluation is not None
    mid = model.evaluation.npv
    swings = list(reversed(model.swings))
    names = [two_lines(sentences.parameter_range(model, s, lang)) for s in swings]
    layout = _hbar_layout(lang, len(swings), t("invest_npv_sek", lang))
    layout.update(barmode="overlay", height=max(260, 40 * len(swings) + 150),
                  legend=TOP_LEGEND, margin={"l": 10, "r": 40, "t": 50, "b": 50})
    return {"data": [
        {"type": "bar", "orientation": "h", "y": names, "base": mid,
         "x": [s.npv_low - mid for s in swings], "name": t("invest_at_low", lang),
         "marker": {"color": COST}, "customdata": [s.npv_low for s in swings],
         "hovertemplate": "%{y}: %{customdata:,.0f}<extra></extra>"},
        {"type": "bar", "orientation": "h", "y": names, "base": mid,
         "x": [s.npv_high - mid for s in swings], "name": t("invest_at_high", lang),
         "marker": {"color": BENEFIT}, "customdata": [s.npv_high for s in swings],
         "hovertemplate": "%{y}: %{customdata:,.0f}<extra></extra>"},
    ], "layout": layout}


def tornado_table(data: InvestData) -> tuple[tuple[str, ...], list[list[str]]]:
    """Parameter, its low and high, and the NPV at each."""
    model, lang = data.model, data.lang
    header = (t("invest_col_parameter", lang), t("invest_col_low", lang),
              t("invest_col_high", lang), t("invest_col_npv_low", lang),
              t("invest_col_npv_high", lang))
    return header, [[t(f"invest_param_{s.parameter}", lang),
                     sentences.parameter_value(model, s.parameter, s.low, lang),
                     sentences.parameter_value(model, s.parameter, s.high, lang),
                     format_number(s.npv_low, lang, 0), format_number(s.npv_high, lang, 0)]
                    for s in model.swings]


def histogram(npv: np.ndarray, bins: int = HISTOGRAM_BINS) -> tuple[np.ndarray, np.ndarray]:
    """Counts and bin edges of the draws' NPVs."""
    counts, edges = np.histogram(npv[np.isfinite(npv)], bins=bins)
    return counts, edges


def draw_simulation(data: InvestData, lang: str) -> style.FigureSpec:
    """The draws' NPVs as a histogram (counted here, so the page gets 40 bars, not 10,000
    points); losses and gains in two colours, the interval's ends marked."""
    sim = data.model.simulation
    assert sim is not None
    counts, edges = histogram(sim.npv)
    mids = (edges[:-1] + edges[1:]) / 2
    layout = style.base_layout(lang, 320)
    layout.update(bargap=0.02, xaxis={"title": {"text": t("invest_npv_sek", lang)},
                                      "zerolinecolor": style.MUTED},
                  yaxis={"title": {"text": t("invest_draws", lang)}, "gridcolor": "#e5e7eb"},
                  margin={"l": 10, "r": 20, "t": 30, "b": 50},
                  shapes=[{"type": "line", "x0": x, "x1": x, "yref": "paper", "y0": 0,
                           "y1": 1, "line": {"color": NET, "dash": "dot"}}
                          for x in (sim.low, sim.high)])
    return {"data": [{
        "type": "bar", "x": list(mids), "y": [int(c) for c in counts],
        "width": float(edges[1] - edges[0]) if len(edges) > 1 else None,
        "marker": {"color": [COST if m < 0 else BENEFIT for m in mids]},
        "hovertemplate": "%{x:,.0f}: %{y}<extra></extra>", "showlegend": False}],
        "layout": layout}


def simulation_table(data: InvestData) -> tuple[tuple[str, ...], list[list[str]]]:
    """The simulation's summary: draws, seed, probability of a positive NPV, interval."""
    sim, lang = data.model.simulation, data.lang
    assert sim is not None
    return ((t("invest_col_statistic", lang), t("invest_col_value_plain", lang)),
            [[t("invest_stat_draws", lang), format_number(sim.draws, lang, 0)],
             [t("invest_stat_seed", lang), str(sim.seed)],
             [t("invest_stat_positive", lang), format_number(100 * sim.p_positive, lang, 1)],
             [t("invest_stat_low", lang), format_number(sim.low, lang, 0)],
             [t("invest_stat_median", lang), format_number(sim.median, lang, 0)],
             [t("invest_stat_high", lang), format_number(sim.high, lang, 0)]])


def draw_gains(data: InvestData, lang: str) -> style.FigureSpec:
    """The present value of the benefits each party receives."""
    model = data.model
    names = [t(f"invest_party_{p}", lang) for p in PARTIES]
    layout = _hbar_layout(lang, len(PARTIES), t("invest_pv_benefit_sek", lang))
    # Room beyond the longest bar for the amounts written after the shorter ones.
    layout["xaxis"]["range"] = [0, TEXT_ROOM * max(model.gains, default=0.0) or 1.0]
    return {"data": [{
        "type": "bar", "orientation": "h", "x": list(model.gains), "y": names,
        "marker": {"color": BENEFIT}, "textposition": "auto", "insidetextanchor": "end",
        "cliponaxis": False,
        "insidetextfont": {"color": style.WHITE}, "outsidetextfont": {"color": style.TEXT},
        "text": [format_money(g, lang) for g in model.gains],
        "hovertemplate": "%{y}: %{x:,.0f}<extra></extra>", "showlegend": False}],
        "layout": layout}


def gains_table(data: InvestData) -> tuple[tuple[str, ...], list[list[str]]]:
    """Party, its share and the present value of its benefits."""
    model, lang = data.model, data.lang
    return ((t("invest_col_party", lang), t("invest_col_share", lang),
             t("invest_col_pv_benefit", lang)),
            [[t(f"invest_party_{p}", lang), format_number(100 * s, lang, 0),
              format_number(g, lang, 0)]
             for p, s, g in zip(PARTIES, model.shares, model.gains, strict=True)])

