"""`kpi doctor`: every setting, where it came from, and each safety check, before going live.

Exit code 0 when every check passes, 1 otherwise. Secrets are never printed.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import typer
from rich.table import Table
from rich.text import Text

from kpi.cli.shell import console, one_line_errors, say
from kpi.safety import Check, all_checks
from kpi.settings import SECRETS_PATH, Resolved, SettingsError, read_table, resolve
from kpi.text import t

HIDDEN = "***"


def secrets_files() -> list[Path]:
    """Where Streamlit reads secrets.toml, lowest priority first (as `kpi serve` runs it)."""
    return [Path.home() / ".streamlit" / "secrets.toml", SECRETS_PATH]


def merged_table(name: str) -> dict[str, Any]:
    """A table of the secrets files as Streamlit merges them: a later file's table wins."""
    found: dict[str, Any] = {}
    for path in secrets_files():
        table = read_table(path, name)
        if table:
            found = dict(table)
    return found


def shown_value(item: Resolved) -> str:
    """The value as an operator may see it: a database password is hidden."""
    text = str(item.raw)
    if item.field == "database_url" and "@" in text and "://" in text:
        scheme, rest = text.split("://", 1)
        credentials, host = rest.rsplit("@", 1)
        user = credentials.split(":", 1)[0]
        return f"{scheme}://{user}:{HIDDEN}@{host}" if ":" in credentials else text
    return text


def settings_table(resolved: list[Resolved]) -> Table:
    table = Table(*(t(f"cli.col.{k}") for k in ("setting", "setting_value", "source")))
    for item in resolved:
        table.add_row(item.env_name, shown_value(item), item.source)
    return table


def checks_table(checks: list[Check]) -> Table:
    table = Table("", t("cli.col.check"), t("cli.col.detail"))
    for item in checks:
        mark = Text("✓", style="green") if item.ok else Text("✗", style="red")
        table.add_row(mark, item.name, item.detail)
    return table


def start_up_problems() -> list[str]:
    """What `kpi serve` refuses to start with (the dashboard checks the same again)."""
    from kpi.safety import start_up_problems as problems

    kpi_table = read_table(SECRETS_PATH, "kpi")
    return problems(resolve(os.environ, kpi_table), merged_table("auth") or None, kpi_table)


def run_checks(
    environ: Mapping[str, str], kpi_table: Mapping[str, Any], auth: Mapping[str, Any]
) -> tuple[list[Resolved], list[Check]]:
    resolved = resolve(environ, kpi_table)
    return resolved, all_checks(resolved, auth or None, kpi_table)


@one_line_errors
def doctor() -> None:
    try:
        kpi_table, auth = read_table(SECRETS_PATH, "kpi"), merged_table("auth")
    except SettingsError as exc:
        say(str(exc), err=True)
        raise typer.Exit(1) from None
    resolved, checks = run_checks(os.environ, kpi_table, auth)
    console.print(settings_table(resolved))
    console.print(checks_table(checks))
    failed = [c for c in checks if not c.ok]
    if failed:
        say(t("cli.doctor.failed", n=len(failed)), err=True)
        raise typer.Exit(1)
    say(t("cli.doctor.passed"))


def register(app: typer.Typer) -> None:
    app.command("doctor", help=t("cli.cmd.doctor"))(doctor)
