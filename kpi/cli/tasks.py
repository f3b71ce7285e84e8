"""`kpi tasks …` (Phụ lục II, III) and `kpi scorecard`: tasks, progress reports, unit scores."""

from __future__ import annotations

import datetime as dt
import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from kpi.access import LOCAL_ADMIN, Role, Viewer
from kpi.cli import task_signoffs
from kpi.cli.shell import (
    catalogue,
    check_output,
    console,
    err_console,
    fail,
    one_line_errors,
    settings,
    storage,
)
from kpi.periods import local_today
from kpi.problems import ROW_KEYS, FileRejected
from kpi.services import scorecard as scores
from kpi.services import tasks as service
from kpi.task_problems import TaskProblem
from kpi.task_progress import ReportError, parse_half_year
from kpi.tasks import TaskCatalogueError
from kpi.text import t
from reports.task_template import task_template_csv, task_template_xlsx

tasks_app = typer.Typer(
    help=t("cli.help.tasks"),
    no_args_is_help=True,
)


class Kind(StrEnum):
    task = "task"
    database = "database"


class Lang(StrEnum):
    vi = "vi"
    en = "en"


class Format(StrEnum):
    table = "table"
    json = "json"


def _viewer(as_user: str | None) -> Viewer:
    if as_user is None:
        return Viewer(LOCAL_ADMIN, Role.ADMIN)
    from kpi.services.users import viewer_for_email

    viewer = viewer_for_email(storage(), as_user)
    if viewer is None:
        fail(t("cli.no_user", user=as_user))
    return viewer


def _day(text: str | None, option: str) -> dt.date:
    if not text:
        return local_today()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        fail(t("cli.tasks.bad_day", option=option, text=text))


def _unit_code(unit: str | None) -> str | None:
    if unit is None:
        return None
    found = service.units(storage()).resolve(unit)
    if found is None:
        fail(t("cli.no_unit", unit=unit))
    return found.code


@one_line_errors
def list_tasks(
    kind: Annotated[Kind | None, typer.Option("--kind", help=t("cli.help.tasks_list.kind"))] = None,
    unit: Annotated[str | None, typer.Option("--unit", help=t("cli.help.tasks_list.unit"))] = None,
    overdue: Annotated[
        bool, typer.Option("--overdue", help=t("cli.help.tasks_list.overdue"))
    ] = False,
    as_of: Annotated[
        str | None, typer.Option("--as-of", help=t("cli.help.common.as_of_day"))
    ] = None,
    fmt: Annotated[
        Format, typer.Option("--format", help=t("cli.help.common.format"))
    ] = Format.table,
) -> None:
    rows = service.task_statuses(
        storage(),
        _day(as_of, "--as-of"),
        kind=kind.value if kind else None,
        unit=_unit_code(unit),
        overdue_only=overdue,
    )
    if fmt is Format.json:
        records = [service.as_record(s) for s in rows]
        typer.echo(json.dumps(records, ensure_ascii=False, indent=2))
        return
    keys = ("code", "kind", "task_name", "task_lead", "deadline", "status", "percent", "overdue")
    table = Table(*(t(f"cli.col.{k}") for k in keys))
    for s in rows:
        table.add_row(
            s.task.code,
            t(
                "cli.tasks.kind_database"
                if s.task.kind.value == "database"
                else "cli.tasks.kind_task"
            ),
            s.task.name[:70],
            ", ".join(s.task.lead_unit_codes) or s.task.lead_units,
            s.task.deadline_text,
            s.state.label("vi"),
            str(s.percent),
            t("cli.tasks.overdue_mark") if s.overdue else "",
        )
    table.caption = t("cli.tasks.caption", n=len(rows), overdue=sum(s.overdue for s in rows))
    console.print(table)


@one_line_errors
def update(
    code: Annotated[str, typer.Argument(help=t("cli.help.tasks_update.code"))],
    state: Annotated[str, typer.Option("--state", help=t("cli.help.tasks_update.state"))],
    percent: Annotated[
        int | None, typer.Option("--percent", help=t("cli.help.tasks_update.percent"))
    ] = None,
    evidence: Annotated[
        str, typer.Option("--evidence", help=t("cli.help.tasks_update.evidence"))
    ] = "",
    issues: Annotated[str, typer.Option("--issues", help=t("cli.help.tasks_update.issues"))] = "",
    as_user: Annotated[str | None, typer.Option("--as", help=t("cli.help.tasks_update.as"))] = None,
) -> None:
    try:
        draft = service.report_progress(
            storage(),
            _viewer(as_user),
            code,
            state=state,
            percent=percent,
            evidence=evidence,
            issues=issues,
            today=local_today(),
        )
    except (service.TaskServiceError, ReportError) as exc:
        fail(str(exc))
    console.print(
        t(
            "cli.tasks.saved",
            code=draft.task_code,
            state=draft.state.label("vi"),
            percent=draft.percent,
            day=draft.reported_on.isoformat(),
        )
    )


@one_line_errors
def template(
    out: Annotated[Path, typer.Option("--out", help=t("cli.help.tasks_template.out"))] = Path(
        "tien-do-nhiem-vu.xlsx"
    ),
    unit: Annotated[
        str | None, typer.Option("--unit", help=t("cli.help.tasks_template.unit"))
    ] = None,
    force: Annotated[bool, typer.Option("--force", help=t("cli.help.common.force"))] = False,
    lang: Annotated[Lang, typer.Option("--lang", help=t("cli.help.tasks_template.lang"))] = Lang.vi,
) -> None:
    suffix = out.suffix.lower()
    if suffix not in {".xlsx", ".csv"}:
        fail(t("cli.tasks.bad_out", lang.value))
    check_output(out, force)
    rows = service.task_statuses(storage(), local_today(), unit=_unit_code(unit))
    maker = task_template_xlsx if suffix == ".xlsx" else task_template_csv
    out.write_bytes(maker(rows, lang.value))
    console.print(t("cli.tasks.template_made", lang.value, out=out, n=len(rows)))


def _print_problems(problems: list[TaskProblem]) -> None:
    title = t("cli.tasks.problems_title", n=len(problems))
    table = Table(*(t(key) for key in ROW_KEYS), title=title)
    ordered = sorted(problems, key=lambda p: (p.row or 0, p.column or ""))
    for p in ordered:
        table.add_row("" if p.row is None else str(p.row), p.column_label(), p.value, p.text())
    err_console.print(table)


@one_line_errors
def load(
    file: Annotated[Path, typer.Argument(help=t("cli.help.tasks_load.file"))],
    as_user: Annotated[str | None, typer.Option("--as", help=t("cli.help.tasks_load.as"))] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help=t("cli.help.common.dry_run"))] = False,
) -> None:
    if not file.is_file():
        fail(t("cli.file_not_found", file=file), 2)
    try:
        outcome = service.load_reports_file(
            storage(),
            _viewer(as_user),
            file.read_bytes(),
            file.name,
            today=local_today(),
            settings=settings(),
            dry_run=dry_run,
        )
    except FileRejected as exc:
        fail(exc.problem.text("vi"), 2)
    except service.TaskServiceError as exc:
        fail(str(exc))
    if outcome.problems:
        _print_problems(outcome.problems)
        raise typer.Exit(1)
    key = "cli.tasks.checked" if dry_run else "cli.tasks.loaded"
    console.print(t(key, n=len(outcome.drafts)))


@one_line_errors
def import_tasks(
    file: Annotated[Path, typer.Argument(help=t("cli.help.tasks_import.file"))],
    as_user: Annotated[str | None, typer.Option("--as", help=t("cli.help.tasks_import.as"))] = None,
) -> None:
    if not file.is_file():
        fail(t("cli.file_not_found", file=file), 2)
    viewer = _viewer(as_user)
    if not viewer.is_admin:
        fail(t("cli.not_admin", email=viewer.email))
    try:
        added, updated = service.import_tasks(storage(), file, viewer.email)
    except (TaskCatalogueError, service.TaskServiceError) as exc:
        fail(str(exc))
    console.print(t("cli.tasks.imported", added=added, updated=updated))


scorecard_app = typer.Typer(
    help=t("cli.help.scorecard"),
    invoke_without_command=True,
)


@scorecard_app.callback()
@one_line_errors
def scorecard(
    ctx: typer.Context,
    period: Annotated[
        str | None, typer.Option("--period", help=t("cli.help.common.half_year"))
    ] = None,
    fmt: Annotated[
        Format, typer.Option("--format", help=t("cli.help.common.format"))
    ] = Format.table,
    version: Annotated[
        int | None, typer.Option("--version", help=t("cli.help.scorecard.version"))
    ] = None,
    live: Annotated[bool, typer.Option("--live", help=t("cli.help.scorecard.live"))] = False,
    as_of: Annotated[
        str | None, typer.Option("--as-of", help=t("cli.help.common.as_of_day"))
    ] = None,
) -> None:
    if ctx.invoked_subcommand is not None:
        return
    if period is None:
        fail(t("cli.score.needs_period"))
    from kpi.cli.scorecard_view import frozen, provisional, show

    try:
        half = parse_half_year(period)
    except ReportError as exc:
        fail(str(exc))
    versions = scores.published(storage(), half)
    if version is not None:
        chosen = next((v for v in versions if v.version == version), None)
        if chosen is None:
            fail(t("cli.score.no_version", half=half, version=version))
        sheet = frozen(chosen)
    elif versions and not live:
        sheet = frozen(versions[0])
    else:
        day = _day(as_of, "--as-of")
        rows = scores.compute(storage(), settings(), catalogue(), half, day)
        sheet = provisional(half, day, rows, scores.weights_from(settings()))
    show(sheet, versions, fmt.value, half)


@scorecard_app.command("publish", help=t("cli.cmd.scorecard_publish"))
@one_line_errors
def publish(
    period: Annotated[str, typer.Option("--period", help=t("cli.help.common.half_year"))],
    as_user: Annotated[
        str | None, typer.Option("--as", help=t("cli.help.scorecard_publish.as"))
    ] = None,
) -> None:
    viewer = _viewer(as_user)
    if not viewer.is_admin:
        fail(t("cli.not_admin", email=viewer.email))
    try:
        half = parse_half_year(period)
    except ReportError as exc:
        fail(str(exc))
    version = scores.publish(storage(), settings(), catalogue(), half, local_today(), viewer.email)
    console.print(t("cli.score.published_now", half=half, version=version))


tasks_app.command("list", help=t("cli.cmd.tasks_list"))(list_tasks)
tasks_app.command("update", help=t("cli.cmd.tasks_update"))(update)
tasks_app.command("template", help=t("cli.cmd.tasks_template"))(template)
tasks_app.command("load", help=t("cli.cmd.tasks_load"))(load)
tasks_app.command("import", help=t("cli.cmd.tasks_import"))(import_tasks)
task_signoffs.register(tasks_app)


def register(app: typer.Typer) -> None:
    app.add_typer(tasks_app, name="tasks")
    app.add_typer(scorecard_app, name="scorecard")
