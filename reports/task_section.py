"""The tasks part of the 6-month and year-end reports (§III.2): plain data and its rendering.

Tasks completed in the period, overdue tasks with their lead units, the
difficulties and proposals reported, and (year-end and second half) the unit
completion scores. Built by kpi.services; renderers never open storage.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kpi.text import t
from reports.text import day_text

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

    from reports.pdf import ReportPDF


def label(key: str, lang: str, /, **values: object) -> str:
    return t(f"report_tasks.{key}", lang, **values)


# what each part says when it has no row, in the parts' order
EMPTY = ("completed", "overdue", "issues", "scores")


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
    parts: list[tuple[str, list[str], list[list[Any]]]] = [
        (
            label("completed", lang),
            [label(k, lang) for k in ("code", "name", "lead", "deadline", "done_on")],
            [[c, n, lead, time, day_text(d, lang)] for c, n, lead, time, d in section.completed],
        ),
        (
            label("overdue", lang),
            [label(k, lang) for k in ("code", "name", "lead", "deadline", "state", "percent")],
            [list(row) for row in section.overdue],
        ),
        (
            label("issues", lang),
            [label(k, lang) for k in ("code", "unit", "text", "date")],
            [[c, u, x, day_text(d, lang)] for c, u, x, d in section.issues],
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
        day=day_text(section.day, lang),
    )


def signoff_line(section: TaskReportSection, lang: str) -> str:
    if section.reports == 0:  # not "0 of the period's 0 progress reports"
        return label("no_reports", lang)
    return label("signoff", lang, unsigned=section.unsigned, reports=section.reports)


def write_sheet(ws: Worksheet, section: TaskReportSection, lang: str, demo: bool = False) -> None:
    from reports.xlsx_cells import BOLD, TITLE, demo_line, put, table

    top = demo_line(ws, demo, lang)
    put(ws, top, 1, label("s_tasks", lang)).font = TITLE
    put(ws, top + 1, 1, summary(section, lang))
    put(ws, top + 2, 1, signoff_line(section, lang))
    top += 3
    for number, (title, headings, rows) in enumerate(_tables(section, lang), start=1):
        put(ws, top, 1, title).font = BOLD
        typed = {1, 2} if number == 3 else set()  # the difficulties are typed by units
        empty = [[label(f"none.{EMPTY[number - 1]}", lang)]]
        top = table(ws, top + 1, headings, rows or empty, user=typed)
    if section.score_half:
        put(ws, top, 1, section.score_status)
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
            pdf.paragraph(label(f"none.{EMPTY[number - 1]}", lang))
            continue
        base = widths[number - 1]
        sized = [w or max(pdf.epw - sum(base), 24) for w in base]  # grid() narrows to fit
        cells = [["" if v is None else str(v) for v in row] for row in rows]
        pdf.grid(headings, cells, sized)
    if section.score_half:
        pdf.paragraph(section.score_status)
