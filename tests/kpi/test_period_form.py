"""One period form inside: frames between storage, services, domain and renderers carry the
integer `period_index`; the text '2025-Q3' appears only where data leaves (JSON, CSV)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from kpi.access import LOCAL_ADMIN, Role, Viewer
from kpi.canonical import with_period
from kpi.catalogue import Catalogue
from kpi.periods import Quarter, period_code
from kpi.progress import rollup, trajectory_points
from kpi.services import cycle, submissions
from kpi.services.open_data import series_frame, submissions_frame
from kpi.settings import Settings
from kpi.storage import Storage
from kpi.storage import cycle as stored_cycle
from kpi.storage.queries import first_submissions
from kpi.storage.repository import current_frame, unit_registry
from tests.kpi.services.helpers import rising, upload

Q3 = Quarter(2026, 3)
TODAY = dt.date(2026, 11, 1)


def only_index(frame: pd.DataFrame) -> None:
    """The frame's quarter is an integer index, and there is no text period beside it."""
    assert "period" not in frame.columns, list(frame.columns)
    assert "label" not in frame.columns
    assert pd.api.types.is_integer_dtype(frame["period_index"]) or frame.empty


@pytest.fixture
def filled(storage: Storage, catalogue: Catalogue) -> Storage:
    upload(storage, catalogue, rising("1.1", "VPB", 40, 2) + rising("1.1", "TTCNTT", 50, 1))
    cycle.approve(storage, Viewer(LOCAL_ADMIN, Role.ADMIN), "VPB", Q3)
    cycle.open_lock(storage, "TTCNTT", Q3, dt.date(2099, 1, 1), "late", actor="admin")
    return storage


def test_storage_reads_carry_the_index(filled: Storage) -> None:
    for frame in (
        current_frame(filled),
        stored_cycle.first_figures(filled),
        stored_cycle.figure_counts(filled),
        stored_cycle.approvals_frame(filled),
        stored_cycle.locks_frame(filled),
        first_submissions(filled),
    ):
        only_index(frame)
    assert stored_cycle.approvals_frame(filled)["period_index"].tolist() == [Q3.index]
    assert stored_cycle.locks_frame(filled)["period_index"].tolist() == [Q3.index]


def test_engine_and_service_frames_carry_the_index(filled: Storage, catalogue: Catalogue) -> None:
    registry = unit_registry(filled)
    series = rollup(current_frame(filled), registry, registry.root.code)
    only_index(series)
    row = {
        "baseline_index": Quarter(2024, 4).index,
        "latest_index": Q3.index,
        "baseline_value": 40.0,
        "latest_value": 54.0,
        "target": 100.0,
        "observed_pace_pp_per_year": 8.0,
    }
    only_index(trajectory_points(series[series["indicator_code"] == "1.1"], row))
    matrix = submissions.completeness(filled, catalogue, Settings(), [Q3], today=TODAY)
    only_index(matrix)
    only_index(cycle.pending_approvals(filled))
    only_index(series_frame(filled, catalogue, "1.1"))
    only_index(submissions_frame(filled, catalogue, Settings(), [Q3], TODAY))


def test_the_text_form_is_made_at_the_edge(filled: Storage, catalogue: Catalogue) -> None:
    matrix = submissions.completeness(filled, catalogue, Settings(), [Q3], today=TODAY)
    assert {r["period"] for r in submissions.records(matrix)} == {"2026-Q3"}
    frame = with_period(current_frame(filled))
    assert list(frame.columns[:4]) == ["indicator_code", "unit_code", "period", "period_index"]
    assert (frame["period"] == [period_code(i) for i in frame["period_index"]]).all()
    assert "period_index" not in with_period(frame, drop_index=True)
