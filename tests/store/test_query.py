"""What the store answers about a dataset."""

from __future__ import annotations

from dashboard.store import query


def test_population_weights_use_latest_population(dataset) -> None:
    weights = query.population_weights(dataset, ["1280SD08", "1280SD01"])
    assert weights == {"1280SD08": 23563.0, "1280SD01": 47171.0}
