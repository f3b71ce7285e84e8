"""The PDF's typography against Nghị định 30/2020/NĐ-CP, Phụ lục I: one serif family,
the size and face of each block, the margins, the page numbers, no missing glyph.

Every run of text is read back from the file (pypdf) with its face, size and place.
"""

from __future__ import annotations

import logging
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from pypdf import PageObject, PdfReader

from kpi.catalogue import Catalogue
from kpi.periods import parse_report_period
from kpi.services.report_output import render_bytes
from kpi.services.reporting import build_report
from kpi.storage import Storage
from reports.fonts import SERIF_FILES, serif
from tests.reports.conftest import MADE_ON, Rendered

MM = 72 / 25.4  # points in a millimetre
FACES = {"KPISerif": "", "KPISerifBold": "B", "KPISerifItalic": "I", "KPISerifBoldItalic": "BI"}
# The decree's margins (mm): top and bottom 20-25, left 30-35, right 15-20.
LEFT, RIGHT, TOP, BOTTOM = (30, 35), (15, 20), (20, 25), (20, 25)


@dataclass(frozen=True)
class Run:
    text: str
    face: str  # fpdf2's style: "", "B", "I", "BI"
    size: float
    x: float  # mm from the left edge
    top: float  # mm from the top edge to the baseline
    page_width: float  # mm


def _face(font: object) -> str:
    name = str(font.get("/BaseFont", "")) if isinstance(font, dict) else ""
    return FACES.get(name.split("+")[-1].lstrip("/"), f"other:{name}")


def page_runs(page: PageObject) -> list[Run]:
    """A page's runs of text, in the order they are drawn."""
    width, height = float(page.mediabox.width), float(page.mediabox.height)
    runs: list[Run] = []

    def visit(text: str, _cm: list, tm: list, font: object, size: float) -> None:
        text = unicodedata.normalize("NFC", text).strip()
        if text:
            x, y = float(tm[4]), float(tm[5])
            runs.append(Run(text, _face(font), size, x / MM, (height - y) / MM, width / MM))

    page.extract_text(visitor_text=visit)
    return runs


def pages_of(pdf: Path) -> list[list[Run]]:
    return [page_runs(page) for page in PdfReader(pdf).pages]


def run_of(runs: list[Run], text: str) -> Run:
    return next(r for r in runs if r.text == text)


@cache
def _widths(style: str) -> tuple[dict[int, str], dict[str, tuple[int, int]]]:
    font = TTFont(serif()[style])
    return font.getBestCmap(), dict(font["hmtx"].metrics)


def width_mm(run: Run) -> float:
    cmap, hmtx = _widths(run.face)
    return sum(hmtx[cmap[ord(c)]][0] for c in run.text) / 2048 * run.size / MM


@pytest.fixture(scope="module")
def root_pages(rendered: Rendered) -> list[list[Run]]:
    return pages_of(rendered.pdf)


@pytest.fixture(scope="module")
def unit_pages(
    demo_sqlite: Storage, catalogue: Catalogue, tmp_path_factory: pytest.TempPathFactory
) -> list[list[Run]]:
    period = parse_report_period("2025-H2")
    report = build_report(demo_sqlite, catalogue, period, "VPB", lang="vi", made_on=MADE_ON)
    pdf = tmp_path_factory.mktemp("unit") / "r.pdf"
    pdf.write_bytes(render_bytes(report, ("pdf",), {})["pdf"])
    return pages_of(pdf)


def test_the_pdf_embeds_only_the_serif_family(rendered: Rendered) -> None:
    fonts: set[str] = set()
    for page in PdfReader(rendered.pdf).pages:
        resources = page["/Resources"].get_object()
        for font in resources.get("/Font", {}).values():
            fonts.add(str(font.get_object()["/BaseFont"]).split("+")[-1])
    assert fonts == set(FACES), fonts  # all four faces, nothing else
    assert set(SERIF_FILES) == set(FACES.values())


def test_every_run_is_serif_and_no_smaller_than_11pt(root_pages: list[list[Run]]) -> None:
    runs = [r for page in root_pages for r in page]
    assert {r.face for r in runs} == {"", "B", "I", "BI"}
    assert min(r.size for r in runs) >= 11  # tables and captions 11-12, the rest 12-14
    assert max(r.size for r in runs) <= 14


def test_letterhead_title_and_body_sizes(root_pages: list[list[Run]]) -> None:
    first = root_pages[0]
    expected = {  # text: (face, lowest size, highest size) as Phụ lục I sets them
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM": ("B", 12, 13),
        "Độc lập - Tự do - Hạnh phúc": ("B", 13, 14),
        "BỘ NỘI VỤ": ("B", 12, 13),
        "Số: ……/BC-BNV": ("", 13, 13),
        "Hà Nội, ngày …… tháng …… năm 2026": ("I", 13, 14),
        "BÁO CÁO": ("B", 13, 14),
        "Kết quả thực hiện các chỉ tiêu chuyển đổi số 6 tháng cuối năm 2025": ("B", 13, 14),
    }
    for text, (face, low, high) in expected.items():
        run = run_of(first, text)
        assert (run.face, low <= run.size <= high) == (face, True), (text, run)
    number = run_of(first, "Số: ……/BC-BNV")
    place = run_of(first, "Hà Nội, ngày …… tháng …… năm 2026")
    assert number.top == pytest.approx(place.top, abs=0.3)  # one line under the two columns
    assert number.x < 105 < place.x
    body = next(r for r in first if r.text.startswith("Tính đến Quý 4/2025"))
    assert body.face == "" and 13 <= body.size <= 14
    heading = run_of(first, "I. TÓM TẮT")
    assert heading.face == "B" and 13 <= heading.size <= 14


def test_a_unit_report_names_the_ministry_upright_and_the_unit_bold(
    unit_pages: list[list[Run]],
) -> None:
    first = unit_pages[0]
    ministry, unit = run_of(first, "BỘ NỘI VỤ"), run_of(first, "VĂN PHÒNG BỘ")
    assert (ministry.face, unit.face) == ("", "B")
    assert 12 <= ministry.size <= 13 and 12 <= unit.size <= 13
    assert ministry.top < unit.top  # the parent body above the issuing unit
    signer = next(r for page in unit_pages for r in page if r.text == "THỦ TRƯỞNG ĐƠN VỊ")
    assert signer.face == "B" and 13 <= signer.size <= 14


def test_recipients_and_signature_block(root_pages: list[list[Run]]) -> None:
    page = next(p for p in root_pages if any(r.text == "Nơi nhận:" for r in p))
    title = run_of(page, "Nơi nhận:")
    assert (title.face, title.size) == ("BI", 12)
    listed = [r for r in page if r.text.startswith("- ")]
    assert len(listed) >= 4 and {(r.face, r.size) for r in listed} == {("", 11)}
    for text in ("KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "………………………………"):  # the name is filled in
        run = run_of(page, text)
        assert run.face == "B" and 13 <= run.size <= 14, run
        assert run.x > 105  # the right half of the text block
    assert run_of(page, "KT. BỘ TRƯỞNG").top == pytest.approx(title.top, abs=1.5)


def _is_page_number(run: Run) -> bool:
    return run.text.isdigit() and run.top < TOP[1]


def test_page_numbers_from_page_two_at_the_top_centre(root_pages: list[list[Run]]) -> None:
    assert not [r for r in root_pages[0] if _is_page_number(r)]
    for number, page in enumerate(root_pages[1:], start=2):
        run = page[0]  # the header is drawn first
        assert run.text == str(number) and _is_page_number(run), (number, run)
        assert run.face == "" and 13 <= run.size <= 14
        block_centre = (LEFT[0] + run.page_width - RIGHT[0]) / 2
        assert run.x + width_mm(run) / 2 == pytest.approx(block_centre, abs=1.0)


RUNNING_LINE = "Bộ Nội vụ · Kỳ báo cáo: 6 tháng cuối năm 2025"


def test_text_keeps_inside_the_margins(root_pages: list[list[Run]]) -> None:
    """The text block within the margins; above it only the page number and the demo mark,
    below it only the running line."""
    for number, page in enumerate(root_pages, start=1):
        height = 297 if page[0].page_width < 250 else 210  # A4 portrait or landscape
        marks = [r for r in page if _is_page_number(r) or "MINH HỌA" in r.text]
        assert marks and all(r.top < TOP[1] for r in marks), number
        footer = [r for r in page if r.text == RUNNING_LINE]
        assert len(footer) == (number > 1) and all(r.top > height - BOTTOM[0] for r in footer)
        inside = [r for r in page if r not in marks and r not in footer]
        assert LEFT[0] <= min(r.x for r in inside) <= LEFT[0] + 2, number
        for run in inside:
            assert run.page_width - (run.x + width_mm(run)) >= RIGHT[0] - 0.2, (number, run)
            assert run.top - 0.66 * run.size / MM >= TOP[0], (number, run)  # capitals' top
            assert run.top <= height - BOTTOM[0], (number, run)


def test_rendering_misses_no_glyph(
    demo_sqlite: Storage, catalogue: Catalogue, caplog: pytest.LogCaptureFixture
) -> None:
    period = parse_report_period("2025-H2")
    caplog.set_level(logging.WARNING, logger="fpdf")
    for unit, lang in ((None, "vi"), ("VPB", "vi"), (None, "en"), ("VPB", "en")):
        report = build_report(demo_sqlite, catalogue, period, unit, lang=lang, made_on=MADE_ON)
        assert render_bytes(report, ("pdf",), {})["pdf"].startswith(b"%PDF")
    missing = [r.getMessage() for r in caplog.records if "missing" in r.getMessage()]
    assert not missing, missing
