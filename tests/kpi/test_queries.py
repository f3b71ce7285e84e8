"""Dashboard read queries on a real database (SQLite, and PostgreSQL when configured)."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from kpi.catalogue import Catalogue
from kpi.periods import Quarter
from kpi.services.demo import DEMO_ACTOR, load_demo
from kpi.storage import Storage
from kpi.storage.queries import first_submissions, recent_uploads, reporting_units
from kpi.submissions import submission_matrix

TODAY = dt.date(2025, 11, 20)


def test_first_submissions_per_unit_and_period(storage: Storage, catalogue: Catalogue) -> None:
    load_demo(storage, catalogue, today=TODAY)
    frame = first_submissions(storage)
    assert set(frame.columns) == {"unit_code", "period_index", "submitted_at", "is_demo"}
    assert frame["is_demo"].all()
    assert not frame.duplicated(["unit_code", "period_index"]).any()
    # 6 demo units from 2024-Q1 to 2025-Q3 (the last ended quarter on TODAY, never the
    # running 2025-Q4); the late unit lacks the last two quarters.
    assert len(frame) == 6 * 7 - 2
    assert Quarter(2025, 4).index not in set(frame["period_index"])
    recent = first_submissions(storage, since_index=Quarter(2025, 2).index)
    assert set(recent["period_index"]) == {Quarter(2025, 2).index, Quarter(2025, 3).index}
    assert set(recent["unit_code"]) == {"VPB", "TTCNTT", "CVTLT", "CNCC", "VCCVC"}
    matrix = submission_matrix(
        recent, ["VCCHC", "VPB"], [Quarter(2025, 3)], deadline_days=15, today=TODAY
    )
    assert dict(zip(matrix["unit_code"], matrix["state"], strict=True)) == {
        "VCCHC": "missing",
        "VPB": "submitted",
    }


def test_recent_uploads_and_reporting_units(storage: Storage, catalogue: Catalogue) -> None:
    load_demo(storage, catalogue, today=TODAY)
    uploads = recent_uploads(storage, limit=3)
    assert len(uploads) == 3
    assert uploads["id"].is_monotonic_decreasing
    assert (uploads["uploaded_by"] == DEMO_ACTOR).all()
    assert recent_uploads(storage, actor="nobody@example.org").empty
    assert reporting_units(storage) == sorted(["VPB", "TTCNTT", "CVTLT", "CNCC", "VCCVC", "VCCHC"])


def test_current_frame_in_chunks_and_as_of(storage: Storage, catalogue: Catalogue) -> None:
    from sqlalchemy import select

    from kpi.storage.frames import read_frame
    from kpi.storage.models import CurrentValue
    from kpi.storage.repository import CURRENT_DTYPES, READ_COLUMNS, current_frame

    assert current_frame(storage).empty
    load_demo(storage, catalogue, today=TODAY)
    query = select(*[getattr(CurrentValue, c) for c in READ_COLUMNS])
    small = read_frame(storage, query, {c: CURRENT_DTYPES[c] for c in READ_COLUMNS}, chunk=100)
    whole = current_frame(storage)
    key = ["indicator_code", "unit_code", "period_index"]
    pd.testing.assert_frame_equal(
        small.sort_values(key).reset_index(drop=True),
        whole.sort_values(key).reset_index(drop=True),
    )
    in_order = current_frame(storage, series_order=True)  # what the dashboard holds
    pd.testing.assert_frame_equal(in_order, whole.sort_values(key).reset_index(drop=True))
    assert pd.api.types.is_string_dtype(whole["unit_code"])
    assert whole["numerator"].dtype == "float64" and whole["is_demo"].dtype == bool
    cut = Quarter(2024, 4).index
    assert (current_frame(storage, as_of_index=cut)["period_index"] <= cut).all()
    assert len(current_frame(storage, as_of_index=cut)) == 16 * 6 * 4
    quarters = current_frame(storage, period_indexes=[cut, cut - 1], columns=["period"])
    assert set(quarters["period"]) == {"2024-Q4", "2024-Q3"}


def test_revisions_newest_first_with_provenance(storage: Storage, catalogue: Catalogue) -> None:
    from kpi.storage.queries import revision_count
    from kpi.storage.repository import history_frame

    load_demo(storage, catalogue, today=TODAY)
    rows = history_frame(storage, "1.1", newest_first=True, limit=10)
    assert len(rows) == 10
    assert rows["period"].iloc[0] == "2025-Q3"  # the last ended quarter on TODAY
    assert set(rows["created_by"]) == {DEMO_ACTOR}
    assert rows["file_name"].str.startswith("minh-hoa-").all()
    assert revision_count(storage, "1.1") == 6 * 7 - 2
    assert revision_count(storage, "1.1", "VPB") == 7
    assert set(history_frame(storage, "1.1", "VPB", newest_first=True)["unit_code"]) == {"VPB"}


def test_a_few_units_read_by_the_key_are_the_units_rows(
    storage: Storage, catalogue: Catalogue
) -> None:
    """A small scope's values and first figures are found by the key (every quarter held,
    every indicator): the same rows as filtering every value."""
    from kpi.storage.cycle import first_figures
    from kpi.storage.repository import FEW_UNITS, current_frame

    load_demo(storage, catalogue, today=TODAY)
    whole = current_frame(storage)
    units = sorted(set(whole["unit_code"]))[:2]
    assert len(units) <= FEW_UNITS
    key = ["indicator_code", "unit_code", "period_index"]
    cut = Quarter(2024, 4).index
    expected = whole[whole["unit_code"].isin(units) & (whole["period_index"] <= cut)]
    got = current_frame(storage, as_of_index=cut, unit_codes=units)
    assert len(got) > 0
    pd.testing.assert_frame_equal(
        got.sort_values(key).reset_index(drop=True),
        expected.sort_values(key).reset_index(drop=True),
    )
    firsts = first_figures(storage, None, unit_codes=units)
    every = first_figures(storage, None)
    assert len(firsts) > 0
    pd.testing.assert_frame_equal(
        firsts.sort_values(key).reset_index(drop=True),
        every[every["unit_code"].isin(units)].sort_values(key).reset_index(drop=True),
    )
