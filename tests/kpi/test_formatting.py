"""The one formatting module: numbers, percents, points, quarters, periods and dates."""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pandas as pd
import pytest
from babel.numbers import format_decimal
from hypothesis import given
from hypothesis import strategies as st

from kpi import formatting as f
from kpi.periods import Quarter, ReportPeriod

NAN = float("nan")


@pytest.mark.parametrize(
    ("value", "lang", "options", "text"),
    [
        (0, "vi", {}, "0,0"),
        (0.0, "en", {}, "0.0"),
        (-3.25, "vi", {}, "-3,2"),  # half to even
        (-3.35, "vi", {}, "-3,4"),  # on the shortest decimal form, as Babel
        (-0.04, "vi", {}, "0,0"),  # no negative zero: what rounds to zero reads zero
        (-0.04, "en", {"signed": True}, "0.0"),
        (0.04, "vi", {"signed": True}, "0,0"),
        (-0.05, "vi", {}, "0,0"),  # half to even rounds it to zero
        (-0.051, "vi", {}, "-0,1"),
        (-0.0, "vi", {}, "0,0"),
        (1234567.891, "vi", {}, "1.234.567,9"),
        (1234567.891, "en", {}, "1,234,567.9"),
        (1234567.891, "vi", {"digits": 2}, "1.234.567,89"),
        (1234567.891, "vi", {"grouping": False}, "1234567,9"),
        (0.25, "vi", {}, "0,2"),
        (0.35, "vi", {}, "0,4"),
        (2.675, "en", {"digits": 2}, "2.68"),
        (85.5, "vi", {"digits": 0}, "86"),
        (84.5, "vi", {"digits": 0}, "84"),
        (7, "vi", {}, "7,0"),
        (np.float64(85.55), "vi", {}, "85,6"),
        (46.0, "vi", {"trim": True}, "46"),
        (46.7, "vi", {"trim": True}, "46,7"),
        (2.0, "vi", {"signed": True}, "+2,0"),
        (0.0, "vi", {"signed": True}, "0,0"),
        (-2.0, "vi", {"signed": True}, "-2,0"),
        (None, "vi", {}, "—"),
        (NAN, "en", {}, "—"),
        ("abc", "vi", {}, "—"),
        (None, "vi", {"missing": "-"}, "-"),
        (math.inf, "vi", {}, "—"),
    ],
)
def test_number(value: object, lang: str, options: dict[str, object], text: str) -> None:
    assert f.number(value, lang, **options) == text  # type: ignore[arg-type]


def babel(value: float, pattern: str) -> str:
    """Babel's Vietnamese form, but for its negative zero ('-0,0'): ours reads '0,0'."""
    text = format_decimal(value, pattern, locale="vi")
    return text.removeprefix("-") if set(text) <= set("-0,.") else text


@pytest.mark.parametrize("pattern", ["#,##0", "#,##0.0", "#,##0.00"])
@given(value=st.floats(-1e9, 1e9, allow_nan=False) | st.integers(-(10**9), 10**9))
def test_vietnamese_numbers_are_babels(pattern: str, value: float) -> None:
    digits = len(pattern.partition(".")[2])
    assert f.number(value, "vi", digits) == babel(value, pattern)


@given(value=st.decimals(-10000, 10000, places=3).map(float))
def test_trimmed_numbers_are_babels(value: float) -> None:
    assert f.number(value, "vi", 1, trim=True) == babel(value, "#,##0.#")


@pytest.mark.parametrize(
    ("call", "text"),
    [
        (lambda: f.percent(85.5), "85,5%"),
        (lambda: f.percent(85.5, "en", 0), "86%"),
        (lambda: f.percent(None), "—"),
        (lambda: f.percent(None, missing="-"), "-"),
        (lambda: f.signed(2.5), "+2,5"),
        (lambda: f.signed(-2.5, "en"), "-2.5"),
        (lambda: f.signed(None), "—"),
        (lambda: f.points(2.5), "+2,5 điểm %"),
        (lambda: f.points(-1.25, "en", 2), "-1.25 pp"),
        (lambda: f.points(None), "—"),
    ],
)
def test_percent_signed_points(call: object, text: str) -> None:
    assert call() == text  # type: ignore[operator]


@pytest.mark.parametrize(
    ("period", "vi", "en"),
    [
        ("2025-Q3", "Quý 3/2025", "Q3 2025"),
        (Quarter(2026, 1), "Quý 1/2026", "Q1 2026"),
        (Quarter(2024, 4).index, "Quý 4/2024", "Q4 2024"),
        ("2025", "2025", "2025"),  # not a quarter: as it is
    ],
)
def test_one_quarter_form_per_language(period: object, vi: str, en: str) -> None:
    assert f.quarter_label(period) == f.quarter_label(period, "vi") == vi  # type: ignore[arg-type]
    assert f.quarter_label(period, "en") == en  # type: ignore[arg-type]


def test_missing_quarters() -> None:
    assert f.quarter_label(None) == f.quarter_label("") == "—"
    assert f.quarter_label(None, "en", missing="-") == "-"
    # an empty cell of a pandas 3 text column is NaN; never 'nan' in a table
    for empty in (math.nan, np.nan, pd.NA, pd.NaT):
        assert f.quarter_label(empty) == "—", empty


@pytest.mark.parametrize(
    ("period", "vi", "en"),
    [
        (ReportPeriod(2025, 1), "6 tháng đầu năm 2025", "H1 2025"),
        (ReportPeriod(2025, 2), "6 tháng cuối năm 2025", "H2 2025"),
        (ReportPeriod(2025, None), "năm 2025", "year 2025"),
    ],
)
def test_report_periods(period: ReportPeriod, vi: str, en: str) -> None:
    assert f.report_period_label(period, "vi") == vi
    assert f.report_period_label(period, "en") == en


def test_half_years() -> None:
    assert f.half_year_label(2026, 1) == "6 tháng đầu năm 2026"
    assert f.half_year_label(2026, 2, "en") == "H2 2026"


def test_dates() -> None:
    day = dt.date(2026, 1, 5)
    assert f.day_label(day) == "05/01/2026"
    assert f.day_label(None, missing="-") == "-"
    assert f.long_date(day) == "ngày 05 tháng 01 năm 2026"
    assert f.long_date(day, "en") == "05 January 2026"


def test_moments_in_vietnam_and_in_utc() -> None:
    utc = dt.datetime(2026, 11, 30, 20, 5, tzinfo=dt.UTC)
    assert f.local_moment(utc) == "01/12/2026 03:05"  # UTC+7
    assert f.local_moment(utc.replace(tzinfo=None)) == "01/12/2026 03:05"  # naive is UTC
    assert f.local_moment(None) == "—"
    plus7 = utc.astimezone(f.LOCAL_ZONE)
    assert f.utc_moment(plus7) == "2026-11-30 20:05"
    assert f.utc_moment(utc.replace(tzinfo=None)) == "2026-11-30 20:05"
    assert f.utc_moment(None) == ""


def test_local_day() -> None:
    assert f.local_day(dt.datetime(2026, 11, 30, 18, 0, tzinfo=dt.UTC)) == "01/12/2026"
    assert f.local_day(None) == "—"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_half_year_has_one_form_per_language(lang: str) -> None:
    for half in (1, 2):
        assert f.report_period_label(ReportPeriod(2026, half), lang) == f.half_year_label(
            2026, half, lang
        )
    assert f.half_year_label(2026, 2, "en") == "H2 2026"


@pytest.mark.parametrize(
    ("code", "name", "shown"),
    [
        ("VPB", "Văn phòng Bộ", "VPB · Văn phòng Bộ"),
        ("CNCC", " Cục Người có công ", "CNCC · Cục Người có công"),
        ("X1", None, "X1"),  # no name known: the code alone, never 'X1 · None'
        ("X1", "", "X1"),
        ("X1", "X1", "X1"),  # a unit named by its code is not named twice
    ],
)
def test_one_unit_form_in_lists_and_tables(code: str, name: str | None, shown: str) -> None:
    assert f.unit_label(code, name) == shown


@pytest.mark.parametrize(
    ("unit", "lang", "shown"),
    [
        (None, "vi", "Toàn Bộ Nội vụ"),
        (None, "en", "Whole Ministry of Home Affairs"),
        ("", "vi", "Toàn Bộ Nội vụ"),
        ("VPB · Văn phòng Bộ", "en", "VPB · Văn phòng Bộ"),
    ],
)
def test_the_whole_ministry_is_named_one_way(unit: str | None, lang: str, shown: str) -> None:
    assert f.scope_label(unit, lang) == shown
