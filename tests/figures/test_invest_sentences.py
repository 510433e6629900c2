"""The social-investment sentences say no more certainty than the draws give."""

from __future__ import annotations

from dashboard.figures.sentences import probability


def test_a_probability_is_never_rounded_to_a_certainty_it_is_not() -> None:
    assert probability(1.0, "sv") == "100 %"
    assert probability(0.0, "en") == "0 %"
    assert probability(0.9973, "sv") == "> 99 %"
    assert probability(0.004, "en") == "< 1 %"
    assert probability(0.7812, "sv") == "78 %"
