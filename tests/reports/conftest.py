"""Demo data for report tests: one rendered report per module, storages per test."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from openpyxl.worksheet.worksheet import Worksheet

from kpi.catalogue import Catalogue
from kpi.periods import parse_report_period
from kpi.services.demo import load_demo
from kpi.services.report_output import render_bytes, report_series
from kpi.services.reporting import build_report
from kpi.storage import Storage, open_storage
from reports.chart_images import render_charts
from reports.model import Report

DEMO_TODAY = dt.date(2026, 4, 20)  # demo figures run 2024-Q1 … 2026-Q1, the last ended quarter
MADE_ON = dt.date(2026, 4, 25)
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts" / "reports"


def header_row(sheet: Worksheet) -> int:
    """The row of the data sheet's headings (below the demo line when there is one)."""
    for row in sheet.iter_rows(max_col=1):
        if row[0].value in ("Mã", "Code"):
            return int(row[0].row)
    raise AssertionError("no heading row on the data sheet")


def sheet_records(sheet: Worksheet, keys: list[str]) -> list[dict[str, object]]:
    """The data sheet's rows as dicts keyed like reports.xlsx.DATA_COLUMNS."""
    top = header_row(sheet)
    rows = sheet.iter_rows(min_row=top + 1, values_only=True)
    return [dict(zip(keys, row, strict=True)) for row in rows]


@dataclass(frozen=True)
class Rendered:
    report: Report
    charts: dict[str, bytes]
    xlsx: Path
    pdf: Path


@pytest.fixture
def demo_storage(storage: Storage, catalogue: Catalogue) -> Storage:
    """The engine-parametrised storage holding the demo figures."""
    load_demo(storage, catalogue, today=DEMO_TODAY)
    return storage


@pytest.fixture(scope="module")
def demo_sqlite(
    tmp_path_factory: pytest.TempPathFactory, sqlite_template: Path, catalogue: Catalogue
) -> Iterator[Storage]:
    """One demo database per module, for the tests that render (charts are slow-ish)."""
    path = tmp_path_factory.mktemp("reports") / "kpi.db"
    shutil.copy(sqlite_template, path)
    store = open_storage(f"sqlite:///{path}")
    load_demo(store, catalogue, today=DEMO_TODAY)
    yield store
    store.dispose()


@pytest.fixture(scope="module")
def rendered(
    demo_sqlite: Storage, catalogue: Catalogue, tmp_path_factory: pytest.TempPathFactory
) -> Rendered:
    """The ministry's 2025-H2 report, as XLSX and PDF, charts rendered once."""
    report = build_report(
        demo_sqlite, catalogue, parse_report_period("2025-H2"), lang="vi", made_on=MADE_ON
    )
    charts = render_charts(report, report_series(report, demo_sqlite), catalogue)
    files = render_bytes(report, ("xlsx", "pdf"), charts)
    out = tmp_path_factory.mktemp("rendered")
    xlsx, pdf = out / "report.xlsx", out / "report.pdf"
    xlsx.write_bytes(files["xlsx"])
    pdf.write_bytes(files["pdf"])
    return Rendered(report, charts, xlsx, pdf)
