"""Roll-up over the unit tree: sum numerators and denominators, never average percentages.

A unit's figure is its own reported figure when it has one, else the roll-up of
the units below it. For the root, a directly reported figure is the official one;
a computed roll-up that differs from it by more than rounding is flagged.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from kpi.catalogue import Catalogue
from kpi.periods import Quarter
from kpi.progress.frame import compute_statuses
from kpi.units import UnitRegistry

GROUP = ["unit_code", "indicator_code", "period_index"]
DIFFERENCE_PP = 0.05


def _depths(registry: UnitRegistry, root: str) -> dict[str, int]:
    depths, frontier = {root: 0}, [root]
    while frontier:
        nxt = []
        for code in frontier:
            for child in registry.children(code):
                depths[child] = depths[code] + 1
                nxt.append(child)
        frontier = nxt
    return depths


def _join_codes(codes: pd.Series) -> str:
    return ",".join(sorted({c for part in codes for c in part.split(",") if c}))


def _roll_level(level: pd.DataFrame, parent: dict[str, str | None]) -> pd.DataFrame:
    up = level.assign(unit_code=level["unit_code"].map(parent))
    grouped = up.groupby(GROUP, sort=False)
    out = grouped[["numerator", "denominator"]].sum(min_count=1).reset_index()
    flagged = up[up["missing"] != ""]
    if not flagged.empty:
        missing = flagged.groupby(GROUP, sort=False)["missing"].agg(_join_codes)
        out = out.merge(missing.rename("missing").reset_index(), on=GROUP, how="left")
    else:
        out["missing"] = ""
    out["missing"] = out["missing"].fillna("")
    out["value"] = 100 * out["numerator"] / out["denominator"].where(out["denominator"] > 0)
    return out


def _children_figures(current: pd.DataFrame, registry: UnitRegistry, root: str) -> pd.DataFrame:
    """Each child of the root with its own figure, or its descendants' roll-up."""
    depths = _depths(registry, root)
    parent = {u.code: u.parent for u in registry}
    eff = current[current["unit_code"].isin(depths) & (current["unit_code"] != root)].copy()
    eff = eff[[*GROUP, "value", "numerator", "denominator"]]
    no_counts = eff["numerator"].isna() | eff["denominator"].isna()
    eff["missing"] = np.where(no_counts, eff["unit_code"], "")
    eff["depth"] = eff["unit_code"].map(depths)
    for depth in range(int(eff["depth"].max()) if not eff.empty else 0, 1, -1):
        level = eff[eff["depth"] == depth]
        rolled = _roll_level(level, parent)
        own = eff[eff["depth"] == depth - 1].set_index(GROUP).index
        rolled = rolled[~rolled.set_index(GROUP).index.isin(own)].assign(depth=depth - 1)
        eff = pd.concat([eff[eff["depth"] != depth], rolled], ignore_index=True)
    return eff


def rollup(current: pd.DataFrame, registry: UnitRegistry, root: str = "BNV") -> pd.DataFrame:
    """The root's series: the official value per (indicator, period) and the computed roll-up.

    Columns: indicator_code, unit_code (= root), period_index, value, numerator,
    denominator, source ('reported' or 'rollup'), rollup_value, rollup_differs,
    missing_count_units (units whose counts were missing, comma-separated).
    """
    children = _children_figures(current, registry, root)
    computed = (
        _roll_level(
            children.assign(unit_code=children["unit_code"]),
            {code: root for code in children["unit_code"].unique()},
        )
        if not children.empty
        else pd.DataFrame(columns=[*GROUP, "numerator", "denominator", "missing", "value"])
    )
    computed = computed.rename(columns={"value": "rollup_value", "missing": "missing_count_units"})
    own = current[current["unit_code"] == root][[*GROUP, "value", "numerator", "denominator"]]
    merged = own.merge(computed, on=GROUP, how="outer", suffixes=("", "_rollup"))
    reported = merged["value"].notna()
    merged["source"] = np.where(reported, "reported", "rollup")
    merged["value"] = merged["value"].where(reported, merged["rollup_value"])
    for column in ("numerator", "denominator"):
        merged[column] = merged[column].where(reported, merged[f"{column}_rollup"])
    merged["rollup_differs"] = (
        reported
        & merged["rollup_value"].notna()
        & ((merged["value"] - merged["rollup_value"]).abs() > DIFFERENCE_PP)
    )
    merged["missing_count_units"] = merged["missing_count_units"].fillna("")
    merged["unit_code"] = root
    merged["period"] = [str(Quarter.from_index(int(i))) for i in merged["period_index"]]
    columns = [
        "indicator_code",
        "unit_code",
        "period",
        "period_index",
        "value",
        "numerator",
        "denominator",
        "source",
        "rollup_value",
        "rollup_differs",
        "missing_count_units",
    ]
    out = merged.dropna(subset=["value"])[columns]
    return out.sort_values(["indicator_code", "period_index"]).reset_index(drop=True)


def ministry_statuses(
    current: pd.DataFrame,
    catalogue: Catalogue,
    registry: UnitRegistry,
    *,
    as_of: Quarter | None = None,
    today: dt.date | None = None,
    root: str | None = None,
) -> pd.DataFrame:
    """Statuses of the whole ministry (the root unit) for every indicator with data.

    Adds, for the latest period used, `source`, `rollup_value`, `rollup_differs` and
    `missing_count_units`.
    """
    root = root or registry.root.code
    series = rollup(current, registry, root)
    if as_of is not None:
        series = series[series["period_index"] <= as_of.index]
    statuses = compute_statuses(series, catalogue, as_of=as_of, today=today)
    flags = series[
        [
            "indicator_code",
            "period_index",
            "source",
            "rollup_value",
            "rollup_differs",
            "missing_count_units",
        ]
    ]
    return statuses.merge(
        flags.rename(columns={"period_index": "latest_index"}),
        on=["indicator_code", "latest_index"],
        how="left",
    )
