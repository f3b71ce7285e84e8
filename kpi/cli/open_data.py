"""`kpi tokens add|list|revoke`, `kpi notify`, `kpi publish`: the read API's tokens, the
webhook scan and the open-data package."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import pandas as pd
import typer
from rich.table import Table

from kpi.cli.shell import (
    catalogue,
    check_output_dir,
    console,
    fail,
    one_line_errors,
    settings,
    storage,
)
from kpi.formatting import local_moment
from kpi.periods import PeriodError, parse_quarter
from kpi.services import tokens as token_service
from kpi.services.publish import publish as write_package
from kpi.services.webhooks import scan
from kpi.text import t


@one_line_errors
def tokens_add(
    name: Annotated[str, typer.Argument(help=t("cli.help.tokens_add.name"))],
    scope: Annotated[str, typer.Option(help=t("cli.help.tokens_add.scope"))] = "read",
) -> None:
    try:
        secret = token_service.add_token(storage(), name, scope, actor="cli")
    except token_service.TokenError as exc:
        fail(str(exc))
    console.print(t("cli.tokens.secret", name=name, scope=scope))
    typer.echo(secret)


def _stamp(value: Any) -> str:
    if value is None or pd.isna(value):
        return "—"
    return local_moment(pd.Timestamp(value).to_pydatetime())


@one_line_errors
def tokens_list() -> None:
    frame = token_service.list_tokens(storage())
    if frame.empty:
        console.print(t("cli.tokens.none"))
        return
    keys = ("name", "scope", "created_at", "created_by", "revoked_at", "last_used_at")
    table = Table(*(t(f"cli.col.{k}") for k in keys))
    for row in frame.to_dict("records"):
        created, revoked, used = (
            _stamp(row[c]) for c in ("created_at", "revoked_at", "last_used_at")
        )
        table.add_row(
            str(row["name"]), str(row["scope"]), created, str(row["created_by"]), revoked, used
        )
    console.print(table)


@one_line_errors
def tokens_revoke(
    name: Annotated[str, typer.Argument(help=t("cli.help.tokens_revoke.name"))],
) -> None:
    try:
        token_service.revoke_token(storage(), name, actor="cli")
    except token_service.TokenError as exc:
        fail(str(exc))
    console.print(t("cli.tokens.revoked", name=name))


@one_line_errors
def notify() -> None:
    if not settings().webhook_url:
        fail(t("cli.notify.no_url"))
    events = scan(storage(), catalogue(), settings())
    if not events:
        console.print(t("cli.notify.nothing"))
    for event in events:
        console.print(t("cli.notify.event", type=event.type, n=len(event.items), id=event.id))


@one_line_errors
def publish(
    out: Annotated[Path, typer.Option(help=t("cli.help.publish.out"))],
    as_of: Annotated[str | None, typer.Option("--as-of", help=t("cli.help.publish.as_of"))] = None,
    include_demo: Annotated[bool, typer.Option(help=t("cli.help.publish.include_demo"))] = False,
    force: Annotated[bool, typer.Option("--force", help=t("cli.help.publish.force"))] = False,
) -> None:
    check_output_dir(out, force)
    try:
        quarter = parse_quarter(as_of) if as_of else None
    except PeriodError as exc:
        fail(str(exc))
    path = write_package(storage(), catalogue(), out, as_of=quarter, include_demo=include_demo)
    typer.echo(str(path))


def register(app: typer.Typer) -> None:
    tokens = typer.Typer(help=t("cli.help.tokens"), no_args_is_help=True)
    tokens.command("add", help=t("cli.cmd.tokens_add"))(tokens_add)
    tokens.command("list", help=t("cli.cmd.tokens_list"))(tokens_list)
    tokens.command("revoke", help=t("cli.cmd.tokens_revoke"))(tokens_revoke)
    app.add_typer(tokens, name="tokens")
    app.command("notify", help=t("cli.cmd.notify"))(notify)
    app.command("publish", help=t("cli.cmd.publish"))(publish)
