"""`kpi serve`, `db upgrade`, `demo`, `units import`, `catalogue`, `export`."""

from __future__ import annotations

import json
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import Progress
from rich.table import Table

from kpi.cli.doctor import start_up_problems
from kpi.cli.shell import (
    catalogue,
    check_output,
    console,
    error_line,
    fail,
    one_line_errors,
    say,
    settings,
    storage,
)
from kpi.services.demo import clear_demo, load_demo, seed_demo_if_empty
from kpi.services.figures import export_frame, upsert_units
from kpi.text import t
from kpi.units import UnitError, parse_units
from reports.tables import to_csv_bytes, write_export

# The server module wraps the app in the project's guard (dashboard/server.py).
APP_PATH = Path(__file__).resolve().parents[2] / "dashboard" / "server.py"


class ExportFormat(StrEnum):
    csv = "csv"
    xlsx = "xlsx"


class CatalogueFormat(StrEnum):
    table = "table"
    json = "json"


@one_line_errors
def serve(
    port: Annotated[int, typer.Option(help=t("cli.help.serve.port"))] = 8501,
    demo: Annotated[bool, typer.Option(help=t("cli.help.serve.demo"))] = False,
    host: Annotated[str, typer.Option(help=t("cli.help.serve.host"))] = "127.0.0.1",
) -> None:
    problems = start_up_problems()
    if problems:  # production never starts unsafe: one line per problem, then refuse
        for problem in problems[:-1]:
            error_line(problem)
        fail(problems[-1])
    store = storage()
    if demo and seed_demo_if_empty(store, catalogue()):
        say(t("cli.demo.loaded"))
    max_mb = settings().max_upload_mb
    from streamlit.web import cli as st_cli

    sys.argv = [
        "streamlit",
        "run",
        str(APP_PATH),
        "--server.port",
        str(port),
        "--server.address",
        host,
        "--server.headless",
        "true",
        "--browser.gatherUsageStats",
        "false",
        "--server.maxUploadSize",
        str(max_mb),
        "--server.enableXsrfProtection",
        "true",
        "--client.disableDataExport",
        "true",
    ]
    os.environ.setdefault("KPI_DATABASE_URL", settings().database_url)
    sys.exit(st_cli.main())


@one_line_errors
def db_upgrade() -> None:
    store = storage()
    say(t("cli.db.upgraded", dialect=store.dialect))


@one_line_errors
def demo(
    clear: Annotated[bool, typer.Option(help=t("cli.help.demo.clear"))] = False,
) -> None:
    store = storage()
    if clear:
        removed = clear_demo(store)
        say(t("cli.demo.removed", n=removed))
        return
    with Progress(console=console, transient=True) as bar:
        task = bar.add_task(t("cli.demo.loading"), total=1.0)
        written = load_demo(store, catalogue(), progress=lambda f: bar.update(task, completed=f))
    say(t("cli.demo.written", n=written))


@one_line_errors
def units_import(
    file: Annotated[Path, typer.Argument(help=t("cli.help.units_import.file"))],
) -> None:
    if not file.is_file():
        fail(t("cli.file_not_found", file=file), 2)
    try:
        units = parse_units(file.read_text(encoding="utf-8-sig"))
        added, updated = upsert_units(storage(), units, actor="cli")
    except UnitError as exc:
        fail(str(exc))
    say(t("cli.units.imported", added=added, updated=updated))


@one_line_errors
def show_catalogue(
    fmt: Annotated[
        CatalogueFormat, typer.Option("--format", help=t("cli.help.common.format"))
    ] = CatalogueFormat.table,
) -> None:
    cat = catalogue()
    if fmt is CatalogueFormat.json:
        rows = [
            {
                "code": i.code,
                "group": i.group,
                "name_vi": i.name_vi,
                "name_en": i.name_en,
                "unit": i.unit,
                "comparator": i.comparator.value,
                "target": i.target,
                "target_period": str(i.target_period),
                "lead_units": i.lead_units,
                "coordinating_units": i.coordinating_units,
            }
            for i in cat
        ]
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    table = Table(*(t(f"cli.col.{k}") for k in ("code", "indicator", "target_2030", "lead")))
    for i in cat:
        table.add_row(i.code, i.short_name_vi, f"{i.comparator.value} {i.target:g}%", i.lead_units)
    console.print(table)


@one_line_errors
def export(
    out: Annotated[Path | None, typer.Option(help=t("cli.help.export.out"))] = None,
    fmt: Annotated[
        ExportFormat, typer.Option("--format", help=t("cli.help.common.format"))
    ] = ExportFormat.csv,
    force: Annotated[bool, typer.Option("--force", help=t("cli.help.common.force"))] = False,
) -> None:
    if out is not None:
        check_output(out, force)
    frame = export_frame(storage())
    if out is None:
        if fmt is ExportFormat.xlsx:
            fail(t("cli.export.xlsx_needs_out"))
        sys.stdout.write(to_csv_bytes(frame).decode("utf-8-sig"))
        return
    write_export(frame, out, fmt.value)
    say(t("cli.export.written", n=len(frame), out=out))


def register(app: typer.Typer) -> None:
    app.command("serve", help=t("cli.cmd.serve"))(serve)
    app.command("demo", help=t("cli.cmd.demo"))(demo)
    app.command("catalogue", help=t("cli.cmd.catalogue"))(show_catalogue)
    app.command("export", help=t("cli.cmd.export"))(export)
    db = typer.Typer(help=t("cli.help.db"), no_args_is_help=True)
    db.command("upgrade", help=t("cli.cmd.db_upgrade"))(db_upgrade)
    app.add_typer(db, name="db")
    units = typer.Typer(help=t("cli.help.units"), no_args_is_help=True)
    units.command("import", help=t("cli.cmd.units_import"))(units_import)
    app.add_typer(units, name="units")
