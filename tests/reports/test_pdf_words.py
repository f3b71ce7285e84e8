"""Table cells of the PDF break between words only: fpdf2 cuts a word wider than its
column mid-word ('Cod|e', 'Projecte|d 2030'), so grid() widens such a column first."""

from __future__ import annotations

from io import BytesIO

from pypdf import PdfReader

from kpi.catalogue import Catalogue
from kpi.periods import parse_report_period
from kpi.services.report_output import render_bytes
from kpi.services.reporting import build_report
from kpi.storage import Storage
from reports.pdf import RESULT_KEYS
from reports.text import label
from tests.reports.conftest import MADE_ON
from tests.reports.test_pdf_typography import page_runs


def _words_drawn(demo_sqlite: Storage, catalogue: Catalogue, lang: str) -> set[str]:
    period = parse_report_period("2025-H2")
    report = build_report(demo_sqlite, catalogue, period, lang=lang, made_on=MADE_ON)
    pdf = render_bytes(report, ("pdf",), {})["pdf"]
    runs = [r for page in PdfReader(BytesIO(pdf)).pages for r in page_runs(page)]
    return {word for run in runs for word in run.text.split()}


def test_every_heading_word_of_the_results_table_is_drawn_whole(
    demo_sqlite: Storage, catalogue: Catalogue
) -> None:
    for lang in ("en", "vi"):
        drawn = _words_drawn(demo_sqlite, catalogue, lang)
        wanted = {w for key in (*RESULT_KEYS, "lead_units") for w in label(key, lang).split()}
        assert wanted - drawn == set(), lang  # "Code" drawn, never "Cod" then "e"


def test_the_annex_states_the_method_the_colours_come_from() -> None:
    """Methodology version 2: P (the projection) sets the status, R is shown only."""
    from kpi.progress.method import ACCELERATION_PROGRESS, MIN_POINTS, ON_TRACK_PROGRESS
    from reports.text import method_lines

    for lang, on, acc in (("vi", "0,95", "0,60"), ("en", "0.95", "0.60")):
        method = " ".join(method_lines(lang))
        assert f"P ≥ {on}" in method and f"{acc} ≤ P < {on}" in method
        assert "R ≥" not in method and "R <" not in method
        assert f"{MIN_POINTS}" in method
    assert (ON_TRACK_PROGRESS, ACCELERATION_PROGRESS) == (0.95, 0.60)
