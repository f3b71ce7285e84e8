"""The vectorised roll-up equals a plain recursive reading of the rule, on random trees.

Rule: a unit's figure is its own reported figure when it has one, else the sum of
its children's counts; a figure without counts adds nothing and is named in
`missing_count_units`. The root's reported figure is official; the roll-up of its
children is shown beside it.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from kpi.progress import rollup
from kpi.units import Unit, UnitRegistry

Figure = tuple[float, float, set[str]]  # numerator, denominator, units without counts


@st.composite
def cases(draw: st.DrawFn) -> tuple[UnitRegistry, pd.DataFrame]:
    size = draw(st.integers(1, 9))
    parents = [draw(st.integers(0, n)) for n in range(size)]  # unit n+1 hangs under an earlier one
    codes = ["BNV", *[f"U{n}" for n in range(1, size + 1)]]
    units = [Unit("BNV", "Bộ", None)]
    units += [Unit(codes[n + 1], codes[n + 1], codes[p]) for n, p in enumerate(parents)]
    rows = []
    for code in codes:
        for period in (8100, 8101):
            if not draw(st.booleans()):
                continue
            den = float(draw(st.integers(1, 500)))
            num = float(draw(st.integers(0, int(den))))
            counts = draw(st.booleans())
            rows.append(
                (
                    "1.1",
                    code,
                    period,
                    100 * num / den,
                    num if counts else None,
                    den if counts else None,
                )
            )
    frame = pd.DataFrame(
        rows,
        columns=[
            "indicator_code",
            "unit_code",
            "period_index",
            "value",
            "numerator",
            "denominator",
        ],
    ).astype({"numerator": "float64", "denominator": "float64"})
    frame["period"] = [f"{i // 4}-Q{i % 4 + 1}" for i in frame["period_index"]]
    return UnitRegistry(units), frame


def figure(code: str, rows: dict[str, pd.Series], registry: UnitRegistry) -> Figure | None:
    own = rows.get(code)
    if own is not None:
        if math.isnan(own["numerator"]) or math.isnan(own["denominator"]):
            return 0.0, 0.0, {code}
        return own["numerator"], own["denominator"], set()
    return children_sum(code, rows, registry)


def children_sum(code: str, rows: dict[str, pd.Series], registry: UnitRegistry) -> Figure | None:
    found = [f for c in registry.children(code) if (f := figure(c, rows, registry)) is not None]
    if not found:
        return None
    return sum(f[0] for f in found), sum(f[1] for f in found), set().union(*(f[2] for f in found))


@settings(max_examples=150, deadline=None)
@given(cases(), st.booleans())
def test_rollup_equals_the_recursive_rule(
    case: tuple[UnitRegistry, pd.DataFrame], as_category: bool
) -> None:
    registry, frame = case
    given_frame = frame.astype({"unit_code": "category"}) if as_category else frame
    got = rollup(given_frame, registry).set_index("period_index")
    for period, part in frame.groupby("period_index"):
        rows = {r["unit_code"]: r for _, r in part.iterrows()}
        computed = children_sum("BNV", rows, registry)
        rolled = None
        if computed is not None and computed[1] > 0:
            rolled = 100 * computed[0] / computed[1]
        root = rows.get("BNV")
        if root is None and rolled is None:
            assert period not in got.index
            continue
        row = got.loc[period]
        if root is not None:
            assert row["source"] == "reported" and row["value"] == root["value"]
        else:
            assert row["source"] == "rollup" and np.isclose(row["value"], rolled)
        if rolled is None:
            assert pd.isna(row["rollup_value"])
        else:
            assert np.isclose(row["rollup_value"], rolled)
        missing = sorted(computed[2]) if computed is not None else []
        assert row["missing_count_units"] == ",".join(missing)
