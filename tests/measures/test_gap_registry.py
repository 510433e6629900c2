"""The registry describes every measure completely; its words are in the text catalogue."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import dashboard.measures as measures_pkg
from dashboard.core.texts import TEXTS, t
from dashboard.measures import HEAT_MEASURES, MEASURES, REASONS
from dashboard.measures.engine import KERNELS

WHO_21 = {
    "d", "r", "aci", "rci", "sii", "rii", "bgv", "bgsd", "cov", "idisu", "idisw", "mdbu",
    "mdbw", "mdmu", "mdmw", "mdru", "mdrw", "paf", "par", "ti", "mld",
}  # fmt: skip


def test_all_21_heat_measures_and_the_phe_pair():
    assert set(HEAT_MEASURES) == WHO_21
    assert set(MEASURES) == WHO_21 | {"sii_phe", "rii_phe"}
    assert set(KERNELS) == set(MEASURES)


@pytest.mark.parametrize("measure_id", list(MEASURES))
def test_metadata_is_complete(measure_id):
    info = MEASURES[measure_id]
    assert info.id == measure_id
    assert t(info.name_key, "sv") and t(info.name_key, "en")
    assert info.kind in ("absolute", "relative")
    assert info.complexity in ("simple", "complex")
    assert info.null_value in (0.0, 1.0)
    assert info.null_value == (1.0 if info.unit == "ratio" else 0.0)
    assert info.dimensions <= {"ordered", "non_ordered"} and info.dimensions
    assert info.ci_method in ("analytic", "simulation", "monte_carlo")
    assert info.se_scale in ("same", "log", "none")
    for lang in ("sv", "en"):
        text = t(info.reading_key, lang, value="1,5", unit="år")
        assert "1,5" in text and "{" not in text
        assert str(int(info.null_value)) in text


def test_every_reason_code_in_the_code_is_explained():
    source = "\n".join(p.read_text() for p in Path(measures_pkg.__file__).parent.glob("*.py"))
    codes = set(re.findall(r'flag\([^"]*"([a-z_0-9]+)"\)', source))
    codes |= set(re.findall(r'\] = "([a-z_0-9]+)"', source))
    assert codes and codes <= set(REASONS)
    for key in REASONS.values():
        assert TEXTS[key]["sv"] != TEXTS[key]["en"]
