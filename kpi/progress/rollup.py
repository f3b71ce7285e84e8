"""Roll-up over the unit tree: sum numerators and denominators, never average percentages.

A unit's figure is its own reported figure when it has one, else the roll-up of
the units below it. For the root, a directly reported figure is the official one;
a computed roll-up that differs from it by more than rounding is flagged.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import numpy as np
import pandas as pd

from kpi.catalogue import Catalogue
from kpi.obligations import Obligation
from kpi.periods import Quarter, last_ended_quarter
from kpi.progress import coverage
from kpi.progress.frame import COVERAGE_COLUMNS, compute_statuses
from kpi.progress.method import REASONS
from kpi.progress.status import Status
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


def _roll_level(level: pd.DataFrame, parent: np.ndarray) -> pd.DataFrame:
    """Sum one level's counts into their parents (`unit_code` holds unit ids here)."""
    up = level.assign(unit_code=parent[level["unit_code"].to_numpy()])
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
    """Each child of the root with its own figure, or its descendants' roll-up.

    Units are handled as integer ids (the root is 0): grouping and joining on
    numbers is several times faster than on text at national scale.
    """
    depths = _depths(registry, root)
    codes = list(depths)
    ids = {code: n for n, code in enumerate(codes)}
    parent = {u.code: u.parent for u in registry}
    parent_ids = np.array([ids.get(parent.get(c) or "", 0) for c in codes], dtype=np.int64)
    depth_of = np.array([depths[c] for c in codes], dtype=np.int64)
    unit_ids = pd.Categorical(current["unit_code"], categories=codes).codes.astype(np.int64)
    keep = unit_ids > 0  # in the tree, and not the root itself
    eff = current.loc[keep, [*GROUP, "value", "numerator", "denominator"]].copy()
    eff["unit_code"] = unit_ids[keep]
    no_counts = (eff["numerator"].isna() | eff["denominator"].isna()).to_numpy()
    names = current.loc[keep, "unit_code"].to_numpy(dtype=object)
    eff["missing"] = np.where(no_counts, names, "")
    eff["depth"] = depth_of[eff["unit_code"].to_numpy()]
    for depth in range(int(eff["depth"].max()) if not eff.empty else 0, 1, -1):
        level = eff[eff["depth"] == depth]
        rolled = _roll_level(level, parent_ids)
        own = eff[eff["depth"] == depth - 1].set_index(GROUP).index
        rolled = rolled[~rolled.set_index(GROUP).index.isin(own)].assign(depth=depth - 1)
        eff = pd.concat([eff[eff["depth"] != depth], rolled], ignore_index=True)
    return eff


def official_beside_rollup(own: pd.DataFrame, computed: pd.DataFrame) -> pd.DataFrame:
    """A unit's own reported figure wins; the roll-up fills the gaps and is kept beside
    it (`rollup_value`), flagged where the two differ by more than DIFFERENCE_PP."""
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
    return merged


def rollup(
    current: pd.DataFrame,
    registry: UnitRegistry,
    root: str = "BNV",
    obligations: Sequence[Obligation] = (),
) -> pd.DataFrame:
    """The root's series: the official value per (indicator, period) and the computed roll-up.

    Columns: indicator_code, unit_code (= root), period_index, value, numerator,
    denominator, source ('reported' or 'rollup'), rollup_value, rollup_differs,
    missing_count_units (units whose counts were missing, comma-separated).
    """
    indicator_ids, indicators = pd.factorize(current["indicator_code"])  # numbers group fast
    children = _children_figures(current.assign(indicator_code=indicator_ids), registry, root)
    covered = _coverage(children, registry, root, np.asarray(indicators, dtype=object))
    computed = (
        _roll_level(children, np.zeros(int(children["unit_code"].max()) + 1, dtype=np.int64))
        if not children.empty
        else pd.DataFrame(columns=[*GROUP, "numerator", "denominator", "missing", "value"])
    )
    computed["unit_code"] = root
    codes = np.asarray(indicators, dtype=object)
    computed["indicator_code"] = codes[computed["indicator_code"].to_numpy(dtype=np.int64)]
    computed = computed.rename(columns={"value": "rollup_value", "missing": "missing_count_units"})
    own = current[current["unit_code"] == root][[*GROUP, "value", "numerator", "denominator"]]
    merged = official_beside_rollup(own, computed)
    merged["unit_code"] = root
    merged["indicator_code"] = merged["indicator_code"].astype("str")  # whatever came in
    columns = [
        "indicator_code",
        "unit_code",
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
    out = out.merge(covered, on=["indicator_code", "period_index"], how="left")
    owed = coverage.owed_by_direct_units(obligations, registry, root)
    out = coverage.add_missing(out, list(registry.children(root)), owed)
    out = coverage.chain_links(out, coverage.contributors(current, registry, root))
    return out.sort_values(["indicator_code", "period_index"]).reset_index(drop=True)


def _coverage(
    children: pd.DataFrame, registry: UnitRegistry, root: str, indicators: np.ndarray
) -> pd.DataFrame:
    """Coverage lists per (indicator, period) from the direct units' effective figures."""
    direct = children[children["depth"] == 1] if "depth" in children else children
    direct = direct.assign(
        indicator_code=indicators[direct["indicator_code"].to_numpy(dtype=np.int64)]
    )
    codes = list(_depths(registry, root))
    return coverage.coverage_lists(direct, codes, list(registry.children(root)))


FLAG_COLUMNS = [
    "source",
    "rollup_value",
    "rollup_differs",
    "missing_count_units",
    "level_value",
    *COVERAGE_COLUMNS,
]


def rollup_by_indicator(
    current: pd.DataFrame,
    registry: UnitRegistry,
    root: str,
    obligations: Sequence[Obligation] = (),
) -> pd.DataFrame:
    """`rollup` one indicator at a time: a series never spans indicators, so the result is
    the same and the peak memory at national scale stays small."""
    # category keys: the filters of a national frame and the roll-up's joins stay cheap
    frame = current.astype({"indicator_code": "category", "unit_code": "category"})
    codes = frame["indicator_code"]
    parts = [rollup(frame[codes == code], registry, root, obligations) for code in pd.unique(codes)]
    if not parts:
        return rollup(frame, registry, root, obligations)
    return pd.concat(parts, ignore_index=True)


def rollup_statuses(
    series: pd.DataFrame,
    catalogue: Catalogue,
    *,
    as_of: Quarter | None = None,
    today: dt.date | None = None,
    root: str | None = None,
    owed: coverage.Owed | None = None,
) -> pd.DataFrame:
    """Statuses of a rolled-up series (from `rollup`), judged on its composition-consistent
    trend, with the roll-up flags and coverage of the latest period used. Every indicator
    of the catalogue has a row; one with no figure says why (`root` names the unit when
    no indicator has a figure at all)."""
    as_of = as_of or last_ended_quarter(today)
    series = coverage.anchored(series[series["period_index"] <= as_of.index])
    statuses = compute_statuses(series, catalogue, as_of=as_of, today=today)
    flags = series[["indicator_code", "period_index", *FLAG_COLUMNS]]
    out = statuses.drop(columns=COVERAGE_COLUMNS).merge(
        flags.rename(columns={"period_index": "latest_index"}),
        on=["indicator_code", "latest_index"],
        how="left",
    )
    return _with_every_indicator(out, catalogue, root or root_of(series, statuses), as_of, owed)


def root_of(series: pd.DataFrame, statuses: pd.DataFrame) -> str | None:
    units = pd.concat([series.get("unit_code", pd.Series()), statuses["unit_code"]])
    return str(units.iloc[0]) if len(units) else None


def _with_every_indicator(
    statuses: pd.DataFrame,
    catalogue: Catalogue,
    root: str | None,
    as_of: Quarter,
    owed: coverage.Owed | None = None,
) -> pd.DataFrame:
    """Rows for indicators with no rolled-up figure: no verdict, the reason, and the units
    that owe it for the as-of quarter (all missing)."""
    missing = [c for c in catalogue.codes if c not in set(statuses["indicator_code"])]
    if not missing or root is None:
        return statuses
    word = Status.INSUFFICIENT_DATA
    rows = pd.DataFrame(
        {
            "indicator_code": missing,
            "unit_code": root,
            "status": word.value,
            "status_vi": word.vi,
            "reason": REASONS["vi"]["no_figure"].format(word=word.vi),
            "reason_en": REASONS["en"]["no_figure"].format(word=word.en),
            "target": [catalogue[c].target for c in missing],
            "stale": False,
            "methods_disagree": False,
            "opensdg_status": "not_available",
            "as_of_index": as_of.index,
            "n_points": 0,
        }
    )
    owing = [sorted(coverage.owed_at(owed, c, as_of.index)) for c in missing]
    rows["units_expected"] = owing
    rows["units_missing"] = [list(units) for units in owing]
    if len(statuses):
        out = pd.concat([statuses, rows], ignore_index=True)
    else:  # every contract column, empty where a row has no figure
        extra = [c for c in rows.columns if c not in statuses.columns]
        out = rows.reindex(columns=[*statuses.columns, *extra])
    for column in out.columns.intersection(COVERAGE_COLUMNS):
        out[column] = [v if isinstance(v, list) else [] for v in out[column]]
    order = {code: n for n, code in enumerate(catalogue.codes)}
    return out.sort_values("indicator_code", key=lambda c: c.map(order)).reset_index(drop=True)


def ministry_statuses(
    current: pd.DataFrame,
    catalogue: Catalogue,
    registry: UnitRegistry,
    *,
    as_of: Quarter | None = None,
    today: dt.date | None = None,
    root: str | None = None,
    obligations: Sequence[Obligation] = (),
) -> pd.DataFrame:
    """Statuses of the whole ministry (the root unit, or `root`) for every indicator."""
    root = root or registry.root.code
    series = rollup(current, registry, root, obligations)
    owed = coverage.owed_by_direct_units(obligations, registry, root)
    return rollup_statuses(series, catalogue, as_of=as_of, today=today, root=root, owed=owed)
