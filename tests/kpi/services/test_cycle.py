"""The reporting cycle on SQLite and PostgreSQL: deadline locks with exceptions, sign-off
that locks figures, completeness from obligations, all checked inside the commit."""

from __future__ import annotations

import datetime as dt

import pytest

from kpi.access import Role, Viewer
from kpi.catalogue import Catalogue
from kpi.periods import Quarter, period_code
from kpi.services import cycle, ingest, submissions
from kpi.services.figures import audit_frame, unit_registry
from kpi.settings import Settings
from kpi.storage import Storage

SETTINGS = Settings()  # deadline 15 days after the quarter, locked 30 days after that
Q3 = "2026-Q3"  # deadline 2026-10-15, open to officers until 2026-11-14
OPEN_DAY, LOCKED_DAY = dt.date(2026, 11, 14), dt.date(2026, 11, 15)
OFFICER = Viewer("cb@bnv.gov.vn", Role.OFFICER, frozenset({"VPB"}))
HEAD = Viewer("tt@bnv.gov.vn", Role.APPROVER, frozenset({"VPB"}))


def rows(*lines: str) -> bytes:
    return ("indicator_code,unit_code,period,value\n" + "\n".join(lines) + "\n").encode()


def upload(
    storage: Storage,
    catalogue: Catalogue,
    data: bytes,
    viewer: Viewer | None,
    today: dt.date,
) -> ingest.CommitResult:
    prepared = ingest.prepare(
        storage, data, "q.csv", catalogue=catalogue, settings=SETTINGS, today=today
    )
    assert prepared.ok, prepared.problems
    return ingest.commit(
        storage,
        prepared,
        actor=viewer.email if viewer else "local-admin",
        allowed_units=viewer.write_scope() if viewer else None,
        settings=SETTINGS,
        today=today,
    )


def test_officer_refused_after_lock_then_allowed_by_exception(
    storage: Storage, catalogue: Catalogue
) -> None:
    assert upload(storage, catalogue, rows(f"1.1,VPB,{Q3},40"), OFFICER, OPEN_DAY).rows_new == 1
    with pytest.raises(ingest.QuarterLockedError) as refused:
        upload(storage, catalogue, rows(f"1.1,VPB,{Q3},41"), OFFICER, LOCKED_DAY)
    message = str(refused.value)
    assert "Quý 3/2026 của VPB" in message and "quản trị" in message and "kpi locks open" in message
    log = audit_frame(storage)
    assert log.iloc[-1]["action"] == "upload.refused" and log.iloc[-1]["actor"] == OFFICER.email

    cycle.open_lock(storage, "VPB", Q3, "2026-11-30", "Bổ sung số liệu", actor="admin@bnv.gov.vn")
    assert (
        upload(storage, catalogue, rows(f"1.1,VPB,{Q3},41"), OFFICER, LOCKED_DAY).rows_changed == 1
    )
    after = dt.date(2026, 12, 1)  # the exception has ended
    with pytest.raises(ingest.QuarterLockedError):
        upload(storage, catalogue, rows(f"1.1,VPB,{Q3},42"), OFFICER, after)
    opened = audit_frame(storage).query("action == 'lock.open'").iloc[0]
    assert opened["unit_code"] == "VPB" and opened["detail"]["reason"] == "Bổ sung số liệu"
    locks = cycle.locks_frame(storage)
    assert locks[["unit_code", "period_index"]].values.tolist() == [["VPB", Quarter(2026, 3).index]]


def test_administrator_is_not_locked_and_the_override_is_audited(
    storage: Storage, catalogue: Catalogue
) -> None:
    assert upload(storage, catalogue, rows(f"1.1,VPB,{Q3},40"), None, LOCKED_DAY).rows_new == 1
    override = audit_frame(storage).query("action == 'upload.lock_override'")
    assert len(override) == 1
    assert override.iloc[0]["detail"]["quarters"][0]["period"] == Q3


def test_approval_locks_figures_until_unapproved(storage: Storage, catalogue: Catalogue) -> None:
    upload(storage, catalogue, rows(f"1.1,VPB,{Q3},40", f"1.2,VPB,{Q3},50"), OFFICER, OPEN_DAY)
    with pytest.raises(cycle.CycleError):  # an approver of another unit
        cycle.approve(
            storage, Viewer("x@bnv.gov.vn", Role.APPROVER, frozenset({"CNCC"})), "VPB", Q3
        )
    assert cycle.approve(storage, HEAD, "VPB", Q3) == 2
    for who in (OFFICER, None):  # approved figures are locked for everyone
        with pytest.raises(ingest.QuarterLockedError, match="phê duyệt"):
            upload(storage, catalogue, rows(f"1.1,VPB,{Q3},45"), who, OPEN_DAY)
    with pytest.raises(cycle.CycleError):
        cycle.unapprove(storage, HEAD, "VPB", Q3, "  ")  # a reason is required
    cycle.unapprove(storage, HEAD, "VPB", Q3, "Sai số liệu 1.1")
    assert upload(storage, catalogue, rows(f"1.1,VPB,{Q3},45"), OFFICER, OPEN_DAY).rows_changed == 1
    entry = audit_frame(storage).query("action == 'approval.unapprove'").iloc[0]
    assert entry["actor"] == HEAD.email and entry["detail"]["reason"] == "Sai số liệu 1.1"


def test_completeness_follows_obligations(storage: Storage, catalogue: Catalogue) -> None:
    """CVTLT owes 1.12-1.14 (catalogue); an import adds 1.1 from 2026-Q3 only."""
    cycle.import_obligations(
        storage, catalogue, "unit_code,indicator_code,from_period\nCVTLT,1.1,2026-Q3\n", actor="a"
    )
    upload(storage, catalogue, rows("1.12,CVTLT,2026-Q2,40"), None, dt.date(2026, 7, 10))
    quarters = [Quarter(2026, 2), Quarter(2026, 3)]
    unit = unit_registry(storage).get("CVTLT")
    matrix = submissions.completeness(
        storage, catalogue, SETTINGS, quarters, unit=unit, today=dt.date(2026, 11, 1)
    )
    states = {(r.indicator_code, period_code(r.period_index)): r.state for r in matrix.itertuples()}
    assert ("1.1", "2026-Q2") not in states  # before the obligation starts: not expected
    assert states[("1.1", Q3)] == "missing" and states[("1.12", "2026-Q2")] in {"on_time", "late"}
    assert states[("1.13", "2026-Q2")] == "missing"
    total = submissions.rates(matrix)["total"].iloc[0]
    assert (total["expected"], total["reports"]) == (7, 1)
    assert total["reporting_rate"] == round(100 / 7, 1)
    records = submissions.records(matrix)
    assert len(records) == 7 and all(tuple(r) == submissions.RECORD_KEYS for r in records)


def test_quarters_before_the_obligation_are_never_missing(
    storage: Storage, catalogue: Catalogue
) -> None:
    """Sixteen quarters back from 2026-Q4 reach 2023: a catalogue obligation is owed from the
    programme baseline 2024-Q4, so 2023 and early 2024 are neither expected nor overdue."""
    upload(storage, catalogue, rows("1.12,CVTLT,2024-Q2,30"), None, dt.date(2024, 7, 10))
    quarters = submissions.recent_quarters(16, dt.date(2026, 11, 1))
    assert quarters[0] == Quarter(2023, 1)
    matrix = submissions.completeness(
        storage, catalogue, SETTINGS, quarters, today=dt.date(2026, 11, 1)
    )
    assert int(matrix["period_index"].min()) == Quarter(2024, 4).index
    owed = matrix[matrix["state"] == "missing"]
    assert not owed.empty and owed["period_index"].min() >= Quarter(2024, 4).index
    assert Quarter(2024, 2).index not in set(matrix["period_index"])  # shown, never owed
    expected = submissions.rates(matrix)["total"].iloc[0]["expected"]
    pairs = len(submissions.owed(storage, catalogue))
    assert expected == pairs * 8  # 2024-Q4 … 2026-Q3 ended; 2026-Q4 not yet due


def test_the_ministry_reads_only_the_figures_of_units_that_owe_them(
    storage: Storage, catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At national scale thousands of units report figures nobody owes (380,800 first
    figures in eight quarters): the ministry's matrix is judged on the owing units' alone."""
    day = dt.date(2026, 7, 10)
    upload(storage, catalogue, rows("1.1,VPB,2026-Q2,40", "1.1,VPC,2026-Q2,41"), None, day)
    asked: list[object] = []
    reads = submissions.first_figures

    def spy(*args: object, **kwargs: object) -> object:
        asked.append(kwargs.get("unit_codes"))
        return reads(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(submissions, "first_figures", spy)
    quarters = [Quarter(2026, 2)]
    today = dt.date(2026, 11, 1)
    matrix = submissions.completeness(storage, catalogue, SETTINGS, quarters, today=today)
    owing = sorted({o.unit_code for o in submissions.owed(storage, catalogue)})
    assert asked == [owing] and "VPC" not in owing  # VPC owes nothing
    every_figure = reads(storage, since_index=quarters[0].index, until_index=quarters[0].index)
    assert set(every_figure["unit_code"]) == {"VPB", "VPC"}
    states = {(r.unit_code, r.indicator_code): r.state for r in matrix.itertuples()}
    assert states[("VPB", "1.1")] in {"on_time", "late"}  # stored, so not missing
    assert "VPC" not in set(matrix["unit_code"])
    assert len(matrix) == sum(o.covers(quarters[0]) for o in submissions.owed(storage, catalogue))
