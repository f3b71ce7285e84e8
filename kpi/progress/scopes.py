"""Every parent's roll-up in one pass over the unit tree (what `kpi status --unit all` shows).

A unit's effective figure (its own, else the sum of its children's) does not depend on
which ancestor is rolled up, so one bottom-up pass over the whole tree yields the
children's figures of every parent at once, each level grouped for all its parents
together. Row orders follow `rollup` exactly (group sums and list orders come out the
same), so the result equals `rollup` for each root: a test holds it to that.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from kpi.catalogue import Catalogue
from kpi.obligations import Obligation
from kpi.periods import Quarter, last_ended_quarter
from kpi.progress import coverage
from kpi.progress.frame import COVERAGE_COLUMNS, compute_statuses
from kpi.progress.rollup import (
    FLAG_COLUMNS,
    GROUP,
    _join_codes,
    _with_every_indicator,
    official_beside_rollup,
)
from kpi.progress.scope_chain import chain_links_many, contributors_many
from kpi.progress.scope_lists import add_missing_many, owed_by_root
from kpi.progress.tree_ids import Ids, Tree, member
from kpi.units import UnitRegistry

SPAN = 1 << 20  # a packed key holds the quarter index itself (year · 4 + quarter)
SERIES_COLUMNS = [
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


Cols = dict[str, np.ndarray]


@dataclass
class Level:
    """The figures of the units at one depth, grouped by (parent, indicator, period)."""

    figures: Cols  # unit (child id), ind, period, value, num, den, miss
    group: np.ndarray  # each figure's group, numbered in order of first appearance
    sums: Cols  # per group: unit (the parent), ind, period, num, den, miss, value


class Texts(list[str]):
    """The units whose counts are missing, as comma-joined texts: a figure's `miss` is
    an index into these, -1 for none (numbers are cheap to move about)."""

    def of(self, miss: np.ndarray) -> np.ndarray:
        table = np.asarray([*self, ""], dtype=object)
        return table[np.where(miss < 0, len(self), miss)]


def _pack(unit: np.ndarray, ind: np.ndarray, period: np.ndarray, width: int) -> np.ndarray:
    """(unit, indicator, period) as one integer: factorising one column is fast."""
    return (unit * width + ind) * SPAN + period


def _roll(figures: Cols, parent: np.ndarray, width: int, texts: Texts) -> tuple[np.ndarray, Cols]:
    """`_roll_level` on arrays: the same groups in the same order, summed in row order."""
    up = parent[figures["unit"]]
    group, keys = pd.factorize(_pack(up, figures["ind"], figures["period"], width))
    counts = pd.DataFrame({"num": figures["num"], "den": figures["den"]})
    total = counts.groupby(group, sort=True).sum(min_count=1)
    missing = np.full(len(keys), -1, dtype=np.int64)
    flagged = figures["miss"] >= 0
    if flagged.any():
        named = pd.Series(texts.of(figures["miss"][flagged]))
        joined = named.groupby(group[flagged]).agg(_join_codes)
        missing[joined.index.to_numpy()] = np.arange(len(texts), len(texts) + len(joined))
        texts.extend(joined.tolist())
    num, den = total["num"].to_numpy(), total["den"].to_numpy()
    sums = {
        "unit": keys // SPAN // width,
        "ind": keys // SPAN % width,
        "period": keys % SPAN,
        "num": num,
        "den": den,
        "miss": missing,
        "value": 100 * num / np.where(den > 0, den, np.nan),
    }
    return group, sums


def _levels(current: pd.DataFrame, tree: Tree, ids: Ids, texts: Texts) -> dict[int, Level]:
    """Per depth d: the effective figures of the units at d (the children's figures of the
    parents at d − 1) and their sums per parent (`_children_figures` for every parent
    at once: a parent's own figure hides the sum of its children's).

    A level's figures are its units' own rows in the frame's order, then the sums rolled
    up from below that no own row hides (the order `_children_figures` gives them)."""
    inside = np.flatnonzero(ids.unit > 0)
    depth = tree.depth[ids.unit[inside]]
    order = inside[np.argsort(-depth, kind="stable")]  # deepest first, frame order kept
    rows: Cols = {
        "unit": ids.unit[order],
        "ind": ids.indicator[order].astype(np.int64),
        "period": current["period_index"].to_numpy(dtype=np.int64)[order],
        "value": current["value"].to_numpy(dtype=np.float64)[order],
        "num": current["numerator"].to_numpy(dtype=np.float64)[order],
        "den": current["denominator"].to_numpy(dtype=np.float64)[order],
    }
    rows["miss"] = np.where(np.isnan(rows["num"]) | np.isnan(rows["den"]), rows["unit"], -1)
    cut = np.flatnonzero(np.diff(tree.depth[rows["unit"]], prepend=-1, append=-1))
    by_depth = {
        int(tree.depth[rows["unit"][a]]): {k: v[a:b] for k, v in rows.items()}
        for a, b in itertools.pairwise(cut.tolist())
    }
    width = int(rows["ind"].max()) + 1 if len(order) else 1
    levels: dict[int, Level] = {}
    rolled: Cols | None = None
    for d in range(max(by_depth, default=0), 0, -1):
        own = by_depth.get(d, {k: v[:0] for k, v in rows.items()})
        figures = (
            own if rolled is None else {k: np.concatenate([v, rolled[k]]) for k, v in own.items()}
        )
        group, sums = _roll(figures, tree.parent, width, texts)
        levels[d] = Level(figures, group, sums)
        above = by_depth.get(d - 1)
        hidden = np.zeros(len(sums["unit"]), dtype=bool)
        if above is not None:
            keys = _pack(above["unit"], above["ind"], above["period"], width)
            hidden = pd.Index(_pack(sums["unit"], sums["ind"], sums["period"], width)).isin(keys)
        rolled = {k: sums[k][~hidden] for k in rows}
    return levels


def _computed(levels: dict[int, Level], roots: np.ndarray, size: int, texts: Texts) -> pd.DataFrame:
    """Every root's computed roll-up: the sums of its children's figures."""
    parts = []
    for level in levels.values():
        mine = member(level.sums["unit"], roots, size)
        parts.append(
            pd.DataFrame(
                {
                    "unit_code": level.sums["unit"][mine],
                    "indicator_code": level.sums["ind"][mine],
                    "period_index": level.sums["period"][mine],
                    "numerator": level.sums["num"][mine],
                    "denominator": level.sums["den"][mine],
                    "missing": texts.of(level.sums["miss"][mine]),
                    "value": level.sums["value"][mine],
                }
            )
        )
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()


def _merged(
    current: pd.DataFrame, ids: Ids, computed: pd.DataFrame, roots: np.ndarray
) -> pd.DataFrame:
    """Each root's official value per (indicator, period) beside its computed roll-up."""
    mine = member(ids.unit, roots, ids.units)
    own = pd.DataFrame(
        {
            "unit_code": ids.unit[mine],
            "indicator_code": ids.indicator[mine],
            "period_index": current["period_index"].to_numpy()[mine],
            "value": current["value"].to_numpy(dtype=np.float64)[mine],
            "numerator": current["numerator"].to_numpy(dtype=np.float64)[mine],
            "denominator": current["denominator"].to_numpy(dtype=np.float64)[mine],
        }
    )
    if computed.empty:
        computed = pd.DataFrame(
            {c: pd.Series(dtype=own[c].dtype) for c in GROUP}
            | {c: pd.Series(dtype=float) for c in ("numerator", "denominator", "value")}
            | {"missing": pd.Series(dtype=object)}
        )
    computed = computed.rename(columns={"value": "rollup_value", "missing": "missing_count_units"})
    merged = official_beside_rollup(own, computed)
    return merged.dropna(subset=["value"])


def _coverage_lists(levels: dict[int, Level], tree: Tree, roots: np.ndarray) -> pd.DataFrame:
    """Per (root, indicator, period): its direct units with counts and with a value only,
    each list in the order of the children's figures (as `coverage.coverage_lists`)."""
    codes = np.asarray(tree.codes, dtype=object)
    parts = []
    for level in levels.values():
        fig, count = level.figures, len(level.sums["unit"])
        counted = ~np.isnan(fig["num"]) & ~np.isnan(fig["den"])
        names = codes[fig["unit"]]
        part = pd.DataFrame(
            {
                "unit_code": level.sums["unit"],
                "indicator_code": level.sums["ind"],
                "period_index": level.sums["period"],
                "units_with_counts": _lists(level.group[counted], names[counted], count),
                "units_value_only": _lists(level.group[~counted], names[~counted], count),
            }
        )
        parts.append(part[member(level.sums["unit"], roots, len(tree.codes))])
    if not parts:
        return pd.DataFrame(columns=[*GROUP, "units_with_counts", "units_value_only"])
    return pd.concat(parts, ignore_index=True)


def _lists(at: np.ndarray, names: np.ndarray, count: int) -> list[object]:
    """The names per group number (their order kept within a group), NaN for none."""
    order = np.argsort(at, kind="stable")
    bounds = np.searchsorted(at[order], np.arange(count + 1))
    names = names[order]
    return [
        names[a:b].tolist() if b > a else np.nan for a, b in itertools.pairwise(bounds.tolist())
    ]


def rollup_many(
    current: pd.DataFrame,
    registry: UnitRegistry,
    roots: Sequence[str],
    obligations: Sequence[Obligation] = (),
) -> pd.DataFrame:
    """`rollup(current, registry, root, obligations)` for every root, stacked in the order
    of `roots` (each sorted by indicator and period as `rollup` sorts it)."""
    tree = Tree.of(registry)
    known = {c: n for n, c in enumerate(tree.codes)}
    root_ids = np.array([known[r] for r in roots if r in known], dtype=np.int64)
    ids = Ids.of(current, tree)
    texts = Texts(tree.codes)
    levels = _levels(current, tree, ids, texts)
    computed = _computed(levels, root_ids, len(tree.codes), texts)
    out = _merged(current, ids, computed, root_ids)
    out = out.merge(_coverage_lists(levels, tree, root_ids), on=GROUP, how="left")
    names = np.asarray(tree.codes, dtype=object)
    out["unit_code"] = names[out["unit_code"].to_numpy(dtype=np.int64)]
    out["indicator_code"] = ids.indicator_names[out["indicator_code"].to_numpy(dtype=np.int64)]
    out = out[[*SERIES_COLUMNS, "units_with_counts", "units_value_only"]]
    out = out.astype({"indicator_code": "str", "unit_code": "str"})
    children = {r: list(registry.children(r)) for r in roots}
    out = add_missing_many(out, children, owed_by_root(obligations, registry, roots))
    contrib = contributors_many(current, tree, ids, root_ids)
    out = chain_links_many(out, contrib, tree, ids)
    rank = {r: n for n, r in enumerate(roots)}
    out["_rank"] = out["unit_code"].map(rank)
    out = out.sort_values(["_rank", "indicator_code", "period_index"], kind="stable")
    return out.drop(columns="_rank").reset_index(drop=True)


def anchored_many(series: pd.DataFrame) -> pd.DataFrame:
    """`coverage.anchored` per (root, indicator)."""
    if series.empty or "chain" not in series:
        return series.assign(level_value=series.get("value", pd.Series(dtype=float)))
    series = series.sort_values(["unit_code", "indicator_code", "period_index"])
    group = series.groupby(["unit_code", "indicator_code"], sort=False)
    last = {c: group[c].transform("last") for c in ("segment", "value", "chain")}
    kept = (series["segment"] == last["segment"]).to_numpy()
    shift = (last["value"] - last["chain"])[kept]
    rows = series[kept]
    return rows.assign(level_value=rows["value"], value=rows["chain"] + shift)


def rollup_statuses_many(
    series: pd.DataFrame,
    catalogue: Catalogue,
    roots: Sequence[str],
    *,
    as_of: Quarter | None = None,
    today: dt.date | None = None,
    owed: dict[str, coverage.Owed] | None = None,
) -> pd.DataFrame:
    """`rollup_statuses` of every root's series (from `rollup_many`), root by root in the
    order of `roots`, every indicator of the catalogue for each."""
    as_of = as_of or last_ended_quarter(today)
    cut = anchored_many(series[series["period_index"] <= as_of.index])
    statuses = compute_statuses(cut, catalogue, as_of=as_of, today=today)
    flags = cut[["indicator_code", "unit_code", "period_index", *FLAG_COLUMNS]]
    out = statuses.drop(columns=COVERAGE_COLUMNS).merge(
        flags.rename(columns={"period_index": "latest_index"}),
        on=["indicator_code", "unit_code", "latest_index"],
        how="left",
    )
    by_root = dict(tuple(out.groupby("unit_code", sort=False))) if len(out) else {}
    every = len(catalogue.codes)
    parts = []
    for root in roots:
        rows = by_root.get(root, out.iloc[:0]).reset_index(drop=True)
        if len(rows) != every:
            rows = _with_every_indicator(rows, catalogue, root, as_of, (owed or {}).get(root))
        parts.append(rows)
    return pd.concat(parts, ignore_index=True) if parts else out
