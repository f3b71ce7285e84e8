"""`kpi obligations`, `kpi submissions`, `kpi locks`, `kpi approve` and `kpi unapprove`:
who owes which figures, how the cycle stands, lock exceptions and the unit head's sign-off."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import pandas as pd
import typer
from rich.table import Table

from kpi.access import LOCAL_ADMIN, Role, Viewer
from kpi.cli.shell import catalogue, console, fail, one_line_errors, settings, storage
from kpi.completeness import ReportState
from kpi.formatting import percent
from kpi.obligations import ObligationError, obligation_records
from kpi.periods import PeriodError, Quarter, parse_quarter
from kpi.services import cycle, submissions
from kpi.services.figures import unit_registry
from kpi.services.users import viewer_for_email
from kpi.text import t


class Format(StrEnum):
    table = "table"
    json = "json"


def _unit_code(ref: str) -> str:
    found = unit_registry(storage()).resolve(ref)
    if found is None:
        fail(t("cli.no_unit", unit=ref))
    return found.code


@one_line_errors
def obligations_import(
    file: Annotated[Path, typer.Argument(help=t("cli.help.obligations_import.path"))],
) -> None:
    if not file.is_file():
        fail(t("cli.file_not_found", file=file), 2)
    try:
        rows = cycle.import_obligations(
            storage(), catalogue(), file.read_text(encoding="utf-8-sig"), actor=LOCAL_ADMIN
        )
    except ObligationError as exc:
        fail(str(exc))
    console.print(t("cli.obligations.saved", n=len(rows)))


@one_line_errors
def obligations_list(
    unit: Annotated[str | None, typer.Option(help=t("cli.help.obligations_list.unit"))] = None,
    fmt: Annotated[
        Format, typer.Option("--format", help=t("cli.help.common.format"))
    ] = Format.table,
) -> None:
    found = submissions.obligations(storage(), catalogue())
    if unit:
        code = _unit_code(unit)
        found = [o for o in found if o.unit_code == code]
    rows = obligation_records(found)
    if fmt is Format.json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    table = Table(*(t(f"cli.col.{k}") for k in ("unit", "indicator", "from", "to", "origin")))
    for row in rows:
        source = t("source_catalogue" if row["source"] == "catalogue" else "source_import")
        table.add_row(
            row["unit_code"],
            row["indicator_code"],
            row["from_period"] or "—",
            row["to_period"] or "—",
            source,
        )
    console.print(table)


def _rate(value: object) -> str:
    if not isinstance(value, int | float) or pd.isna(value):
        return "—"
    return percent(float(value), "vi", 1, grouping=False)


@one_line_errors
def show_submissions(
    period: Annotated[str | None, typer.Option(help=t("cli.help.submissions.period"))] = None,
    unit: Annotated[str | None, typer.Option(help=t("cli.help.submissions.unit"))] = None,
    fmt: Annotated[
        Format, typer.Option("--format", help=t("cli.help.common.format"))
    ] = Format.table,
) -> None:
    try:
        quarters = [parse_quarter(period)] if period else submissions.recent_quarters()
    except PeriodError as exc:
        fail(str(exc))
    target = unit_registry(storage()).get(_unit_code(unit)) if unit else None
    matrix = submissions.completeness(storage(), catalogue(), settings(), quarters, unit=target)
    if fmt is Format.json:
        typer.echo(json.dumps(submissions.records(matrix), ensure_ascii=False, indent=2))
        return
    keys = ("unit", "indicator", "quarter", "state", "submitted_at", "approval")
    table = Table(*(t(f"cli.col.{k}") for k in keys))
    rows = zip(matrix["period_index"], submissions.records(matrix), strict=True)
    for index, row in rows:
        state = ReportState(str(row["state"]))
        approved = f"✔ {row['approved_by']}" if row["approved"] else t("unapproved_word")
        table.add_row(
            str(row["unit_code"]),
            str(row["indicator_code"]),
            Quarter.from_index(int(index)).label,
            f"{state.icon} {state.word('vi')}",
            str(row["submitted_at"] or "—")[:16],
            approved if row["submitted_at"] else "—",
        )
    console.print(table)
    total = submissions.rates(matrix)["total"].iloc[0]
    console.print(
        t(
            "cli.submissions.totals",
            expected=int(total["expected"]),
            reports=int(total["reports"]),
            on_time=int(total["on_time"]),
            rate=_rate(total["reporting_rate"]),
            on_time_rate=_rate(total["on_time_rate"]),
        )
    )


@one_line_errors
def locks_open(
    unit: Annotated[str, typer.Option(help=t("cli.help.common.unit"))],
    period: Annotated[str, typer.Option(help=t("cli.help.locks_open.period"))],
    until: Annotated[str, typer.Option(help=t("cli.help.locks_open.until"))],
    reason: Annotated[str, typer.Option(help=t("cli.help.locks_open.reason"))],
) -> None:
    try:
        cycle.open_lock(storage(), unit, period, until, reason, actor=LOCAL_ADMIN)
    except cycle.CycleError as exc:
        fail(str(exc))
    quarter = parse_quarter(period).label
    console.print(t("cli.locks.opened", quarter=quarter, unit=_unit_code(unit), until=until))


@one_line_errors
def locks_list() -> None:
    keys = ("unit", "quarter", "until", "reason", "opened_by", "at")
    table = Table(*(t(f"cli.col.{k}") for k in keys))
    for row in cycle.locks_frame(storage()).to_dict("records"):
        table.add_row(
            row["unit_code"],
            Quarter.from_index(int(row["period_index"])).label,
            str(row["until"]),
            row["reason"],
            row["opened_by"],
            str(row["opened_at"])[:16],
        )
    console.print(table)


def _approver(as_user: str | None) -> Viewer:
    if as_user is None:
        return Viewer(LOCAL_ADMIN, Role.ADMIN)
    viewer = viewer_for_email(storage(), as_user)
    if viewer is None:
        fail(t("cli.no_user", user=as_user))
    if not viewer.can_approve:
        fail(t("cli.approve.not_approver", email=viewer.email))
    return viewer


AsUser = Annotated[str | None, typer.Option("--as", help=t("cli.help.common.as"))]
UnitOpt = Annotated[str, typer.Option(help=t("cli.help.common.unit"))]
PeriodOpt = Annotated[str, typer.Option(help=t("cli.help.approve.period"))]


@one_line_errors
def approve(unit: UnitOpt, period: PeriodOpt, as_user: AsUser = None) -> None:
    viewer = _approver(as_user)
    try:
        figures = cycle.approve(storage(), viewer, unit, period)
    except cycle.CycleError as exc:
        fail(str(exc))
    quarter = parse_quarter(period).label
    console.print(t("cli.approve.done", n=figures, quarter=quarter, unit=_unit_code(unit)))


@one_line_errors
def unapprove(
    unit: UnitOpt,
    period: PeriodOpt,
    reason: Annotated[str, typer.Option(help=t("cli.help.unapprove.reason"))],
    as_user: AsUser = None,
) -> None:
    viewer = _approver(as_user)
    try:
        cycle.unapprove(storage(), viewer, unit, period, reason)
    except cycle.CycleError as exc:
        fail(str(exc))
    quarter = parse_quarter(period).label
    console.print(t("cli.approve.undone", quarter=quarter, unit=_unit_code(unit)))


def register(app: typer.Typer) -> None:
    obligations = typer.Typer(help=t("cli.help.obligations"), no_args_is_help=True)
    obligations.command("import", help=t("cli.cmd.obligations_import"))(obligations_import)
    obligations.command("list", help=t("cli.cmd.obligations_list"))(obligations_list)
    app.add_typer(obligations, name="obligations")
    app.command("submissions", help=t("cli.cmd.submissions"))(show_submissions)
    locks = typer.Typer(help=t("cli.help.locks"), no_args_is_help=True)
    locks.command("open", help=t("cli.cmd.locks_open"))(locks_open)
    locks.command("list", help=t("cli.cmd.locks_list"))(locks_list)
    app.add_typer(locks, name="locks")
    app.command("approve", help=t("cli.cmd.approve"))(approve)
    app.command("unapprove", help=t("cli.cmd.unapprove"))(unapprove)
