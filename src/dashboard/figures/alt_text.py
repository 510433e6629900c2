"""Text descriptions of charts, generated from the data they show (alt text).

Written for someone who cannot see the chart: what kind of chart, what it shows, the
extremes and the reference values, and how many areas have no value.
"""

from __future__ import annotations

from dashboard.core.texts import decapitalise, t
from dashboard.core.viewstate import ViewState
from dashboard.figures.labels import area_names, view_labels
from dashboard.store import query
from dashboard.store.dataset import Dataset


def _extremes(ds: Dataset, state: ViewState) -> dict[str, str]:
    labels = view_labels(ds, state)
    values = query.view_values(ds, state).dropna(subset=["value"])
    values = values.sort_values("value", kind="stable")
    names = area_names(ds, list(values["area_code"]), state.lang)
    refs = query.reference_values(ds, state).dropna(subset=["value"])
    ref_names = area_names(ds, list(refs["area_code"]), state.lang)
    ref_text = ", ".join(f"{ref_names[r.area_code]} {labels.with_unit(r.value)}"
                         for r in refs.itertuples())
    low, high = values.iloc[0], values.iloc[-1]
    return {
        "title": decapitalise(labels.title),
        "subtitle": labels.subtitle, "n": str(len(values)),
        "high": names[high["area_code"]], "high_value": labels.with_unit(high["value"]),
        "low": names[low["area_code"]], "low_value": labels.with_unit(low["value"]),
        "refs": (t("alt_refs", state.lang, refs=ref_text) if ref_text else ""),
        "order": ", ".join(f"{names[c]} {labels.number(v)}" for c, v in
                           zip(values["area_code"][::-1], values["value"][::-1],
                               strict=True)),
    }


def map_alt(ds: Dataset, state: ViewState) -> str:
    """Alt text of the map."""
    if query.view_values(ds, state)["value"].notna().sum() == 0:
        return t("alt_empty", state.lang)
    return t("alt_map", state.lang, **_extremes(ds, state)).strip()


def bars_alt(ds: Dataset, state: ViewState) -> str:
    """Alt text of the ranked bars: every value in rank order."""
    if query.view_values(ds, state)["value"].notna().sum() == 0:
        return t("alt_empty", state.lang)
    return t("alt_bars", state.lang, **_extremes(ds, state)).strip()
