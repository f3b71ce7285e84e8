"""The unit tree and a frame's codes as integers: grouping and joining numbers is fast."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from kpi.units import UnitRegistry


@dataclass(frozen=True)
class Tree:
    """The unit tree as arrays: ids are positions in `codes` (the root is 0)."""

    codes: list[str]
    parent: np.ndarray  # the root's parent is -1
    depth: np.ndarray

    @classmethod
    def of(cls, registry: UnitRegistry) -> Tree:
        codes, depth, frontier = [registry.root.code], [0], [registry.root.code]
        parent, ids = [-1], {registry.root.code: 0}
        while frontier:
            nxt = []
            for code in frontier:
                for child in registry.children(code):
                    ids[child] = len(codes)
                    codes.append(child)
                    parent.append(ids[code])
                    depth.append(depth[ids[code]] + 1)
                    nxt.append(child)
            frontier = nxt
        return cls(codes, np.array(parent, dtype=np.int64), np.array(depth, dtype=np.int64))


@dataclass
class Ids:
    """The frame's units and indicators as integers (grouping numbers is fast)."""

    unit: np.ndarray  # tree id, -1 outside the tree
    indicator: np.ndarray
    indicator_names: np.ndarray
    units: int  # the tree's size

    @classmethod
    def of(cls, current: pd.DataFrame, tree: Tree) -> Ids:
        found, names = pd.factorize(current["unit_code"])
        known = {c: n for n, c in enumerate(tree.codes)}
        in_tree = np.array([known.get(str(c), -1) for c in names] + [-1], dtype=np.int64)
        indicator, indicators = pd.factorize(current["indicator_code"])
        names_ = np.asarray(indicators, dtype=object)
        return cls(in_tree[found], indicator, names_, len(tree.codes))


def member(values: np.ndarray, chosen: np.ndarray, size: int) -> np.ndarray:
    """`np.isin` for ids in [-1, size): a lookup table instead of a sort."""
    table = np.zeros(size + 1, dtype=bool)
    table[chosen] = True
    return table[np.where(values < 0, size, values)]
