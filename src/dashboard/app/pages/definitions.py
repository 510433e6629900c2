"""Definitions and sources: every indicator's definition, unit, polarity, source, licence,
caveats and flags, and every gap measure's meaning."""

from __future__ import annotations

from functools import lru_cache

import pandas as pd
from dash import html

from dashboard.app.components import dropdown
from dashboard.app.pages import Context, Page, Part
from dashboard.core.i18n import format_period
from dashboard.core.schema import CI_METHODS, in_language
from dashboard.core.texts import t
from dashboard.core.units import unit_label
from dashboard.figures.labels import flag_text
from dashboard.measures import MEASURES
from dashboard.store import query
from dashboard.store.dataset import Dataset


@lru_cache(maxsize=512)
def _facts(ds: Dataset, indicator_id: str, source_ids: str
           ) -> tuple[list[str], list[str], dict[str, int], pd.DataFrame]:
    """An indicator's periods, levels, flag counts and sources (cached per dataset, as they
    do not change with the view: do not modify)."""
    obs = query.for_indicator(ds, indicator_id)
    periods = sorted(obs["period"].unique(), key=query.period_key)
    counts: dict[str, int] = {}
    for flag in obs["flag"].dropna():
        for part in flag.split("|"):
            counts[part] = counts.get(part, 0) + 1
    return (periods, sorted(obs["level"].unique()), counts,
            query.sources_for(ds, source_ids.split(";")))


def _indicator(ctx: Context, info) -> html.Article:
    ds, lang = ctx.ds, ctx.state.lang
    periods, found, counts, sources = _facts(ds, info.id, info.source_ids)
    levels = ", ".join(t(f"level_{lv}", lang) for lv in found)
    items = [
        html.H3(getattr(info, f"title_{lang}"), id=f"def-{info.id}"),
        html.P(getattr(info, f"definition_{lang}")),
        html.Dl([
            html.Dt(t("unit_word", lang)), html.Dd(unit_label(info.unit, lang)),
            html.Dt(t("polarity", lang)), html.Dd(t(f"polarity_{info.polarity}", lang)),
            html.Dt(t("period", lang)),
            html.Dd(f"{format_period(periods[0])} – {format_period(periods[-1])} "
                    f"({len(periods)})"),
            html.Dt(t("level", lang)), html.Dd(levels),
            html.Dt(t("flags", lang)),
            html.Dd("; ".join(f"{flag_text(k, lang)}: {v}" for k, v in sorted(counts.items()))
                    or "–"),
        ], className="facts"),
    ]
    caveats = getattr(info, f"caveats_{lang}")
    if isinstance(caveats, str) and caveats:
        items.append(html.P([html.Strong(t("caveats", lang) + ": "), caveats]))
    items.append(html.Ul([html.Li([f"{s.publisher}: {s.title} — ",
                                   html.A(s.url, href=s.url, rel="noopener"),
                                   f" ({in_language(s, 'licence', lang)})"])
                          for s in sources.itertuples()],
                         className="source-list"))
    return html.Article(items, className="card definition")


def _topic(ctx: Context) -> list:
    lang = ctx.state.lang
    topics = sorted(ctx.ds.indicators["topic"].unique())
    options = [{"label": t("topic_all", lang), "value": ""},
               *[{"label": t(f"topic_{x}", lang), "value": x} for x in topics]]
    return [dropdown("topic", t("topic", lang), options, ctx.state.topic, lang)]


def _indicators(ctx: Context) -> list:
    ds, lang = ctx.ds, ctx.state.lang
    indicators = ds.indicators.sort_values(["topic", f"title_{lang}"])
    if ctx.state.topic:
        indicators = indicators[indicators["topic"] == ctx.state.topic]
    return [html.H2(t("definitions_lead", lang, n=len(indicators)), className="headline",
                    id="headline"),
            *[_indicator(ctx, info) for info in indicators.itertuples()]]


def _reference(ctx: Context) -> list:
    lang = ctx.state.lang
    measures = html.Table([
        html.Thead(html.Tr([html.Th(t(k, lang), scope="col")
                            for k in ("measure", "meaning", "method")])),
        html.Tbody([html.Tr([html.Th(t(m.name_key, lang), scope="row"),
                             html.Td(t(m.reading_key, lang, value="x", unit="…")),
                             html.Td(t(f"method_technical_{m.ci_method}", lang))])
                    for m in MEASURES.values()]),
    ], className="values", id="measures-table")
    return [
        html.Section([html.H2(t("measures_heading", lang)),
                      html.Div(measures, className="scroll"),
                      html.P(t("measures_source", lang), className="chart-note")],
                     className="card"),
        html.Section([html.H2(t("ci_methods_heading", lang)), html.P(t("ci_methods_lead", lang)),
                      html.Ul([html.Li(t(f"ci_method_{m}_about", lang)) for m in CI_METHODS])],
                     className="card", id="ci-methods"),
    ]


TOPIC = Part("topic", frozenset({"topic"}), _topic, ("topic",), "page-controls")
INDICATORS = Part("indicators", frozenset({"topic"}), _indicators)
REFERENCE = Part("reference", frozenset(), _reference)
PAGE = Page("definitions", "/definitions", "page_definitions", (), (TOPIC, INDICATORS, REFERENCE),
            lambda ctx: [TOPIC.slot(ctx), INDICATORS.slot(ctx), REFERENCE.slot(ctx)])
