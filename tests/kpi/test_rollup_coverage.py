"""Roll-ups say what they hold, and their trend cannot come from units entering or leaving."""

from __future__ import annotations

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from kpi.catalogue import load_catalogue
from kpi.periods import Quarter
from kpi.progress import Status, ministry_statuses
from kpi.units import Unit, UnitRegistry

CATALOGUE = load_catalogue()
REGISTRY = UnitRegistry(
    [Unit("BNV", "Bộ", None), *(Unit(c, c, "BNV") for c in ("A", "B", "C", "D"))]
)
FIRST = Quarter(2024, 4)


@st.composite
def improving_units(draw: st.DrawFn) -> pd.DataFrame:
    rows = []
    for code in ("A", "B", "C"):
        start = draw(st.integers(0, 5))  # a late starter joins later
        share = draw(st.floats(5, 40))
        for q in range(start, 8):
            share += draw(st.floats(0.5, 5))
            den = float(draw(st.integers(10, 2000)))
            num = round(min(share, 95) * den / 100)
            rows.append(("1.1", code, (FIRST + q).index, 100 * num / den, num, den))
    return pd.DataFrame(
        rows,
        columns=[
            "indicator_code",
            "unit_code",
            "period_index",
            "value",
            "numerator",
            "denominator",
        ],
    )


@settings(max_examples=20, deadline=None)
@given(improving_units())
def test_monotone_units_never_give_a_deteriorating_parent(frame: pd.DataFrame) -> None:
    frame = frame[frame.groupby("unit_code")["value"].diff().fillna(1) > 0]  # strictly rising
    rows = ministry_statuses(frame, CATALOGUE, REGISTRY, as_of=FIRST + 7)
    row = rows[rows["indicator_code"] == "1.1"].iloc[0]
    assert row["status"] != Status.DETERIORATING.value


@settings(max_examples=20, deadline=None)
@given(improving_units(), st.sampled_from(["A", "B", "C"]))
def test_coverage_lists_partition_the_expected_units(frame: pd.DataFrame, value_only: str) -> None:
    frame = frame.copy()
    drop = frame["unit_code"] == value_only
    frame.loc[drop, ["numerator", "denominator"]] = None
    rows = ministry_statuses(frame, CATALOGUE, REGISTRY, as_of=FIRST + 7)
    for row in rows.to_dict("records"):
        parts = [row["units_with_counts"], row["units_value_only"], row["units_missing"]]
        flat = [u for part in parts for u in part]
        assert sorted(flat) == sorted(row["units_expected"]) and len(set(flat)) == len(flat)
    first = rows[rows["indicator_code"] == "1.1"].iloc[0]
    if first["latest_value"] == first["latest_value"]:
        assert value_only not in first["units_with_counts"]
    assert len(rows) == len(CATALOGUE)  # every indicator keeps its row
