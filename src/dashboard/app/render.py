"""Pieces of the page that several views share: notices, control options, the gap panel,
definitions and map notes, each a pure function of the dataset and the view state."""

from __future__ import annotations

from dash import html

from dashboard.app import markup
from dashboard.app.components import lazy
from dashboard.app.viewmodel import Notice
from dashboard.core.geometry import ShapeSet
from dashboard.core.i18n import format_period
from dashboard.core.texts import t
from dashboard.core.viewstate import ViewState
from dashboard.figures.charts import shapes_for
from dashboard.figures.gaps import GapPanel, MeasureRow
from dashboard.figures.labels import ViewLabels, area_names
from dashboard.store import query
from dashboard.store.dataset import Dataset


def notice_texts(notices: list[Notice], lang: str, ds: Dataset) -> list[str]:
    """Translate fallback notices into sentences."""
    out = []
    for n in notices:
        params = dict(n.params)
        if "nearest" in params:
            params["nearest"] = ", ".join(format_period(p) for p in params["nearest"]) or "–"
        for key in ("asked", "shown"):
            if key in params and n.code == "no_period":
                params[key] = format_period(params[key])
        if n.code == "no_level" and "shown" in params:
            params["shown"] = t(f"level_{params['shown']}", lang).lower()
        if n.code == "no_sex" and "shown" in params:
            params["shown"] = t(f"sex_{params['shown']}", lang).lower()
        if n.code == "no_group":
            params["available"] = ", ".join(params.get("available", [])) or "–"
        if n.code == "ignored":
            out.append(t("notice_ignored", lang, names=", ".join(params["names"])))
            continue
        out.append(t(f"notice_{n.code}", lang, **params))
    return out


def map_note(ds: Dataset, state: ViewState, boundaries: dict[str, ShapeSet]) -> str:
    """Which kind of map is shown, and how it is coloured ('' without a map: the empty map
    itself says why and how to add boundaries)."""
    lang = state.lang
    shapes = shapes_for(ds, state.level, boundaries, state.shape)
    if shapes is None:
        return ""
    if shapes.schematic:
        note = t("map_schematic", lang)
    else:
        note = t("map_boundaries", lang,
                 source=shapes.attribution or shapes.source.rsplit("/", 1)[-1]) + "."
    polarity = query.indicator_info(ds, state.indicator)["polarity"]
    return f"{note} {t('colour_rule_none' if polarity == 'none' else 'colour_rule', lang)}"


def order_options(ds: Dataset, state: ViewState) -> list[dict]:
    """The social determinants the areas can be ranked by."""
    return [{"label": query.indicator_info(ds, i)[f"title_{state.lang}"], "value": i}
            for i in query.order_options(ds, state.indicator, state.level)]


def area_options(ds: Dataset, state: ViewState) -> list[dict]:
    """The areas of the view's level, by name."""
    codes = query.level_areas(ds, state.level)
    names = area_names(ds, codes, state.lang)
    return [{"label": names[c], "value": c} for c in sorted(codes, key=lambda c: names[c])]


def measure_table(rows: tuple[MeasureRow, ...], lang: str) -> html.Div:
    return markup.table([t(k, lang) for k in ("measure", "value", "ci", "meaning", "method")],
                        [(r.label, r.value, r.ci, r.reading, r.method_text) for r in rows],
                        "measures", label=t("measures_heading", lang), row_header=True,
                        row_ids=[f"measure-{r.measure}" for r in rows],
                        classes=("", "num", "ci", "reading", "method"))


def panel_children(panel: GapPanel, lang: str) -> list:
    """The gap panel as HTML: sentence first, key measures, then the rest on request."""
    children = []
    for section in panel.sections:
        parts = [html.H3(section.title), html.P(section.sentence, className="gap-sentence")]
        key = tuple(r for r in section.rows if r.key)
        more = tuple(r for r in section.rows if not r.key)
        if key:
            parts.append(measure_table(key, lang))
        if more:
            parts.append(lazy(f"more:{section.key}", t("more_measures", lang, n=len(more)),
                              "more"))
        if section.not_applicable:
            parts.append(html.Details([html.Summary(t("not_applicable", lang)),
                                       html.Ul([html.Li(x) for x in section.not_applicable])],
                                      className="more"))
        if section.caveat:
            parts.append(html.P(section.caveat, className="caveat"))
        children.append(html.Div(parts, className="gap-section", id=f"gap-{section.key}"))
    return children


def definition_children(ds: Dataset, state: ViewState, labels: ViewLabels) -> list:
    info = query.indicator_info(ds, state.indicator)
    lang = state.lang
    items = [html.H3(labels.title), html.P(labels.definition),
             html.P([html.Strong(t("unit_word", lang) + ": "), labels.unit, " · ",
                     t(f"polarity_{labels.polarity}", lang)])]
    if labels.caveats:
        items.append(html.P([html.Strong(t("caveats", lang) + ": "), labels.caveats]))
    sources = query.sources_for(ds, info["source_ids"].split(";"))
    items.append(html.Ul([html.Li([f"{s.publisher}: {s.title} — ",
                                   html.A(s.url, href=s.url, rel="noopener")])
                          for s in sources.itertuples()], className="source-list"))
    return items
