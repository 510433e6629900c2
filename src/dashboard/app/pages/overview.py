"""Overview: every indicator for every area, coloured against Malmö, latest value and trend.

With a few areas (the ten districts) indicators are rows and areas columns. With many (192
DeSO, or the 5,984 of Sweden) areas are rows, indicators columns: sorted by any column,
filtered by parent area, SCB's area type and a text, and cut into pages on the server. The
table is sent as one string of HTML (`app.markup`), so a page costs a few components however
many cells it holds; its links (areas, indicators, sorting, pages) are plain addresses that
assets/markup_links.js follows without reloading the page.
"""

from __future__ import annotations

from html import escape
from typing import Any

from dash import dcc, html

from dashboard.app.components import dropdown, page_control
from dashboard.app.pages import Context, Page, Part
from dashboard.core.i18n import join_names
from dashboard.core.texts import t
from dashboard.core.viewstate import ViewState, href
from dashboard.figures.overview import (
    NAME_SORT,
    PAGE_SIZES,
    SYMBOLS,
    AreaTable,
    Cell,
    area_table,
    many_areas,
    overview_left_out,
    overview_rows,
)
from dashboard.figures.sentences import overview_rule

STATUSES = ("better", "similar", "worse", "neutral", "missing")
TABLE_FIELDS = frozenset({"level", "opage", "osize", "osort", "ofind", "oparent", "otype"})
FILTERS = ("ofind", "oparent", "otype", "osize")
# SCB's five socioeconomic area types, 1 to 5.
AREA_TYPES = ("area_type_1", "area_type_2", "area_type_3", "area_type_4", "area_type_5")


def _symbol(status: str) -> html.Span | None:
    """The judgement's symbol, hidden from screen readers (they hear its words)."""
    if not SYMBOLS[status]:
        return None
    hidden: dict[str, Any] = {"aria-hidden": "true"}
    return html.Span(SYMBOLS[status], className="judge", **hidden)


def _legend(lang: str) -> html.P:
    """What each colour and symbol means."""
    return html.P([html.Span([_symbol(s), t(f"status_{s}", lang)], className=f"cell {s} legend")
                   for s in STATUSES], className="legend-row", id="overview-legend")


def _spoken(status: str, lang: str) -> html.Span:
    """The judgement in words, for screen readers only."""
    return html.Span(f", {t('status_' + status, lang)}", className="visually-hidden")


def _few(ctx: Context) -> list:
    """Indicators as rows, one column per area (a few areas)."""
    ds, state, lang = ctx.ds, ctx.state, ctx.state.lang
    areas, rows = overview_rows(ds, state)
    query_keep = state.with_changes(area="")
    head = html.Thead(html.Tr([html.Th(t("indicator", lang), scope="col"),
                               html.Th(t("period", lang), scope="col"),
                               html.Th("Malmö", scope="col")]
                              + [html.Th(dcc.Link(name, href=href(
                                  "/profile", query_keep.with_changes(area=code))),
                                  scope="col") for code, name in areas]))
    body = []
    for row in rows:
        link = href("/", state.with_changes(indicator=row.indicator, sex=row.sex, period="",
                                            dimension="total", group="total"))
        cells = [html.Th(dcc.Link(row.label, href=link), scope="row"),
                 html.Td(row.period), html.Td(row.city, className="city")]
        cells += [html.Td([_symbol(c.status), c.value,
                           html.Span(f" {c.trend}", className="trend") if c.trend else None,
                           _spoken(c.status, lang)],
                          className=f"cell {c.status}", title=c.title) for c in row.cells]
        body.append(html.Tr(cells))
    return [
        html.P(t("overview_lead", lang, n=len(rows), areas=len(areas)), className="headline",
               id="headline"),
        html.Section([html.H2(t("page_overview", lang)), _legend(lang),
                      html.Div(html.Table([head, html.Tbody(body)], className="overview",
                                          id="overview-table"), className="scroll"),
                      html.P(overview_rule(lang), className="chart-note"),
                      *_left_out(overview_left_out(ds, state), lang)], className="card"),
    ]


def _left_out(names: list[str] | tuple[str, ...], lang: str) -> list:
    if not names:
        return []
    return [html.P(t("overview_left_out", lang, names=join_names(list(names), lang)),
                   className="chart-note", id="overview-left-out")]


def _link(path: str, state: ViewState, text: str, **attrs: str) -> str:
    extra = "".join(f' {k.rstrip("_").replace("_", "-")}="{escape(v)}"'
                    for k, v in attrs.items())
    return f'<a href="{escape(href(path, state))}" data-view=""{extra}>{escape(text)}</a>'


def _cell_markup(cell: Cell, lang: str) -> str:
    """A cell: the judgement's symbol (hidden from screen readers), the value, the trend and
    the judgement in words for screen readers."""
    symbol = SYMBOLS[cell.status]
    judge = f'<span class="judge" aria-hidden="true">{symbol}</span>' if symbol else ""
    trend = f' <span class="trend">{escape(cell.trend)}</span>' if cell.trend else ""
    words = escape(t(f"status_{cell.status}", lang))
    return (f'<td class="cell {cell.status}" title="{escape(cell.title)}">{judge}'
            f'{escape(cell.value)}{trend}<span class="visually-hidden">, {words}</span></td>')


def _sort_header(state: ViewState, table: AreaTable, key: str, label: str, text: str,
                 *, descending_first: bool) -> str:
    """A column heading (`label`, HTML) with a link that sorts by it, the other way round
    when it is the sort already."""
    current = table.sort.lstrip("-") == key
    descending = current and table.sort.startswith("-")
    if current:
        target = key if descending else f"-{key}"
    else:
        target = f"-{key}" if descending_first else key
    arrow = ("▼" if descending else "▲") if current else "↕"
    aria = f' aria-sort="{"descending" if descending else "ascending"}"' if current else ""
    link = _link("/overview", state.with_changes(osort=target, opage=""), arrow,
                 aria_label=t("overview_sort", state.lang, column=text), data_stay="",
                 class_="sort")
    return f'<th scope="col"{aria}>{label} {link}</th>'


def table_markup(state: ViewState, table: AreaTable) -> str:
    """The page of the table as HTML: sticky heading rows (indicator, then Malmö's value
    and period), one row per area with a link to its profile."""
    lang = state.lang
    keep = state.with_changes(area="")
    area = t("area", lang)
    heads = [_sort_header(state, table, NAME_SORT, escape(area), area, descending_first=False)]
    for column in table.columns:
        link = _link("/", state.with_changes(indicator=column.indicator, sex=column.sex,
                                             period="", dimension="total", group="total"),
                     column.label)
        heads.append(_sort_header(state, table, column.key, link, column.label,
                                  descending_first=True))
    city = [f'<th scope="row" class="city">{escape(t("reference_city", lang))}</th>']
    city += [f'<td class="city">{escape(c.city)} <span class="period">'
             f"{escape(c.period)}</span></td>" for c in table.columns]
    body = []
    for row in table.rows:
        name = _link("/profile", keep.with_changes(area=row.code), row.name)
        body.append(f'<tr><th scope="row">{name}</th>'
                    f'{"".join(_cell_markup(c, lang) for c in row.cells)}</tr>')
    if not table.rows:
        body.append(f'<tr><td colspan="{len(table.columns) + 1}">'
                    f'{escape(t("overview_none", lang))}</td></tr>')
    return (f'<table class="overview areas-as-rows" id="overview-table"><thead>'
            f'<tr>{"".join(heads)}</tr><tr>{"".join(city)}</tr></thead>'
            f'<tbody>{"".join(body)}</tbody></table>')


def pages_markup(state: ViewState, table: AreaTable) -> str:
    """First, previous, where we are, next and last, as links that keep the view."""
    lang = state.lang
    last = table.first + len(table.rows) - 1
    where = t("overview_page_of", lang, page=table.page, pages=table.pages,
              first=table.first if table.rows else 0, last=last, matched=table.matched)
    if table.matched != table.total:
        where += t("overview_of_level", lang, total=table.total)
    links = []
    for key, page, rel in (("overview_first", 1, ""), ("overview_prev", table.page - 1, "prev"),
                           ("current", table.page, ""),
                           ("overview_next", table.page + 1, "next"),
                           ("overview_last", table.pages, "")):
        if key == "current":
            links.append(f'<span aria-current="page" id="overview-where">{escape(where)}</span>')
        elif page == table.page or not 1 <= page <= table.pages:
            links.append(f'<span class="disabled">{escape(t(key, lang))}</span>')
        else:
            links.append(_link("/overview", state.with_changes(opage=str(page)), t(key, lang),
                               rel=rel, data_stay=""))
    return (f'<nav class="pager" aria-label="{escape(t("overview_pages", lang))}">'
            f'{" ".join(links)}</nav>')


def _many(ctx: Context) -> list:
    """Areas as rows: one page of them, as one component."""
    state, lang = ctx.state, ctx.state.lang
    table = area_table(ctx.ds, state)
    markup = pages_markup(state, table) + f'<div class="scroll sticky-table">' \
        f"{table_markup(state, table)}</div>" + pages_markup(state, table)
    return [
        html.P(t("overview_lead", lang, n=len(table.columns), areas=table.total),
               className="headline", id="headline"),
        html.Section([html.H2(t("page_overview", lang)), _legend(lang),
                      dcc.Markdown(markup, dangerously_allow_html=True,
                                   className="markup overview-many", id="overview-markup"),
                      html.P(t("overview_scale_note", lang), className="chart-note"),
                      html.P(overview_rule(lang), className="chart-note"),
                      *_left_out(table.left_out, lang)], className="card"),
    ]


def _controls(ctx: Context) -> list:
    """The table's filters: a text, the parent area, SCB's area type, rows per page."""
    ds, state, lang = ctx.ds, ctx.state, ctx.state.lang
    if not many_areas(ds, state.level):
        return []
    table = area_table(ds, state)
    every = {"label": t("overview_all", lang), "value": ""}
    out = [page_control("ofind", t("overview_find", lang), dcc.Input, type="search",
                        value=state.ofind, debounce=True, maxLength=64)]
    if len(table.parents) > 1:
        out.append(dropdown("oparent", t("overview_parent", lang),
                            [every, *({"label": name, "value": code}
                                      for code, name in table.parents)], state.oparent, lang))
    if table.has_types:
        out.append(dropdown("otype", t("overview_type", lang),
                            [every, *({"label": t(key, lang), "value": str(k)}
                                      for k, key in enumerate(AREA_TYPES, 1))],
                            state.otype, lang))
    out.append(dropdown("osize", t("overview_size", lang),
                        [{"label": str(n), "value": str(n)} for n in PAGE_SIZES],
                        state.osize or str(PAGE_SIZES[0]), lang))
    return [html.Div(out, className="page-controls")]


def _table(ctx: Context) -> list:
    return _many(ctx) if many_areas(ctx.ds, ctx.state.level) else _few(ctx)


CONTROLS = Part("controls", frozenset({"level"}), _controls, FILTERS)
TABLE = Part("overview", TABLE_FIELDS, _table)
# One wrapper, so that the view's first element is never the empty slot of the filters (a
# few districts have none).
PAGE = Page("overview", "/overview", "page_overview", ("level",), (CONTROLS, TABLE),
            lambda ctx: [html.Div([CONTROLS.slot(ctx), TABLE.slot(ctx)])])
