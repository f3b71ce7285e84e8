"""The report as an A4 PDF laid out as an administrative report (Nghị định 30/2020/NĐ-CP):
letterhead, "BÁO CÁO" and its subject, summary, results table, charts, data quality, the
recipients and signature block, then the annex.

fpdf2 with KPI Serif embedded (Tinos: the metrics of the Times New Roman the decree asks
for, every Vietnamese letter), so the text stays real, searchable text; sizes and margins
as Phụ lục I sets them (reports.pdf_nd30.SIZE). A report made from demo figures carries
the demo mark at the top of every page.
"""

from __future__ import annotations

import struct
from collections.abc import Callable, Mapping, Sequence
from io import BytesIO

from fpdf import FPDF, FontFace
from fpdf.enums import XPos, YPos

from kpi.formatting import quarter_label, report_period_label
from reports.fonts import SERIF_FAMILY, serif
from reports.model import IndicatorRow, Report
from reports.pdf_images import PreparedImages, preload
from reports.pdf_nd30 import SIZE, demo_banner, letterhead, signature_block, title_block
from reports.pdf_sections import annex, quality
from reports.task_section import write_pdf_section
from reports.text import (
    MOVEMENT_RGB,
    day_text,
    figure,
    known_on_text,
    label,
    report_unit,
    status_mark,
    status_rgb,
    summary_sentence,
)

FONT = SERIF_FAMILY
NAVY = (16, 42, 84)
HEAD_FILL = (222, 230, 242)
ZEBRA = (246, 248, 251)
# Margins of Nghị định 30/2020/NĐ-CP: top 20-25 mm (25: the page number and the demo mark
# sit above the text), bottom 20-25, left 30-35, right 15-20.
MARGINS = {"left": 30.0, "top": 25.0, "right": 15.0, "bottom": 20.0}
PAGE_NUMBER_Y, BANNER_Y = 8.5, 16.0
CELL_PAD = 1.2  # mm left and right of a table cell's text
TABLE_SIZE = 11.0  # tables, notes and chart captions: smaller than the body, same family


class ReportPDF(FPDF):
    """A4 pages numbered at the top centre from the second page (as ND30 asks), a running
    line in the footer, and the demo mark on every page of a report made from demo data."""

    def __init__(self, report: Report) -> None:
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.report = report
        for style, path in serif().items():
            self.add_font(FONT, style, str(path))
        self.set_margins(MARGINS["left"], MARGINS["top"], MARGINS["right"])
        self.set_auto_page_break(True, margin=MARGINS["bottom"])
        self.set_lang(report.lang)
        period = report_period_label(report.period, report.lang)
        self.set_title(f"{label('title', report.lang)} - {report.unit_name} - {period}")
        self.set_author(report.unit_name)
        self.set_subject(label("subtitle", report.lang))
        self.set_creator("KPI Monitor")

    def header(self) -> None:
        if self.page_no() > 1:
            self.set_y(PAGE_NUMBER_Y)
            self.set_font(FONT, "", SIZE["page_number"])
            self.cell(0, 6, str(self.page_no()), align="C")
        if self.report.is_demo:
            demo_banner(self, BANNER_Y)
        self.set_xy(self.l_margin, self.t_margin)

    def footer(self) -> None:
        if self.page_no() == 1:
            return
        lang = self.report.lang
        self.set_y(-14)
        self.set_font(FONT, "", TABLE_SIZE)
        self.set_text_color(90, 90, 90)
        period = report_period_label(self.report.period, lang)
        text = f"{self.report.unit_name} · {label('period', lang)}: {period}"
        self.cell(0, 5, text, align="C")
        self.set_text_color(0, 0, 0)

    # -- small building blocks -------------------------------------------------
    def heading(self, text: str) -> None:
        if self.get_y() > self.h - 45:
            self.add_page(orientation=str(self.cur_orientation.value))
        self.ln(2)
        self.set_font(FONT, "B", SIZE["body"] + 1)
        self.set_text_color(*NAVY)
        self.multi_cell(0, 7.5, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_text_color(0, 0, 0)
        self.ln(1)

    def subheading(self, text: str) -> None:
        if self.get_y() > self.h - 50:  # never alone at the foot of a page, above its table
            self.add_page(orientation=str(self.cur_orientation.value))
        self.set_font(FONT, "B", SIZE["body"])
        self.multi_cell(0, 6.5, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(0.5)

    def paragraph(self, text: str, size: float = SIZE["body"], style: str = "") -> None:
        self.set_font(FONT, style, size)
        self.multi_cell(0, size * 0.48, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(1)

    def _longest_word(self, texts: Sequence[str], style: str, size: float) -> float:
        self.set_font(FONT, style, size)
        return max((self.get_string_width(w) for x in texts for w in x.split()), default=0.0)

    def fit_words(
        self,
        headings: Sequence[str] | None,
        rows: Sequence[Sequence[str]],
        widths: Sequence[float],
        size: float,
        colours: Mapping[tuple[int, int], tuple[int, int, int]],
    ) -> list[float]:
        """Widen a column to its longest word ('Code', 'Projected': fpdf2 breaks a word
        wider than its cell mid-word), taking the room from columns with slack, so a line
        breaks only between words; the font size stays as set."""
        need = []
        for c in range(len(widths)):
            plain = [r[c] for n, r in enumerate(rows) if (n, c) not in colours]
            bold = [r[c] for n, r in enumerate(rows) if (n, c) in colours]
            bold += [headings[c]] if headings is not None else []
            longest = max(self._longest_word(plain, "", size), self._longest_word(bold, "B", size))
            need.append(longest + 2 * CELL_PAD + 0.8)  # the cell's padding, and rounding
        short = sum(max(0.0, n - w) for n, w in zip(need, widths, strict=True))
        slack = sum(max(0.0, w - n) for n, w in zip(need, widths, strict=True))
        if short == 0 or slack < short:
            return list(widths)  # nothing to widen, or no room: keep the given widths
        share = short / slack
        return [n if w < n else w - (w - n) * share for n, w in zip(need, widths, strict=True)]

    def grid(
        self,
        headings: Sequence[str] | None,
        rows: Sequence[Sequence[str]],
        widths: Sequence[float],
        *,
        aligns: Sequence[str] | None = None,
        colours: Mapping[tuple[int, int], tuple[int, int, int]] | None = None,
        size: float = TABLE_SIZE,
    ) -> None:
        """An official-looking table: thin rules, shaded heading repeated on each page;
        columns narrowed in proportion when they are wider than the text block."""
        total = sum(widths)
        if total > self.epw:
            widths = [w * self.epw / total for w in widths]
        widths = self.fit_words(headings, rows, widths, size, colours or {})
        self.set_font(FONT, "", size)
        self.set_draw_color(120, 120, 120)
        self.set_line_width(0.2)
        aligns = aligns or ["L"] * len(widths)
        heading_face = FontFace(emphasis="B", fill_color=HEAD_FILL, color=NAVY)
        with self.table(
            col_widths=tuple(widths),
            width=min(sum(widths), self.epw),  # a float sum may pass the text block by 1e-15
            align="LEFT",
            headings_style=heading_face,
            line_height=size * 0.46,
            padding=(1.0, CELL_PAD),
            text_align="CENTER",
            cell_fill_color=ZEBRA,
            cell_fill_mode="ROWS",
            repeat_headings=1,
            first_row_as_headings=headings is not None,
        ) as table:
            if headings is not None:
                heading_row = table.row()
                for text in headings:
                    heading_row.cell(text, align="CENTER")
            for r, values in enumerate(rows):
                row = table.row()
                for c, text in enumerate(values):
                    colour = (colours or {}).get((r, c))
                    style = FontFace(color=colour, emphasis="B") if colour else None
                    row.cell(text, align=aligns[c], style=style)
        self.ln(2)


# -- sections ------------------------------------------------------------------
def _opening(pdf: ReportPDF) -> None:
    """The first page: letterhead, "BÁO CÁO" and its subject, the report's facts."""
    pdf.add_page()
    letterhead(pdf)
    title_block(pdf)
    _cover_facts(pdf)


def _cover_facts(pdf: ReportPDF) -> None:
    report, lang = pdf.report, pdf.report.lang
    facts = [
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
    pdf.grid(
        None,
        [[k, v] for k, v in facts],
        widths=(38, pdf.epw - 38),  # the 64 hex digits of the hash on one line
        aligns=["L", "L"],
    )


def _summary(pdf: ReportPDF) -> None:
    report, lang = pdf.report, pdf.report.lang
    pdf.heading(label("s_summary", lang))
    counts = {status.value: n for status, n in report.counts}
    pdf.paragraph(summary_sentence(report.as_of, counts, report.moves, lang))
    pdf.subheading(label("count_status", lang))
    rows, colours = [], {}
    for n, (status, count) in enumerate(report.counts):
        rows.append([status_mark(status, lang), str(count)])
        colours[(n, 0)] = status_rgb(status.value)
    rows.append([label("total", lang), str(len(report.rows))])
    pdf.grid(
        [label("status", lang), label("count", lang)],
        rows,
        (70, 30),
        aligns=["L", "C"],
        colours=colours,
    )
    pdf.subheading(label("off_target", lang))
    if report.off_target:
        _off_target_table(pdf, report.off_target)
    else:
        pdf.paragraph(label("none_off_target", lang))
    if report.notices:
        pdf.subheading(label("notices", lang))
        for notice in report.notices:
            pdf.paragraph(f"• {notice}")


def _off_target_table(pdf: ReportPDF, rows: Sequence[IndicatorRow]) -> None:
    lang = pdf.report.lang
    lines, colours = [], {}
    for n, row in enumerate(rows):
        lines.append([row.code, row.name, status_mark(row.status, lang), row.lead_units])
        colours[(n, 2)] = status_rgb(row.status.value)
    headings = [label(k, lang) for k in ("code", "indicator", "status", "lead_units")]
    pdf.grid(
        headings, lines, (12, 68, 34, pdf.epw - 114), aligns=["C", "L", "C", "L"], colours=colours
    )


def results_cells(row: IndicatorRow, lang: str, closing: str) -> list[str]:
    move = label(row.movement, lang) if row.movement else "-"
    end = figure(row.end_value, lang)
    if row.end_period and row.end_period != closing:
        end = f"{end}\n({quarter_label(row.end_period, lang)})"
    return [
        row.code,
        row.short_name,
        figure(row.target, lang, 0),
        figure(row.start_value, lang),
        end,
        figure(row.change, lang, signed=True),
        figure(row.trajectory_value, lang),
        figure(row.gap_pp, lang, signed=True),
        status_mark(row.status, lang),
        figure(row.remaining_pace_pp_per_quarter, lang),
        figure(row.projected_2030, lang),
        move,
    ]


RESULT_KEYS = (
    "code",
    "indicator",
    "target",
    "start_value",
    "end_value",
    "change",
    "trajectory",
    "gap",
    "status",
    "pace_needed",
    "projected",
    "movement",
)
RESULT_WIDTHS = (10, 56, 15, 16, 18, 17, 16, 17, 33, 19, 18, 26)


FIT_SIZES = (TABLE_SIZE, 10.5, 10.0)  # the results table shrinks so its note stays with it


def _results(pdf: ReportPDF) -> None:
    report, lang = pdf.report, pdf.report.lang
    pdf.add_page(orientation="landscape")
    pdf.heading(label("s_table", lang))
    lines, colours = [], {}
    for n, row in enumerate(report.rows):
        lines.append(results_cells(row, lang, str(report.as_of)))
        colours[(n, 8)] = status_rgb(row.status.value)
        if row.movement in MOVEMENT_RGB:
            colours[(n, 11)] = MOVEMENT_RGB[row.movement or ""]
    aligns = ["C", "L", *["R"] * 6, "C", "R", "R", "C"]
    headings = [label(k, lang) for k in RESULT_KEYS]
    note = _table_note(report)

    def draw(size: float) -> None:  # widths narrowed to the text block by grid()
        pdf.grid(headings, lines, RESULT_WIDTHS, aligns=aligns, colours=colours, size=size)

    draw(_note_fitting_size(pdf, draw, note))
    pdf.paragraph(note, size=TABLE_SIZE, style="I")


def _note_fitting_size(pdf: ReportPDF, draw: Callable[[float], None], note: str) -> float:
    """The largest table size that leaves room for the note under the table's last row,
    so no page holds the note alone; the full size if none does."""
    pdf.set_font(FONT, "I", TABLE_SIZE)
    lines = pdf.multi_cell(0, TABLE_SIZE * 0.48, note, dry_run=True, output="HEIGHT")
    height = float(lines) + 1  # type: ignore[arg-type]  # output="HEIGHT" gives a float
    for size in FIT_SIZES:
        with pdf.offset_rendering():
            draw(size)
            fits = pdf.get_y() + height <= pdf.page_break_trigger
        if fits:
            return size
    return TABLE_SIZE


def _table_note(report: Report) -> str:
    lang = report.lang
    start, end = quarter_label(report.start_as_of, lang), quarter_label(report.as_of, lang)
    return label("table_note", lang, start=start, end=end)


def png_aspect(png: bytes) -> float:
    """Height / width from the PNG header (IHDR), without decoding the image."""
    width, height = struct.unpack(">II", png[16:24])
    return height / width if width else 0.45


def _charts(pdf: ReportPDF, charts: Mapping[str, bytes]) -> None:
    report, lang = pdf.report, pdf.report.lang
    pdf.add_page(orientation="portrait")
    pdf.heading(label("s_charts", lang))
    for row in report.rows:
        png = charts.get(row.code)
        if png is None:
            continue
        height = pdf.epw * png_aspect(png)
        if pdf.get_y() + height + 10 > pdf.page_break_trigger:
            pdf.add_page(orientation="portrait")
        # the image carries its title, scope, as-of and source; the line above says the verdict
        pdf.set_font(FONT, "B", TABLE_SIZE + 1)
        pdf.set_text_color(*status_rgb(row.status.value))
        verdict = f"{row.status.icon} {row.code}: {row.reason or status_mark(row.status, lang)}"
        pdf.multi_cell(0, 5.5, verdict, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_text_color(0, 0, 0)
        caption = f"{label('chart_caption', lang)} {row.code}: {row.name}"
        if isinstance(charts, PreparedImages):  # its pixels compressed where it was drawn
            preload(pdf, png, charts.pdf_image(row.code))
        pdf.image(BytesIO(png), x=pdf.l_margin, w=pdf.epw, h=height, alt_text=caption)
        pdf.ln(4)


def write_pdf(report: Report, charts: Mapping[str, bytes]) -> bytes:
    pdf = ReportPDF(report)
    _opening(pdf)
    _summary(pdf)
    _results(pdf)
    if charts:
        _charts(pdf, charts)
    if report.tasks is not None:
        write_pdf_section(pdf, report.tasks)
    quality(pdf)
    signature_block(pdf)
    annex(pdf)
    return bytes(pdf.output())
