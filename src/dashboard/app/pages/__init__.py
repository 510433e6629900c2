"""The explorer's views. Each page is chosen by its path and made of parts; each part declares
the state fields it draws from, so a change of one control redraws only the parts that use
it. Every choice lives in the address, so a link reopens the view exactly."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import Any

from dash import html

from dashboard.core.geometry import ShapeSet
from dashboard.core.i18n import DEFAULT_LANGUAGE
from dashboard.core.viewstate import ViewState, href, restrict
from dashboard.store.dataset import Dataset

# Every state field but the language (a change of language redraws the whole page).
ALL_FIELDS = frozenset(f.name for f in fields(ViewState)) - {"lang"}
# The fields that pick the values shown: what most charts depend on.
VIEW_FIELDS = frozenset({"indicator", "period", "sex", "dimension", "group", "level"})


@dataclass(frozen=True)
class Context:
    """What a page needs to draw itself."""

    ds: Dataset
    state: ViewState
    boundaries: dict[str, ShapeSet]
    path: str = "/"
    base_url: str = "http://127.0.0.1:8050/"
    keep: frozenset[str] = ALL_FIELDS

    @property
    def shown(self) -> ViewState:
        """The state as the view's address holds it: only the fields the view uses."""
        return restrict(self.state, self.keep)

    def link(self) -> str:
        """The absolute address that reopens this view."""
        return href(self.path, self.shown, self.base_url)


def view_language(view: Any) -> str:
    """The language of the view the browser keeps (its `view` store), else the default."""
    lang = view.get("lang") if isinstance(view, dict) else None
    return lang if isinstance(lang, str) else DEFAULT_LANGUAGE


def field_of(control: str) -> str:
    """The state field a page control sets ('w:<code>' sets a weight, 'eff:lo' the low end
    of a range)."""
    if control.startswith("w:"):
        return "weights"
    return control.split(":", 1)[0]


@dataclass(frozen=True)
class Part:
    """A piece of a page redrawn as a unit: the state fields it uses and the page controls
    it holds (a control is not redrawn because of its own change, so it keeps focus)."""

    name: str
    uses: frozenset[str]
    render: Callable[[Context], list]
    controls: tuple[str, ...] = ()
    css: str = ""

    def slot(self, ctx: Context) -> html.Div:
        """The part in its container, whose id lets a callback redraw it alone."""
        return html.Div(self.render(ctx), id={"type": "part", "name": self.name},
                        className=self.css or None)

    def redraw(self, changed: set[str], touched: str | None) -> bool:
        """Whether a change of `changed` fields, started by control `touched`, affects it.
        Controls named with a trailing ':' stand for a family (e.g. 'w:' for each weight)."""
        if touched is None:
            return bool(changed & self.uses)
        family = touched.split(":", 1)[0] + ":" if ":" in touched else touched
        held = touched in self.controls or family in self.controls
        own = changed - {field_of(touched)} if held else changed
        return bool(own & self.uses)


@dataclass(frozen=True)
class Page:
    """A view: its path, its name (a text key), the shared controls it shows, its parts and
    the layout that places them."""

    id: str
    path: str
    title_key: str
    controls: tuple[str, ...]
    parts: tuple[Part, ...]
    layout: Callable[[Context], list]
    hides: Callable[[Context], frozenset[str]] = lambda _ctx: frozenset()

    def shows(self, ctx: Context, control: str) -> bool:
        """Whether a shared control is shown: the page uses it and the view does not make it
        meaningless (e.g. the sex choice while the groups are split by sex)."""
        return control in self.controls and control not in self.hides(ctx)

    def uses(self) -> frozenset[str]:
        """Every state field the page reads (the group control sets the dimension too)."""
        fields = frozenset(self.controls).union(*(p.uses for p in self.parts))
        return fields | {"dimension"} if "group" in fields else fields


def registry() -> list[Page]:
    """All pages in menu order (imported here to keep each page module independent)."""
    from dashboard.app.pages import (
        accounts,
        audit,
        compare,
        composite_index,
        definitions,
        gradient,
        groups,
        invest,
        map_view,
        overview,
        potential,
        profile,
        review,
        statement,
        summary,
        trends,
        upload_page,
    )

    return [summary.PAGE, overview.PAGE, map_view.PAGE, profile.PAGE, compare.PAGE,
            groups.PAGE, trends.PAGE, gradient.PAGE, potential.PAGE, invest.PAGE,
            composite_index.PAGE,
            definitions.PAGE, upload_page.PAGE, review.PAGE, audit.PAGE, accounts.PAGE,
            statement.PAGE]


def page_for(path: str | None, pages: list[Page]) -> Page | None:
    """The page at `path` (trailing slash ignored), or None."""
    clean = "/" + (path or "/").strip("/")
    return next((p for p in pages if p.path == clean), None)


def chart_fields(chart_id: str) -> frozenset[str]:
    """The fields the page of a chart uses: what an exported chart's link holds."""
    from dashboard.figures.charts import CHART_PAGES

    page = page_for(CHART_PAGES.get(chart_id, "/"), registry())
    return page.uses() if page is not None else ALL_FIELDS


def single(page_id: str, path: str, title_key: str, controls: tuple[str, ...],
           uses: frozenset[str], render: Callable[[Context], list]) -> Page:
    """A page that is one part (redrawn whole when any field it uses changes)."""
    part = Part(page_id, uses, render)
    return Page(page_id, path, title_key, controls, (part,), lambda ctx: [part.slot(ctx)])
