"""The explorer's views. Each page is chosen by its path and draws itself from the view
state; every choice lives in the address, so a link reopens the view exactly."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from dashboard.core.geometry import ShapeSet
from dashboard.core.viewstate import ViewState
from dashboard.store.dataset import Dataset

ALL_CONTROLS = ("indicator", "period", "sex", "group", "level")


@dataclass(frozen=True)
class Context:
    """What a page needs to draw itself."""

    ds: Dataset
    state: ViewState
    boundaries: dict[str, ShapeSet]
    path: str = "/"
    base_url: str = "http://127.0.0.1:8050/"

    def link(self) -> str:
        """The absolute address that reopens this view."""
        return self.base_url.rstrip("/") + self.path + self.state.to_query()


@dataclass(frozen=True)
class Page:
    """A view: its path, its name (a text key), the shared controls it uses, its drawing."""

    id: str
    path: str
    title_key: str
    controls: tuple[str, ...]
    render: Callable[[Context], list]


def registry() -> list[Page]:
    """All pages in menu order (imported here to keep each page module independent)."""
    from dashboard.app.pages import (
        compare,
        composite_index,
        definitions,
        gradient,
        groups,
        map_view,
        overview,
        potential,
        profile,
        summary,
        trends,
        upload_page,
    )

    return [summary.PAGE, overview.PAGE, map_view.PAGE, profile.PAGE, compare.PAGE,
            groups.PAGE, trends.PAGE, gradient.PAGE, potential.PAGE, composite_index.PAGE,
            definitions.PAGE, upload_page.PAGE]


def page_for(path: str | None, pages: list[Page]) -> Page | None:
    """The page at `path` (trailing slash ignored), or None."""
    clean = "/" + (path or "/").strip("/")
    return next((p for p in pages if p.path == clean), None)
