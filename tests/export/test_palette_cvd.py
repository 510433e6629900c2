"""The figure colours stay distinguishable under simulated colour-vision deficiencies."""

from __future__ import annotations

import pytest

from dashboard.export.palette import DEFICIENCIES, checks, distance, report, simulate

RESULTS = checks()


@pytest.mark.parametrize("check", [pytest.param(c, id=f"{c.subject} / {c.vision}")
                                   for c in RESULTS])
def test_colours_stay_apart(check) -> None:
    assert check.distance >= check.minimum, report([check])


def test_every_palette_is_checked_under_every_deficiency() -> None:
    visions = {c.vision for c in RESULTS}
    assert visions == {"normal", *DEFICIENCIES}
    assert {c.subject for c in RESULTS} >= {"JUDGED adjacent steps", "NEUTRAL adjacent steps",
                                            "reference lines city/country"}


RED, GREEN, BLUE = "#d62728", "#2ca02c", "#1f77b4"


def test_simulation_confuses_the_pairs_each_deficiency_is_known_for() -> None:
    """Red/green collapse for deuteranopes (and less so protanopes), blue/green for
    tritanopes; grey stays grey."""
    red_green = {v: distance(RED, GREEN, v) for v in ("normal", *DEFICIENCIES)}
    assert red_green["deuteranopia"] < red_green["protanopia"] < red_green["normal"] / 2
    assert red_green["tritanopia"] > red_green["normal"] / 2
    assert distance(BLUE, GREEN, "tritanopia") < distance(BLUE, GREEN, "normal") / 2
    grey = simulate("#808080", "deuteranopia")
    assert max(grey) - min(grey) < 0.02
