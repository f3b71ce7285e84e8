"""PDF sections after the charts: data quality (the body's last part) and the annex."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kpi.formatting import day_label, local_moment, quarter_label, unit_label
from reports.text import METHOD_TEXT, figure, label

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
        pdf.paragraph(label("nothing", lang))
    pdf.subheading(f"2. {label('late', lang)}")
    if quality.late:
        rows = [
            [
                unit_label(m.unit_code, m.unit_name),
                quarter_label(m.period, lang),
                day_label(m.deadline, missing="-"),
                day_label(m.submitted_on, missing="-"),
            ]
            for m in quality.late
        ]
        headings = [label(k, lang) for k in ("unit_col", "period_col", "deadline", "submitted_at")]
        pdf.grid(headings, rows, (80, 22, 28, pdf.epw - 130), aligns=["L", "C", "C", "C"])
    else:
        pdf.paragraph(label("nothing", lang))


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
                local_moment(r.revised_at),
            ]
            for r in quality.revised
        ]
        keys = ("code", "unit_col", "period_col", "old_value", "new_value", "by", "at")
        widths: tuple[float, ...] = (12, 22, 20, 20, 20, 50, pdf.epw - 144)
        pdf.grid(
            [label(k, lang) for k in keys], rows, widths, aligns=["C", "C", "C", "R", "R", "L", "C"]
        )
    else:
        pdf.paragraph(label("nothing", lang))
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
                f"{o.confirmed_by}\n{local_moment(o.confirmed_at)}",
            ]
            for o in quality.outliers
        ]
        keys = ("code", "unit_col", "period_col", "prev_quarter", "new_value", "note", "by")
        widths = (11, 18, 17, 15, 15, pdf.epw - 128, 52)
        aligns = ["C", "C", "C", "R", "R", "L", "L"]
        pdf.grid([label(k, lang) for k in keys], rows, widths, aligns=aligns)
    else:
        pdf.paragraph(label("nothing", lang))


def annex(pdf: ReportPDF) -> None:
    """After the signature, on a page of its own: method, data hash, uploads used."""
    report, lang = pdf.report, pdf.report.lang
    pdf.add_page(orientation="portrait")
    pdf.heading(label("s_annex", lang))
    pdf.subheading(f"1. {label('methodology', lang)}")
    for line in METHOD_TEXT[lang]:
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
                local_moment(u.uploaded_at),
                str(u.rows_used),
            ]
            for u in report.uploads
        ]
        keys = ("code", "file", "officer", "at", "rows")
        widths = (12, 56, 44, 32, pdf.epw - 144)
        headings = ["#", *[label(k, lang) for k in keys[1:]]]
        pdf.grid(headings, rows, widths, aligns=["C", "L", "L", "C", "R"])
    else:
        pdf.paragraph(label("nothing", lang))


def quality(pdf: ReportPDF) -> None:
    pdf.add_page(orientation="portrait")
    pdf.heading(label("s_quality", pdf.report.lang))
    _missing_and_late(pdf)
    _revised_and_outliers(pdf)
