"""The tasks part of the 6-month and year-end reports: completed, overdue, difficulties, scores."""

from __future__ import annotations

import datetime as dt
from io import BytesIO

from openpyxl import load_workbook
from pypdf import PdfReader

from kpi.access import LOCAL_ADMIN, Role, Viewer
from kpi.catalogue import Catalogue
from kpi.periods import parse_report_period
from kpi.services import task_signoffs as signoffs
from kpi.services import tasks as service
from kpi.services.reporting import build_report
from kpi.services.users import add_user
from kpi.storage import Storage
from reports.pdf import write_pdf
from reports.xlsx import write_xlsx
from tests.kpi.services.helpers import rising, upload

MADE_ON = dt.date(2026, 12, 1)


def _report_done(storage: Storage) -> None:
    vpc = add_user(storage, "vpc@bnv.gov.vn", Role.OFFICER, ["VPC"], actor=LOCAL_ADMIN)
    service.report_progress(
        storage,
        vpc,
        "II.15",
        state="in_progress",
        percent=50,
        issues="Đề nghị bổ sung kinh phí rà soát",
        today=dt.date(2026, 8, 3),
    )
    service.report_progress(
        storage, vpc, "II.15", state="done", evidence="QĐ 15/QĐ-BNV", today=dt.date(2026, 11, 20)
    )


def test_the_2026_h2_report_lists_the_task_done_the_overdue_and_the_proposals(
    storage: Storage, catalogue: Catalogue
) -> None:
    _report_done(storage)
    upload(storage, catalogue, rising("1.1", "VPB", 40, 2))  # figures up to 2026-Q3
    report = build_report(storage, catalogue, parse_report_period("2026-H2"), made_on=MADE_ON)
    section = report.tasks
    assert section is not None and section.day == MADE_ON
    assert [row[0] for row in section.completed] == ["II.15"]
    assert section.completed[0][4] == dt.date(2026, 11, 20)
    overdue = {row[0]: row for row in section.overdue}
    assert "II.15" not in overdue and overdue["II.2"][2] == "Vụ Cải cách hành chính"
    assert [(c, u, x) for c, u, x, _ in section.issues] == [
        ("II.15", "VPC", "Đề nghị bổ sung kinh phí rà soát")
    ]
    assert section.score_half == "6 tháng cuối năm 2026"
    vpc = next(r for r in section.scores if r["unit_code"] == "VPC")
    assert vpc["done_late"] == 1

    first_half = build_report(storage, catalogue, parse_report_period("2026-H1"), made_on=MADE_ON)
    assert first_half.tasks is not None and first_half.tasks.completed == ()
    assert first_half.tasks.score_half is None and first_half.tasks.day == dt.date(2026, 6, 30)

    unit = build_report(storage, catalogue, parse_report_period("2026"), "VPC", made_on=MADE_ON)
    assert unit.tasks is not None
    assert {row[0] for row in unit.tasks.overdue} == {"II.14", "II.16"}  # VPC still open
    assert [r["unit_code"] for r in unit.tasks.scores] == ["VPC"]


def test_the_section_is_written_in_the_xlsx_and_the_pdf(
    storage: Storage, catalogue: Catalogue
) -> None:
    _report_done(storage)
    report = build_report(
        storage, catalogue, parse_report_period("2026-H2"), lang="en", made_on=MADE_ON
    )
    book = load_workbook(BytesIO(write_xlsx(report, {})))
    cells = [str(c.value) for row in book["Tasks"].iter_rows() for c in row if c.value]
    assert "Results on the plan's tasks (Annex II, III)" in cells
    assert "Đề nghị bổ sung kinh phí rà soát" in cells and "II.15" in cells
    assert any(c.startswith("Overdue tasks") for c in cells)
    # The plan's own words in English; a unit's own report text stays as written.
    assert any(c.startswith("Draft and issue a scheme") for c in cells)
    assert "Department of Administrative Reform" in cells
    assert not any(c.startswith(("Xây dựng", "Luật Tổ chức")) for c in cells)
    text = "\n".join(
        page.extract_text() for page in PdfReader(BytesIO(write_pdf(report, {}))).pages
    )
    assert "Results on the plan's tasks" in text and "Difficulties and proposals" in text


def test_the_section_says_how_many_of_the_periods_reports_are_not_signed_off(
    storage: Storage, catalogue: Catalogue
) -> None:
    _report_done(storage)
    upload(storage, catalogue, rising("1.1", "VPB", 40, 2))  # VPB reports figures, leads no task
    period = parse_report_period("2026-H2")
    section = build_report(storage, catalogue, period, made_on=MADE_ON).tasks
    assert section is not None and (section.reports, section.unsigned) == (2, 2)
    admin = Viewer(LOCAL_ADMIN, Role.ADMIN)
    signoffs.approve(storage, admin, "VPC", "2026-H2")
    report = build_report(storage, catalogue, period, made_on=MADE_ON)
    assert report.tasks is not None and (report.tasks.reports, report.tasks.unsigned) == (2, 0)
    other = build_report(storage, catalogue, period, "VPB", made_on=MADE_ON).tasks
    assert other is not None and (other.reports, other.unsigned) == (0, 0)  # VPB leads none

    signoffs.unapprove(storage, admin, "VPC", "2026-H2", "Bổ sung minh chứng")
    report = build_report(storage, catalogue, period, lang="vi", made_on=MADE_ON)
    book = load_workbook(BytesIO(write_xlsx(report, {})))
    line = "2 trong 2 báo cáo tiến độ của kỳ chưa được thủ trưởng đơn vị duyệt"
    assert str(book["Nhiệm vụ"]["A3"].value).startswith(line)  # no demo line: real figures
    text = " ".join(page.extract_text() for page in PdfReader(BytesIO(write_pdf(report, {}))).pages)
    assert "chưa được thủ trưởng đơn vị duyệt" in " ".join(text.split())
