"""Chart images kept beside the database: the same figures draw nothing again, new
figures (a new data version) draw anew; workers in other processes draw the same bytes."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from kpi.catalogue import Catalogue
from kpi.periods import parse_report_period
from kpi.services.demo import load_demo
from kpi.services.report_output import chart_cache, report_series
from kpi.services.reporting import build_report
from kpi.storage import Storage
from kpi.storage.repository import data_version
from reports.chart_cache import ChartCache, cache_beside
from reports.chart_images import render_charts, report_specs, spec_to_png, stream_charts
from reports.chart_workers import WARM_UP, ChartWorkers
from reports.model import Report
from reports.pdf import write_pdf
from tests.reports.conftest import DEMO_TODAY, MADE_ON
from tests.reports.test_build import _upload

pytestmark = pytest.mark.xdist_group("reports-render")
H2 = parse_report_period("2025-H2")


class Counting:
    """Counts the charts actually drawn (the workers' interface)."""

    def __init__(self) -> None:
        self.drawn = 0

    def draw(self, specs: Sequence[str]) -> Iterator[bytes]:
        self.drawn += len(specs)
        return iter([spec_to_png(spec) for spec in specs])


@pytest.fixture
def demo_file(sqlite_storage: Storage, catalogue: Catalogue) -> Storage:
    load_demo(sqlite_storage, catalogue, today=DEMO_TODAY)
    return sqlite_storage


def test_the_cache_lives_beside_a_database_file(tmp_path: Path) -> None:
    assert cache_beside(str(tmp_path / "kpi.db")) == tmp_path / "kpi.db.charts"
    assert cache_beside(":memory:") is None and cache_beside(None) is None


def test_a_second_report_draws_nothing_and_new_figures_draw_anew(
    demo_file: Storage, catalogue: Catalogue
) -> None:
    cache = chart_cache(demo_file)
    assert cache is not None
    report = build_report(demo_file, catalogue, H2, made_on=MADE_ON)
    series = report_series(report, demo_file)
    first, again = Counting(), Counting()
    drawn = render_charts(report, series, catalogue, workers=first, cache=cache)
    kept = render_charts(report, series, catalogue, workers=again, cache=cache)
    assert first.drawn == len(drawn) == 16 and again.drawn == 0
    assert kept == drawn == render_charts(report, series, catalogue)  # the same bytes
    assert len(list(cache.folder.glob("*.png"))) == 16

    version = data_version(demo_file)
    _upload(demo_file, [("1.1", "VPB", "2025-Q4", 99.5)], "so-lieu-moi.csv")
    assert data_version(demo_file) != version
    newer = build_report(demo_file, catalogue, H2, made_on=MADE_ON)
    after = Counting()
    redrawn = render_charts(
        newer,
        report_series(newer, demo_file),
        catalogue,
        workers=after,
        cache=cache,
    )
    assert after.drawn >= 1  # the changed indicator's chart, from its new figures
    assert redrawn["1.1"] != drawn["1.1"]
    assert redrawn["1.1"] == spec_to_png(
        report_specs(newer, report_series(newer, demo_file), catalogue)["1.1"]
    )


def test_every_thing_drawn_is_in_the_key(tmp_path: Path) -> None:
    cache = ChartCache(tmp_path, "drawer 1")
    cache.put('{"a": 1}', "png", b"one")
    assert cache.get('{"a": 1}', "png") == b"one"
    assert cache.get('{"a": 2}', "png") is None  # other data
    assert cache.get('{"a": 1}', "svg") is None  # other format
    assert ChartCache(tmp_path, "drawer 2").get('{"a": 1}', "png") is None  # other renderer


def test_the_oldest_images_go_first(tmp_path: Path) -> None:
    cache = ChartCache(tmp_path, "d")
    for n in range(5):
        cache.put(f"spec {n}", "png", b"x")
        os.utime(cache.folder / f"{cache.key(f'spec {n}', 'png')}.png", (n, n))
    cache.prune(keep=2)
    assert [cache.get(f"spec {n}", "png") for n in range(5)] == [None, None, None, b"x", b"x"]


def test_an_unwritable_cache_only_costs_time(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    cache = ChartCache(blocked / "charts", "d")
    cache.put("spec", "png", b"x")  # no error
    assert cache.get("spec", "png") is None


WORKERS = """
import json
from reports.chart_images import runtime_started, spec_to_png
from reports.chart_workers import WARM_UP, ChartWorkers
from reports.model import Report

specs = [WARM_UP.replace('"a":1', f'"a":{n}') for n in range(4)]
with ChartWorkers(2) as workers:
    forked = workers.pool is not None
    drawn = list(workers.draw(specs))
here = [spec_to_png(spec) for spec in specs]
print(json.dumps([forked, drawn == here, len(set(here)), runtime_started()]))
"""


def test_workers_in_other_processes_draw_what_this_process_draws() -> None:
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-c", WORKERS], cwd=root, capture_output=True, text=True, check=True
    )
    assert json.loads(done.stdout) == [True, True, 4, True]


def test_no_workers_once_this_process_draws() -> None:
    spec_to_png(WARM_UP)  # vl-convert's runtime now runs here: a fork would not carry it
    with ChartWorkers(2) as workers:
        assert workers.pool is None
        assert list(workers.draw([WARM_UP])) == [spec_to_png(WARM_UP)]


def test_charts_started_from_the_figures_are_the_reports(
    demo_file: Storage, catalogue: Catalogue
) -> None:
    """`kpi report` draws the charts while the data quality is read, from the figures."""
    seen: list[Report] = []
    report = build_report(demo_file, catalogue, H2, made_on=MADE_ON, on_figures=seen.append)
    (figures,) = seen
    assert figures.rows == report.rows and not figures.uploads and report.uploads
    series = report_series(report, demo_file)
    assert report_specs(figures, series, catalogue) == report_specs(report, series, catalogue)


def _undated(pdf: bytes) -> bytes:
    """The PDF without its moment of writing (and the file id made from it)."""
    pdf = re.sub(rb"\(D:\d{14}Z?[^)]*\)", b"()", pdf)
    return re.sub(rb"/ID \[<[0-9A-Fa-f]+><[0-9A-Fa-f]+>\]", b"", pdf)


def test_images_prepared_where_drawn_make_the_same_pdf(
    demo_file: Storage, catalogue: Catalogue
) -> None:
    """Each chart's PDF image, made beside its PNG (and kept in the cache), is the one
    fpdf2 makes of the PNG: the PDF is the same file byte for byte."""
    report = build_report(demo_file, catalogue, H2, made_on=MADE_ON)
    series = report_series(report, demo_file)
    cache = chart_cache(demo_file)
    drawn = stream_charts(report, series, catalogue, cache=cache)
    pngs = dict(drawn)  # drawn here, each with its prepared image
    assert all(drawn.pdf_image(code) is not None for code in pngs)
    kept = stream_charts(report, series, catalogue, workers=Counting(), cache=cache)
    assert dict(kept) == pngs
    assert all(kept.pdf_image(code) == drawn.pdf_image(code) for code in pngs)
    plain = write_pdf(report, pngs)  # a plain mapping: fpdf2 reads every PNG itself
    assert _undated(write_pdf(report, drawn)) == _undated(plain)
    assert _undated(write_pdf(report, kept)) == _undated(plain)


STOPPED = """
import json, resource
from reports.chart_images import spec_to_png
from reports.chart_workers import WARM_UP, ChartWorkers

with ChartWorkers(2) as workers:
    workers.stop()  # every chart was in the cache: their warm-up is cut short
    stopped = workers.pool is None
    drawn = list(workers.draw([WARM_UP]))  # drawn here if asked all the same
print(json.dumps([stopped, drawn == [spec_to_png(WARM_UP)]]))
"""


def test_workers_stopped_mid_warm_up_leave_the_drawing_here() -> None:
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-c", STOPPED], cwd=root, capture_output=True, text=True, check=True
    )
    assert json.loads(done.stdout) == [True, True]
    assert "Traceback" not in done.stderr
