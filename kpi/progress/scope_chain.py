"""The composition-consistent trend of many roll-ups at once (`coverage.chain_links` for
every root): which rows' counts enter each root's sum, and the chain-linked change
over the units present in two consecutive quarters."""

from __future__ import annotations

import numpy as np
import pandas as pd

from kpi.progress.tree_ids import Ids, Tree, member

ROOT, IND, UNIT = "root", "indicator", "unit"


TABLE_MAX = 1 << 26  # keys up to this many: a lookup table, else a hash


class _Figures:
    """Which (unit, indicator, quarter) has a figure of its own in the frame."""

    def __init__(self, unit: np.ndarray, ind: np.ndarray, period: np.ndarray) -> None:
        self.low = int(period.min()) if len(period) else 0
        self.span = int(period.max()) - self.low + 1 if len(period) else 1
        self.width = int(ind.max()) + 1 if len(ind) else 1
        own = self.key(unit, ind, period)
        self.size = int(own.max()) + 1 if len(own) else 1
        self.table = np.zeros(self.size, dtype=bool) if self.size <= TABLE_MAX else None
        if self.table is not None:
            self.table[own] = True
        self.index = pd.Index(np.unique(own)) if self.table is None else None

    def key(self, unit: np.ndarray, ind: np.ndarray, period: np.ndarray) -> np.ndarray:
        return (unit * self.width + ind) * self.span + (period - self.low)

    def has(self, unit: np.ndarray, ind: np.ndarray, period: np.ndarray) -> np.ndarray:
        keys = self.key(unit, ind, period)
        if self.table is not None:
            return self.table[np.minimum(keys, self.size - 1)] & (keys < self.size)
        return self.index.get_indexer(keys) >= 0  # type: ignore[union-attr]


def _blocker_depth(
    tree: Tree, figures: _Figures, unit: np.ndarray, ind: np.ndarray, period: np.ndarray
) -> np.ndarray:
    """Per row, the depth of the nearest ancestor (below the tree's root) that reports a
    figure of its own at the row's (indicator, quarter): -1 for none."""
    found = np.full(len(unit), -1, dtype=np.int64)
    ancestor = tree.parent[unit]
    while (open_ := (ancestor > 0) & (found < 0)).any():
        hit = open_ & figures.has(np.where(open_, ancestor, 0), ind, period)
        found[hit] = tree.depth[ancestor[hit]]
        ancestor = np.where(ancestor > 0, tree.parent[np.maximum(ancestor, 0)], -1)
    return found


def contributors_many(
    current: pd.DataFrame, tree: Tree, ids: Ids, roots: np.ndarray
) -> pd.DataFrame:
    """`coverage.contributors` for every root: each row with counts enters the sum of
    each ancestor up to (and including) the nearest one with a figure of its own.
    Within a root, rows keep the frame's order (the order its sums are taken in)."""
    inside = np.flatnonzero(ids.unit > 0)
    unit, ind = ids.unit[inside], ids.indicator[inside].astype(np.int64)
    period = current["period_index"].to_numpy(dtype=np.int64)[inside]
    figures = _Figures(unit, ind, period)
    num = current["numerator"].to_numpy(dtype=np.float64)[inside]
    den = current["denominator"].to_numpy(dtype=np.float64)[inside]
    ok = np.flatnonzero(~np.isnan(num) & ~np.isnan(den) & (den > 0))
    unit, ind, period, num, den = unit[ok], ind[ok], period[ok], num[ok], den[ok]
    blocker = _blocker_depth(tree, figures, unit, ind, period)
    picked_root, picked_row = [], []
    ancestor, rows = tree.parent[unit], np.arange(len(unit))
    while len(rows):
        live = (ancestor >= 0) & (tree.depth[np.maximum(ancestor, 0)] >= blocker[rows])
        ancestor, rows = ancestor[live], rows[live]
        chosen = member(ancestor, roots, tree.parent.size)
        picked_root.append(ancestor[chosen])
        picked_row.append(rows[chosen])
        ancestor = tree.parent[ancestor]
    root = np.concatenate(picked_root) if picked_root else np.array([], dtype=np.int64)
    row = np.concatenate(picked_row) if picked_row else np.array([], dtype=np.int64)
    if sum(len(r) > 0 for r in picked_row) > 1:  # several runs, each in frame order
        order = np.argsort(row, kind="stable")
        root, row = root[order], row[order]
    return pd.DataFrame(
        {
            ROOT: root,
            IND: ind[row],
            UNIT: unit[row],
            "period_index": period[row],
            "numerator": num[row],
            "denominator": den[row],
        }
    )


def _deltas(
    level: pd.DataFrame, contrib: pd.DataFrame, root: np.ndarray, ind: np.ndarray
) -> np.ndarray:
    """Per level row, the weighted mean change of the contributing units present in this
    step and the one before (NaN where none is), summed in the frame's row order."""
    period = level["period_index"].to_numpy(dtype=np.int64)
    step = level["step"].to_numpy(dtype=np.int64)
    both = np.concatenate([period, contrib["period_index"].to_numpy(dtype=np.int64)])
    low, span = int(both.min()), int(both.max() - both.min()) + 1
    width = int(max(ind.max(initial=0), contrib[IND].to_numpy().max(initial=0))) + 1

    def series_key(r: np.ndarray, i: np.ndarray, p: np.ndarray) -> np.ndarray:
        return (r * width + i) * span + (p - low)

    c_root, c_ind = contrib[ROOT].to_numpy(), contrib[IND].to_numpy()
    at = pd.Index(series_key(root, ind, period)).get_indexer(
        series_key(c_root, c_ind, contrib["period_index"].to_numpy(dtype=np.int64))
    )
    kept = at >= 0  # rows in a quarter of the root's series (an inner merge)
    at, c_root, c_ind = at[kept], c_root[kept], c_ind[kept]
    c_step, c_unit = step[at], contrib[UNIT].to_numpy()[kept]
    num, den = contrib["numerator"].to_numpy()[kept], contrib["denominator"].to_numpy()[kept]
    share = 100 * num / den
    units, steps = int(c_unit.max(initial=0)) + 1, int(step.max(initial=0)) + 2
    pair_key = ((c_root * width + c_ind) * units + c_unit) * steps + c_step
    before = pd.Index(pair_key).get_indexer(pair_key - 1)
    paired = before >= 0
    w = den[before[paired]]
    # grouped as `chain_links` groups its pairs: same groups, each summed in row order
    group, keys = pd.factorize((c_root[paired] * width + c_ind[paired]) * steps + c_step[paired])
    sums_w = pd.Series(w).groupby(group).sum().to_numpy()
    dw = pd.Series(w * (share[paired] - share[before[paired]]))
    delta = dw.groupby(group).sum().to_numpy() / sums_w
    found = pd.Index(keys).get_indexer((root * width + ind) * steps + step)
    return np.where(found >= 0, delta[np.maximum(found, 0)] if len(delta) else np.nan, np.nan)


def chain_links_many(
    level: pd.DataFrame, contrib: pd.DataFrame, tree: Tree, ids: Ids
) -> pd.DataFrame:
    """`coverage.chain_links` per (root, indicator): `chain` and `segment` columns."""
    key = ["unit_code", "indicator_code"]
    level = level.sort_values([*key, "period_index"]).reset_index(drop=True)
    group = level.groupby(key, sort=False).ngroup().to_numpy()
    level["step"] = level.groupby(group, sort=False).cumcount()
    tree_ids = {c: n for n, c in enumerate(tree.codes)}
    ind_ids = {str(c): n for n, c in enumerate(ids.indicator_names)}
    root = level["unit_code"].map(tree_ids).to_numpy(dtype=np.int64)
    ind = level["indicator_code"].map(ind_ids).to_numpy(dtype=np.int64)
    level["delta"] = _deltas(level, contrib, root, ind) if len(level) else np.nan
    reported = level["source"] == "reported"
    previous_reported = reported.groupby(group).shift(1, fill_value=False)
    diff = level.groupby(group, sort=False)["value"].diff()
    both = reported & previous_reported.astype(bool)
    level["delta"] = level["delta"].where(~both, diff)
    first = level["step"] == 0
    broken = ~first & level["delta"].isna()
    level["segment"] = broken.astype(int).groupby(group).cumsum()
    level["chain"] = level["delta"].fillna(0.0).groupby(group).cumsum()
    return level.drop(columns=["step", "delta"])
