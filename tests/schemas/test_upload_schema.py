"""The upload schema: every check, one lazy pass, Excel rows and Vietnamese messages."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from kpi.catalogue import Catalogue
from kpi.units import Unit, UnitRegistry
from schemas import validate
from schemas.upload import MAX_PROBLEMS

UNITS = UnitRegistry([Unit("BNV", "Bộ Nội vụ", None), Unit("VPB", "Văn phòng Bộ", "BNV")])
TODAY = dt.date(2025, 11, 20)
NAN = float("nan")


def frame(*rows: tuple[object, ...]) -> pd.DataFrame:
    data = pd.DataFrame(
        rows,
        columns=["indicator_code", "unit_code", "period", "value", "numerator", "denominator"],
    )
    data["note"] = ""
    data["source_row"] = range(2, len(data) + 2)
    return data.astype({c: "float64" for c in ("value", "numerator", "denominator")})


def codes(report_rows: list[tuple[int | None, str | None, str]]) -> set[tuple[int | None, str]]:
    return {(row, code) for row, _column, code in report_rows}


def check(catalogue: Catalogue, data: pd.DataFrame) -> list[tuple[int | None, str | None, str]]:
    report = validate(data, catalogue, UNITS, today=TODAY)
    return [(p.row, p.column, p.code) for p in report.problems]


def test_clean_frame_passes(catalogue: Catalogue) -> None:
    report = validate(
        frame(("1.1", "VPB", "2025-Q3", 85.5, NAN, NAN)), catalogue, UNITS, today=TODAY
    )
    assert report.ok and report.problems == []


def test_every_problem_in_one_pass(catalogue: Catalogue) -> None:
    found = check(
        catalogue,
        frame(
            ("9.9", "VPB", "2025-Q3", 50, NAN, NAN),  # row 2
            ("1.1", "XYZ", "2025-Q3", 50, NAN, NAN),  # row 3
            ("1.1", "VPB", "2019-Q4", 50, NAN, NAN),  # row 4
            ("1.1", "VPB", "2026-Q1", 50, NAN, NAN),  # row 5
            ("1.1", "VPB", "Q5/2025", 50, NAN, NAN),  # row 6
            ("1.2", "VPB", "2025-Q3", 120, NAN, NAN),  # row 7
            ("1.3", "VPB", "2025-Q3", NAN, 5, 4),  # row 8
            ("1.4", "VPB", "2025-Q3", 50, 3, 4),  # row 9
            ("1.5", "VPB", "2025-Q3", NAN, NAN, NAN),  # row 10
            ("1.6", "VPB", "2025-Q3", 40, NAN, NAN),  # row 11
            ("1.6", "VPB", "2025-Q3", 41, NAN, NAN),  # row 12
        ),
    )
    assert codes(found) >= {
        (2, "unknown_indicator"),
        (3, "unknown_unit"),
        (4, "period_too_early"),
        (5, "period_not_ended"),
        (6, "malformed_period"),
        (7, "value_out_of_range"),
        (8, "numerator_above_denominator"),
        (9, "value_disagrees"),
        (10, "no_value"),
        (12, "duplicate_row"),
    }
    assert (11, "duplicate_row") not in codes(found)


def test_counts_fill_the_value_and_rounding_is_allowed(catalogue: Catalogue) -> None:
    data = frame(("1.1", "VPB", "2025-Q3", NAN, 3, 8), ("1.2", "VPB", "2025-Q3", 66.67, 2, 3))
    report = validate(data, catalogue, UNITS, today=TODAY)
    assert report.ok, report.problems
    assert report.frame["value"].tolist()[0] == pytest.approx(37.5)


def test_messages_name_row_column_value_in_both_languages(catalogue: Catalogue) -> None:
    report = validate(
        frame(("1.1", "VPB", "2025-Q3", 120, NAN, NAN)), catalogue, UNITS, today=TODAY
    )
    (problem,) = report.problems
    assert (problem.row, problem.column, problem.value) == (2, "value", "120")
    assert problem.column_label("vi") == "Giá trị (%)"
    assert "0" in problem.text("vi") and problem.text("vi") != problem.text("en")


def test_mass_duplicates_are_capped_but_counted(catalogue: Catalogue) -> None:
    rows = [("1.1", "VPB", "2025-Q3", 50.0, NAN, NAN)] * (MAX_PROBLEMS + 500)
    report = validate(frame(*rows), catalogue, UNITS, today=TODAY)
    assert len(report.problems) <= MAX_PROBLEMS
    assert report.total_problems == MAX_PROBLEMS + 499


@pytest.mark.parametrize("missing", [None, NAN, pd.NA, ""])
@pytest.mark.parametrize(
    ("column", "code"),
    [
        ("indicator_code", "missing_indicator"),
        ("unit_code", "missing_unit"),
        ("period", "missing_period"),
    ],
)
def test_a_missing_key_is_a_listed_problem(
    catalogue: Catalogue, missing: object, column: str, code: str
) -> None:
    data = frame(("1.1", "VPB", "2025-Q3", 50, NAN, NAN), ("1.2", "VPB", "2025-Q3", 60, NAN, NAN))
    data[column] = data[column].astype(object)
    data.loc[1, column] = missing
    report = validate(data, catalogue, UNITS, today=TODAY)
    assert not report.ok
    assert [(p.row, p.column, p.code) for p in report.problems] == [(3, column, code)]


def test_a_null_key_names_row_and_column_in_vietnamese(catalogue: Catalogue) -> None:
    data = frame((None, "VPB", "2025-Q3", 50, NAN, NAN))
    (problem,) = validate(data, catalogue, UNITS, today=TODAY).problems
    assert problem.value == ""
    assert problem.text("vi").startswith("Thiếu mã chỉ tiêu")
    assert problem.column_label("vi") and problem.column_label("vi") != problem.column_label("en")
