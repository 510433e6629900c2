"""Colours and layout shared by every figure, and the figure-spec type.

Builders return plain Plotly figure specs (dicts with `data` and `layout`): Dash and
Plotly.js take them as they are, and skipping Plotly's per-property validation keeps a
136-area map well inside the callback budget. Tests validate every spec with
`plotly.graph_objects.Figure(spec)`, which refuses any invalid property.

Sequential single-hue scales are used so that "darker = worse" reads the same for
people with colour-vision deficiencies; an indicator without a judgement gets a
different hue so it is not read as good or bad.
"""

from __future__ import annotations

import math
from typing import Any

from plotly.colors import sample_colorscale

from dashboard.core.i18n import plotly_separators

FONT = "DejaVu Sans, Arial, sans-serif"
TEXT = "#1f2933"
MUTED = "#5f6b7a"
NO_DATA = "#f2f2f2"  # apart from every fill for all three CVDs
OUTLINE = "#ffffff"
HIGHLIGHT = "#d95f02"
REFERENCE_CITY = "#b2182b"
REFERENCE_COUNTRY = "#4d4d4d"

# Light to dark. Blues for judged indicators (dark = worse), purples for no judgement.
# The light end stays visibly tinted so the best value never vanishes into the background.
JUDGED = ["#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#08519c", "#08306b"]
NEUTRAL = ["#dadaeb", "#bcbddc", "#9e9ac8", "#807dba", "#6a51a3", "#54278f", "#3f007d"]


def colorscale(polarity: str) -> list[list]:
    """A Plotly colorscale over the value range, oriented so darker means worse."""
    colours = NEUTRAL if polarity == "none" else JUDGED
    if polarity == "higher_better":
        colours = list(reversed(colours))
    step = 1 / (len(colours) - 1)
    return [[round(i * step, 6), c] for i, c in enumerate(colours)]


def colours_for(values: list[float], vmin: float, vmax: float, polarity: str) -> list[str]:
    """The fill colour of each value on the scale; grey where the value is missing."""
    span = vmax - vmin
    known = [i for i, v in enumerate(values)
             if not (v is None or (isinstance(v, float) and math.isnan(v)))]
    out = [NO_DATA] * len(values)
    if known:
        positions = [0.5 if span <= 0 else min(max((values[i] - vmin) / span, 0.0), 1.0)
                     for i in known]
        for i, colour in zip(known, sample_colorscale(colorscale(polarity), positions),
                             strict=True):
            out[i] = colour
    return out


def text_colour_on(fill: str) -> str:
    """Black or white text, whichever reads better on the fill colour."""
    if fill.startswith("rgb"):
        r, g, b = (float(x) for x in fill[fill.index("(") + 1:-1].split(",")[:3])
    else:
        r, g, b = (int(fill[i:i + 2], 16) for i in (1, 3, 5))
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return TEXT if luminance > 140 else "#ffffff"


FigureSpec = dict[str, Any]


def base_layout(lang: str, height: int) -> dict[str, Any]:
    """Fonts, separators per language, white background, tight margins."""
    return {
        "font": {"family": FONT, "color": TEXT, "size": 13},
        "separators": plotly_separators(lang),
        "paper_bgcolor": "#ffffff",
        "plot_bgcolor": "#ffffff",
        "height": height,
        "margin": {"l": 10, "r": 10, "t": 10, "b": 10},
        "hoverlabel": {"font": {"family": FONT}},
    }
