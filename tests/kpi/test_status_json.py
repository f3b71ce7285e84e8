"""The column-wise JSON of statuses is byte for byte the standard encoder's."""

from __future__ import annotations

import json
import math

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from kpi.catalogue import load_catalogue
from kpi.periods import parse_quarter
from kpi.progress import CONTRACT_COLUMNS, compute_statuses, status_records
from kpi.progress.records import float_texts, json_array, status_json, status_objects
from kpi.services.demo import demo_frame

BOOLS = {"methods_disagree", "stale"}
LISTS = {"units_expected", "units_with_counts", "units_value_only", "units_missing"}
TEXTS = {"indicator_code", "unit_code", "status", "status_vi", "reason", "opensdg_status"}
MIXED = {"baseline_period", "latest_period"}  # text or None, as the engine gives them

floats = st.floats(allow_nan=True, allow_infinity=True, width=64) | st.sampled_from(
    [0.0, -0.0, 1e-5, 123456789.123456, 46.00005, 0.00005, 2.675]
)
texts = st.text(max_size=12)


def standard(frame: pd.DataFrame) -> str:
    return json.dumps(status_records(frame), ensure_ascii=False, indent=2)


@st.composite
def status_frames(draw: st.DrawFn) -> pd.DataFrame:
    rows = draw(st.integers(min_value=1, max_value=6))
    data: dict[str, object] = {}
    for column in CONTRACT_COLUMNS:
        if column in BOOLS:
            data[column] = draw(st.lists(st.booleans(), min_size=rows, max_size=rows))
        elif column in LISTS:
            data[column] = draw(st.lists(st.lists(texts, max_size=3), min_size=rows, max_size=rows))
        elif column in TEXTS:
            data[column] = draw(st.lists(texts, min_size=rows, max_size=rows))
        elif column in MIXED:
            data[column] = draw(st.lists(st.none() | texts, min_size=rows, max_size=rows))
        else:
            data[column] = draw(st.lists(floats, min_size=rows, max_size=rows))
    frame = pd.DataFrame(data)
    for column in LISTS | MIXED:
        frame[column] = pd.Series(data[column], dtype=object)
    return frame


@settings(max_examples=200, deadline=None)
@given(status_frames())
def test_any_frame_encodes_as_the_standard_encoder(frame: pd.DataFrame) -> None:
    assert status_json(frame) == standard(frame)


def test_the_engine_s_statuses_encode_as_the_standard_encoder() -> None:
    catalogue = load_catalogue()
    frame = demo_frame(catalogue)
    if "period_index" not in frame:
        frame["period_index"] = [parse_quarter(p).index for p in frame["period"]]
    statuses = compute_statuses(frame, catalogue)
    assert len(statuses) > 50
    assert status_json(statuses) == standard(statuses)
    assert status_json(statuses.iloc[0:0]) == standard(statuses.iloc[0:0]) == "[]"
    head, tail = statuses.iloc[:7], statuses.iloc[7:]  # parts encoded apart, one array
    assert json_array([status_objects(head), "", status_objects(tail)]) == standard(statuses)
    assert json_array(["", status_objects(statuses.iloc[0:0])]) == "[]"


@settings(max_examples=300, deadline=None)
@given(st.lists(floats | st.floats(-1e6, 1e6).map(lambda v: round(v, 4) + 0.00005), max_size=50))
def test_numbers_are_written_as_round_then_repr(values: list[float]) -> None:
    """The vectorised number path equals `repr(round(v, 4))`, halves and infinities too."""
    expected = [
        "null" if math.isnan(v) else json.dumps(round(v, 4), ensure_ascii=False) for v in values
    ]
    assert float_texts(np.array(values, dtype=float)) == expected
