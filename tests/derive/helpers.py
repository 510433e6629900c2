"""Small observation and indicator tables for the derive stage, built in the tests."""

from __future__ import annotations

from typing import Any

import pandas as pd

from dashboard.core.schema import INDICATORS, OBSERVATIONS


def observations(*rows: dict[str, Any]) -> pd.DataFrame:
    """Observation rows of one area and period unless the row says otherwise."""
    base = {"area_code": "1280SD01", "period": "2024", "sex": "total", "dimension": "total",
            "group": "total", "source_id": "src"}
    return pd.DataFrame([base | r for r in rows], columns=list(OBSERVATIONS.column_names))


def indicators(*rows: tuple[str, str, float, str | None]) -> pd.DataFrame:
    """Indicators as (id, unit, scale, ci_method)."""
    return pd.DataFrame([{"id": i, "unit": u, "scale": s, "ci_method": m}
                         for i, u, s, m in rows], columns=list(INDICATORS.column_names))
