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
# The focus outline, as in assets/style.css (--focus): 3:1 or more against white.
FOCUS = "#b45309"
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


# WCAG 2.1 success criterion 1.4.3 (contrast, minimum): text needs 4.5:1 against its
# background. https://www.w3.org/TR/WCAG21/#contrast-minimum
MIN_TEXT_CONTRAST = 4.5
WHITE = "#ffffff"
BLACK = "#000000"


def rgb_of(colour: str) -> tuple[float, float, float]:
    """The red, green and blue (0-255) of '#rrggbb', 'rgb(r, g, b)' or 'rgba(r, g, b, a)'."""
    if colour.startswith("rgb"):
        r, g, b = (float(x) for x in colour[colour.index("(") + 1:-1].split(",")[:3])
        return r, g, b
    return (float(int(colour[1:3], 16)), float(int(colour[3:5], 16)),
            float(int(colour[5:7], 16)))


def relative_luminance(colour: str) -> float:
    """WCAG 2.1's relative luminance of an sRGB colour, 0 (black) to 1 (white).
    https://www.w3.org/TR/WCAG21/#dfn-relative-luminance"""
    linear = []
    for channel in rgb_of(colour):
        c = channel / 255
        linear.append(c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4)
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(one: str, other: str) -> float:
    """WCAG 2.1's contrast ratio (L1 + 0.05) / (L2 + 0.05), 1 to 21.
    https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio"""
    high, low = sorted((relative_luminance(one), relative_luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def text_colour_on(fill: str) -> str:
    """The page's dark text or white, whichever has the higher contrast ratio on the fill;
    black where neither reaches 4.5:1 (black or white always does: at worst sqrt(21))."""
    best = max((TEXT, WHITE), key=lambda c: contrast_ratio(c, fill))
    if contrast_ratio(best, fill) >= MIN_TEXT_CONTRAST:
        return best
    return max((BLACK, WHITE), key=lambda c: contrast_ratio(c, fill))


def text_shade(colour: str, background: str = WHITE) -> str:
    """The colour itself where it reads as text on the background (4.5:1), else the lightest
    mix of it with black that does, so a line's name keeps its line's hue."""
    if contrast_ratio(colour, background) >= MIN_TEXT_CONTRAST:
        return colour
    r, g, b = rgb_of(colour)
    for step in range(1, 21):
        keep = 1 - step / 20
        shade = "#" + "".join(f"{round(c * keep):02x}" for c in (r, g, b))
        if contrast_ratio(shade, background) >= MIN_TEXT_CONTRAST:
            return shade
    return BLACK


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
