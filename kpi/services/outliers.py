"""Jumps against a unit's neighbouring quarters: the warnings an upload must confirm."""

from __future__ import annotations

import numpy as np
import pandas as pd

from kpi.canonical import ROW_COLUMN, period_indexes
from kpi.codes import factorize
from kpi.problems import Problem


def outlier_warnings(
    stored: pd.DataFrame, frame: pd.DataFrame, threshold_pp: float
) -> list[Problem]:
    """Changes above the threshold against each row's neighbouring quarters of the unit.

    The previous quarter comes from the file when the file holds it (a jump inside one
    file), else from what is stored; a back-filled quarter is also compared with the
    stored quarter after it. `stored` holds current values, at least those of each file
    period's neighbours.
    """
    if frame.empty:
        return []
    file_keys, stored_keys = _series_keys(frame, stored)
    data = frame[[ROW_COLUMN, "value"]].assign(key=file_keys)
    mine = data[["key", "value"]].assign(period=frame["period"], in_file=True)
    known = stored[["value", "period"]].assign(key=stored_keys, in_file=False)
    series = pd.concat([mine, known[known["key"] >= 0]], ignore_index=True)
    series = series.drop_duplicates("key", keep="first")
    series = series.rename(columns={"value": "other_value", "period": "other_period"})
    before = data.assign(key=data["key"] - 1).merge(series, on="key", how="inner")
    stored_only = series[~series["in_file"]]
    after = data.assign(key=data["key"] + 1).merge(stored_only, on="key", how="inner")
    return [
        *_jumps(before, threshold_pp, "outlier"),
        *_jumps(after, threshold_pp, "outlier_next"),
    ]


def _series_keys(frame: pd.DataFrame, stored: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """One integer per (indicator, unit, quarter) of the file's rows and of the stored
    ones, a series' consecutive quarters consecutive integers (a join on one integer,
    not on three strings); -1 for a stored row of an indicator or unit the file does not
    hold (it is no file row's neighbour)."""
    indicator, indicators = factorize(frame["indicator_code"].astype("str"))
    unit, units = factorize(frame["unit_code"].astype("str"))
    quarter = period_indexes(frame["period"]).to_numpy()
    stored_quarter = stored["period_index"].to_numpy(dtype="int64")
    every = np.concatenate([quarter, stored_quarter])
    low, span = int(every.min()) - 1, int(every.max() - every.min()) + 4  # room for ±1

    def keys(ind: np.ndarray, uni: np.ndarray, qua: np.ndarray) -> np.ndarray:
        found = (ind.astype("int64") * len(units) + uni) * span + (qua - low)
        return np.where((ind < 0) | (uni < 0), -1, found)

    stored_indicator = indicators.get_indexer(pd.Index(stored["indicator_code"].astype("str")))
    stored_unit = units.get_indexer(pd.Index(stored["unit_code"].astype("str")))
    return keys(indicator, unit, quarter), keys(stored_indicator, stored_unit, stored_quarter)


def _jumps(merged: pd.DataFrame, threshold_pp: float, code: str) -> list[Problem]:
    delta = merged["value"] - merged["other_value"]
    jumps = merged[delta.abs() > threshold_pp]
    return [
        Problem(
            code,
            int(r[ROW_COLUMN]),
            "value",
            f"{r['value']:g}",
            {
                "delta": float(r["value"] - r["other_value"]),
                "previous": float(r["other_value"]),
                "period": str(r["other_period"]),
            },
        )
        for r in jumps.to_dict("records")
    ]
