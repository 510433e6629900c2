"""Words the charts print: headings, axis titles, legends, hover labels and sentences."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "residents_short": {"sv": "inv.", "en": "residents"},
    "ci_range": {"sv": "{ci} {lo} till {hi}", "en": "{ci} {lo} to {hi}"},
    "ci_span": {"sv": "{ci}: {lo}–{hi}", "en": "{ci}: {lo}–{hi}"},
    "rank_of": {"sv": "{rank_word} {rank} av {n}", "en": "{rank_word} {rank} of {n}"},
}
