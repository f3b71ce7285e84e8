"""The report's data-quality reads (narrowed for national scale) give what reading the
whole history gave: revised figures and the uploads behind the figures used."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from kpi.catalogue import Catalogue
from kpi.periods import Quarter, parse_report_period
from kpi.services import report_quality, reporting
from kpi.services.report_quality import (
    KEY,
    _in_scope,
    current_uploads_used,
    revised_since,
    uploads_used,
)
from kpi.services.reporting import build_report
from kpi.services.statuses import values_for
from kpi.storage import Storage
from kpi.storage.report_reads import current_upload_counts
from kpi.storage.repository import current_frame, history_frame, unit_registry
from tests.reports.conftest import MADE_ON
from tests.reports.test_build import _upload

CLOSING = Quarter(2025, 4)


def former_revised(storage: Storage, units: list[str], since: dt.datetime) -> list[tuple]:
    """The former reading: every revision, then the rule."""
    history = _in_scope(history_frame(storage), units, CLOSING)
    history = history.sort_values([*KEY, "revision"])
    history["old_value"] = history.groupby(KEY)["value"].shift(1)
    created = pd.to_datetime(history["created_at"], utc=True)
    later = history[(history["revision"] > 1) & (created > pd.Timestamp(since))]
    return sorted(
        (r.period, r.indicator_code, r.unit_code, r.value) for r in later.itertuples(index=False)
    )


def former_uploads(storage: Storage, current: pd.DataFrame) -> dict[int, int]:
    history = history_frame(storage).astype({"revision": "int64"}).astype(object)
    used = current[[*KEY, "revision"]].astype({"revision": "int64"}).astype(object)
    merged = used.merge(history[[*KEY, "revision", "upload_id"]], on=[*KEY, "revision"])
    counts = merged.dropna(subset=["upload_id"]).groupby("upload_id").size()
    return {int(str(u)): int(n) for u, n in counts.items()}


def test_narrow_reads_equal_the_whole_history(demo_storage: Storage, catalogue: Catalogue) -> None:
    start = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1)
    _upload(demo_storage, [("1.1", "VPB", "2025-Q3", 12.5)], "sua-so-lieu.xlsx")
    _upload(
        demo_storage, [("1.2", "VPC", "2025-Q4", 40.0), ("1.2", "VPC", "2024-Q4", 3.0)], "b.csv"
    )
    registry = unit_registry(demo_storage)
    everyone = [u.code for u in registry]
    for units in (everyone, ["VPB"], ["VPC", "VPB"], ["VCCHC"]):
        for since in (start, start - dt.timedelta(days=400), start + dt.timedelta(days=1)):
            got = sorted(
                (r.period, r.indicator_code, r.unit_code, r.new_value)
                for r in revised_since(demo_storage, units, CLOSING, since)
            )
            assert got == former_revised(demo_storage, units, since)
        current = current_frame(demo_storage, as_of_index=CLOSING.index, unit_codes=units)
        lines = uploads_used(demo_storage, current)
        former = former_uploads(demo_storage, current)
        assert {u.upload_id: u.rows_used for u in lines} == former
        assert current_upload_counts(demo_storage, CLOSING.index, units) == former
    whole = current_frame(demo_storage, as_of_index=CLOSING.index)
    lines = current_uploads_used(demo_storage, CLOSING.index, None)  # counted by the database
    assert {u.upload_id: u.rows_used for u in lines} == former_uploads(demo_storage, whole)
    assert lines == uploads_used(demo_storage, whole)
    tomorrow = dt.date.today() + dt.timedelta(days=1)  # a day in Vietnam: UTC+7
    known = values_for(demo_storage, CLOSING, known_on=tomorrow)
    lines = uploads_used(demo_storage, known)
    assert {u.upload_id: u.rows_used for u in lines} == former_uploads(demo_storage, known)
    assert len(lines) >= 2


def test_a_report_of_many_units_has_its_uploads_counted_aside(
    demo_storage: Storage, catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Above FEW_UNITS the database counts them in a thread beside the reading: the
    same lines as matching the revisions here."""
    period = parse_report_period("2025-H2")
    matched = build_report(demo_storage, catalogue, period, made_on=MADE_ON)
    matched_office = build_report(demo_storage, catalogue, period, "VPB", made_on=MADE_ON)
    calls: list[int | None] = []

    def counting(storage: Storage, as_of: int, units: list[str] | None) -> tuple:
        calls.append(len(units) if units is not None else None)
        return current_uploads_used(storage, as_of, units)

    monkeypatch.setattr(report_quality, "FEW_UNITS", 0)
    monkeypatch.setattr(reporting, "current_uploads_used", counting)
    counted = build_report(demo_storage, catalogue, period, made_on=MADE_ON)
    office = build_report(demo_storage, catalogue, period, "VPB", made_on=MADE_ON)
    assert calls == [None, 1]  # the whole tree, then one unit's scope
    assert counted.uploads == matched.uploads and len(counted.uploads) >= 1
    assert office.uploads == matched_office.uploads


def test_the_fingerprint_of_the_figures_keeps_its_digest(demo_storage: Storage) -> None:
    from kpi.canonical import with_period
    from kpi.services.reporting import _with_period_categories
    from reports.model import data_hash

    period = parse_report_period("2025-H2")
    frame = values_for(demo_storage, period.closing)
    assert len(frame) > 100
    expected = data_hash(with_period(frame), period, "BNV")
    assert data_hash(_with_period_categories(frame), period, "BNV") == expected
    assert data_hash(_with_period_categories(frame.iloc[:0]), period, "BNV") == data_hash(
        with_period(frame.iloc[:0]), period, "BNV"
    )
