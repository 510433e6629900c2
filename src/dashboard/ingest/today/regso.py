"""RegSO (and city) values aggregated from their DeSO, by a method that suits each kind of value.

SCB publishes some tables for DeSO only. A RegSO is a union of whole DeSO (SCB, "RegSO –
Regionala statistikområden"), so its value can be rebuilt from theirs, but how depends on
what the value is:

count            a number of persons or dwellings: the sum of the DeSO counts;
share_of_counts  a share whose numerator and denominator are known: both summed, the share
                 recomputed (exact);
weighted_mean    a mean with the number of persons it is taken over: the means weighted by
                 those numbers (exact);
weighted_share   a share published without its counts: the DeSO shares weighted by their
                 total population (an approximation when the share's own population, e.g.
                 adults, is not in the same proportion to the total in every DeSO);
none             a median: medians cannot be combined, so a RegSO gets no value.

A RegSO gets a value only when every one of its DeSO has one; otherwise it is left out and
counted, not estimated. The same holds for Malmö as a whole (the key maps every DeSO to the
kommun). Each value made here says so in its note.
"""

from __future__ import annotations

from typing import Literal

import pandas as pd

from dashboard.core.texts import t

Method = Literal["count", "share_of_counts", "weighted_mean", "weighted_share", "none"]
METHODS: tuple[Method, ...] = ("count", "share_of_counts", "weighted_mean", "weighted_share",
                               "none")
KEYS = ["indicator_id", "period", "sex", "dimension", "group"]


def to_regso(rows: pd.DataFrame, key: pd.DataFrame, method: Method,
             weights: pd.Series | None = None) -> tuple[pd.DataFrame, int]:
    """RegSO observations from DeSO `rows` (observation columns), and how many were left out.

    `key` maps DeSO (`deso`) to RegSO (`regso`). `weights` (by DeSO code) are the populations
    used by `weighted_share`; `weighted_mean` weighs by the rows' `denominator`.
    """
    if method == "none" or rows.empty:
        return rows.iloc[0:0], 0
    regso_of = dict(zip(key["deso"], key["regso"], strict=True))
    size = key.groupby("regso")["deso"].size()
    data = rows.assign(regso=rows["area_code"].map(regso_of))
    data = data[data["regso"].notna() & data["value"].notna()]
    if method == "weighted_share":
        if weights is None:
            raise ValueError("weighted_share needs population weights")
        data = data.assign(denominator=data["area_code"].map(weights))
        data = data[data["denominator"].notna()]
    grouped = data.groupby([*KEYS, "regso"], sort=True)
    out = grouped.agg(n=("area_code", "size"), source_id=("source_id", "first"))
    if method == "count":
        out["value"] = grouped["value"].sum()
    elif method == "share_of_counts":
        out["numerator"] = grouped["numerator"].sum()
        out["denominator"] = grouped["denominator"].sum()
        out["value"] = 100 * out["numerator"] / out["denominator"]
    else:
        product = (data["value"] * data["denominator"]).groupby(
            [data[k] for k in [*KEYS, "regso"]], sort=True).sum()
        out["population"] = grouped["denominator"].sum()
        out["value"] = product / out["population"]
        if method == "weighted_mean":
            out["denominator"] = out["population"]
    out = out.reset_index()
    complete = out["n"] == out["regso"].map(size)
    left_out = int((~complete).sum())
    out = out[complete].drop(columns="n").rename(columns={"regso": "area_code"})
    for lang in ("sv", "en"):
        out[f"note_{lang}"] = t(f"aggregated_{method}", lang)
    out["note"] = out["note_sv"]
    return out, left_out
