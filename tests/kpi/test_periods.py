from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kpi.periods import (
    PeriodError,
    Quarter,
    last_ended_quarter,
    parse_quarter,
    parse_report_period,
)


@pytest.mark.parametrize(
    "text",
    [
        "2025-Q3",
        "2025Q3",
        "2025-q3",
        "Q3/2025",
        "Q3-2025",
        "Quý 3/2025",
        "Quý III/2025",
        "Quý III năm 2025",
        "quy iii nam 2025",
        " QUÝ 3 / 2025 ",
    ],
)
def test_every_accepted_form(text: str) -> None:
    assert parse_quarter(text) == Quarter(2025, 3)


@pytest.mark.parametrize("text", ["Q5/2025", "2025-13", "2025", "Quý V/2025", "", "abc"])
def test_malformed_periods(text: str) -> None:
    with pytest.raises(PeriodError):
        parse_quarter(text)


def test_years_between_periods() -> None:
    assert (Quarter(2026, 3) - Quarter(2025, 1)) / 4 == 1.5
    assert str(Quarter(2025, 4) + 1) == "2026-Q1"
    assert Quarter(2025, 3).label == "Quý 3/2025"
    assert Quarter(2025, 3).name("en") == "Q3 2025"
    assert Quarter(2025, 1).end == dt.date(2025, 3, 31)


def test_last_ended_quarter() -> None:
    assert last_ended_quarter(dt.date(2026, 11, 22)) == Quarter(2026, 3)
    assert last_ended_quarter(dt.date(2026, 1, 1)) == Quarter(2025, 4)


@pytest.mark.parametrize(
    ("text", "opening", "closing"),
    [
        ("2025-H1", "2025-Q1", "2025-Q2"),
        ("2025-H2", "2025-Q3", "2025-Q4"),
        ("2025", "2025-Q1", "2025-Q4"),
    ],
)
def test_report_periods(text: str, opening: str, closing: str) -> None:
    period = parse_report_period(text)
    assert str(period.opening) == opening and str(period.closing) == closing
    assert str(period) == text


@given(st.integers(min_value=2000, max_value=2100), st.integers(min_value=1, max_value=4))
def test_text_round_trip(year: int, q: int) -> None:
    quarter = Quarter(year, q)
    assert parse_quarter(str(quarter)) == quarter
    assert parse_quarter(quarter.label) == quarter
    assert Quarter.from_index(quarter.index) == quarter
