"""The blocks of an administrative report under Nghị định 30/2020/NĐ-CP (Phụ lục I):
issuing body and number at top left, national name and motto at top right with the
place and date, the kind of document and its subject, then at the end the recipients
and the signature block. Fields an office fills by hand stay visible as dotted lines.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from fpdf.enums import XPos, YPos

from kpi.formatting import report_period_label
from kpi.text import t
from reports.fonts import SERIF_FAMILY
from reports.text import label

if TYPE_CHECKING:
    from reports.pdf import ReportPDF

FONT = SERIF_FAMILY
# Sizes (pt) of Phụ lục I of the decree, each inside the range it allows.
SIZE = {
    "issuer": 12.0,  # 12-13, upright caps; the issuing unit bold
    "nation": 12.0,  # quốc hiệu 12-13, bold upright caps
    "motto": 13.0,  # tiêu ngữ 13-14, bold
    "number": 13.0,  # "Số: …/BC-…" 13
    "place_date": 13.0,  # 13-14, italic
    "kind": 14.0,  # "BÁO CÁO" 13-14, bold caps
    "subject": 14.0,  # trích yếu 13-14, bold
    "recipients_title": 12.0,  # "Nơi nhận:" 12, bold italic
    "recipients": 11.0,  # the list 11, upright
    "signer": 13.0,  # authority, position and name 13-14, bold
    "sign_hint": 12.0,
    "page_number": 13.0,  # 13-14, top centre, from page 2
    "body": 13.0,  # 13-14
    "banner": 11.0,
}
DOTS = "……"  # a field to fill in by hand
NAME_DOTS = "………………………………"
SIGN_SPACE = 24  # mm left blank for the signature and the seal
DEMO_RED = (164, 0, 29)


def _rule(pdf: ReportPDF, centre: float, width: float) -> None:
    """The short solid line under the issuer's name, the motto and the subject."""
    y = pdf.get_y() + 0.6
    pdf.set_draw_color(0, 0, 0)
    pdf.set_line_width(0.3)
    pdf.line(centre - width / 2, y, centre + width / 2, y)
    pdf.set_y(y + 1.6)


def number_line(unit_code: str, lang: str) -> str:
    """'Số: ……/BC-BNV': the number is given by the records office when it is issued."""
    return t("nd30.number", lang, dots=DOTS, unit=unit_code)


def place_date_line(year: int, lang: str) -> str:
    """'Hà Nội, ngày …… tháng …… năm 2026': the day is the day it is signed."""
    return t("nd30.place_date", lang, dots=DOTS, year=year)


def _issuer(pdf: ReportPDF, width: float) -> float:
    """BỘ NỘI VỤ (and the unit below it, in bold) and a short rule; returns where it ends."""
    report, lang = pdf.report, pdf.report.lang
    ministry = label("ministry", lang)
    if not report.is_root:
        pdf.set_font(FONT, "", SIZE["issuer"])
        pdf.multi_cell(width, 5.5, ministry, align="C", new_x=XPos.LEFT, new_y=YPos.NEXT)
    name = ministry if report.is_root else report.unit_name.upper()
    pdf.set_font(FONT, "B", SIZE["issuer"])
    pdf.multi_cell(width, 5.5, name, align="C", new_x=XPos.LEFT, new_y=YPos.NEXT)
    _rule(pdf, pdf.l_margin + width / 2, min(width / 2.5, pdf.get_string_width(name)))
    return pdf.get_y()


def _nation(pdf: ReportPDF, left: float, width: float) -> float:
    """Quốc hiệu, then tiêu ngữ underlined as long as it is; returns where it ends."""
    lang = pdf.report.lang
    pdf.set_x(left)
    pdf.set_font(FONT, "B", SIZE["nation"])
    nation = label("nation", lang)
    pdf.multi_cell(width, 5.5, nation, align="C", new_x=XPos.LEFT, new_y=YPos.NEXT)
    motto = label("motto", lang)
    pdf.set_font(FONT, "B", SIZE["motto"])
    pdf.multi_cell(width, 6, motto, align="C", new_x=XPos.LEFT, new_y=YPos.NEXT)
    _rule(pdf, left + width / 2, pdf.get_string_width(motto))
    return pdf.get_y()


def letterhead(pdf: ReportPDF) -> None:
    """The two header columns of the first page side by side; the number and the place
    and date on one line under them, as the decree's sample sets them."""
    report, lang = pdf.report, pdf.report.lang
    top, left = pdf.get_y(), pdf.l_margin
    issuer_width = pdf.epw * 0.40
    nation_left, nation_width = left + issuer_width, pdf.epw - issuer_width
    issuer_end = _issuer(pdf, issuer_width)
    pdf.set_y(top)
    line = max(issuer_end, _nation(pdf, nation_left, nation_width)) + 2
    pdf.set_xy(left, line)
    pdf.set_font(FONT, "", SIZE["number"])
    pdf.multi_cell(issuer_width, 6, number_line(report.unit_code, lang), align="C")
    number_end = pdf.get_y()
    pdf.set_xy(nation_left, line)
    pdf.set_font(FONT, "I", SIZE["place_date"])
    pdf.multi_cell(nation_width, 6, place_date_line(report.made_on.year, lang), align="C")
    pdf.set_y(max(number_end, pdf.get_y()) + 8)


def title_block(pdf: ReportPDF) -> None:
    """'BÁO CÁO' and the subject (trích yếu) under it, with its short rule."""
    report, lang = pdf.report, pdf.report.lang
    pdf.set_font(FONT, "B", SIZE["kind"])
    pdf.multi_cell(0, 7, t("nd30.kind", lang), align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    period = report_period_label(report.period, lang)
    subject = t("nd30.subject", lang, period=period)
    pdf.set_font(FONT, "B", SIZE["subject"])
    pdf.multi_cell(0, 6.5, subject, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_y(pdf.get_y() + 1)
    width = min(pdf.get_string_width(subject), pdf.epw) / 3
    _rule(pdf, pdf.l_margin + pdf.epw / 2, width)
    pdf.ln(4)


def recipients(report_is_root: bool, unit_code: str, lang: str) -> list[str]:
    key = "nd30.to_ministry" if report_is_root else "nd30.to_unit"
    return t(key, lang, dots=DOTS, unit=unit_code).split("\n")


def _recipient_column(pdf: ReportPDF, top: float, width: float) -> float:
    report, lang = pdf.report, pdf.report.lang
    pdf.set_xy(pdf.l_margin, top)
    pdf.set_font(FONT, "BI", SIZE["recipients_title"])
    pdf.cell(width, 5.5, t("nd30.recipients", lang), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font(FONT, "", SIZE["recipients"])
    for line in recipients(report.is_root, report.unit_code, lang):
        pdf.multi_cell(width, 4.8, line, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    return pdf.get_y()


def _signer_column(pdf: ReportPDF, top: float, left: float, width: float) -> float:
    report, lang = pdf.report, pdf.report.lang
    pdf.set_xy(left, top)
    pdf.set_font(FONT, "B", SIZE["signer"])
    title = t("nd30.sign_ministry" if report.is_root else "nd30.sign_unit", lang)
    pdf.multi_cell(width, 6, title, align="C", new_x=XPos.LEFT, new_y=YPos.NEXT)
    pdf.set_font(FONT, "I", SIZE["sign_hint"])
    pdf.multi_cell(width, 5.5, t("nd30.sign_hint", lang), align="C", new_x=XPos.LEFT)
    pdf.set_xy(left, pdf.get_y() + SIGN_SPACE)
    pdf.set_font(FONT, "B", SIZE["signer"])
    pdf.multi_cell(width, 6, NAME_DOTS, align="C")
    return pdf.get_y()


def signature_block(pdf: ReportPDF) -> None:
    """Recipients at the bottom left, the signer's title and name at the bottom right."""
    needed = 62
    if pdf.get_y() + needed > pdf.page_break_trigger:
        pdf.add_page(orientation="portrait")
    pdf.ln(6)
    top = pdf.get_y()
    half = pdf.epw / 2
    left_end = _recipient_column(pdf, top, half - 6)
    right_end = _signer_column(pdf, top, pdf.l_margin + half, half)
    pdf.set_xy(pdf.l_margin, max(left_end, right_end) + 4)


def demo_banner(pdf: ReportPDF, y: float) -> None:
    """The demo mark across the top of a page, in a red frame, at height `y` (mm)."""
    text = t("export.demo_mark", pdf.report.lang)
    pdf.set_xy(pdf.l_margin, y)
    pdf.set_draw_color(*DEMO_RED)
    pdf.set_text_color(*DEMO_RED)
    pdf.set_line_width(0.4)
    pdf.set_font(FONT, "B", SIZE["banner"])
    pdf.cell(pdf.epw, 6, text.upper(), border=1, align="C")
    pdf.set_text_color(0, 0, 0)
    pdf.set_draw_color(0, 0, 0)
