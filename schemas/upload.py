"""The upload schema, built at runtime from the catalogue, the unit registry and today.

Validation always runs lazily, so one pass finds every problem; pandera's failure
table becomes the officer's error list (row as in Excel, column, value, message).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
import pandera.pandas as pa

from kpi.canonical import KEY, ROW_COLUMN
from kpi.catalogue import Catalogue
from kpi.codes import factorize
from kpi.periods import EARLIEST_PERIOD, last_ended_quarter
from kpi.problems import Problem
from kpi.units import UnitRegistry

PERIOD_PATTERN = r"^\d{4}-Q[1-4]$"
AGREEMENT_PP = 0.05
MAX_PROBLEMS = 5000
# dataframe-level checks name the column the officer should look at
CHECK_COLUMNS = {
    "numerator_above_denominator": "numerator",
    "value_disagrees": "value",
    "no_value": "value",
    "counts_incomplete": "denominator",
    "duplicate_row": "indicator_code",
}


@dataclass
class ValidationReport:
    frame: pd.DataFrame
    problems: list[Problem] = field(default_factory=list)
    total_problems: int = 0

    @property
    def ok(self) -> bool:
        return self.total_problems == 0


TextTest = Callable[[pd.Series], pd.Series]


def _per_text(test: TextTest) -> TextTest:
    """A check on the cells' text (a missing cell is ""), run once per distinct cell:
    a file repeats its codes, units and quarters on every row."""

    def check(series: pd.Series) -> pd.Series:
        codes, uniques = factorize(series)  # a missing cell is -1: the last text, ""
        texts = pd.Series([*(str(u) for u in uniques), ""], dtype=object)
        passed = test(texts).to_numpy(dtype=bool)
        return pd.Series(passed[codes], index=series.index)

    return check


def _required_text(missing: str, unknown: str, known: Iterable[str]) -> list[pa.Check]:
    allowed = set(known)
    return [
        # pandera passes nulls by default (ignore_na): a None key must fail here
        pa.Check(_per_text(lambda t: t != ""), error=missing, ignore_na=False),
        pa.Check(_per_text(lambda t: (t == "") | t.isin(allowed)), error=unknown),
    ]


def _period_checks(today: dt.date) -> list[pa.Check]:
    latest = str(last_ended_quarter(today))  # a running or future quarter is refused
    earliest = str(EARLIEST_PERIOD)

    def well_formed(t: pd.Series) -> pd.Series:
        return t.str.match(PERIOD_PATTERN).astype(bool)

    return [
        pa.Check(_per_text(lambda t: t != ""), error="missing_period", ignore_na=False),
        pa.Check(_per_text(lambda t: (t == "") | well_formed(t)), error="malformed_period"),
        pa.Check(_per_text(lambda t: ~well_formed(t) | (t >= earliest)), error="period_too_early"),
        pa.Check(_per_text(lambda t: ~well_formed(t) | (t <= latest)), error="period_not_ended"),
    ]


def _row_checks() -> list[pa.Check]:
    def num_le_den(d: pd.DataFrame) -> pd.Series:
        return (
            d["numerator"].isna() | d["denominator"].isna() | (d["numerator"] <= d["denominator"])
        )

    def agrees(d: pd.DataFrame) -> pd.Series:
        computed = 100 * d["numerator"] / d["denominator"].where(d["denominator"] > 0)
        return (
            computed.isna()
            | d["value"].isna()
            | ((d["value"] - computed).abs() <= AGREEMENT_PP + 1e-9)
        )

    def has_figure(d: pd.DataFrame) -> pd.Series:
        counts = d["numerator"].notna() | d["denominator"].notna()
        return d["value"].notna() | counts | d["parse_failed"]

    def first_of_key(d: pd.DataFrame) -> pd.Series:
        # on each key column's codes (kept from the text checks), not on the strings
        codes = pd.DataFrame({c: factorize(d[c])[0] for c in KEY}, index=d.index)
        return ~codes.duplicated(keep="first")

    def counts_together(d: pd.DataFrame) -> pd.Series:
        given = d["numerator"].notna().astype(int) + d["denominator"].notna().astype(int)
        return (given != 1) | d["parse_failed"]

    return [
        pa.Check(counts_together, error="counts_incomplete"),
        pa.Check(num_le_den, error="numerator_above_denominator"),
        pa.Check(agrees, error="value_disagrees"),
        pa.Check(has_figure, error="no_value"),
        pa.Check(first_of_key, error="duplicate_row"),
    ]


def build_schema(catalogue: Catalogue, units: UnitRegistry, today: dt.date) -> pa.DataFrameSchema:
    def count(error: str) -> pa.Check:
        return pa.Check(lambda s: s.isna() | (s >= 0), error=error)

    return pa.DataFrameSchema(
        {
            "indicator_code": pa.Column(
                nullable=True,
                checks=_required_text("missing_indicator", "unknown_indicator", catalogue.codes),
            ),
            "unit_code": pa.Column(
                nullable=True,
                checks=_required_text("missing_unit", "unknown_unit", (u.code for u in units)),
            ),
            "period": pa.Column(nullable=True, checks=_period_checks(today)),
            "value": pa.Column(
                float,
                nullable=True,
                checks=pa.Check(lambda s: s.isna() | s.between(0, 100), error="value_out_of_range"),
            ),
            "numerator": pa.Column(float, nullable=True, checks=count("negative_count")),
            "denominator": pa.Column(
                float,
                nullable=True,
                checks=[
                    count("negative_count"),
                    pa.Check(lambda s: s.isna() | (s != 0), error="zero_denominator"),
                ],
            ),
        },
        checks=_row_checks(),
    )


def fill_values_from_counts(frame: pd.DataFrame) -> pd.DataFrame:
    """Where only counts are given (and they make sense), the value is computed from them."""
    out = frame.copy(deep=False)  # copy on write: the caller's frame is never changed
    usable = (
        out["value"].isna()
        & (out["denominator"] > 0)
        & (out["numerator"] >= 0)
        & (out["numerator"] <= out["denominator"])
    )
    out.loc[usable, "value"] = (100 * out["numerator"] / out["denominator"])[usable].round(6)
    return out


def _params(code: str, frame: pd.DataFrame, index: int, first_rows: pd.Series) -> dict[str, object]:
    row = frame.loc[index]
    if code == "numerator_above_denominator":
        return {"denominator": _fmt(row["denominator"])}
    if code == "value_disagrees":
        return {"computed": _fmt(100 * row["numerator"] / row["denominator"])}
    if code == "duplicate_row":
        return {"other": int(str(first_rows.at[index]))}
    return {}


def _fmt(value: Any) -> str:
    if value is None or pd.isna(value):
        return ""
    return f"{float(value):g}"


def _is_null(cell: Any) -> bool:
    return cell is None or (pd.api.types.is_scalar(cell) and bool(pd.isna(cell)))


def to_problems(failures: pd.DataFrame, frame: pd.DataFrame) -> list[Problem]:
    """One problem per (row, check): dataframe checks report every column, keep one."""
    failures = failures.dropna(subset=["index"]).drop_duplicates(["index", "check"])
    problems = []
    # the Excel row of each key's first occurrence, computed once (not per duplicate)
    first_rows = frame.groupby(KEY, dropna=False, sort=False)[ROW_COLUMN].transform("first")
    for item in failures.head(MAX_PROBLEMS).to_dict("records"):
        code = str(item["check"])
        index = int(str(item["index"]).split(".")[0])
        column = CHECK_COLUMNS.get(code) or str(item["column"])
        raw = frame.at[index, column] if column in frame.columns else item["failure_case"]
        value = _fmt(raw) if isinstance(raw, float) else ("" if _is_null(raw) else str(raw))
        problems.append(
            Problem(
                code,
                int(str(frame.at[index, ROW_COLUMN])),
                column,
                value,
                _params(code, frame, index, first_rows),
            )
        )
    return problems


def validate(
    frame: pd.DataFrame,
    catalogue: Catalogue,
    units: UnitRegistry,
    *,
    today: dt.date | None = None,
    prior: list[Problem] | None = None,
) -> ValidationReport:
    """Check every row at once. `prior` carries problems found while reading the file."""
    problems = list(prior or [])
    data = fill_values_from_counts(frame.reset_index(drop=True))
    if "parse_failed" not in data:
        data["parse_failed"] = False
    schema = build_schema(catalogue, units, today or dt.date.today())
    total = len(problems)
    try:
        schema.validate(data, lazy=True)
    except pa.errors.SchemaErrors as exc:
        found = to_problems(exc.failure_cases, data)
        unique = exc.failure_cases.dropna(subset=["index"]).drop_duplicates(["index", "check"])
        total += len(unique)
        problems.extend(found)
    problems.sort(key=lambda p: (p.row or 0, p.column or ""))
    return ValidationReport(data.drop(columns="parse_failed"), problems, total)
