"""Social investment: what the gap between areas costs each year, and what an intervention in
one area would return, when, to whom and how surely (the Malmö Commission's first
recommendation: judge preventive social spending as an investment)."""

from __future__ import annotations

import math

from dash import dcc, html

from dashboard.app.components import chart_from, dropdown, page_control, sentences
from dashboard.app.pages import VIEW_FIELDS, Context, Page, Part
from dashboard.app.render import area_options
from dashboard.app.viewmodel import SHARED_CONTROLS
from dashboard.core.natural_units import UnitValue
from dashboard.core.texts import t
from dashboard.core.viewstate import REFERENCES, ViewState, spread
from dashboard.figures.charts import ChartUnavailable, build_chart
from dashboard.figures.invest_model import PARTIES, disordered, invest_model
from dashboard.figures.sentences import (
    gap_cost_sentence,
    invest_assumptions,
    invest_headline,
    invest_results,
    listed_assumptions,
)
from dashboard.measures.invest import Span

GAP_FIELDS = VIEW_FIELDS | {"ref", "vpu", "area"}
SCENARIO_FIELDS = frozenset({"cost0", "costy", "cyrs", "people", "eff", "effk", "start",
                             "decay", "hor", "rate", "shares", "seed"})
PARTS = ("lo", "mid", "hi")


def _chart(ctx: Context, chart_id: str) -> list:
    try:
        return [chart_from(build_chart(ctx.ds, ctx.state, chart_id, ctx.boundaries), ctx)]
    except ChartUnavailable:
        return []


def _number(name: str, label: str, value: float | str | None, **kwargs) -> html.Div:
    shown = None if value in (None, "") else float(value)  # type: ignore[arg-type]
    if shown is not None and shown.is_integer():
        shown = int(shown)
    return page_control(name, label, dcc.Input, type="number", value=shown,
                        debounce=True, inputMode="decimal", className="number-input",
                        **{"min": 0, **kwargs})


MONEY = frozenset({"vpu", "cost0", "costy"})


def _placeholder(value: float) -> str:
    return f"{value:g}" if math.isfinite(value) else ""


def _span_inputs(state: ViewState, field: str, legend: str, step: str = "any",
                 default: Span | None = None) -> html.Fieldset:
    """Three number boxes, low, likely and high, under one legend (under one another for
    sums of money, which need the width); an empty box shows the default it stands for."""
    values = getattr(state, field)
    triple = spread(values)
    lang = state.lang
    shown = (default.low, default.mid, default.high) if default is not None else None
    boxes = [_number(f"{field}:{part}", t(f"invest_box_{key}", lang),
                     triple[i] if triple else None, step=step,
                     placeholder=_placeholder(shown[i]) if shown else "")
             for i, (part, key) in enumerate(zip(PARTS, ("low", "mid", "high"), strict=True))]
    css = "span-inputs money" if field in MONEY else "span-inputs"
    return html.Fieldset([html.Legend(legend), *boxes], className=css, id=f"{field}-inputs")


def _cited(state: ViewState, cited_unit: UnitValue | None) -> html.P | None:
    """Where a default comes from, or that there is none (the user is asked)."""
    if cited_unit is None:
        return None
    lang = state.lang
    source = f"{cited_unit.publisher}: {cited_unit.title} ({cited_unit.year})"
    words = t("invest_default_from", lang, source=source) if cited_unit.known \
        else t("invest_default_none", lang)
    return html.P([words, " ", cited_unit.note(lang), " ",
                   html.A(t("invest_source_link", lang), href=cited_unit.url)
                   if cited_unit.url else ""], className="chart-note")


def _gap_controls(ctx: Context) -> list:
    state, lang = ctx.state, ctx.state.lang
    model = invest_model(ctx.ds, state)
    unit_words = t(f"nunit_{model.unit.kind}", lang) if model.unit else ""
    parts: list = [page_control("ref", t("invest_ref_label", lang), dcc.RadioItems,
                                options=[{"label": t(f"invest_refopt_{r}", lang),
                                          "value": r} for r in REFERENCES],
                                value=state.ref or "best", inline=True)]
    if model.unit is not None:
        parts.append(_span_inputs(state, "vpu", t("invest_value_legend", lang,
                                                  unit=unit_words),
                                  default=None if model.money.own else model.money.span))
        note = _cited(state, model.money.cited)
        if note is not None:
            parts.append(note)
    return parts


def _gap(ctx: Context) -> list:
    state, lang = ctx.state, ctx.state.lang
    model = invest_model(ctx.ds, state)
    if not model.rows:
        return [html.P(t("invest_no_gap", lang), className="notice", id="headline")]
    lines = [gap_cost_sentence(model, lang)]
    if model.unit is not None and {r.base_kind for r in model.rows} & {"registered", "halved"}:
        lines.append(t("invest_base_note", lang))
    if state.ref in ("city", "sweden") and model.ref != state.ref:
        lines.append(t("invest_ref_fallback", lang,
                       asked=t(f"invest_ref_{state.ref}", lang, name="")))
    return [sentences(lines), *_chart(ctx, "gapcost")]


def _scenario_controls(ctx: Context) -> list:
    state, lang = ctx.state, ctx.state.lang
    model = invest_model(ctx.ds, state)
    if model.unit is None or model.target is None:
        return []
    diff = model.labels.diff_unit
    target = model.target
    return [
        html.H2(t("invest_scenario_heading", lang)),
        html.P(t("invest_scenario_intro", lang), className="chart-note"),
        dropdown("area", t("invest_area_label", lang), area_options(ctx.ds, state),
                 target.code, lang),
        _number("people", t("invest_people_label", lang), state.people or None, step=1,
                placeholder=f"{target.base:.0f}"),
        html.P(t("invest_people_default", lang, n=f"{target.base:.0f}",
                 how=t(f"invest_base_{target.base_kind}", lang)), className="chart-note"),
        _span_inputs(state, "cost0", t("invest_cost0_legend", lang)),
        _span_inputs(state, "costy", t("invest_costy_legend", lang)),
        _number("cyrs", t("invest_cyrs_label", lang), state.cyrs or None, step=1, max=100),
        _span_inputs(state, "eff", t("invest_eff_legend", lang, unit=diff)),
        page_control("effk", t("invest_effk_label", lang), dcc.RadioItems,
                     options=[{"label": t("invest_effk_abs", lang, unit=diff), "value": "abs"},
                              {"label": t("invest_effk_rel", lang), "value": "rel"}],
                     value=state.effk or "abs", inline=True),
        _number("start", t("invest_start_label", lang), state.start or None, step=1, min=1,
                max=100, placeholder="1"),
        _span_inputs(state, "decay", t("invest_decay_legend", lang),
                     default=Span.point(0.0)),
        _number("hor", t("invest_hor_label", lang), state.hor or None, step=1, min=1, max=100),
        _span_inputs(state, "rate", t("invest_rate_legend", lang),
                     default=None if state.rate else model.rate),
        _cited(state, model.rate_cited) or "",
        html.Fieldset([html.Legend(t("invest_shares_legend", lang)),
                       *[_number(f"shares:{i}", t(f"invest_party_{p}", lang),
                                 state.shares[i] if state.shares else None, max=100)
                         for i, p in enumerate(PARTIES)]],
                      className="span-inputs", id="shares-inputs"),
        _number("seed", t("invest_seed_label", lang), state.seed or None, step=1,
                placeholder="1"),
    ]


def _problems(ctx: Context) -> list[str]:
    state, lang = ctx.state, ctx.state.lang
    model = invest_model(ctx.ds, state)
    out = []
    for key in model.missing:
        if key == "invest_bad_low_high":
            out.append(t(key, lang, labels=", ".join(t(k, lang) for k in disordered(state))))
        else:
            out.append(t(key, lang))
    return out


def _results(ctx: Context) -> list:
    state, lang = ctx.state, ctx.state.lang
    model = invest_model(ctx.ds, state)
    if model.unit is None or model.target is None:
        return []
    if model.scenario is None:
        return [html.Div([html.P(p, className="notice") for p in _problems(ctx)],
                         id="invest-problems", role="status")]
    assumptions = invest_assumptions(model, lang)
    listed = html.Details([html.Summary(t("invest_assumptions", lang)),
                           html.Ul([html.Li(line)
                                    for line in listed_assumptions(assumptions, lang)])],
                          className="assumptions", open=True)
    lines = invest_results(model, lang)
    charts = [c for chart_id in ("investflows", "tornado", "simulation", "gains")
              for c in _chart(ctx, chart_id)]
    need_value = not math.isfinite(model.money.span.mid)
    return [html.P(invest_headline(model, lang), className="headline", id="headline"),
            sentences(lines, "lead-small"), listed,
            html.P(t("invest_value_hint", lang), className="notice") if need_value else "",
            html.Div(charts, className="charts")]


GAP_CONTROLS = Part("gapcontrols", frozenset({"indicator", "level", "ref", "vpu"}),
                    _gap_controls, ("ref", "vpu:"), "inline-part")
GAP = Part("gap", GAP_FIELDS, _gap)
SCENARIO = Part("scenario", frozenset({"indicator", "level", "period", "sex", "group",
                                       "dimension", "ref", "area"}) | SCENARIO_FIELDS,
                _scenario_controls,
                ("area", "people", "cost0:", "costy:", "cyrs", "eff:", "effk", "start",
                 "decay:", "hor", "rate:", "shares:", "seed"), "scenario-inputs")
RESULTS = Part("results", GAP_FIELDS | SCENARIO_FIELDS, _results)


def layout(ctx: Context) -> list:
    lang = ctx.state.lang
    return [html.P(t("invest_intro", lang), className="lead-small"),
            html.Div([GAP_CONTROLS.slot(ctx)], className="page-controls"),
            GAP.slot(ctx),
            html.Div([SCENARIO.slot(ctx), RESULTS.slot(ctx)], className="scenario")]


PAGE = Page("invest", "/invest", "page_invest", SHARED_CONTROLS, (GAP_CONTROLS, GAP, SCENARIO,
                                                                 RESULTS), layout)
