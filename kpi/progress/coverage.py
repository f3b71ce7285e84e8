"""What a rolled-up figure holds, and a parent trend that units entering or leaving cannot move.

Coverage is counted over the parent's direct units: each answers for its subtree with
counts, with a value only (not summed), or not at all. The trend chain-links each
quarter-to-quarter change over the contributing units present in both quarters
(weights: their denominators in the earlier quarter), anchored at the latest level, so
that if every contributing unit improves, the parent's trend rises.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from kpi.obligations import Obligation
from kpi.units import UnitRegistry

PERIOD_KEY = ["indicator_code", "period_index"]
OPEN = 10**9  # an obligation with no first or last quarter
# indicator -> (the root's direct unit that answers for it, first index, last index)
Owed = dict[str, list[tuple[str, int, int]]]


def owed_by_direct_units(
    obligations: Sequence[Obligation], registry: UnitRegistry, root: str
) -> Owed:
    """Which of the root's direct units answers for each reporting obligation below it:
    a unit that owes a figure is expected even if it never reported one."""
    parent = {u.code: u.parent for u in registry}
    out: Owed = {}
    for o in obligations:
        child = _direct_unit(o.unit_code, parent, root)
        if child is not None:
            first = o.first.index if o.first else -OPEN
            last = o.last.index if o.last else OPEN
            out.setdefault(o.indicator_code, []).append((child, first, last))
    return out


def _direct_unit(code: str, parent: dict[str, str | None], root: str) -> str | None:
    seen: set[str] = set()
    while code in parent and code not in seen:
        seen.add(code)
        up = parent[code]
        if up == root:
            return code
        if up is None:
            return None
        code = up
    return None


def owed_at(owed: Owed | None, indicator: str, index: int) -> set[str]:
    """The direct units that owe the indicator for the quarter."""
    return {c for c, first, last in (owed or {}).get(indicator, ()) if first <= index <= last}


def coverage_lists(children: pd.DataFrame, codes: list[str], expected: list[str]) -> pd.DataFrame:
    """Per (indicator, period): expected units and who reported counts, a value only, nothing.

    `children` holds the direct units' effective figures (`unit_code` as ids into `codes`).
    """
    if children.empty:
        return pd.DataFrame(columns=[*PERIOD_KEY, "units_with_counts", "units_value_only"])
    names = np.asarray(codes, dtype=object)[children["unit_code"].to_numpy(dtype=np.int64)]
    counted = children["numerator"].notna() & children["denominator"].notna()
    frame = children[PERIOD_KEY].assign(_code=names, _counted=counted.to_numpy())
    with_counts = frame[frame["_counted"]].groupby(PERIOD_KEY, sort=False)["_code"].agg(list)
    value_only = frame[~frame["_counted"]].groupby(PERIOD_KEY, sort=False)["_code"].agg(list)
    return pd.DataFrame(
        {"units_with_counts": with_counts, "units_value_only": value_only}
    ).reset_index()


def add_missing(
    frame: pd.DataFrame, tree_units: list[str], owed: Owed | None = None
) -> pd.DataFrame:
    """Expected units (the direct units that owe the indicator for the quarter, or have
    reported it in any quarter) and the ones with no figure in the row's quarter."""
    for column in ("units_with_counts", "units_value_only"):
        frame[column] = [v if isinstance(v, list) else [] for v in frame[column]]
    known: dict[str, set[str]] = {}
    for code, a, b in zip(
        frame["indicator_code"], frame["units_with_counts"], frame["units_value_only"], strict=True
    ):
        known.setdefault(code, set()).update(a, b)
    order = {u: n for n, u in enumerate(tree_units)}
    frame["units_expected"] = [
        sorted(known[c] | owed_at(owed, c, int(i)), key=lambda u: order.get(u, 0))
        for c, i in zip(frame["indicator_code"], frame["period_index"], strict=True)
    ]
    frame["units_missing"] = [
        [u for u in exp if u not in set(a) | set(b)]
        for exp, a, b in zip(
            frame["units_expected"],
            frame["units_with_counts"],
            frame["units_value_only"],
            strict=True,
        )
    ]
    return frame


def contributors(current: pd.DataFrame, registry: UnitRegistry, root: str) -> pd.DataFrame:
    """Rows whose counts enter the root's computed sum: units below the root with counts,
    not hidden by a figure of their own reported by a unit between them and the root."""
    below = registry.descendants(root)
    codes = [root, *below]
    ids = {code: n for n, code in enumerate(codes)}
    parent = {u.code: u.parent for u in registry}
    up = np.array([ids.get(parent.get(c) or "", 0) if c != root else 0 for c in codes])
    rows = current[current["unit_code"].isin(below)]
    uid = pd.Categorical(rows["unit_code"], categories=codes).codes.astype(np.int64)
    ind, _names = pd.factorize(rows["indicator_code"])
    period = rows["period_index"].to_numpy(dtype=np.int64)
    span = int(period.max() - period.min()) + 1 if len(rows) else 1
    low = int(period.min()) if len(rows) else 0

    def key(unit_ids: np.ndarray) -> np.ndarray:
        return (unit_ids * (ind.max() + 1 if len(ind) else 1) + ind) * span + (period - low)

    keys = np.unique(key(uid))
    blocked = np.zeros(len(rows), dtype=bool)
    ancestor = up[uid]
    while (ancestor > 0).any():
        inner = ancestor > 0
        blocked |= inner & np.isin(key(ancestor), keys)
        ancestor = np.where(inner, up[ancestor], 0)
    counted = rows["numerator"].notna() & rows["denominator"].notna()
    chosen = rows[~blocked & counted.to_numpy() & (rows["denominator"] > 0).to_numpy()]
    return chosen[["indicator_code", "unit_code", "period_index", "numerator", "denominator"]]


def chain_links(level: pd.DataFrame, contrib: pd.DataFrame) -> pd.DataFrame:
    """`level` (indicator_code, period_index, value, source) gains `chain` (cumulative
    composition-consistent change) and `segment` (a new one after a quarter-to-quarter
    step with no unit in common)."""
    level = level.sort_values(PERIOD_KEY).reset_index(drop=True)
    level["step"] = level.groupby("indicator_code", sort=False).cumcount()
    steps = level[[*PERIOD_KEY, "step"]]
    c = contrib.merge(steps, on=PERIOD_KEY, how="inner")
    c = c.assign(share=100 * c["numerator"] / c["denominator"])
    before = c.assign(step=c["step"] + 1)[
        ["indicator_code", "unit_code", "step", "share", "denominator"]
    ]
    pairs = c.merge(before, on=["indicator_code", "unit_code", "step"], suffixes=("", "_before"))
    pairs = pairs.assign(
        w=pairs["denominator_before"],
        dw=pairs["denominator_before"] * (pairs["share"] - pairs["share_before"]),
    )
    sums = pairs.groupby(["indicator_code", "step"], sort=False)[["w", "dw"]].sum()
    delta = (sums["dw"] / sums["w"]).rename("delta").reset_index()
    level = level.merge(delta, on=["indicator_code", "step"], how="left")
    reported = level["source"] == "reported"
    previous_reported = reported.groupby(level["indicator_code"]).shift(1, fill_value=False)
    diff = level.groupby("indicator_code", sort=False)["value"].diff()
    both = reported & previous_reported.astype(bool)
    level["delta"] = level["delta"].where(~both, diff)
    first = level["step"] == 0
    broken = ~first & level["delta"].isna()
    level["segment"] = broken.astype(int).groupby(level["indicator_code"]).cumsum()
    level["chain"] = level["delta"].fillna(0.0).groupby(level["indicator_code"]).cumsum()
    return level.drop(columns=["step", "delta"])


def anchored(series: pd.DataFrame) -> pd.DataFrame:
    """The trend series up to the series' last quarter: the last segment, chain-linked and
    anchored at the latest level (call after cutting at the as-of quarter)."""
    if series.empty or "chain" not in series:
        # no chain to anchor: the level is the value itself (an empty series keeps its columns)
        return series.assign(level_value=series.get("value", pd.Series(dtype=float)))
    series = series.sort_values(PERIOD_KEY)
    last = series.groupby("indicator_code", sort=False).tail(1).set_index("indicator_code")
    segment = series["indicator_code"].map(last["segment"])
    kept = series[series["segment"] == segment]
    shift = kept["indicator_code"].map(last["value"] - last["chain"])
    return kept.assign(level_value=kept["value"], value=kept["chain"] + shift)
