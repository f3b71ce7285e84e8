"""The report as an XLSX workbook: summary, data (numbers as numbers), charts, quality, annex.

Cells hold the words people read: statuses and movements in words, quarters as
"Quý 4/2025", days as "25/01/2026", numbers with their unit in the number format.
Only typed text (file names, e-mail addresses, notes, imported unit names) is guarded
against running as a formula (reports.xlsx_cells). A workbook made from demo figures
says so on every sheet.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from io import BytesIO
from typing import Any

from openpyxl import Workbook
from openpyxl.drawing.image import Image
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from kpi.formatting import quarter_label, report_period_label, unit_label
from kpi.progress.coverage_text import coverage_text
from kpi.progress.status import opensdg_word
from kpi.text import t
from reports.model import IndicatorRow, Report
from reports.quality import Quality
from reports.task_section import label as task_label
from reports.task_section import write_sheet as write_task_sheet
from reports.text import (
    day_text,
    known_on_text,
    label,
    method_lines,
    moment_text,
    report_unit,
    status_rgb,
    status_word,
)
from reports.xlsx_cells import (
    BOLD,
    WRAP,
    demo_line,
    percent_format,
    points_format,
    put,
    table,
    yes_no,
)
from reports.xlsx_heading import heading_rows, signature_rows
from reports.xlsx_print import set_up_printing

DATA_KEYS = (
    "indicator_code",
    "name",
    "lead_units",
    "target",
    "baseline_period",
    "baseline_value",
    "start_period",
    "start_value",
    "latest_period",
    "latest_value",
    "change",
    "trajectory_value",
    "gap_pp",
    "observed_pace_pp_per_year",
    "required_pace_pp_per_year",
    "remaining_pace_pp_per_quarter",
    "next_quarter_needed",
    "projected_2030",
    "status_text",
    "reason",
    "previous_status",
    "movement",
    "opensdg_status",
    "methods_disagree",
    "stale",
    "coverage",
)
# (key, Vietnamese heading, English heading); the headings are the catalogue's report.col.*
DATA_COLUMNS: tuple[tuple[str, str, str], ...] = tuple(
    (key, t(f"report.col.{key}", "vi"), t(f"report.col.{key}", "en")) for key in DATA_KEYS
)
PERCENT_KEYS = frozenset(
    {
        "baseline_value",
        "start_value",
        "latest_value",
        "trajectory_value",
        "next_quarter_needed",
        "projected_2030",
    }
)
POINT_KEYS = frozenset({"change", "gap_pp", "remaining_pace_pp_per_quarter"})
PACE_KEYS = frozenset({"observed_pace_pp_per_year", "required_pace_pp_per_year"})
WIDE = {"name": 50, "lead_units": 40, "reason": 60, "coverage": 26, "status_text": 20}
NARROW = {"indicator_code": 7, "target": 11}


def data_values(row: IndicatorRow, lang: str) -> dict[str, Any]:
    """One data-sheet row, keyed like DATA_COLUMNS; numbers stay numbers, the rest is words."""
    coverage = {
        "units_expected": list(row.units_expected),
        "units_with_counts": list(row.units_with_counts),
        "units_value_only": list(row.units_value_only),
    }
    previous = status_word(row.previous_status, lang) if row.previous_status else None
    return {
        "indicator_code": row.code,
        "name": row.name,
        "lead_units": row.lead_units,
        "target": row.target,
        "baseline_period": _quarter(row.baseline_period, lang),
        "baseline_value": row.baseline_value,
        "start_period": _quarter(row.start_period, lang),
        "start_value": row.start_value,
        "latest_period": _quarter(row.end_period, lang),
        "latest_value": row.end_value,
        "change": row.change,
        "trajectory_value": row.trajectory_value,
        "gap_pp": row.gap_pp,
        "observed_pace_pp_per_year": row.observed_pace_pp_per_year,
        "required_pace_pp_per_year": row.required_pace_pp_per_year,
        "remaining_pace_pp_per_quarter": row.remaining_pace_pp_per_quarter,
        "next_quarter_needed": row.next_quarter_needed,
        "projected_2030": row.projected_2030,
        "status_text": status_word(row.status, lang),
        "reason": row.reason,
        "previous_status": previous,
        "movement": label(row.movement, lang) if row.movement else None,
        "opensdg_status": opensdg_word(row.opensdg_status, lang) if row.opensdg_status else None,
        "methods_disagree": yes_no(row.methods_disagree, lang),
        "stale": yes_no(row.stale, lang),
        "coverage": coverage_text(coverage, lang),
    }


def _quarter(period: str | None, lang: str) -> str | None:
    return quarter_label(period, lang) if period else None


def _data_format(key: str, lang: str) -> str | None:
    if key == "target":
        return percent_format(0)
    if key in PERCENT_KEYS:
        return percent_format()
    if key in POINT_KEYS:
        return points_format(lang)
    if key in PACE_KEYS:
        return points_format(lang, per_year=True)
    return None


def _facts(report: Report) -> list[tuple[str, str]]:
    lang = report.lang
    return [
        (
            label("unit", lang),
            report_unit(report.unit_code, report.unit_name, report.is_root, lang),
        ),
        (label("period", lang), report_period_label(report.period, lang)),
        (label("as_of", lang), quarter_label(report.as_of, lang)),
        (label("compare", lang), quarter_label(report.start_as_of, lang)),
        (label("made_on", lang), day_text(report.made_on, lang)),
        (label("known_on", lang), known_on_text(report.known_on, lang)),
        (label("reference", lang), label("reference_text", lang)),
        (label("hash", lang), report.data_hash),
    ]


def _summary_sheet(ws: Worksheet, report: Report) -> None:
    lang = report.lang
    ws.title = label("sheet_summary", lang)
    top = heading_rows(ws, report, demo_line(ws, report.is_demo, lang))
    for r, (key, value) in enumerate(_facts(report), start=top):
        put(ws, r, 1, key).font = BOLD
        put(ws, r, 2, value, user=r == top).alignment = WRAP  # the unit's name is imported
    top += len(_facts(report)) + 1
    counts = [[status_word(s, lang), n] for s, n in report.counts]
    counts.append([label("total", lang), len(report.rows)])
    top = table(ws, top, [label("status", lang), label("count", lang)], counts)
    put(ws, top, 1, label("off_target", lang)).font = BOLD
    off = [[r.code, r.name, status_word(r.status, lang), r.lead_units] for r in report.off_target]
    heads = [label(k, lang) for k in ("code", "indicator", "status", "lead_units")]
    top = table(ws, top + 1, heads, off) if off else top + 2
    if report.notices:
        put(ws, top, 1, label("notices", lang)).font = BOLD
    for notice in report.notices:
        top += 1
        put(ws, top, 1, notice, user=True)  # a notice may name imported units
    signature_rows(ws, report, top + 2)
    for col, width in zip("ABCD", (34, 70, 22, 60), strict=True):
        ws.column_dimensions[col].width = width


def _data_sheet(ws: Worksheet, report: Report) -> None:
    lang = report.lang
    top = demo_line(ws, report.is_demo, lang)
    headings = [en if lang == "en" else vi for _key, vi, en in DATA_COLUMNS]
    rows = [[data_values(row, lang)[key] for key in DATA_KEYS] for row in report.rows]
    formats = [_data_format(key, lang) for key in DATA_KEYS]
    table(ws, top, headings, rows, formats=formats)
    status_col = DATA_KEYS.index("status_text") + 1
    for r, row in enumerate(report.rows, start=top + 1):
        colour = "{:02X}{:02X}{:02X}".format(*status_rgb(row.status.value))
        ws.cell(row=r, column=status_col).font = Font(bold=True, color=colour)
    ws.freeze_panes = f"C{top + 1}"
    for c, key in enumerate(DATA_KEYS, start=1):
        ws.column_dimensions[get_column_letter(c)].width = WIDE.get(key, NARROW.get(key, 15))


def _charts_sheet(ws: Worksheet, report: Report, charts: Mapping[str, bytes]) -> None:
    top = demo_line(ws, report.is_demo, report.lang)
    for row in report.rows:
        png = charts.get(row.code)
        if png is None:
            continue
        put(
            ws, top, 1, f"{row.code}: {row.name} ({status_word(row.status, report.lang)})"
        ).font = BOLD
        image = Image(BytesIO(png))
        scale = 640 / image.width if image.width else 1.0
        image.width, image.height = int(image.width * scale), int(image.height * scale)
        ws.add_image(image, f"A{top + 1}")
        top += 2 + int(image.height / 20) + 1


Section = tuple[str, list[str], list[list[Any]], set[int], list[str | None]]


def _heads(keys: Sequence[str], lang: str) -> list[str]:
    return [label(k, lang) for k in keys]


def _submission_sections(q: Quality, lang: str) -> list[Section]:
    missing = [
        [unit_label(m.unit_code, m.unit_name), quarter_label(m.period, lang)] for m in q.missing
    ]
    late = [
        [
            unit_label(m.unit_code, m.unit_name),
            quarter_label(m.period, lang),
            day_text(m.deadline, lang) if m.deadline else None,
            day_text(m.submitted_on, lang) if m.submitted_on else None,
        ]
        for m in q.late
    ]
    heads = _heads(("unit_col", "period_col", "deadline", "submitted_at"), lang)
    return [
        (label("missing_units", lang), heads[:2], missing, {0}, []),
        (label("late", lang), heads, late, {0}, []),
    ]


def _change_sections(q: Quality, lang: str) -> list[Section]:
    revised: list[list[Any]] = [
        [
            r.indicator_code,
            r.unit_code,
            quarter_label(r.period, lang),
            r.old_value,
            r.new_value,
            r.revised_by,
            moment_text(r.revised_at, lang),
        ]
        for r in q.revised
    ]
    outliers = [
        [
            o.indicator_code,
            o.unit_code,
            quarter_label(o.period, lang),
            o.previous,
            o.value,
            o.note,
            o.confirmed_by,
            moment_text(o.confirmed_at, lang),
        ]
        for o in q.outliers
    ]
    keys = ("code", "unit_col", "period_col")
    shown = [None, None, None, percent_format(), percent_format()]
    return [
        (
            label("revised", lang),
            _heads((*keys, "old_value", "new_value", "by", "at"), lang),
            revised,
            {1, 5},
            shown,
        ),
        (
            label("outliers", lang),
            _heads((*keys, "prev_quarter", "new_value", "note", "by", "at"), lang),
            outliers,
            {1, 5, 6},
            shown,
        ),
    ]


def _quality_sheet(ws: Worksheet, report: Report) -> None:
    lang, q = report.lang, report.quality
    top = demo_line(ws, report.is_demo, lang)
    sections = [*_submission_sections(q, lang), *_change_sections(q, lang)]
    empty = ("missing_units", "late", "revised", "outliers")  # the sections' order
    for (title, heads, rows, user, formats), key in zip(sections, empty, strict=True):
        put(ws, top, 1, title).font = BOLD
        if rows:
            top = table(ws, top + 1, heads, rows, user=user, formats=formats)
        else:
            put(ws, top + 1, 1, label(f"none.{key}", lang))
            top += 3
    for c, width in enumerate((34, 14, 14, 16, 40, 30, 20), start=1):
        ws.column_dimensions[get_column_letter(c)].width = width


def _annex_sheet(ws: Worksheet, report: Report) -> None:
    lang = report.lang
    top = demo_line(ws, report.is_demo, lang)
    put(ws, top, 1, label("methodology", lang)).font = BOLD
    method = method_lines(lang)
    for r, line in enumerate(method, start=top + 1):
        put(ws, r, 1, line)
    top += len(method) + 2
    put(ws, top, 1, label("uploads", lang)).font = BOLD
    heads = ["#", *[label(k, lang) for k in ("file", "officer", "at", "rows")]]
    rows = [
        [u.upload_id, u.file_name, u.uploaded_by, moment_text(u.uploaded_at, lang), u.rows_used]
        for u in report.uploads
    ]
    table(ws, top + 1, heads, rows, user={1, 2})
    for c, width in enumerate((8, 44, 34, 20, 10), start=1):
        ws.column_dimensions[get_column_letter(c)].width = width


def write_xlsx(report: Report, charts: Mapping[str, bytes]) -> bytes:
    workbook = Workbook()
    _summary_sheet(workbook.active, report)  # type: ignore[arg-type]
    _data_sheet(workbook.create_sheet(label("sheet_data", report.lang)), report)
    if charts:
        _charts_sheet(workbook.create_sheet(label("sheet_charts", report.lang)), report, charts)
    _quality_sheet(workbook.create_sheet(label("sheet_quality", report.lang)), report)
    if report.tasks is not None:
        tasks_sheet = workbook.create_sheet(task_label("sheet_tasks", report.lang))
        write_task_sheet(tasks_sheet, report.tasks, report.lang, report.is_demo)
    _annex_sheet(workbook.create_sheet(label("sheet_annex", report.lang)), report)
    set_up_printing(workbook, report.lang)
    period = report_period_label(report.period, report.lang)
    workbook.properties.title = f"{label('title', report.lang)} {period}"
    workbook.properties.creator = "KPI Monitor"
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
