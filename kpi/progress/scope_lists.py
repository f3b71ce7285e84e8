"""Coverage lists of many roll-ups at once: who answers for what, and who is missing.

The same rules as `coverage.owed_by_direct_units` and `coverage.add_missing`, for every
root in one walk over the obligations and with each expected list built once per
(root, indicator, span of quarters with the same obligations).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

import pandas as pd

from kpi.obligations import Obligation
from kpi.progress.coverage import OPEN, Owed, owed_at
from kpi.units import UnitRegistry


def owed_by_root(
    obligations: Sequence[Obligation], registry: UnitRegistry, roots: Sequence[str]
) -> dict[str, Owed]:
    """`owed_by_direct_units` for each root: one walk up the tree per obligation."""
    parent = {u.code: u.parent for u in registry}
    wanted = set(roots)
    out: dict[str, Owed] = {r: {} for r in roots}
    for o in obligations:
        first = o.first.index if o.first else -OPEN
        last = o.last.index if o.last else OPEN
        code, seen = o.unit_code, set()
        while code in parent and code not in seen:
            seen.add(code)
            up = parent[code]
            if up is None:
                break
            if up in wanted:
                out[up].setdefault(o.indicator_code, []).append((code, first, last))
            code = up
    return out


class _Expected:
    """Expected units per (root, indicator, quarter): those known from any quarter's
    figures and those owing the quarter, in the order of the root's children."""

    def __init__(
        self, known: dict[tuple[str, str], set[str]], children: dict[str, list[str]], owed: dict
    ) -> None:
        self.known, self.owed = known, owed
        self.order = {r: {u: n for n, u in enumerate(c)} for r, c in children.items()}
        self.bounds: dict[tuple[str, str], list[int]] = {}
        self.lists: dict[tuple[str, str, int], list[str]] = {}

    def get(self, root: str, indicator: str, index: int) -> list[str]:
        key = (root, indicator)
        bounds = self.bounds.get(key)
        if bounds is None:  # the owed set only changes where an obligation starts or ends
            spans = self.owed.get(root, {}).get(indicator, ())
            edges = {f for _c, f, _l in spans} | {last + 1 for *_, last in spans}
            bounds = self.bounds[key] = sorted(edges)
        span = bisect.bisect_right(bounds, index)
        found = self.lists.get((root, indicator, span))
        if found is None:
            units = self.known.get(key, set()) | owed_at(self.owed.get(root), indicator, index)
            order = self.order.get(root, {})
            found = self.lists[(root, indicator, span)] = sorted(
                units, key=lambda u: order.get(u, 0)
            )
        return found


def add_missing_many(
    frame: pd.DataFrame, children: dict[str, list[str]], owed: dict[str, Owed]
) -> pd.DataFrame:
    """`coverage.add_missing` for every root of the frame (`unit_code` names the root)."""
    for column in ("units_with_counts", "units_value_only"):
        frame[column] = [v if isinstance(v, list) else [] for v in frame[column]]
    roots, codes = frame["unit_code"].tolist(), frame["indicator_code"].tolist()
    with_counts = frame["units_with_counts"].tolist()
    value_only = frame["units_value_only"].tolist()
    known: dict[tuple[str, str], set[str]] = {}
    for root, code, a, b in zip(roots, codes, with_counts, value_only, strict=True):
        known.setdefault((root, code), set()).update(a, b)
    expected = _Expected(known, children, owed)
    lists = [
        list(expected.get(r, c, int(i)))
        for r, c, i in zip(roots, codes, frame["period_index"].tolist(), strict=True)
    ]
    frame["units_expected"] = lists
    frame["units_missing"] = [
        [] if len(a) + len(b) == len(exp) else _absent(exp, a, b)
        for exp, a, b in zip(lists, with_counts, value_only, strict=True)
    ]
    return frame


def _absent(expected: list[str], a: list[str], b: list[str]) -> list[str]:
    have = set(a) | set(b)
    return [u for u in expected if u not in have]
