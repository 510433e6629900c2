"""Directly standardised rates with Dobson confidence limits, and the 2013 European Standard
Population built in.

Source: PHEindicatormethods 2.1.0 `phe_dsr()` / `calculate_dsr()`; Dobson AJ, Kuulasmaa K,
Eberle E, Scherer J, Stat Med 1991;10:457-462; Byar's limits of the total count (Breslow &
Day 1987). For counts x_i, populations n_i and standard weights w_i:

    DSR = sum(x_i w_i / n_i) / sum(w_i),   var = sum(x_i (w_i / n_i)^2) / sum(w_i)^2
    limits = DSR + sqrt(var / O) (Byar(O) - O),  O = sum x_i

and, as PHE does, no value or limits when the total count O is below 10 (missing counts
count as 0).

The European Standard Population 2013 is from Eurostat, "Revision of the European Standard
Population: report of Eurostat's task force", Methodologies and Working Papers, 2013 edition
(Publications Office of the EU, ISBN 978-92-79-31094-2, doi:10.2785/11470): 21 age bands
0, 1-4, 5-9, ..., 90-94, 95+ totalling 100,000. `ESP2013_19` merges 0 with 1-4 and 90-94
with 95+ into the 19 bands 0-4, 5-9, ..., 85-89, 90+ that PHE uses by default.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from dashboard.stats.checks import as_float, not_negative, z_value
from dashboard.stats.rates import byars_lower, byars_upper

ESP2013_BANDS: tuple[str, ...] = (
    "0", "1-4", "5-9", "10-14", "15-19", "20-24", "25-29", "30-34", "35-39", "40-44",
    "45-49", "50-54", "55-59", "60-64", "65-69", "70-74", "75-79", "80-84", "85-89",
    "90-94", "95+",
)  # fmt: skip
ESP2013: tuple[int, ...] = (
    1000, 4000, 5500, 5500, 5500, 6000, 6000, 6500, 7000, 7000,
    7000, 7000, 6500, 6000, 5500, 5000, 4000, 2500, 1500,
    800, 200,
)  # fmt: skip
ESP2013_19_BANDS: tuple[str, ...] = (
    "0-4", *ESP2013_BANDS[2:19], "90+",
)
ESP2013_19: tuple[int, ...] = (ESP2013[0] + ESP2013[1], *ESP2013[2:19], ESP2013[19] + ESP2013[20])
MIN_TOTAL_COUNT = 10


@dataclass(frozen=True)
class StandardisedRate:
    """One area's DSR per `multiplier`; value and limits NaN when not reported."""

    value: float
    lower: float
    upper: float
    total_count: float
    total_population: float
    reported: bool
    reason: str | None
    confidence: float
    multiplier: float
    method: str = "Dobson"


def standardised_rate(
    counts: object,
    populations: object,
    standard: object = ESP2013_19,
    *,
    confidence: float = 0.95,
    multiplier: float = 100_000,
) -> StandardisedRate:
    """Directly standardised rate of one area over matching age (or other) bands."""
    x = np.nan_to_num(as_float("counts", counts), nan=0.0)
    n = as_float("populations", populations)
    w = as_float("standard", standard)
    if not x.shape == n.shape == w.shape or x.ndim != 1:
        raise ValueError("counts, populations and standard weights must be 1-D of equal length")
    not_negative("counts", x)
    not_negative("standard", w)
    if not (np.isfinite(n) & (n > 0)).all():
        raise ValueError("every band needs a population above zero")
    z_value(confidence)
    total = float(x.sum())
    weight = w.sum()
    value = float((x * w / n).sum() / weight)
    variance = float((x * (w / n) ** 2).sum() / weight**2)
    if total < MIN_TOTAL_COUNT:
        return StandardisedRate(
            value=np.nan, lower=np.nan, upper=np.nan, total_count=total,
            total_population=float(n.sum()), reported=False, reason="total_count_below_10",
            confidence=confidence, multiplier=multiplier,
        )  # fmt: skip
    spread = np.sqrt(variance / total)
    lower = value + spread * (float(byars_lower(total, confidence)) - total)
    upper = value + spread * (float(byars_upper(total, confidence)) - total)
    return StandardisedRate(
        value=value * multiplier,
        lower=float(lower * multiplier),
        upper=float(upper * multiplier),
        total_count=total,
        total_population=float(n.sum()),
        reported=True,
        reason=None,
        confidence=confidence,
        multiplier=multiplier,
    )
