"""`kpi users add|remove|list`: who may read (leader), write for units (officer), manage (admin)."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from kpi.access import LOCAL_ADMIN, Role
from kpi.cli.shell import console, fail, one_line_errors, say, storage
from kpi.services.users import AccessError, add_user, remove_user, users_frame
from kpi.text import t


@one_line_errors
def add(
    email: Annotated[str, typer.Argument(help=t("cli.help.users_add.email"))],
    role: Annotated[Role, typer.Option(help=t("cli.help.users_add.role"))],
    unit: Annotated[list[str] | None, typer.Option(help=t("cli.help.users_add.unit"))] = None,
    sub: Annotated[str | None, typer.Option(help=t("cli.help.users_add.sub"))] = None,
) -> None:
    try:
        viewer = add_user(storage(), email, role, unit or [], actor=LOCAL_ADMIN, sub=sub)
    except AccessError as exc:
        fail(str(exc))
    units = ", ".join(sorted(viewer.unit_codes)) or "—"
    say(t("cli.users.saved", email=viewer.email, role=role.vi, units=units))


@one_line_errors
def remove(email: Annotated[str, typer.Argument(help=t("cli.help.users_remove.email"))]) -> None:
    if not remove_user(storage(), email, actor=LOCAL_ADMIN):
        fail(t("cli.no_user", user=email))
    say(t("cli.users.removed", email=email))


@one_line_errors
def list_users() -> None:
    frame = users_frame(storage())
    table = Table(*(t(f"cli.col.{k}") for k in ("email", "role", "unit")))
    for row in frame.to_dict("records"):
        table.add_row(row["email"], Role(row["role"]).vi, row["units"] or "—")
    console.print(table)


def register(app: typer.Typer) -> None:
    users = typer.Typer(help=t("cli.help.users"), no_args_is_help=True)
    users.command("add", help=t("cli.cmd.users_add"))(add)
    users.command("remove", help=t("cli.cmd.users_remove"))(remove)
    users.command("list", help=t("cli.cmd.users_list"))(list_users)
    app.add_typer(users, name="users")
