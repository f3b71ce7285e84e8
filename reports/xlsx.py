"""The report as an XLSX workbook: summary, data (numbers as numbers), charts, quality, annex.

Every text cell goes through reports.tables.safe_text, so no cell can run as a formula.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from io import BytesIO
from typing import Any

from openpyxl import Workbook
from openpyxl.drawing.image import Image
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from kpi.formatting import quarter_label, report_period_label, utc_moment
from kpi.progress.coverage_text import coverage_text
from kpi.text import t
from reports.model import IndicatorRow, Report
from reports.quality import Quality
from reports.tables import safe_text
from reports.task_section import label as task_label
from reports.task_section import write_sheet as write_task_sheet
from reports.text import (
    METHOD_TEXT,
    known_on_text,
    label,
    status_rgb,
    status_word,
    summary_sentence,
)

BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14, color="102A54")
HEAD_FILL = PatternFill("solid", fgColor="DEE6F2")
THIN = Side(style="thin", color="999999")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
NUMBER_FORMAT = "0.00"

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
    "status",
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


def data_values(row: IndicatorRow, lang: str) -> dict[str, Any]:
    """One data-sheet row, keyed like DATA_COLUMNS; numbers stay numbers."""
    return {
        "indicator_code": row.code,
        "name": row.name,
        "lead_units": row.lead_units,
        "target": row.target,
        "baseline_period": row.baseline_period,
        "baseline_value": row.baseline_value,
        "start_period": row.start_period,
        "start_value": row.start_value,
        "latest_period": row.end_period,
        "latest_value": row.end_value,
        "change": row.change,
        "trajectory_value": row.trajectory_value,
        "gap_pp": row.gap_pp,
        "observed_pace_pp_per_year": row.observed_pace_pp_per_year,
        "required_pace_pp_per_year": row.required_pace_pp_per_year,
        "remaining_pace_pp_per_quarter": row.remaining_pace_pp_per_quarter,
        "next_quarter_needed": row.next_quarter_needed,
        "projected_2030": row.projected_2030,
        "status": row.status.value,
        "status_text": status_word(row.status, lang),
        "reason": row.reason,
        "previous_status": status_word(row.previous_status, lang) if row.previous_status else None,
        "movement": label(row.movement, lang) if row.movement else None,
        "opensdg_status": row.opensdg_status,
        "methods_disagree": row.methods_disagree,
        "stale": row.stale,
        "coverage": coverage_text(
            {
                "units_expected": list(row.units_expected),
                "units_with_counts": list(row.units_with_counts),
                "units_value_only": list(row.units_value_only),
            },
            lang,
        ),
    }


def _put(ws: Worksheet, row: int, col: int, value: Any) -> Any:
    cell = ws.cell(row=row, column=col, value=safe_text(value))  # type: ignore[call-overload]
    if isinstance(value, float):
        cell.number_format = NUMBER_FORMAT
    return cell


def _table(ws: Worksheet, top: int, headings: Sequence[str], rows: Sequence[Sequence[Any]]) -> int:
    """Write a boxed table; returns the next free row."""
    for c, text in enumerate(headings, start=1):
        cell = _put(ws, top, c, text)
        cell.font, cell.fill, cell.border, cell.alignment = BOLD, HEAD_FILL, BOX, WRAP
    for r, values in enumerate(rows, start=top + 1):
        for c, value in enumerate(values, start=1):
            cell = _put(ws, r, c, value)
            cell.border, cell.alignment = BOX, WRAP
    return top + len(rows) + 2


def _summary_sheet(ws: Worksheet, report: Report) -> None:
    lang = report.lang
    ws.title = label("sheet_summary", lang)
    ws["A1"] = label("title", lang)
    ws["A1"].font = TITLE
    ws["A2"] = label("subtitle", lang)
    by_status = {status.value: n for status, n in report.counts}
    ws["A3"] = summary_sentence(report.as_of, by_status, report.moves, lang)
    facts = [
        (label("unit", lang), f"{report.unit_name} ({report.unit_code})"),
        (label("period", lang), f"{report_period_label(report.period, lang)} ({report.period})"),
        (label("as_of", lang), quarter_label(report.as_of, lang)),
        (label("compare", lang), quarter_label(report.start_as_of, lang)),
        (label("made_on", lang), report.made_on.isoformat()),
        (label("known_on", lang), known_on_text(report.known_on, lang)),
        (label("reference", lang), label("reference_text", lang)),
        (label("hash", lang), report.data_hash),
    ]
    for r, (key, value) in enumerate(facts, start=4):
        _put(ws, r, 1, key).font = BOLD
        _put(ws, r, 2, value).alignment = WRAP
    top = 4 + len(facts) + 1
    counts = [[status_word(s, lang), n] for s, n in report.counts]
    counts.append([label("total", lang), len(report.rows)])
    top = _table(ws, top, [label("status", lang), label("count", lang)], counts)
    _put(ws, top, 1, label("off_target", lang)).font = BOLD
    off = [[r.code, r.name, status_word(r.status, lang), r.lead_units] for r in report.off_target]
    heads = [label(k, lang) for k in ("code", "indicator", "status", "lead_units")]
    top = _table(ws, top + 1, heads, off) if off else top + 2
    if report.notices:
        _put(ws, top, 1, label("notices", lang)).font = BOLD
    for notice in report.notices:
        top += 1
        _put(ws, top, 1, notice)
    for col, width in zip("ABCD", (34, 70, 22, 60), strict=True):
        ws.column_dimensions[col].width = width


def _data_sheet(ws: Worksheet, report: Report) -> None:
    lang = report.lang
    headings = [en if lang == "en" else vi for _key, vi, en in DATA_COLUMNS]
    rows = []
    for row in report.rows:
        values = data_values(row, lang)
        rows.append([values[key] for key, _vi, _en in DATA_COLUMNS])
    _table(ws, 1, headings, rows)
    status_col = [k for k, _, _ in DATA_COLUMNS].index("status_text") + 1
    for r, row in enumerate(report.rows, start=2):
        colour = "{:02X}{:02X}{:02X}".format(*status_rgb(row.status.value))
        ws.cell(row=r, column=status_col).font = Font(bold=True, color=colour)
    ws.freeze_panes = "C2"
    for c in range(1, len(DATA_COLUMNS) + 1):
        ws.column_dimensions[get_column_letter(c)].width = 14
    ws.column_dimensions["B"].width = 50
    ws.column_dimensions["C"].width = 40


def _charts_sheet(ws: Worksheet, report: Report, charts: Mapping[str, bytes]) -> None:
    top = 1
    for row in report.rows:
        png = charts.get(row.code)
        if png is None:
            continue
        _put(
            ws, top, 1, f"{row.code}: {row.name} ({status_word(row.status, report.lang)})"
        ).font = BOLD
        image = Image(BytesIO(png))
        scale = 640 / image.width if image.width else 1.0
        image.width, image.height = int(image.width * scale), int(image.height * scale)
        ws.add_image(image, f"A{top + 1}")
        top += 2 + int(image.height / 20) + 1


Section = tuple[str, list[str], list[list[Any]]]


def _heads(keys: Sequence[str], lang: str) -> list[str]:
    return [label(k, lang) for k in keys]


def _submission_sections(q: Quality, lang: str) -> list[Section]:
    missing = [[f"{m.unit_name} ({m.unit_code})", m.period] for m in q.missing]
    late = [
        [
            f"{m.unit_name} ({m.unit_code})",
            m.period,
            m.deadline.isoformat() if m.deadline else None,
            m.submitted_on.isoformat() if m.submitted_on else None,
        ]
        for m in q.late
    ]
    return [
        (label("missing_units", lang), _heads(("unit_col", "period_col"), lang), missing),
        (
            label("late", lang),
            _heads(("unit_col", "period_col", "deadline", "submitted_at"), lang),
            late,
        ),
    ]


def _change_sections(q: Quality, lang: str) -> list[Section]:
    revised: list[list[Any]] = [
        [
            r.indicator_code,
            r.unit_code,
            r.period,
            r.old_value,
            r.new_value,
            r.revised_by,
            utc_moment(r.revised_at),
        ]
        for r in q.revised
    ]
    outliers = [
        [
            o.indicator_code,
            o.unit_code,
            o.period,
            o.previous,
            o.value,
            o.note,
            o.confirmed_by,
            utc_moment(o.confirmed_at),
        ]
        for o in q.outliers
    ]
    keys = ("code", "unit_col", "period_col")
    return [
        (
            label("revised", lang),
            _heads((*keys, "old_value", "new_value", "by", "at"), lang),
            revised,
        ),
        (
            label("outliers", lang),
            _heads((*keys, "prev_quarter", "new_value", "note", "by", "at"), lang),
            outliers,
        ),
    ]


def _quality_sheet(ws: Worksheet, report: Report) -> None:
    lang, q = report.lang, report.quality
    top = 1
    for title, heads, rows in [*_submission_sections(q, lang), *_change_sections(q, lang)]:
        _put(ws, top, 1, title).font = BOLD
        if rows:
            top = _table(ws, top + 1, heads, rows)
        else:
            _put(ws, top + 1, 1, label("nothing", lang))
            top += 3
    for c, width in enumerate((34, 14, 14, 16, 40, 30, 20), start=1):
        ws.column_dimensions[get_column_letter(c)].width = width


def _annex_sheet(ws: Worksheet, report: Report) -> None:
    lang = report.lang
    _put(ws, 1, 1, label("methodology", lang)).font = BOLD
    for r, line in enumerate(METHOD_TEXT[lang], start=2):
        _put(ws, r, 1, line)
    top = len(METHOD_TEXT[lang]) + 3
    _put(ws, top, 1, label("uploads", lang)).font = BOLD
    heads = ["#", *[label(k, lang) for k in ("file", "officer", "at", "rows")]]
    rows = [
        [u.upload_id, u.file_name, u.uploaded_by, utc_moment(u.uploaded_at), u.rows_used]
        for u in report.uploads
    ]
    _table(ws, top + 1, heads, rows)
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
        write_task_sheet(tasks_sheet, report.tasks, report.lang)
    _annex_sheet(workbook.create_sheet(label("sheet_annex", report.lang)), report)
    workbook.properties.title = f"{label('title', report.lang)} {report.period}"
    workbook.properties.creator = "KPI Monitor"
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
