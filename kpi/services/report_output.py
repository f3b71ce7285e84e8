"""Render a built Report to files or bytes: charts once, then XLSX and/or PDF.

The series drawn are read here; the renderers in reports/ never open storage.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import pandas as pd

from kpi.catalogue import Catalogue
from kpi.messages import say
from kpi.services.report_sources import unit_series
from kpi.services.statuses import scope_of
from kpi.storage import Storage
from kpi.storage.repository import current_frame, unit_registry
from reports.chart_cache import ChartCache, cache_beside
from reports.chart_images import Charts, drawer, stream_charts
from reports.chart_workers import ChartWorkers
from reports.model import Report
from reports.pdf import write_pdf
from reports.xlsx import write_xlsx

FORMATS = ("xlsx", "pdf")
FIRST = ("pdf", "xlsx")


def file_stem(report: Report) -> str:
    """'bao-cao-BNV-2025-H2' (or 'report-BNV-2025-H2' in English)."""
    prefix = "report" if report.lang == "en" else "bao-cao"
    return f"{prefix}-{report.unit_code}-{report.period}"


def render_bytes(
    report: Report,
    formats: Sequence[str],
    charts: Mapping[str, bytes],
) -> dict[str, bytes]:
    """{'xlsx': ..., 'pdf': ...} for the formats asked."""
    writers = {"xlsx": write_xlsx, "pdf": write_pdf}
    unknown = [f for f in formats if f not in writers]
    if unknown:
        raise ValueError(say("svc.bad_formats", formats=", ".join(unknown)))
    # the PDF first: its opening pages are laid out while the charts are still drawn
    done = {fmt: writers[fmt](report, charts) for fmt in sorted(formats, key=FIRST.index)}
    return {fmt: done[fmt] for fmt in formats}


def report_series(report: Report, storage: Storage) -> pd.DataFrame:
    """The quarterly values the report's charts draw, up to its closing quarter."""
    registry = unit_registry(storage)
    unit = registry.get(report.unit_code) or registry.root
    frame = current_frame(
        storage, as_of_index=report.as_of.index, unit_codes=scope_of(registry, unit)
    )
    return unit_series(frame, unit, registry)


def chart_cache(storage: Storage) -> ChartCache | None:
    """Chart images kept beside a SQLite database file (none for a server's database)."""
    url = storage.engine.url
    folder = cache_beside(url.database) if url.get_backend_name() == "sqlite" else None
    return ChartCache(folder, drawer()) if folder is not None else None


def report_charts(
    report: Report, storage: Storage, catalogue: Catalogue, workers: ChartWorkers | None = None
) -> Charts:
    """The report's charts, drawing from now on (by `workers` if given; kept in the chart
    cache), from the values the report was built from, else from storage."""
    values = report.chart_values
    series = values if values is not None else report_series(report, storage)
    return stream_charts(report, series, catalogue, workers=workers, cache=chart_cache(storage))


def render_report(
    report: Report,
    storage: Storage,
    catalogue: Catalogue,
    formats: Sequence[str] = FORMATS,
    workers: ChartWorkers | None = None,
    charts: Mapping[str, bytes] | None = None,
) -> dict[str, bytes]:
    """Every format asked, with the report's charts (`charts` if they were started while
    it was built, by `build_report(on_figures=...)`)."""
    if charts is None:
        charts = report_charts(report, storage, catalogue, workers)
    return render_bytes(report, formats, charts)


def write_report_files(
    report: Report,
    storage: Storage,
    catalogue: Catalogue,
    out_dir: Path,
    formats: Sequence[str] = FORMATS,
    workers: ChartWorkers | None = None,
    charts: Mapping[str, bytes] | None = None,
) -> list[Path]:
    """Write the report into `out_dir`; returns the paths written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    rendered = render_report(report, storage, catalogue, formats, workers, charts)
    for fmt, data in rendered.items():
        path = out_dir / f"{file_stem(report)}.{fmt}"
        path.write_bytes(data)
        paths.append(path)
    return paths
