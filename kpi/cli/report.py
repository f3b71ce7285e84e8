"""`kpi report`: the plan's 6-month and year-end report as XLSX and/or PDF.

The `reports` package (which renders charts with Altair) is imported inside the
command, so `kpi/` never imports Altair at module level.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from kpi.cli.shell import (
    catalogue,
    check_output,
    fail,
    one_line_errors,
    say,
    settings,
    storage,
)
from kpi.periods import PeriodError, ReportPeriod, parse_report_period
from kpi.text import t

if TYPE_CHECKING:
    from reports.chart_images import Charts
    from reports.chart_workers import ChartWorkers
    from reports.model import Report

DEFAULT_OUT = Path("reports-out")


class ReportFormat(StrEnum):
    xlsx = "xlsx"
    pdf = "pdf"
    both = "both"


class Lang(StrEnum):
    vi = "vi"
    en = "en"


@one_line_errors
def report(
    period: Annotated[
        str,
        typer.Option(help=t("cli.help.report.period")),
    ],
    unit: Annotated[
        str | None,
        typer.Option(help=t("cli.help.report.unit")),
    ] = None,
    fmt: Annotated[
        ReportFormat, typer.Option("--format", help=t("cli.help.report.format"))
    ] = ReportFormat.both,
    out: Annotated[Path, typer.Option(help=t("cli.help.report.out"))] = DEFAULT_OUT,
    lang: Annotated[Lang, typer.Option(help=t("cli.help.report.lang"))] = Lang.vi,
    force: Annotated[bool, typer.Option("--force", help=t("cli.help.common.force"))] = False,
    known_on: Annotated[
        str | None,
        typer.Option("--known-on", help=t("cli.help.report.known_on")),
    ] = None,
) -> None:
    try:
        report_period = parse_report_period(period)
    except PeriodError as exc:
        fail(str(exc))
    try:
        day = dt.date.fromisoformat(known_on) if known_on else None
    except ValueError:
        fail(t("cli.tasks.bad_day", option="--known-on", text=known_on))
    from kpi.services.report_output import ChartWorkers

    formats = ("xlsx", "pdf") if fmt is ReportFormat.both else (fmt.value,)
    with ChartWorkers() as workers:  # they warm up while the report is built
        _build_and_write(report_period, unit, lang, day, out, formats, force, workers)


def _build_and_write(
    report_period: ReportPeriod,
    unit: str | None,
    lang: Lang,
    day: dt.date | None,
    out: Path,
    formats: tuple[str, ...],
    force: bool,
    workers: ChartWorkers,
) -> None:
    from kpi.services.report_output import file_stem, report_charts, write_report_files
    from kpi.services.reporting import ReportError, build_report

    started: list[Charts] = []  # drawn by the workers while the data quality is read

    def draw(figures: Report) -> None:
        started.append(report_charts(figures, storage(), catalogue(), workers))
        if not started[0].missing:  # every chart kept in the cache: nothing to draw
            workers.stop()

    try:
        built = build_report(
            storage(),
            catalogue(),
            report_period,
            unit,
            lang=lang.value,
            settings=settings(),
            known_on=day,
            on_figures=draw,
        )
    except ReportError as exc:
        fail(str(exc))
    for fmt_name in formats:
        check_output(out / f"{file_stem(built)}.{fmt_name}", force)
    charts = started[0] if started else None
    for path in write_report_files(built, storage(), catalogue(), out, formats, workers, charts):
        say(str(path))


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command("report", help=t("cli.cmd.report"))(report)
