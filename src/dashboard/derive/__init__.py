"""Derive: values with intervals from counts, between ingest and store (design.md, "Layers").

`derive_tables` turns an ingest's tables into what is stored: shares and rates get their
value and 95% interval from numerator and denominator (counts.py), standardised rates and
life expectancies from counts by age band (by_age.py), each naming its method in the
observations' `ci_method`. Small counts are suppressed afterwards (suppression.py), when
the rows are merged into the store. The statistics themselves are in `dashboard.stats`.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from dashboard.derive.by_age import by_age
from dashboard.derive.counts import from_counts


def derive_tables(tables: Mapping[str, pd.DataFrame],
                  indicators: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """The tables with derived observations; `indicators` gives units, scales and methods."""
    out = dict(tables)
    observations = tables.get("observations")
    if observations is not None and not observations.empty:
        out["observations"] = by_age(from_counts(observations, indicators), indicators)
    return out
