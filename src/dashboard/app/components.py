"""Building blocks every page uses: chart cards with their source, text and table, and the
page-specific controls (pattern-matching ids, so one callback can read whichever exist)."""

from __future__ import annotations

from typing import Any

from dash import dcc, html
from dash.dcc import Graph

from dashboard.app.pages import VIEW_FIELDS, Context
from dashboard.core.texts import t
from dashboard.core.viewstate import href, restrict
from dashboard.export.embed import iframe_snippet
from dashboard.export.renderer import available
from dashboard.figures.charts import Chart
from dashboard.figures.style import FigureSpec

# No toolbar: Plotly's is in English, adds Tab stops inside the chart's image and icons at
# 1.7:1 contrast; the card's download box makes every file, and a drag still zooms (a
# double click resets).
GRAPH_CONFIG: Graph.Config = {"displayModeBar": False, "displaylogo": False}


def graph(name: str, spec: FigureSpec, described: bool) -> html.Div:
    """A graph whose clicks reach the sync callback, in a wrapper with a plain DOM id that
    is the chart's image for assistive technology: named by the card's heading and, when
    `described`, described by its generated text."""
    aria: dict[str, Any] = {"aria-labelledby": f"{name}-heading"}
    if described:
        aria["aria-describedby"] = f"{name}-desc"
    return html.Div(dcc.Graph(id={"type": "graph", "name": name}, figure=spec,
                              config=GRAPH_CONFIG), id=name, role="img", **aria)


def chart_card(name: str, heading: str, spec: FigureSpec, lang: str, *, source: str = "",
               alt: str = "", note: str = "", header=None, rows=None, extra=None) -> html.Section:
    """A chart with its heading, table alternative (the next thing after the image, one
    keystroke away), note, text description and source."""
    parts = [html.H2(heading, id=f"{name}-heading"), graph(name, spec, bool(alt))]
    if alt:
        # The image's description: hidden, read through aria-describedby (a reference into
        # the closed section below would give none in chromium).
        parts.append(html.P(alt, id=f"{name}-desc", hidden=True))
    if header is not None and rows is not None:
        parts.append(lazy(f"table:{name}", t("table_alternative", lang), "alt",
                          f"{name}-table"))
    if note:
        parts.append(html.P(note, className="chart-note", id=f"{name}-note"))
    if alt:
        parts.append(html.Details([html.Summary(t("text_description", lang)),
                                   html.P(alt, className="alt-text", id=f"{name}-alt")],
                                  className="alt"))
    if extra:
        parts.extend(extra)
    if source:
        parts.append(html.P(source, className="source-line", id=f"{name}-source"))
    return html.Section(parts, className="card")


# Files made without a browser; the figure files need one (export.renderer.available).
DATA_FORMATS = ("csv", "xlsx", "zip")
DOWNLOADS = (("png", "PNG"), ("png-square", "PNG 1:1"), ("svg", "SVG"), ("pdf", "PDF"),
             ("csv", "CSV"), ("xlsx", "Excel"), ("zip", "ZIP"))


def lazy(name: str, summary: str, css: str, element_id: str | None = None) -> html.Details:
    """A section whose content is drawn when it is first opened (`app.lazy`): tables and
    link lists that a view may need by the hundred rows are sent only on request."""
    children = [html.Summary(summary, id={"type": "lazy", "name": name}),
                html.Div(id={"type": "lazy-body", "name": name})]
    if element_id:
        return html.Details(children, className=css, id=element_id)
    return html.Details(children, className=css)


def share_box(chart: Chart, ctx: Context) -> list:
    """Downloads of the chart and its data, the link to the view and the embed code.

    A change of a choice the chart does not use leaves the chart as drawn; the links here
    still follow the whole view, rewritten in the browser (assets/view.js).
    """
    lang, state = ctx.state.lang, ctx.shown
    rendering = available()
    formats: list[tuple[str, str, dict[str, str]]] = [(fmt, label, {})
                                                      for fmt, label in DOWNLOADS
                                                      if rendering or fmt in DATA_FORMATS]
    if rendering:
        formats.append(("png", "PNG 2×", {"scale": "2"}))
    formats.append(("csv", t("download_full", lang), {"full": "1"}))
    ids = [f"{chart.id}-download-{fmt}" for fmt, _, extra in formats if not extra]
    ids += [f"{chart.id}-download-png2"] if rendering else []
    ids += [f"{chart.id}-download-full"]
    links = [html.A(label, href=href(f"/export/{chart.id}/{fmt}", state, **extra), download="",
                    className="download", id=element_id)
             for (fmt, label, extra), element_id in zip(formats, ids, strict=True)]
    embed = iframe_snippet(href(f"/embed/{chart.id}", state, ctx.base_url), chart)
    return [
        html.P([html.Strong(t("download", lang) + ": "), *links], className="downloads"),
        html.P(t("download_note", lang), className="chart-note"),
        *([] if rendering else [html.P(t("render_unavailable", lang), className="notice",
                                       id=f"{chart.id}-render-unavailable")]),
        _copyable(f"{chart.id}-link", t("share_link", lang), ctx.link(), "link",
                  t("copy_link", lang), t("copied", lang)),
        _copyable(f"{chart.id}-embed", t("embed_code", lang), embed, "embed",
                  t("copy_embed", lang), t("copied", lang)),
        html.P([html.Strong(t("alt_for_download", lang) + ": "), chart.alt],
               className="alt-text"),
    ]


def _copyable(element_id: str, label: str, text: str, kind: str, button: str,
              done: str) -> html.Div:
    """A text to copy with a real button (reached by Tab, named 'Kopiera länken'); the copy
    is made in the browser (assets/copy.js), which says 'Kopierat' in the status beside it."""
    data: dict[str, Any] = {"data-copy": element_id, "data-done": done}
    return html.Div([html.Span(label, className="copy-label", id=f"{element_id}-label"),
                     html.Code(text, id=element_id, className=f"copy-text copy-{kind}"),
                     html.Button(button, type="button", className="copy-button",
                                 id=f"{element_id}-copy", **data),
                     html.Span("", className="copy-status", role="status")],
                    className="copyable")


def chart_from(chart: Chart, ctx: Context, note: str = "", extra=None) -> html.Section:
    """A card for a registered Chart, with its downloads, link and embed code."""
    lang = ctx.state.lang
    return chart_card(chart.id, chart.heading, chart.spec, lang, source=chart.source,
                      alt=chart.alt, note=note, header=chart.header, rows=chart.rows,
                      extra=[lazy(f"share:{chart.id}", t("share_download", lang), "alt share",
                                  f"{chart.id}-share"), *(extra or [])])


def dropdown_labels(lang: str) -> dcc.Dropdown.Labels:
    """The words a dropdown shows of its own, in the language (Dash's defaults are English);
    the count keeps Dash's own placeholder."""
    return dcc.Dropdown.Labels(
        select_all=t("dropdown_select_all", lang),
        deselect_all=t("dropdown_deselect_all", lang),
        selected_count=t("dropdown_selected_count", lang, num_selected="{num_selected}"),
        search=t("dropdown_search", lang),
        clear_search=t("dropdown_clear_search", lang),
        clear_selection=t("dropdown_clear_selection", lang),
        no_options_found=t("dropdown_no_options_found", lang))


def page_control(name: str, label: str, control_factory, **kwargs) -> html.Div:
    """A page-specific control: id {'type': 'pc', 'name': name}, wrapped in a labelled div.
    A text input sits inside its <label>, which names it for assistive technology (its id is
    a pattern, so `for` cannot point at it)."""
    control = control_factory(id={"type": "pc", "name": name}, **kwargs)
    if control_factory is dcc.Input:
        return html.Div(html.Label([html.Span(label, className="label-text"), control]),
                        className="control", id=f"{name}-control")
    return html.Div([html.Label(label), control], className="control", id=f"{name}-control")


def dropdown(name: str, label: str, options: list[dict], value, lang: str,
             **kwargs) -> html.Div:
    """A labelled page dropdown whose own words follow the language."""
    return page_control(name, label, dcc.Dropdown, options=options, value=value,
                        clearable=False, labels=dropdown_labels(lang), **kwargs)


def sentences(items: list[str], css: str = "lead") -> html.Div:
    return html.Div([html.P(s, className=css) for s in items if s], className="sentences")


def invest_link(ctx: Context, text_key: str, area: str = "") -> html.P:
    """A link to the social-investment view for the indicator shown and, if given, one area:
    the calculator opened from a district's gap."""
    state = restrict(ctx.state, VIEW_FIELDS).with_changes(area=area)
    return html.P(dcc.Link(t(text_key, ctx.state.lang), href=href("/invest", state),
                           id="invest-link"), className="invest-link")
