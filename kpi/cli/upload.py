"""`kpi template` and `kpi load`: the officer's template, and a validated atomic upload.

Exit codes of `kpi load` (also in the README): 0 committed (or dry run / already
imported), 1 validation failed or refused (also `--confirm` without `--note`), 2 file
cannot be read, 3 warnings not confirmed, 4 the database could not take the commit.
Every attempt except a dry run is recorded with its file (`kpi uploads list`).
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import Progress
from rich.table import Table

from kpi.access import LOCAL_ADMIN
from kpi.cli.shell import (
    catalogue,
    check_output,
    console,
    err_console,
    fail,
    one_line_errors,
    say,
    settings,
    storage,
)
from kpi.periods import PeriodError, parse_quarter
from kpi.problems import FileRejected, Problem, problems_table
from kpi.services import ingest
from kpi.services.figures import unit_registry
from kpi.services.ingest import (
    CommitResult,
    Prepared,
    QuarterLockedError,
    ScopeError,
    UploadFailed,
)
from kpi.services.submissions import unit_indicators
from kpi.services.users import viewer_for_email
from kpi.text import t
from kpi.uploads import value_only_notice

PROGRESS_ROWS = 2_000


class Lang(StrEnum):
    vi = "vi"
    en = "en"


@one_line_errors
def template(
    out: Annotated[Path, typer.Option(help=t("cli.help.template.out"))],
    unit: Annotated[str | None, typer.Option(help=t("cli.help.template.unit"))] = None,
    period: Annotated[str | None, typer.Option(help=t("cli.help.template.period"))] = None,
    force: Annotated[bool, typer.Option("--force", help=t("cli.help.common.force"))] = False,
) -> None:
    check_output(out, force)
    try:
        owed = parse_quarter(period) if period else None  # the flag, read once
    except PeriodError as exc:
        fail(str(exc))
    unit_code = ""
    codes: list[str] | None = None
    if unit:
        found = unit_registry(storage()).resolve(unit)
        if found is None:
            fail(t("cli.no_unit", unit=unit))
        unit_code = found.code
        codes = unit_indicators(storage(), catalogue(), unit_code, owed)
        if not codes:
            fail(t("cli.template.no_obligation", unit=unit_code))
    suffix = out.suffix.lower()
    if suffix not in {".xlsx", ".csv"}:
        fail(t("cli.template.bad_suffix"))
    from reports.template import template_csv, template_xlsx  # openpyxl: not for `kpi load`

    maker = template_xlsx if suffix == ".xlsx" else template_csv
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(maker(catalogue(), unit_code, str(owed) if owed else "", codes))
    say(t("cli.template.made", out=out, n=len(codes or catalogue())))


def _print_problems(problems: list[Problem], total: int, lang: str) -> None:
    rows = problems_table(problems, lang)
    table = Table(
        *(rows[0].keys() if rows else [t("problem_col.message", lang)]),
        title=t("cli.problems.title", lang, total=total),
    )
    for row in rows:
        table.add_row(*("" if v is None else str(v) for v in row.values()))
    err_console.print(table)


def _actor(as_user: str | None) -> tuple[str, frozenset[str] | None]:
    if as_user is None:
        return LOCAL_ADMIN, None
    viewer = viewer_for_email(storage(), as_user)
    if viewer is None:
        fail(t("cli.no_user", user=as_user))
    return viewer.email, viewer.write_scope()


def _summary(result: CommitResult, prepared: Prepared, lang: str) -> str:
    new, changed, same = result.rows_new, result.rows_changed, result.rows_unchanged
    upload_id = result.upload_id
    text = t("cli.load.committed", lang, new=new, changed=changed, same=same, upload_id=upload_id)
    if result.reimported_from is not None:
        text += t("cli.load.reimported", lang, previous=result.reimported_from)
    return text + _not_reported(prepared, lang) + _value_only(prepared, lang)


def _value_only(prepared: Prepared, lang: str) -> str:
    notice = value_only_notice(prepared.value_only_rows, lang)
    return f" {notice}" if notice else ""


def _not_reported(prepared: Prepared, lang: str) -> str:
    if not prepared.not_reported:
        return ""
    reported, expected = prepared.completeness
    return t(
        "cli.load.not_reported", lang, n=prepared.not_reported, reported=reported, expected=expected
    )


def _record(file: Path, actor: str, outcome: str, total: int) -> None:
    ingest.record_refusal(
        storage(),
        actor=actor,
        file_name=file.name,
        data=file.read_bytes(),
        outcome=outcome,
        problem_count=total,
    )


@one_line_errors
def load(
    file: Annotated[Path, typer.Argument(help=t("cli.help.load.file"))],
    unit: Annotated[str | None, typer.Option(help=t("cli.help.load.unit"))] = None,
    as_user: Annotated[str | None, typer.Option("--as", help=t("cli.help.common.as"))] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help=t("cli.help.common.dry_run"))] = False,
    confirm: Annotated[bool, typer.Option(help=t("cli.help.load.confirm"))] = False,
    note: Annotated[str | None, typer.Option(help=t("cli.help.load.note"))] = None,
    lang: Annotated[Lang, typer.Option("--lang", help=t("cli.help.common.lang"))] = Lang.vi,
) -> None:
    if not file.is_file():
        fail(t("cli.file_not_found", lang.value, file=file), 2)
    if confirm and not (note or "").strip():
        fail(t("cli.load.confirm_needs_note", lang.value))
    actor, scope = _actor(as_user)
    prepared = _prepare(file, unit, actor, dry_run, lang)
    if prepared.warnings and not confirm:
        _print_problems(prepared.warnings, len(prepared.warnings), lang.value)
        err_console.print(t("cli.load.needs_confirm", lang.value))
        if not dry_run:
            _record(file, actor, "unconfirmed", len(prepared.warnings))
        raise typer.Exit(3)
    if dry_run:
        _dry_run(prepared, scope, lang)
        return
    _commit(prepared, actor, scope, note, lang)


def _prepare(file: Path, unit: str | None, actor: str, dry_run: bool, lang: Lang) -> Prepared:
    try:
        prepared = ingest.prepare(
            storage(),
            file.read_bytes(),
            file.name,
            catalogue=catalogue(),
            settings=settings(),
            unit=unit,
            preview=dry_run,  # a commit counts its own rows
        )
    except FileRejected as exc:
        if not dry_run:
            _record(file, actor, "unreadable", 1)
        fail(exc.problem.text(lang.value), 2)
    if not prepared.ok:
        _print_problems(prepared.problems, prepared.total_problems, lang.value)
        if not dry_run:
            _record(file, actor, "refused", prepared.total_problems)
        raise typer.Exit(1)
    return prepared


def _dry_run(prepared: Prepared, scope: frozenset[str] | None, lang: Lang) -> None:
    outside = ingest.scope_problems(prepared, scope)
    if outside:
        fail(t("cli.load.outside_scope", lang.value, units=", ".join(outside)))
    counts = prepared.counts()
    console.print(
        t("cli.load.checked", lang.value, **counts)
        + _not_reported(prepared, lang.value)
        + _value_only(prepared, lang.value)
    )


def _commit(
    prepared: Prepared, actor: str, scope: frozenset[str] | None, note: str | None, lang: Lang
) -> None:
    try:
        # Off a terminal the bar draws nothing: no thread to rebuild it 10 times a second.
        with Progress(
            console=console,
            transient=True,
            disable=len(prepared.frame) < PROGRESS_ROWS,
            auto_refresh=console.is_terminal,
        ) as bar:
            task = bar.add_task(t("cli.load.writing", lang.value), total=1.0)
            result = ingest.commit(
                storage(),
                prepared,
                actor=actor,
                allowed_units=scope,
                confirm_note=(note or "").strip() or None,
                progress=lambda f: bar.update(task, completed=f),
                settings=settings(),
                catalogue=catalogue(),
            )
    except (ScopeError, QuarterLockedError) as exc:
        fail(str(exc))
    except UploadFailed as exc:
        fail(exc.problem.text(lang.value), 4)
    if result.already_imported:
        previous = result.previous_upload_id
        key = "cli.load.already_imported" if previous else "cli.load.already_current"
        console.print(t(key, lang.value, previous=previous))
        return
    say(_summary(result, prepared, lang.value))


def register(app: typer.Typer) -> None:
    app.command("template", help=t("cli.cmd.template"))(template)
    app.command("load", help=t("cli.cmd.load"))(load)
