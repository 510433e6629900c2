"""Do the figure colours stay apart for readers with colour-vision deficiencies?

Each colour is passed through a simulation of full deuteranopia, protanopia and
tritanopia - the model of Machado, Oliveira & Fernandes (2009), "A physiologically-based
model for simulation of color vision deficiency", IEEE TVCG 15(6), as implemented in
colorspacious (`sRGB1+CVD`, severity 100) - and the distance between colours is the
Euclidean distance in CAM02-UCS (Luo, Cui & Li 2006), colorspacious's `deltaE`, where
about 1 is a just-noticeable difference for large patches.

What is checked: adjacent steps of the sequential palettes (style.JUDGED, style.NEUTRAL),
the grey of areas without data against each palette's steps, and the two reference lines
(Malmö, Sweden) against each other and against every fill they may be drawn over.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

import numpy as np
from colorspacious import cspace_convert, deltaE

from dashboard.figures import style

DEFICIENCIES = {"deuteranopia": "deuteranomaly", "protanopia": "protanomaly",
                "tritanopia": "tritanomaly"}
VISIONS = ("normal", *DEFICIENCIES)
# Minimum CAM02-UCS distances. Fills are large areas; reference lines are thin, and thin
# marks need larger differences to be told apart (Szafir 2018, "Modeling color difference
# for visualization design", IEEE TVCG 24(1)), hence the higher bar for the lines.
MIN_STEP = 5.0
MIN_LINES = 10.0
PALETTES = {"JUDGED": tuple(style.JUDGED), "NEUTRAL": tuple(style.NEUTRAL)}
REFERENCE_LINES = {"city": style.REFERENCE_CITY, "country": style.REFERENCE_COUNTRY}


def srgb(colour: str) -> np.ndarray:
    """'#08519c' as sRGB in [0, 1]."""
    return np.array([int(colour[i:i + 2], 16) for i in (1, 3, 5)]) / 255


def simulate(colour: str, vision: str) -> np.ndarray:
    """The colour as seen with the vision ('normal' or a key of DEFICIENCIES), sRGB [0, 1]."""
    rgb = srgb(colour)
    if vision == "normal":
        return rgb
    space = {"name": "sRGB1+CVD", "cvd_type": DEFICIENCIES[vision], "severity": 100}
    return np.clip(cspace_convert(rgb, space, "sRGB1"), 0, 1)


def distance(a: str, b: str, vision: str) -> float:
    """CAM02-UCS distance between two colours as seen with the vision."""
    return float(deltaE(simulate(a, vision), simulate(b, vision), input_space="sRGB1"))


def step_distances(colours: tuple[str, ...], vision: str) -> list[float]:
    """Distances between each pair of adjacent steps of a palette."""
    return [distance(a, b, vision) for a, b in pairwise(colours)]


@dataclass(frozen=True)
class Check:
    """One check: what is compared, under which vision, its smallest distance, the bar."""

    subject: str
    vision: str
    distance: float
    minimum: float

    @property
    def passed(self) -> bool:
        return self.distance >= self.minimum


def checks() -> list[Check]:
    """Every palette and reference-line check under every vision."""
    fills = sorted({c for colours in PALETTES.values() for c in colours})
    out = []
    for vision in VISIONS:
        for name, colours in PALETTES.items():
            out.append(Check(f"{name} adjacent steps", vision,
                             min(step_distances(colours, vision)), MIN_STEP))
            out.append(Check(f"no-data grey vs {name}", vision,
                             min(distance(style.NO_DATA, c, vision) for c in colours),
                             MIN_STEP))
        city, country = REFERENCE_LINES["city"], REFERENCE_LINES["country"]
        out.append(Check("reference lines city/country", vision,
                         distance(city, country, vision), MIN_LINES))
        for name, line in REFERENCE_LINES.items():
            out.append(Check(f"reference line {name} vs fills", vision,
                             min(distance(line, fill, vision) for fill in fills), MIN_STEP))
    return out


def report(results: list[Check]) -> str:
    """The checks as a plain table, one line each."""
    return "\n".join(f"{c.subject:36} {c.vision:13} ΔE {c.distance:5.1f} "
                     f"(min {c.minimum:g}) {'ok' if c.passed else 'TOO CLOSE'}"
                     for c in results)
