"""The tasks part of the 6-month and year-end reports (§III.2): plain data and its rendering.

Tasks completed in the period, overdue tasks with their lead units, the
difficulties and proposals reported, and (year-end and second half) the unit
completion scores. Built by kpi.services; renderers never open storage.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

    from reports.pdf import ReportPDF

LABELS: dict[str, tuple[str, str]] = {
    "s_tasks": (
        "Kết quả thực hiện nhiệm vụ (Phụ lục II, III)",
        "Results on the plan's tasks (Annex II, III)",
    ),
    "sheet_tasks": ("Nhiệm vụ", "Tasks"),
    "tasks_summary": (
        "{total} nhiệm vụ và cơ sở dữ liệu; {done} đã hoàn thành, {completed} hoàn thành "
        "trong kỳ; {overdue} quá hạn tại {day}.",
        "{total} tasks and databases; {done} done, {completed} completed in the period; "
        "{overdue} overdue on {day}.",
    ),
    "completed": ("Nhiệm vụ hoàn thành trong kỳ", "Tasks completed in the period"),
    "overdue": ("Nhiệm vụ quá hạn và đơn vị chủ trì", "Overdue tasks and their lead units"),
    "issues": ("Khó khăn, vướng mắc và đề xuất", "Difficulties and proposals"),
    "scores": ("Mức độ hoàn thành nhiệm vụ của đơn vị ({half})", "Unit completion scores ({half})"),
    "scores_status": (
        "Bảng điểm đã công bố, phiên bản {version}.",
        "Published scorecard, version {version}.",
    ),
    "scores_provisional": ("Bảng điểm tạm tính, chưa công bố.", "Provisional scorecard."),
    "signoff": (
        "{unsigned} trong {reports} báo cáo tiến độ của kỳ chưa được thủ trưởng đơn vị duyệt "
        "(vẫn được tính, ghi “chưa duyệt”).",
        "{unsigned} of the period's {reports} progress reports are not signed off by the unit "
        "head (they still count, marked “not approved”).",
    ),
    "code": ("Mã", "Code"),
    "name": ("Tên nhiệm vụ", "Task"),
    "lead": ("Đơn vị chủ trì", "Lead units"),
    "deadline": ("Thời gian hoàn thành", "Completion time"),
    "done_on": ("Ngày hoàn thành", "Done on"),
    "state": ("Trạng thái", "State"),
    "percent": ("Tỷ lệ (%)", "Percent"),
    "unit": ("Đơn vị", "Unit"),
    "text": ("Nội dung", "Text"),
    "date": ("Ngày", "Date"),
    "score": ("Điểm", "Score"),
    "on_time": ("Đúng hạn", "On time"),
    "late": ("Trễ hạn", "Late"),
    "overdue_n": ("Quá hạn", "Overdue"),
    "none": ("Không có.", "None."),
}


def label(key: str, lang: str, **values: object) -> str:
    vi, en = LABELS[key]
    return (en if lang == "en" else vi).format(**values)


@dataclass(frozen=True)
class TaskReportSection:
    day: dt.date  # the day the overdue list is judged on: the period's end or the report date
    counts: dict[str, int]
    completed: tuple[tuple[str, str, str, str, dt.date], ...]  # code, name, lead, time, done on
    overdue: tuple[tuple[str, str, str, str, str, int], ...]  # code, name, lead, time, state, %
    issues: tuple[tuple[str, str, str, dt.date], ...]  # code, unit, text, date
    score_half: str | None = None
    score_status: str = ""
    scores: tuple[dict[str, Any], ...] = ()
    reports: int = 0  # progress reports dated in the period
    unsigned: int = 0  # of which their unit head has not signed off


def _tables(section: TaskReportSection, lang: str) -> list[tuple[str, list[str], list[list[Any]]]]:
    """(title, headings, rows) for each part, in order."""
    fmt = "%d/%m/%Y"
    parts: list[tuple[str, list[str], list[list[Any]]]] = [
        (
            label("completed", lang),
            [label(k, lang) for k in ("code", "name", "lead", "deadline", "done_on")],
            [[c, n, lead, time, d.strftime(fmt)] for c, n, lead, time, d in section.completed],
        ),
        (
            label("overdue", lang),
            [label(k, lang) for k in ("code", "name", "lead", "deadline", "state", "percent")],
            [list(row) for row in section.overdue],
        ),
        (
            label("issues", lang),
            [label(k, lang) for k in ("code", "unit", "text", "date")],
            [[c, u, x, d.strftime(fmt)] for c, u, x, d in section.issues],
        ),
    ]
    if section.score_half:
        keys = ("unit", "score", "on_time", "late", "overdue_n")
        parts.append(
            (
                label("scores", lang, half=section.score_half),
                [label(k, lang) for k in keys],
                [
                    [r["unit_code"], r["score"], r["done_on_time"], r["done_late"], r["overdue"]]
                    for r in section.scores
                ],
            )
        )
    return parts


def summary(section: TaskReportSection, lang: str) -> str:
    c = section.counts
    return label(
        "tasks_summary",
        lang,
        total=c["total"],
        done=c["done"],
        completed=c["completed_in_period"],
        overdue=c["overdue"],
        day=section.day.strftime("%d/%m/%Y"),
    )


def signoff_line(section: TaskReportSection, lang: str) -> str:
    return label("signoff", lang, unsigned=section.unsigned, reports=section.reports)


def write_sheet(ws: Worksheet, section: TaskReportSection, lang: str) -> None:
    from reports.xlsx import BOLD, TITLE, _table

    ws["A1"] = label("s_tasks", lang)
    ws["A1"].font = TITLE
    ws["A2"] = summary(section, lang)
    ws["A3"] = signoff_line(section, lang)
    top = 4
    for title, headings, rows in _tables(section, lang):
        ws.cell(row=top, column=1, value=title).font = BOLD
        top = _table(ws, top + 1, headings, rows or [[label("none", lang)]])
    if section.score_half:
        ws.cell(row=top, column=1, value=section.score_status)
    for col, width in zip("ABCDEF", (10, 70, 30, 18, 16, 10), strict=True):
        ws.column_dimensions[col].width = width


def write_pdf_section(pdf: ReportPDF, section: TaskReportSection) -> None:
    lang = pdf.report.lang
    pdf.add_page(orientation="portrait")
    pdf.heading(label("s_tasks", lang))
    pdf.paragraph(summary(section, lang))
    pdf.paragraph(signoff_line(section, lang))
    # per part: completed, overdue, issues, scores; 0 takes the rest of the line
    widths = ((18, 78, 40, 22, 0), (16, 70, 36, 22, 24, 0), (18, 26, 0, 22), (50, 30, 30, 30, 0))
    for number, (title, headings, rows) in enumerate(_tables(section, lang), start=1):
        pdf.subheading(f"{number}. {title}")
        if not rows:
            pdf.paragraph(label("none", lang))
            continue
        base = widths[number - 1]
        sized = [w or pdf.epw - sum(base) for w in base]
        cells = [["" if v is None else str(v) for v in row] for row in rows]
        pdf.grid(headings, cells, sized)
    if section.score_half:
        pdf.paragraph(section.score_status, size=8.5)
