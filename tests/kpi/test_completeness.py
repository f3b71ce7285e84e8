"""Pure rules of the reporting cycle: obligations, states, DHIS2 measures, locks, reminders."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from kpi.catalogue import Catalogue
from kpi.completeness import (
    APPROVAL_COLUMNS,
    FIRST_FIGURE_COLUMNS,
    ReportState,
    classify,
    completeness_matrix,
    is_locked,
    local_date,
    measures,
)
from kpi.obligations import (
    Obligation,
    ObligationError,
    default_obligations,
    effective_obligations,
    parse_obligations,
)
from kpi.periods import Quarter
from kpi.reminders import Cycle, Person, due_reminders
from kpi.units import UnitRegistry, load_default_units

Q2, Q3 = Quarter(2026, 2), Quarter(2026, 3)
DUE = dt.date(2026, 10, 15)


@pytest.mark.parametrize(
    ("submitted", "today", "state"),
    [
        (None, DUE, ReportState.NOT_DUE),
        (None, DUE + dt.timedelta(days=1), ReportState.MISSING),
        (DUE, DUE + dt.timedelta(days=9), ReportState.ON_TIME),
        (DUE + dt.timedelta(days=1), DUE + dt.timedelta(days=9), ReportState.LATE),
        (dt.date(2026, 10, 1), dt.date(2026, 10, 2), ReportState.ON_TIME),
    ],
)
def test_states(submitted: dt.date | None, today: dt.date, state: ReportState) -> None:
    assert classify(submitted, DUE, today) is state


def test_submission_time_is_read_in_vietnam() -> None:
    # 18:30 UTC on the deadline is already the next day in Hanoi: late.
    assert local_date(dt.datetime(2026, 10, 15, 18, 30, tzinfo=dt.UTC)) == dt.date(2026, 10, 16)


def test_lock_starts_the_day_after_deadline_plus_lock_days() -> None:
    assert not is_locked(Q3, dt.date(2026, 11, 14), 15, 30)
    assert is_locked(Q3, dt.date(2026, 11, 15), 15, 30)


def test_defaults_are_the_lead_units_and_imports_replace_them(catalogue: Catalogue) -> None:
    defaults = default_obligations(catalogue)
    assert {o.unit_code for o in defaults if o.indicator_code == "1.12"} == {"CVTLT"}
    limited = Obligation("CVTLT", "1.12", Quarter(2026, 1), Quarter(2026, 2), "import")
    merged = effective_obligations(catalogue, [limited])
    assert [o for o in merged if o.key == ("CVTLT", "1.12")] == [limited]
    assert len(merged) == len(defaults)
    assert not limited.covers(Q3) and limited.covers(Quarter(2026, 2))


def test_obligations_file_is_checked_row_by_row(catalogue: Catalogue) -> None:
    registry = UnitRegistry(load_default_units())
    rows = parse_obligations(
        "\ufeffunit_code,indicator_code,from_period,to_period\nVPB,1.12,2026-Q1,\nCNCC,2,,\n",
        catalogue,
        registry,
    )
    assert [(o.unit_code, o.indicator_code, o.first) for o in rows] == [
        ("CNCC", "2", None),
        ("VPB", "1.12", Quarter(2026, 1)),
    ]
    for bad, words in (
        ("unit_code\nVPB\n", "thiếu cột"),
        ("unit_code,indicator_code\nZZZ,1.1\n", "dòng 2"),
        ("unit_code,indicator_code\nVPB,9.9\n", "9.9"),
        ("unit_code,indicator_code,from_period,to_period\nVPB,1.1,2026-Q3,2026-Q1\n", "trước"),
        ("unit_code,indicator_code\nVPB,1.1\nVPB,1.1\n", "trùng"),
    ):
        with pytest.raises(ObligationError, match=words):
            parse_obligations(bad, catalogue, registry)


def _matrix(today: dt.date) -> pd.DataFrame:
    obligations = [Obligation("A", "1.1"), Obligation("A", "1.2"), Obligation("B", "1.1", Q3)]
    firsts = pd.DataFrame(
        [
            ("A", "1.1", Q2.index, dt.datetime(2026, 7, 10, tzinfo=dt.UTC), False),
            ("A", "1.2", Q2.index, dt.datetime(2026, 7, 20, tzinfo=dt.UTC), False),
            ("A", "1.1", Q3.index, dt.datetime(2026, 10, 1, tzinfo=dt.UTC), False),
        ],
        columns=FIRST_FIGURE_COLUMNS,
    )
    approvals = pd.DataFrame(
        [("A", Q2.index, "tt@x.vn", dt.datetime(2026, 8, 1, tzinfo=dt.UTC))],
        columns=APPROVAL_COLUMNS,
    )
    return completeness_matrix(
        obligations, [Q2, Q3], firsts, approvals, deadline_days=15, today=today
    )


def test_matrix_and_dhis2_measures() -> None:
    matrix = _matrix(dt.date(2026, 10, 10))
    assert len(matrix) == 5  # B owes nothing before 2026-Q3
    states = dict(
        zip(
            zip(matrix["unit_code"], matrix["indicator_code"], matrix["period_index"], strict=True),
            matrix["state"],
            strict=True,
        )
    )
    assert states[("A", "1.1", Q2.index)] == "on_time"
    assert states[("A", "1.2", Q2.index)] == "late"
    assert states[("A", "1.1", Q3.index)] == "on_time"  # in before the deadline
    assert states[("A", "1.2", Q3.index)] == "not_due"
    assert matrix["approved"].tolist() == [True, True, False, False, False]
    total = measures(matrix).iloc[0]
    assert (total["expected"], total["reports"], total["on_time"]) == (3, 3, 2)
    assert (total["reporting_rate"], total["on_time_rate"]) == (100.0, 66.7)
    later = measures(_matrix(dt.date(2026, 10, 20)), "unit_code").set_index("unit_code")
    assert later.loc["B"].tolist() == [1, 0, 0, 0.0, 0.0]
    assert later.loc["A", "expected"] == 4 and later.loc["A", "reporting_rate"] == 75.0


def test_reminder_days() -> None:
    people = [
        Person("cb@x.vn", "officer", frozenset({"A"})),
        Person("tt@x.vn", "approver", frozenset({"A"})),
        Person("ld@x.vn", "leader", frozenset()),
    ]
    matrix = _matrix(dt.date(2026, 10, 1))
    pending = pd.DataFrame([("A", Q3.index, 1)], columns=["unit_code", "period_index", "figures"])
    cycle = Cycle(matrix, pending)

    def reasons(day: dt.date) -> list[tuple[str, str, str]]:
        return [r.key for r in due_reminders(people, cycle, day)]

    assert reasons(dt.date(2026, 10, 8)) == [("cb@x.vn", "due_soon", "2026-Q3")]
    assert reasons(dt.date(2026, 10, 9)) == []
    assert reasons(DUE) == [
        ("tt@x.vn", "approval_pending", "2026-Q3"),
        ("cb@x.vn", "due_today", "2026-Q3"),
    ]
    assert reasons(dt.date(2026, 10, 19)) == [("ld@x.vn", "weekly_digest", "2026-Q3")]  # Monday
    assert ("cb@x.vn", "overdue", "2026-Q3") in reasons(dt.date(2026, 11, 12))
    # Locked since 15 Nov and no exception: the officer hears nothing; the head still does.
    assert reasons(dt.date(2026, 11, 19)) == [("tt@x.vn", "approval_pending", "2026-Q3")]
    opened = Cycle(matrix, pending.iloc[0:0], exceptions={("A", Q3.index)})
    assert [r.key for r in due_reminders(people, opened, dt.date(2026, 11, 19))] == [
        ("cb@x.vn", "overdue", "2026-Q3")
    ]


def test_an_obligation_is_owed_from_its_start_or_the_baseline(catalogue: Catalogue) -> None:
    """Before the programme baseline (2024-Q4) no verdict uses a figure: nothing was owed."""
    from dataclasses import replace

    from kpi.obligations import owed_from, with_starts
    from kpi.progress.method import PROGRAMME_BASELINE

    plain = Obligation("VPB", "1.1")
    imported = Obligation("VPB", "1.2", first=Q2, source="import")
    assert owed_from(plain, catalogue, PROGRAMME_BASELINE) == Quarter(2024, 4)
    assert owed_from(imported, catalogue, PROGRAMME_BASELINE) == Q2
    own = replace(catalogue["1.1"], baseline_period=Quarter(2025, 2))
    custom = Catalogue(tuple(own if i.code == "1.1" else i for i in catalogue))
    assert owed_from(plain, custom, PROGRAMME_BASELINE) == Quarter(2025, 2)
    assert owed_from(Obligation("VPB", "9.9"), catalogue, PROGRAMME_BASELINE) == (
        PROGRAMME_BASELINE
    )
    started = with_starts([plain, imported], catalogue, PROGRAMME_BASELINE)
    assert [o.first for o in started] == [Quarter(2024, 4), Q2]
    assert started[1] is imported and not started[0].covers(Quarter(2024, 3))
