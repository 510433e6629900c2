"""Gaps between groups: an equiplot per area (one dot per subgroup, a line from the lowest to
the highest) and the difference and ratio between the groups in each area.

The split is either sex (women, men) or a dimension such as country of birth. Colours are
a colour-blind-safe qualitative set (Okabe & Ito 2008).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.core.geometry import ShapeSet
from dashboard.core.i18n import join_names
from dashboard.core.schema import TOTAL
from dashboard.core.texts import decapitalise, t
from dashboard.core.viewstate import ViewState
from dashboard.figures import style
from dashboard.figures.gaps import PAIR_MEASURES, GapPanel, MeasureRow, gap_panel, measure_rows
from dashboard.figures.labels import ViewLabels, area_names, group_label, view_labels
from dashboard.figures.parts import ChartData, indicator_sources
from dashboard.measures import Subgroups
from dashboard.store import query
from dashboard.store.dataset import Dataset

OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442"]


@dataclass(frozen=True)
class GroupRow:
    """One area's value for each group (NaN where missing), in the groups' order."""

    code: str
    name: str
    values: tuple[float, ...]
    bands: tuple[tuple[float, float] | None, ...] = ()

    def band(self, i: int) -> tuple[float, float] | None:
        """The band group `i`'s value was published as ('75-80'), or None."""
        return self.bands[i] if i < len(self.bands) else None


@dataclass(frozen=True, kw_only=True)
class GroupsData(ChartData):
    """Areas (the view's level and the city) by the groups of one split."""

    labels: ViewLabels
    split: str
    split_label: str
    groups: tuple[str, ...]
    group_labels: tuple[str, ...]
    rows: tuple[GroupRow, ...]
    city: str


def default_split(ds: Dataset, state: ViewState) -> str:
    """The chosen split if the indicator has it, else the first breakdown that has values
    for the current choice (equity dimensions before sex, age and programme), else the first
    equity dimension or sex."""
    options = query.split_options(ds, state.indicator, state.level)
    if state.split in options:
        return state.split
    equity = [o for o in options if o not in ("age", "programme")]
    ordered = equity + [o for o in options if o not in equity]
    shown = [o for o in ordered if _has_groups(ds, state, o)]
    return (shown or equity or options or [""])[0]


def split_label(ds: Dataset, split: str, lang: str) -> str:
    """The name of a breakdown: "Kön" or the dimension's label."""
    if split == "sex":
        return t("sex", lang)
    rows = ds.groups[ds.groups["dimension"] == split]
    return rows.iloc[0][f"dimension_{lang}"] if len(rows) else split


def _group_gaps(ds: Dataset, state: ViewState) -> GapPanel:
    """The gap panel's sections between women and men and between groups."""
    sections = gap_panel(ds, state).sections
    return GapPanel(tuple(s for s in sections if s.key == "sex" or s.key.startswith("group:")))


def groups_subtitle(labels: ViewLabels, state: ViewState, split: str,
                    group_labels: tuple[str, ...], city: str) -> str:
    """What the chart shows: the period, the sex and group it holds fixed (not the split,
    whose groups are all drawn and named), and the areas with the city."""
    parts = [labels.period]
    if split != "sex" and state.sex != TOTAL:
        parts.append(decapitalise(labels.sex))
    if split == "sex" and state.group != TOTAL:
        parts.append(decapitalise(labels.group))
    parts.append(join_names([decapitalise(g) for g in group_labels], state.lang))
    parts.append(t("groups_areas", state.lang, level=labels.level.lower(), city=city))
    return ", ".join(parts)


def _split_rows(ds: Dataset, state: ViewState, split: str) -> tuple[pd.DataFrame, str]:
    """The values a split draws for the view (its areas and the city, the period, and the
    sex or group held fixed) and the column naming their groups."""
    obs = query.for_indicator(ds, state.indicator)
    obs = obs[obs["level"].isin((state.level, "kommun")) & (obs["period"] == state.period)]
    if split == "sex":
        return obs[(obs["dimension"] == state.dimension) & (obs["group"] == state.group)
                   & obs["sex"].isin(("female", "male"))], "sex"
    return obs[(obs["sex"] == state.sex) & (obs["dimension"] == split)], "group"


def _has_groups(ds: Dataset, state: ViewState, split: str) -> bool:
    """Whether the split gives at least two groups with values for the view."""
    obs, column = _split_rows(ds, state, split)
    return bool(obs.loc[obs["value"].notna(), column].nunique() >= 2)


def _bands(obs: pd.DataFrame, column: str, wide: pd.DataFrame
           ) -> dict[str, tuple[tuple[float, float] | None, ...]]:
    """Per area, the band each group's value was published as (None for exact values), in
    the columns' order of `wide`."""
    if "band_low" not in obs or obs["band_low"].isna().all():
        return {}
    found = {(r.area_code, getattr(r, column)): (float(r.band_low), float(r.band_high))
             for r in obs.dropna(subset=["band_low", "band_high"]).itertuples()}
    return {code: tuple(found.get((code, g)) for g in wide.columns) for code in wide.index}


def group_data(ds: Dataset, state: ViewState, heading: str = "") -> GroupsData | None:
    """Values by group for the view's areas and Malmö, for the chosen split."""
    split = default_split(ds, state)
    if not split:
        return None
    lang = state.lang
    obs, column = _split_rows(ds, state, split)
    if split == "sex":
        names = {"female": t("sex_female", lang), "male": t("sex_male", lang)}
    else:
        names = {g: group_label(ds, split, g, lang)[0] for g in obs["group"].unique()}
    wide = obs.pivot_table(index="area_code", columns=column, values="value", aggfunc="first")
    if wide.shape[1] < 2:
        return None
    bands = _bands(obs, column, wide)
    labels = view_labels(ds, state)
    area = area_names(ds, list(wide.index), lang)
    groups = tuple(str(g) for g in wide.columns)
    group_labels = tuple(names.get(g, g) for g in groups)
    city = query.city_code(ds) or ""
    return GroupsData(
        lang=lang, heading=heading, title=labels.title,
        subtitle=groups_subtitle(labels, state, split, group_labels,
                                 area_names(ds, [city], lang).get(city, city)),
        source_ids=indicator_sources(ds, (state.indicator,)), gaps=_group_gaps(ds, state),
        labels=labels, split=split, split_label=split_label(ds, split, lang), groups=groups,
        group_labels=group_labels,
        rows=tuple(GroupRow(str(c), area[c], tuple(float(v) for v in vals), bands.get(c, ()))
                   for c, vals in zip(wide.index, wide.to_numpy(float), strict=True)),
        city=city)


def equiplot_data(ds: Dataset, state: ViewState, _boundaries: dict[str, ShapeSet]
                  ) -> GroupsData | None:
    """The groups' values for the equiplot."""
    split = default_split(ds, state)
    heading = t("equiplot_heading", state.lang,
                split=split_label(ds, split, state.lang).lower()) if split else ""
    return group_data(ds, state, heading)


def groupbars_data(ds: Dataset, state: ViewState, _boundaries: dict[str, ShapeSet]
                   ) -> GroupsData | None:
    """The groups' values for the grouped bars."""
    return group_data(ds, state, t("groupbars_heading", state.lang))


def _present(data: GroupsData) -> list[GroupRow]:
    return [r for r in data.rows if not all(math.isnan(v) for v in r.values)]


def draw_equiplot(data: GroupsData, lang: str) -> style.FigureSpec:
    """One row per area (Malmö first), a dot per group, a line from lowest to highest."""
    unit = data.labels.unit
    ordered = sorted(_present(data), key=lambda r: (r.code != data.city,
                                                    -float(np.nanmax(r.values))))[::-1]
    names = [r.name for r in ordered]
    lines_x: list[float | None] = []
    lines_y: list[str | None] = []
    for row in ordered:
        vals = [v for v in row.values if not math.isnan(v)]
        if len(vals) >= 2:
            lines_x += [min(vals), max(vals), None]
            lines_y += [row.name, row.name, None]
    traces = [{"type": "scatter", "mode": "lines", "x": lines_x, "y": lines_y,
               "line": {"color": "#9ca3af", "width": 3}, "hoverinfo": "skip",
               "showlegend": False}]
    for i, label in enumerate(data.group_labels):
        traces.append({
            "type": "scatter", "mode": "markers", "name": label,
            "x": [r.values[i] for r in ordered], "y": names,
            "customdata": [data.labels.shown(r.values[i], r.band(i)) for r in ordered],
            "marker": {"size": 12, "color": OKABE_ITO[i % len(OKABE_ITO)],
                       "symbol": ["circle", "diamond", "square", "triangle-up"][i % 4],
                       "line": {"color": "#ffffff", "width": 1}},
            "hovertemplate": f"%{{y}}<br>{label}: %{{customdata}} {unit}<extra></extra>",
        })
    layout = style.base_layout(lang, max(300, 30 * len(names) + 110))
    layout.update(
        xaxis={"title": {"text": unit}, "gridcolor": "#e5e7eb"},
        yaxis={"automargin": True, "fixedrange": True},
        legend={"orientation": "h", "y": 1.02, "yanchor": "bottom", "x": 0},
        margin={"l": 10, "r": 20, "t": 40, "b": 40},
    )
    return {"data": traces, "layout": layout}


def draw_groupbars(data: GroupsData, lang: str) -> style.FigureSpec:
    """Grouped bars: each area's value for each group."""
    unit = data.labels.unit
    rows = _present(data)
    traces = [
        {"type": "bar", "name": label, "x": [r.name for r in rows],
         "y": [r.values[i] for r in rows], "marker": {"color": OKABE_ITO[i % len(OKABE_ITO)]},
         "customdata": [data.labels.shown(r.values[i], r.band(i)) for r in rows],
         "hovertemplate": f"%{{x}}<br>{label}: %{{customdata}} {unit}<extra></extra>"}
        for i, label in enumerate(data.group_labels)
    ]
    layout = style.base_layout(lang, 380)
    layout.update(
        barmode="group",
        yaxis={"automargin": True, "title": {"text": unit}, "gridcolor": "#e5e7eb"},
        xaxis={"automargin": True},
        legend={"orientation": "h", "y": 1.02, "yanchor": "bottom", "x": 0},
        margin={"l": 10, "r": 20, "t": 40, "b": 40},
    )
    return {"data": traces, "layout": layout}


def groups_table(data: GroupsData) -> tuple[tuple[str, ...], list[list[str]]]:
    """Area and each group's value, one row per area."""
    header = (t("area", data.lang), *data.group_labels)
    return header, [[r.name, *[data.labels.shown(v, r.band(i)) for i, v in enumerate(r.values)]]
                    for r in data.rows]


def area_gap_rows(data: GroupsData) -> list[tuple[str, tuple[MeasureRow, ...]]]:
    """Difference and ratio between the groups in each area (WHO HEAT, non-ordered)."""
    labels = data.labels
    out = []
    for row in data.rows:
        if any(math.isnan(v) for v in row.values):
            continue
        vals = np.array(row.values, dtype=float)
        groups = Subgroups(
            estimate=vals,
            se=np.full(vals.shape, np.nan),
            population=np.full(vals.shape, np.nan),
            favourable=labels.polarity != "lower_better",
            scale=labels.scale,
        )
        rows, _ = measure_rows(groups, PAIR_MEASURES, labels)
        out.append((row.name, rows))
    return out
