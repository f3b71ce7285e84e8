"""`kpi remind [--dry-run] [--today DATE]`: today's reminders, for the operator's scheduler.

Exit codes: 0 every due reminder sent (or nothing due), 1 some could not be sent.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import typer
from rich.table import Table

from kpi.cli.shell import catalogue, console, err_console, fail, one_line_errors, settings, storage
from kpi.services import reminders
from kpi.services.mail import MailError

REASONS = {
    "due_soon": "còn 7 ngày đến hạn",
    "due_today": "hôm nay là hạn",
    "overdue": "quá hạn",
    "approval_pending": "chờ phê duyệt",
    "weekly_digest": "tổng hợp tuần",
}


@one_line_errors
def remind(
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Chỉ liệt kê, không gửi.")] = False,
    today: Annotated[
        str | None, typer.Option(help="Chạy như thể hôm nay là ngày này (YYYY-MM-DD).")
    ] = None,
) -> None:
    """Gửi thư nhắc hạn nộp, chờ phê duyệt và tổng hợp tuần (mỗi thư một lần mỗi ngày)."""
    try:
        day = dt.date.fromisoformat(today) if today else dt.date.today()
    except ValueError:
        fail(f"ngày '{today}' phải có dạng YYYY-MM-DD")
    try:
        result = reminders.run(storage(), catalogue(), settings(), today=day, dry_run=dry_run)
    except MailError as exc:
        fail(str(exc))
    shown = result.to_send if dry_run else result.sent
    table = Table("Người nhận", "Lý do", "Quý", "Tiêu đề", title=f"Thư nhắc ngày {day:%d/%m/%Y}")
    for r in shown:
        table.add_row(r.recipient, REASONS.get(r.reason, r.reason), r.period, r.subject)
    if shown:
        console.print(table)
    verb = "Sẽ gửi" if dry_run else "Đã gửi"
    console.print(
        f"{verb} {len(shown)} thư; {len(result.already_sent)} thư đã gửi trước đó trong ngày."
    )
    for reminder, problem in result.failed:
        err_console.print(f"Không gửi được thư cho {reminder.recipient}: {problem}")
    if result.failed:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("remind")(remind)
