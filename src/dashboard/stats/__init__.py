"""Indicator statistics: values and confidence limits from counts and populations.

Proportions (Wilson score), crude rates (exact / Byar's), directly standardised rates
(Dobson, ESP 2013) and life expectancy (Chiang II with Silcocks' final interval), following
PHEindicatormethods. Pure functions: arrays in, frozen results out.
"""

from dashboard.stats.dsr import ESP2013, ESP2013_19, StandardisedRate, standardised_rate
from dashboard.stats.life_expectancy import PHE_AGE_STARTS, LifeTable, life_expectancy
from dashboard.stats.proportions import Proportion, proportion, wilson_limits
from dashboard.stats.rates import Rate, byars_lower, byars_upper, crude_rate

__all__ = [
    "ESP2013",
    "ESP2013_19",
    "PHE_AGE_STARTS",
    "LifeTable",
    "Proportion",
    "Rate",
    "StandardisedRate",
    "byars_lower",
    "byars_upper",
    "crude_rate",
    "life_expectancy",
    "proportion",
    "standardised_rate",
    "wilson_limits",
]
