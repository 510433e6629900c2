"""Line charts over time, shared by the trends and the index over time.

Time is a number axis: a single year sits at the year, a multi-year period at its midpoint,
and each tick is labelled with the period as published, so 2006→2008 is drawn twice as wide
as 2008→2009. Lines are told apart without a legend: context lines are grey, the lines that
matter (the chosen area, Malmö, each group) are in colours no two share, and every line is
named at its end, the names moved apart where lines end close together.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from dashboard.core.i18n import format_period
from dashboard.core.texts import t
from dashboard.figures import style

CONTEXT = "#aeb5bf"
# Colours for the lines that stand out (Okabe & Ito, without the orange of the chosen area
# and the red of Malmö); beyond these, further lines are drawn as grey context lines.
LINE_COLOURS = ("#0072B2", "#009E73", "#CC79A7", "#56B4E9", "#E69F00", "#000000")
LABEL_GAP = 0.055  # the least distance between two end labels, as a share of the y span
CHAR_PX = 7.0  # average width of one character of an end label, in pixels
LABEL_CHARS = 20  # longest end label: 20 characters take about 140 px of a 360 px phone
MAX_NAMED = 12  # context lines named at their ends; more are drawn as one grey trace


def period_position(period: str) -> float:
    """Where a period sits on a time axis: the year, or the midpoint of 'YYYY-YYYY'; a month
    'YYYY-MM' at its year plus the elapsed months, a date 'YYYY-MM-DD' plus the elapsed days."""
    parts = period.split("-")
    if len(parts) == 2 and all(len(p) == 4 and p.isdigit() for p in parts):
        return (int(parts[0]) + int(parts[1])) / 2
    if len(parts) == 3:
        day = date(int(parts[0]), int(parts[1]), int(parts[2]))
        return day.year + (day.timetuple().tm_yday - 1) / 365.25
    year = float(parts[0])
    return year + (int(parts[1]) - 1) / 12 if len(parts) > 1 else year


def tick_label(period: str, lang: str) -> str:
    """A period under its tick: a date as day and short month over the year ('27 aug' /
    '2021'), so that six dates fit a phone's width; other periods as written."""
    parts = period.split("-")
    if len(parts) != 3:
        return format_period(period)
    month = t("month_names", lang).split(",")[int(parts[1]) - 1].strip()[:3]
    return f"{int(parts[2])} {month}<br>{parts[0]}"


def period_axis(periods: Sequence[str], title: str, lang: str) -> dict[str, Any]:
    """A linear x axis with a tick at every period, labelled as the period; titled 'Date'
    instead of `title` when every period is a date."""
    xs = [period_position(p) for p in periods]
    pad = max(0.3, 0.04 * (max(xs) - min(xs)))
    if periods and all(len(p.split("-")) == 3 for p in periods):
        title, pad = t("period_date", lang), max(0.02, 0.04 * (max(xs) - min(xs)))
    return {"type": "linear", "title": {"text": title}, "tickvals": xs,
            "ticktext": [tick_label(p, lang) for p in periods], "automargin": True,
            "range": [min(xs) - pad, max(xs) + pad], "showgrid": False, "zeroline": False}


@dataclass(frozen=True)
class Line:
    """One drawn line: its name, points, colour and whether it stands out."""

    name: str
    x: tuple[float, ...]
    y: tuple[float, ...]
    colour: str
    strong: bool


def end_label(name: str) -> str:
    """A line's name at its end, cut to LABEL_CHARS so that the plot keeps its width on a
    phone, keeping a code in brackets that tells areas apart ('Almvik… (1280C1230)'); the
    whole name is in the hover and the table."""
    if len(name) <= LABEL_CHARS:
        return name
    head, bracket, code = name.rpartition(" (")
    tail = f" ({code}" if bracket and code.endswith(")") and len(code) < LABEL_CHARS - 4 else ""
    head = head if tail else name
    return head[:max(1, LABEL_CHARS - len(tail) - 1)].rstrip() + "…" + tail


def spread(ys: Sequence[float], gap: float) -> list[float]:
    """Label heights at least `gap` apart, each run of crowded labels centred on the mean of
    its lines' ends (labels keep the order of the ends)."""
    order = sorted(range(len(ys)), key=lambda i: ys[i])

    def start(run: list[int]) -> float:
        return sum(ys[i] for i in run) / len(run) - gap * (len(run) - 1) / 2

    runs: list[list[int]] = []
    for i in order:
        runs.append([i])
        while len(runs) > 1 and start(runs[-2]) + gap * len(runs[-2]) > start(runs[-1]):
            runs[-2:] = [runs[-2] + runs[-1]]
    out = [0.0] * len(ys)
    for run in runs:
        for k, i in enumerate(run):
            out[i] = start(run) + k * gap
    return out


def _merged(context: Sequence[Line], labels: dict[float, str],
            hover_unit: str) -> dict[str, Any]:
    """Many context lines as one trace, broken between lines; each point names its line."""
    xs: list[float | None] = []
    ys: list[float | None] = []
    names: list[str] = []
    for line in context:
        xs += [*line.x, None]
        ys += [*line.y, None]
        names += [f"{line.name}, {labels.get(x, '')}" for x in line.x] + [""]
    return {"type": "scatter", "mode": "lines", "name": "", "x": xs, "y": ys,
            "customdata": names, "showlegend": False, "connectgaps": False,
            "line": {"color": context[0].colour, "width": 1},
            "hovertemplate": f"%{{customdata}}: %{{y}} {hover_unit}<extra></extra>"}


def draw_lines(lines: Sequence[Line], axis_title: str, unit: str, periods: Sequence[str],
               lang: str, height: int, hover_unit: str = "") -> style.FigureSpec:
    """Context lines first (underneath), then the lines that stand out, each named at its
    end; hovering a point names its line and period. More than MAX_NAMED context lines (an
    index over 192 DeSO) are drawn as one grey trace and named only on hover, so that the
    browser draws one line instead of hundreds and the ends are not a wall of names."""
    labels = dict(zip((period_position(p) for p in periods),
                      (format_period(p) for p in periods), strict=True))
    context = [ln for ln in lines if not ln.strong]
    traces = []
    if len(context) > MAX_NAMED:
        traces.append(_merged(context, labels, hover_unit))
        lines = [ln for ln in lines if ln.strong]
    for line in sorted(lines, key=lambda ln: ln.strong):
        traces.append({
            "type": "scatter", "mode": "lines+markers", "name": line.name,
            "x": list(line.x), "y": list(line.y), "showlegend": False,
            "customdata": [labels.get(x, "") for x in line.x],
            "line": {"color": line.colour, "width": 3.5 if line.strong else 1.5},
            "marker": {"size": 7 if line.strong else 5, "color": line.colour},
            "hoverlabel": {"bgcolor": line.colour},
            "hovertemplate": f"<b>{line.name}</b><br>%{{customdata}}: %{{y}} {hover_unit}"
                             "<extra></extra>",
        })
    ends = [ln for ln in lines if ln.y]
    values = [v for ln in [*lines, *context] for v in ln.y]
    span = (max(values) - min(values)) or 1.0
    heights = spread([ln.y[-1] for ln in ends], LABEL_GAP * span)
    notes = [{"x": ln.x[-1], "y": h, "xref": "x", "yref": "y", "text": end_label(ln.name),
              "showarrow": False, "xanchor": "left", "xshift": 8,
              "font": {"size": 11,
                       "color": style.text_shade(ln.colour) if ln.strong else style.MUTED}}
             for ln, h in zip(ends, heights, strict=True)]
    low = min([*values, *heights])
    high = max([*values, *heights])
    pad = 0.06 * ((high - low) or 1.0)
    longest = max((len(end_label(ln.name)) for ln in ends), default=0)
    layout = style.base_layout(lang, height)
    layout.update(
        xaxis=period_axis(periods, axis_title, lang),
        yaxis={"automargin": True, "title": {"text": unit}, "gridcolor": "#e5e7eb",
               "range": [low - pad, high + pad]},
        annotations=notes, showlegend=False, hovermode="closest",
        margin={"l": 10, "r": int(CHAR_PX * longest) + 20, "t": 10, "b": 40})
    return {"data": traces, "layout": layout}
