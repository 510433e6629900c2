"""Render a resolved view: everything the page shows for one view state, as plain values.

Kept apart from the Dash wiring so that tests and the benchmark can call it directly.
"""

from __future__ import annotations

from dash import html

from dashboard.app.layout import STATIC_TEXTS
from dashboard.core.geometry import ShapeSet
from dashboard.core.i18n import format_period
from dashboard.core.texts import t
from dashboard.core.viewstate import ViewState
from dashboard.figures.charts import build_chart, shapes_for
from dashboard.figures.gaps import GapPanel, MeasureRow, gap_panel, lead_sentence
from dashboard.figures.labels import (
    ViewLabels,
    area_name,
    flag_text,
    group_label,
    view_labels,
)
from dashboard.store import query
from dashboard.store.dataset import Dataset
from dashboard.store.query import Notice


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
        if n.code == "ignored":
            out.append(t("notice_ignored", lang, names=", ".join(params["names"])))
            continue
        out.append(t(f"notice_{n.code}", lang, **params))
    return out


def control_options(ds: Dataset, state: ViewState) -> dict[str, list[dict]]:
    """Options of each control, in the language, for the resolved state."""
    lang = state.lang
    indicators = ds.indicators.sort_values(["topic", f"title_{lang}"])
    opts = query.options(ds, state.indicator, state.level)
    obs = ds.observations
    sex_groups = obs[(obs["indicator_id"] == state.indicator) & (obs["sex"] == state.sex)]
    pairs = sorted(set(zip(sex_groups["dimension"], sex_groups["group"], strict=True)),
                   key=lambda dg: (dg[0] != "total", dg))
    group_opts = []
    for dimension, group in pairs:
        label, dim_label = group_label(ds, dimension, group, lang)
        text = label if dimension == "total" else f"{dim_label}: {label}"
        group_opts.append({"label": text, "value": f"{dimension}/{group}"})
    return {
        "indicator": [{"label": row[f"title_{lang}"], "value": row["id"]}
                      for _, row in indicators.iterrows()],
        "period": [{"label": format_period(p), "value": p} for p in reversed(opts["periods"])],
        "sex": [{"label": t(f"sex_{s}", lang), "value": s} for s in opts["sexes"]],
        "group": group_opts,
        "level": [{"label": t(f"level_{lv}", lang), "value": lv}
                  for lv in query.levels_with_data(ds, state.indicator)],
        "order-by": [{"label": query.indicator_info(ds, i)[f"title_{lang}"], "value": i}
                     for i in query.order_options(ds, state.indicator, state.level)],
    }


def _measure_table(rows: tuple[MeasureRow, ...], lang: str) -> html.Table:
    head = html.Thead(html.Tr([html.Th(t(k, lang), scope="col")
                               for k in ("measure", "value", "ci", "meaning", "method")]))
    return html.Table([head, html.Tbody([
        html.Tr([html.Th(r.label, scope="row"), html.Td(r.value, className="num"),
                 html.Td(r.ci, className="ci"), html.Td(r.reading, className="reading"),
                 html.Td(r.method, className="method")], id=f"measure-{r.measure}")
        for r in rows])], className="measures")


def panel_children(panel: GapPanel, lang: str) -> list:
    """The gap panel as HTML: sentence first, key measures, then the rest on request."""
    children = []
    for section in panel.sections:
        parts = [html.H3(section.title), html.P(section.sentence, className="gap-sentence")]
        key = tuple(r for r in section.rows if r.key)
        more = tuple(r for r in section.rows if not r.key)
        if key:
            parts.append(_measure_table(key, lang))
        if more:
            parts.append(html.Details([html.Summary(t("more_measures", lang, n=len(more))),
                                       _measure_table(more, lang)], className="more"))
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


def render(ds: Dataset, state: ViewState, boundaries: dict[str, ShapeSet],
           notices: list[Notice]) -> dict[str, object]:
    """Everything the page shows for a resolved state."""
    lang = state.lang
    labels = view_labels(ds, state)
    shapes = shapes_for(ds, state.level, boundaries)
    values = query.view_values(ds, state)
    map_chart = build_chart(ds, state, "map", boundaries)
    bars_chart = build_chart(ds, state, "bars", boundaries)
    panel = gap_panel(ds, state)
    flagged = values[values["flag"].fillna("") != ""]
    flag_note = ""
    if not flagged.empty:
        flag_note = t("flag_note", lang) + " " + "; ".join(
            f"{area_name(r, lang)} ({flag_text(r['flag'], lang)})" for _, r in flagged.iterrows())
    if shapes is None:
        map_note = t("map_none", lang)
    elif shapes.schematic:
        map_note = t("map_schematic", lang)
    else:
        map_note = t("map_boundaries", lang, source=shapes.source.rsplit("/", 1)[-1])
    colour_rule = t("colour_rule_none" if labels.polarity == "none" else "colour_rule", lang)
    return {
        "texts": {key: t(text_key, lang) for key, text_key in STATIC_TEXTS.items()},
        "lang_button": t("language", lang),
        "notices": notice_texts(notices, lang, ds),
        "options": control_options(ds, state),
        "headline": lead_sentence(panel),
        "subtitle": f"{labels.title} · {labels.subtitle}",
        "map": map_chart.spec,
        "map_note": f"{map_note} {colour_rule}",
        "map_alt": map_chart.alt,
        "bars": bars_chart.spec,
        "bars_heading": bars_chart.heading,
        "bars_note": flag_note,
        "bars_alt": bars_chart.alt,
        "source": map_chart.source,
        "panel": panel_children(panel, lang),
        "table": (list(map_chart.header), [list(r) for r in map_chart.rows]),
        "definition": definition_children(ds, state, labels),
        "footer": t("dataset_note", lang, title=ds.info.get(f"title_{lang}", "")),
    }
