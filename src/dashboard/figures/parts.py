"""What a chart builder returns: the figure and the words and numbers that go with it."""

from __future__ import annotations

from dataclasses import dataclass

from dashboard.figures.style import FigureSpec


@dataclass(frozen=True)
class ChartParts:
    """A chart's heading, figure spec, text description and table of the numbers it shows."""

    heading: str
    spec: FigureSpec
    alt: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    # For charts that are not about the view's single indicator (a profile, an index):
    title: str | None = None
    subtitle: str | None = None
    indicators: tuple[str, ...] | None = None


def as_rows(rows) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(str(c) for c in row) for row in rows)
