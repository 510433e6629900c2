"""What a gap measure returns: one frozen record with its estimate, uncertainty and meaning."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class MeasureResult:
    """One measure for one stratum.

    `unit` names what `estimate`, `se` and the limits are in. Ratio measures (r, rii) are
    the exception for `se`: it is the standard error of the natural log of the ratio, the
    scale on which their interval is built. A measure that does not apply carries
    `applicable=False`, a machine-readable `reason` and NaN numbers. A measure that applies
    but has no interval (standard errors missing) carries NaN limits. `method` is a technical
    label for output files; `draws` and `seed` are set where the interval involves chance,
    for the words of the registry's `method_key`.
    """

    measure: str
    estimate: float
    se: float
    ci_lb: float
    ci_ub: float
    applicable: bool
    reason: str | None
    unit: str
    method: str
    draws: int | None = None
    seed: int | None = None
