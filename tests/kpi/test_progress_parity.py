"""Vectorised engine = per-series reference on random frames; boundaries end to end; storage."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kpi.catalogue import Catalogue, load_catalogue
from kpi.periods import Quarter
from kpi.progress import (
    CONTRACT_COLUMNS,
    Point,
    Status,
    assess_series,
    compute_statuses,
    ministry_statuses,
)
from kpi.services.demo import load_demo
from kpi.storage import Storage
from kpi.storage.repository import current_frame, unit_registry
from tests.kpi.test_progress_frame import TODAY, assert_same_as_reference, long_frame

CATALOGUE = load_catalogue()
# The plan gives no baseline period; one indicator gets one here so that both paths
# (catalogue baseline with data, and earliest point) are exercised.
WITH_BASELINE = Catalogue(
    tuple(
        dataclasses.replace(i, baseline_period=Quarter(2024, 4)) if i.code == "1.12" else i
        for i in CATALOGUE
    )
)
CODES = ["1.1", "1.3", "1.8", "1.12", "2"]
UNITS = ["A", "B", "C"]
FIRST = Quarter(2023, 1)


@st.composite
def one_series(draw: st.DrawFn) -> dict[int, float]:
    """Values on a random subset of 16 quarters (gaps allowed), 1 to 10 points."""
    offsets = draw(st.sets(st.integers(0, 15), min_size=1, max_size=10))
    value = st.floats(min_value=0, max_value=100, allow_nan=False).map(lambda v: round(v, 2))
    return {offset: draw(value) for offset in offsets}


@st.composite
def many_series(draw: st.DrawFn) -> pd.DataFrame:
    keys = draw(
        st.lists(
            st.tuples(st.sampled_from(CODES), st.sampled_from(UNITS)),
            min_size=1,
            max_size=6,
            unique=True,
        )
    )
    rows = [
        (code, unit, str(FIRST + offset), value)
        for code, unit in keys
        for offset, value in draw(one_series()).items()
    ]
    frame = long_frame(rows)
    # Row order must not matter to the engine.
    return frame.sample(frac=1, random_state=draw(st.integers(0, 99))).reset_index(drop=True)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(many_series())
def test_vectorised_equals_reference_on_random_frames(frame: pd.DataFrame) -> None:
    assert_same_as_reference(frame, WITH_BASELINE)


def test_catalogue_baseline_drives_the_vectorised_engine() -> None:
    rows = [("2024-Q2", 10.0), ("2024-Q4", 20.0), ("2025-Q2", 24.0), ("2025-Q4", 30.0)]
    frame = long_frame([("1.12", "A", p, v) for p, v in rows])
    moved = Catalogue(
        tuple(
            dataclasses.replace(i, baseline_period=Quarter(2025, 2)) if i.code == "1.12" else i
            for i in CATALOGUE
        )
    )
    row = compute_statuses(frame, moved, as_of=Quarter(2025, 4)).iloc[0]
    assert row["baseline_period"] == "2025-Q2" and row["baseline_value"] == 24.0
    plain = compute_statuses(frame, CATALOGUE, as_of=Quarter(2025, 4)).iloc[0]
    assert plain["baseline_period"] == "2024-Q4"  # the programme baseline; 2024-Q2 only shown
    assert_same_as_reference(frame, moved)


# Baseline 20 at 2024-Q4, target 80: four collinear points whose line reaches ŷ_T, so
# P = (ŷ_T − 20) / 60 sits on each boundary, through both engines.
@pytest.mark.parametrize(
    ("projected", "progress", "expected"),
    [
        (77.0, 0.95, Status.ON_TRACK),
        (76.94, 0.949, Status.NEEDS_ACCELERATION),
        (56.0, 0.60, Status.NEEDS_ACCELERATION),
        (55.94, 0.599, Status.LIMITED_PROGRESS),
        (20.0, 0.0, Status.LIMITED_PROGRESS),
        (19.94, -0.001, Status.DETERIORATING),
    ],
)
def test_boundaries_end_to_end(projected: float, progress: float, expected: Status) -> None:
    pace = (projected - 20.0) / 6
    points = [Point(Quarter(2024, 4) + q, 20.0 + pace * q / 4) for q in range(4)]
    as_of = Quarter(2025, 3)
    ref = assess_series(points, 80.0, as_of=as_of)
    assert ref.projected_progress == pytest.approx(progress) and ref.status is expected
    frame = long_frame([("1.1", "A", str(p.period), p.value) for p in points])
    row = compute_statuses(frame, CATALOGUE, as_of=as_of).iloc[0]
    assert row["status"] == expected.value
    assert row["projected_progress"] == pytest.approx(progress)


def test_empty_frame_gives_the_contract_columns() -> None:
    empty = long_frame([])
    statuses = compute_statuses(empty, CATALOGUE, today=TODAY)
    assert statuses.empty and list(statuses.columns[: len(CONTRACT_COLUMNS)]) == CONTRACT_COLUMNS


def test_statuses_from_the_database(storage: Storage, catalogue: Catalogue) -> None:
    """Demo data written through the storage layer, read back, assessed (both engines)."""
    today = dt.date(2026, 11, 22)
    load_demo(storage, catalogue, today=today)
    current = current_frame(storage)
    statuses = compute_statuses(current, catalogue, today=today)
    assert len(statuses) == current.groupby(["indicator_code", "unit_code"]).ngroups
    assert set(statuses["status"]) <= {s.value for s in Status}
    ministry = ministry_statuses(current, catalogue, unit_registry(storage), today=today)
    assert list(ministry["indicator_code"]) == list(catalogue.codes)
    assert (ministry["unit_code"] == unit_registry(storage).root.code).all()
    assert ministry["status"].map(lambda s: Status(s).vi).str.len().gt(0).all()
    assert ministry["reason"].str.startswith(tuple(s.vi for s in Status)).all()
