"""Gap measures: summary measures of health inequality between subgroups.

The 21 measures of WHO's Health Equity Assessment Toolkit (HEAT / HEAT Plus v6, the R
package healthequal) and PHE's slope and relative index (PHEindicatormethods). Pure
functions: arrays in, frozen results out; no I/O.

    from dashboard.measures import Subgroups, compute
    result = compute("d", Subgroups(estimate=..., se=..., population=...))
"""

from dashboard.measures.engine import (
    DEFAULT_SEED,
    UnknownMeasureError,
    applicable_measures,
    compute,
    compute_all,
    compute_batch,
    measure_info,
)
from dashboard.measures.phe import PheSii, phe_sii
from dashboard.measures.registry import HEAT_MEASURES, MEASURES, REASONS, MeasureInfo
from dashboard.measures.result import MeasureResult
from dashboard.measures.simulation import DEFAULT_DRAWS
from dashboard.measures.subgroups import Subgroups

__all__ = [
    "DEFAULT_DRAWS",
    "DEFAULT_SEED",
    "HEAT_MEASURES",
    "MEASURES",
    "REASONS",
    "MeasureInfo",
    "MeasureResult",
    "PheSii",
    "Subgroups",
    "UnknownMeasureError",
    "applicable_measures",
    "compute",
    "compute_all",
    "compute_batch",
    "measure_info",
    "phe_sii",
]
