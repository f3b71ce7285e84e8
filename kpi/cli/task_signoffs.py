"""`kpi tasks approve|unapprove`: the unit head's half-year sign-off of progress reports."""

from __future__ import annotations

from typing import Annotated

import typer

from kpi.access import LOCAL_ADMIN, Role, Viewer
from kpi.cli.shell import console, fail, one_line_errors, storage
from kpi.services import task_signoffs as signoffs
from kpi.text import t

AsUser = Annotated[str | None, typer.Option("--as", help=t("cli.help.common.as"))]
UnitOpt = Annotated[str, typer.Option("--unit", help=t("cli.help.common.unit"))]
PeriodOpt = Annotated[str, typer.Option("--period", help=t("cli.help.tasks_approve.period"))]


def _approver(as_user: str | None) -> Viewer:
    """The local admin without --as, as `kpi approve` does."""
    if as_user is None:
        return Viewer(LOCAL_ADMIN, Role.ADMIN)
    from kpi.services.users import viewer_for_email

    viewer = viewer_for_email(storage(), as_user)
    if viewer is None:
        fail(t("cli.no_user", user=as_user))
    return viewer


@one_line_errors
def approve(unit: UnitOpt, period: PeriodOpt, as_user: AsUser = None) -> None:
    try:
        code, half, reports = signoffs.approve(storage(), _approver(as_user), unit, period)
    except signoffs.SignoffError as exc:
        fail(str(exc))
    console.print(t("cli.signoff.done", reports=reports, half=half.label(), unit=code))


@one_line_errors
def unapprove(
    unit: UnitOpt,
    period: PeriodOpt,
    reason: Annotated[str, typer.Option("--reason", help=t("cli.help.tasks_unapprove.reason"))],
    as_user: AsUser = None,
) -> None:
    try:
        code, half = signoffs.unapprove(storage(), _approver(as_user), unit, period, reason)
    except signoffs.SignoffError as exc:
        fail(str(exc))
    console.print(t("cli.signoff.undone", half=half.label(), unit=code))


def register(tasks_app: typer.Typer) -> None:
    tasks_app.command("approve", help=t("cli.cmd.tasks_approve"))(approve)
    tasks_app.command("unapprove", help=t("cli.cmd.tasks_unapprove"))(unapprove)
