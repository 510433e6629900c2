"""District profile: one area against the city's range and average for every indicator.

A spine chart in the manner of England's Fingertips: for each indicator a grey bar from
the worst to the best area, a darker bar for the middle half, a line at Malmö's value and
a dot for the chosen area, coloured better/similar/worse. Values are placed on a common
scale where Malmö is 0 and the further end of the range is ±1, worse to the left.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from dashboard.core.geometry import ShapeSet
from dashboard.core.i18n import format_number, format_period
from dashboard.core.schema import TOTAL
from dashboard.core.texts import t
from dashboard.core.units import UNITS
from dashboard.core.viewstate import ViewState
from dashboard.figures import style
from dashboard.figures.labels import area_names
from dashboard.figures.overview import SD_THRESHOLD, compare
from dashboard.figures.parts import ChartData, indicator_sources
from dashboard.figures.sentences import profile_heading
from dashboard.store import query
from dashboard.store.dataset import Dataset

STATUS_COLOURS = {"better": "#2c7bb6", "similar": "#fdae61", "worse": "#d7191c",
                  "neutral": "#7f7f7f"}


@dataclass(frozen=True)
class SpineRow:
    indicator: str
    label: str
    period: str
    value: str
    city: str
    worst: str
    best: str
    status: str
    rank: int
    n: int
    position: float
    lo: float
    hi: float
    q1: float
    q3: float
    # A position among the areas (unit 'rank') restates the indicator it ranks: drawn, but
    # not counted again in the sentences.
    counted: bool = True


def default_area(ds: Dataset, state: ViewState) -> str:
    """The chosen area, or the first area of the level."""
    codes = query.level_areas(ds, state.level)
    return state.area if state.area in codes else (codes[0] if codes else "")


@lru_cache(maxsize=128)
def _spine_rows(ds: Dataset, lang: str, level: str, area: str) -> tuple[SpineRow, ...]:
    city = query.city_code(ds)
    rows = []
    for info in ds.indicators.sort_values(["topic", f"title_{lang}"]).itertuples():
        if info.polarity == "none":
            continue
        obs = query.for_indicator(ds, info.id)
        obs = obs[(obs["dimension"] == TOTAL) & (obs["group"] == TOTAL)]
        sexes = [TOTAL] if TOTAL in set(obs["sex"]) else ["female", "male"]
        decimals = UNITS[info.unit].decimals if info.unit in UNITS else 1
        for sex in sexes:
            mine = obs[(obs["sex"] == sex) & (obs["area_code"] == area)].dropna(subset=["value"])
            at_level = obs[(obs["sex"] == sex) & (obs["level"] == level)]
            periods = [p for p in mine["period"]
                       if at_level[at_level["period"] == p]["area_code"].nunique() >= 3]
            if not periods:
                continue
            period = max(periods, key=query.period_key)
            values = at_level[at_level["period"] == period].dropna(subset=["value"])
            ref = obs[(obs["sex"] == sex) & (obs["area_code"] == city)
                      & (obs["period"] == period)]
            vals = values["value"].to_numpy(float)
            centre = float(ref["value"].iloc[0]) if len(ref) else float(np.mean(vals))
            sign = 1.0 if info.polarity == "higher_better" else -1.0
            span = float(np.max(np.abs(vals - centre))) or 1.0

            def pos(v: float, c: float = centre, s: float = sign, w: float = span) -> float:
                return s * (v - c) / w

            own = float(mine[mine["period"] == period]["value"].iloc[0])
            placed = sorted(pos(v) for v in vals)
            status = compare(own, (math.nan, math.nan), centre, (math.nan, math.nan),
                             info.polarity, SD_THRESHOLD * float(np.std(vals)))
            rank = 1 + sum(p > pos(own) for p in placed)
            worst_v = vals[np.argmin([pos(v) for v in vals])]
            best_v = vals[np.argmax([pos(v) for v in vals])]
            label = getattr(info, f"title_{lang}")
            if sex != TOTAL:
                label = f"{label}, {t('who_' + sex, lang)}"
            rows.append(SpineRow(
                info.id, label, format_period(period), format_number(own, lang, decimals),
                format_number(centre, lang, decimals), format_number(worst_v, lang, decimals),
                format_number(best_v, lang, decimals), status, rank, len(vals), pos(own),
                placed[0], placed[-1], float(np.percentile(placed, 25)),
                float(np.percentile(placed, 75)), info.unit != "rank"))
    return tuple(rows)


@dataclass(frozen=True, kw_only=True)
class SpineData(ChartData):
    """One area's rows against the city (named `city_name`) and the level's range."""

    area: str
    area_name: str
    city_name: str
    level: str
    rows: tuple[SpineRow, ...]


def spine_data(ds: Dataset, state: ViewState, _boundaries: dict[str, ShapeSet] | None = None
               ) -> SpineData | None:
    """The profile of the chosen (or first) area; None when the level has no areas."""
    lang = state.lang
    area = default_area(ds, state)
    if not area:
        return None
    name = area_label(ds, area, lang)
    rows = _spine_rows(ds, lang, state.level, area)
    heading = profile_heading(name, t("reference_city", lang), lang, compared=bool(rows))
    level = t(f"level_{state.level}", lang)
    indicators = tuple(dict.fromkeys(r.indicator for r in rows))
    return SpineData(lang=lang, heading=heading, title=heading,
                     subtitle=t("spine_subtitle", lang, level=level.lower()),
                     source_ids=indicator_sources(ds, indicators), area=area, area_name=name,
                     city_name=t("reference_city", lang), level=level, rows=rows)


def draw_spine(data: SpineData, lang: str) -> style.FigureSpec:
    """The spine chart: range bars, middle half, Malmö at 0, the area as a dot."""
    rows, area_label, city = list(data.rows), data.area_name, data.city_name
    labels = [r.label for r in rows][::-1]
    rev = rows[::-1]
    traces = [
        {"type": "bar", "orientation": "h", "y": labels, "x": [r.hi - r.lo for r in rev],
         "base": [r.lo for r in rev], "marker": {"color": "#e5e7eb"}, "hoverinfo": "skip",
         "showlegend": False, "width": 0.6},
        {"type": "bar", "orientation": "h", "y": labels, "x": [r.q3 - r.q1 for r in rev],
         "base": [r.q1 for r in rev], "marker": {"color": "#b8bec8"}, "hoverinfo": "skip",
         "showlegend": False, "width": 0.6},
        {"type": "scatter", "mode": "markers", "y": labels, "x": [r.position for r in rev],
         "marker": {"size": 13, "color": [STATUS_COLOURS[r.status] for r in rev],
                    "line": {"color": "#ffffff", "width": 1.5}},
         "name": area_label, "showlegend": False,
         "hovertext": [f"<b>{r.label}</b> ({r.period})<br>{area_label}: {r.value}<br>"
                       f"{city}: {r.city}<br>{t('status_' + r.status, lang)}<br>"
                       + t("rank_of", lang, rank_word=t("rank", lang), rank=r.rank, n=r.n)
                       for r in rev],
         "hovertemplate": "%{hovertext}<extra></extra>"},
    ]
    layout = style.base_layout(lang, max(260, 30 * len(rows) + 90))
    layout.update(
        barmode="overlay",
        xaxis={"range": [-1.15, 1.15], "tickvals": [-1, 0, 1], "zeroline": False,
               "ticktext": [t("worse", lang), city, t("better", lang)]},
        yaxis={"automargin": True, "fixedrange": True},
        shapes=[{"type": "line", "xref": "x", "yref": "paper", "x0": 0, "x1": 0, "y0": 0,
                 "y1": 1, "line": {"color": style.REFERENCE_CITY, "width": 2}}],
        margin={"l": 10, "r": 20, "t": 10, "b": 40},
    )
    return {"data": traces, "layout": layout}


def spine_table(data: SpineData) -> tuple[tuple[str, ...], list[list[str]]]:
    """Indicator, period, the area, the city, worst, best, rank and comparison."""
    lang = data.lang
    header = (t("indicator", lang), t("period", lang), data.area_name, data.city_name,
              t("worst", lang), t("best", lang), t("rank", lang), t("comparison", lang))
    return header, [[r.label, r.period, r.value, r.city, r.worst, r.best, f"{r.rank}/{r.n}",
                     t(f"status_{r.status}", lang)] for r in data.rows]


def area_label(ds: Dataset, code: str, lang: str) -> str:
    """An area's name in the language (its code if unknown)."""
    return area_names(ds, [code], lang).get(code, code)
