"""`kpi remind [--dry-run] [--today DATE]`: today's reminders, for the operator's scheduler.

Exit codes: 0 every due reminder sent (or nothing due), 1 some could not be sent.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import typer
from rich.table import Table

from kpi.cli.shell import catalogue, console, err_console, fail, one_line_errors, settings, storage
from kpi.formatting import day_label
from kpi.periods import local_today
from kpi.services import reminders
from kpi.services.mail import MailError
from kpi.text import t

REASONS = {
    reason: t(f"cli.remind.{reason}")
    for reason in ("due_soon", "due_today", "overdue", "approval_pending", "weekly_digest")
}


@one_line_errors
def remind(
    dry_run: Annotated[bool, typer.Option("--dry-run", help=t("cli.help.remind.dry_run"))] = False,
    today: Annotated[str | None, typer.Option(help=t("cli.help.remind.today"))] = None,
) -> None:
    try:
        day = dt.date.fromisoformat(today) if today else local_today()
    except ValueError:
        fail(t("cli.bad_day", text=today))
    try:
        result = reminders.run(storage(), catalogue(), settings(), today=day, dry_run=dry_run)
    except MailError as exc:
        fail(str(exc))
    shown = result.to_send if dry_run else result.sent
    heads = (t(f"cli.col.{k}") for k in ("recipient", "reason", "quarter", "subject"))
    table = Table(*heads, title=t("cli.remind.title", day=day_label(day)))
    for r in shown:
        table.add_row(r.recipient, REASONS.get(r.reason, r.reason), r.period, r.subject)
    if shown:
        console.print(table)
    key = "cli.remind.will_send" if dry_run else "cli.remind.sent"
    console.print(t(key, n=len(shown), before=len(result.already_sent)))
    for reminder, problem in result.failed:
        err_console.print(t("cli.remind.failed", recipient=reminder.recipient, problem=problem))
    if result.failed:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("remind", help=t("cli.cmd.remind"))(remind)
