"""PDF sections after the charts: data quality (the body's last part) and the annex."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kpi.formatting import quarter_label, unit_label
from reports.text import day_text, figure, label, method_lines, method_rules, moment_text

# the status rules: a list under the annex line that announces them, in the tables' size
RULE_INDENT, RULE_SIZE = 6.0, 11.0

if TYPE_CHECKING:
    from reports.pdf import ReportPDF


def _missing_and_late(pdf: ReportPDF) -> None:
    quality, lang = pdf.report.quality, pdf.report.lang
    pdf.subheading(f"1. {label('missing_units', lang)}")
    if quality.missing:
        rows = [
            [unit_label(m.unit_code, m.unit_name), quarter_label(m.period, lang)]
            for m in quality.missing
        ]
        pdf.grid(
            [label("unit_col", lang), label("period_col", lang)], rows, (120, 30), aligns=["L", "C"]
        )
    else:
        pdf.paragraph(label("none.missing_units", lang))
    pdf.subheading(f"2. {label('late', lang)}")
    if quality.late:
        rows = [
            [
                unit_label(m.unit_code, m.unit_name),
                quarter_label(m.period, lang),
                day_text(m.deadline, lang) if m.deadline else "-",
                day_text(m.submitted_on, lang) if m.submitted_on else "-",
            ]
            for m in quality.late
        ]
        headings = [label(k, lang) for k in ("unit_col", "period_col", "deadline", "submitted_at")]
        pdf.grid(headings, rows, (80, 22, 28, pdf.epw - 130), aligns=["L", "C", "C", "C"])
    else:
        pdf.paragraph(label("none.late", lang))


def _revised_and_outliers(pdf: ReportPDF) -> None:
    quality, lang = pdf.report.quality, pdf.report.lang
    pdf.subheading(f"3. {label('revised', lang)}")
    if quality.revised:
        rows = [
            [
                r.indicator_code,
                r.unit_code,
                quarter_label(r.period, lang),
                figure(r.old_value, lang),
                figure(r.new_value, lang),
                r.revised_by,
                moment_text(r.revised_at, lang),
            ]
            for r in quality.revised
        ]
        keys = ("code", "unit_col", "period_col", "old_value", "new_value", "by", "at")
        widths: tuple[float, ...] = (12, 22, 20, 20, 20, 50, pdf.epw - 144)
        pdf.grid(
            [label(k, lang) for k in keys], rows, widths, aligns=["C", "C", "C", "R", "R", "L", "C"]
        )
    else:
        pdf.paragraph(label("none.revised", lang))
    pdf.subheading(f"4. {label('outliers', lang)}")
    if quality.outliers:
        rows = [
            [
                o.indicator_code,
                o.unit_code,
                quarter_label(o.period, lang),
                figure(o.previous, lang),
                figure(o.value, lang),
                o.note,
                f"{o.confirmed_by}\n{moment_text(o.confirmed_at, lang)}",
            ]
            for o in quality.outliers
        ]
        keys = ("code", "unit_col", "period_col", "prev_quarter", "new_value", "note", "by")
        widths = (11, 18, 17, 15, 15, pdf.epw - 128, 52)
        aligns = ["C", "C", "C", "R", "R", "L", "L"]
        pdf.grid([label(k, lang) for k in keys], rows, widths, aligns=aligns)
    else:
        pdf.paragraph(label("none.outliers", lang))


def annex(pdf: ReportPDF) -> None:
    """After the signature, on a page of its own: method, data hash, uploads used."""
    report, lang = pdf.report, pdf.report.lang
    pdf.add_page(orientation="portrait")
    pdf.heading(label("s_annex", lang))
    pdf.subheading(f"1. {label('methodology', lang)}")
    rules = method_rules(lang)
    for line in method_lines(lang):
        if line in rules:  # the status rules: a list under the line that announces them
            pdf.set_x(pdf.l_margin + RULE_INDENT)
            pdf.paragraph(line, size=RULE_SIZE)
        else:
            pdf.paragraph(f"• {line}")
    pdf.subheading(f"2. {label('hash', lang)}")
    pdf.paragraph(f"{report.data_hash}\n{label('hash_note', lang)}")
    pdf.subheading(f"3. {label('uploads', lang)}")
    if report.uploads:
        rows = [
            [
                str(u.upload_id),
                u.file_name,
                u.uploaded_by,
                moment_text(u.uploaded_at, lang),
                str(u.rows_used),
            ]
            for u in report.uploads
        ]
        keys = ("code", "file", "officer", "at", "rows")
        widths = (12, 56, 44, 32, pdf.epw - 144)
        headings = ["#", *[label(k, lang) for k in keys[1:]]]
        pdf.grid(headings, rows, widths, aligns=["C", "L", "L", "C", "R"])
    else:
        pdf.paragraph(label("none.uploads", lang))


def quality(pdf: ReportPDF) -> None:
    pdf.add_page(orientation="portrait")
    pdf.heading(label("s_quality", pdf.report.lang))
    _missing_and_late(pdf)
    _revised_and_outliers(pdf)
