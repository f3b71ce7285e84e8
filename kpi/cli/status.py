"""`kpi status`: progress toward 2030 for the ministry, one unit, or every series."""

from __future__ import annotations

import datetime as dt
import sys
from enum import StrEnum
from typing import Annotated

import pandas as pd
import typer
from rich.table import Table

from kpi.cli.shell import catalogue, console, fail, one_line_errors, say, storage
from kpi.periods import PeriodError, Quarter, last_ended_quarter, parse_quarter
from kpi.progress import (
    CONTRACT_COLUMNS,
    Status,
    fmt_number,
    status_json,
    status_records,
)
from kpi.progress.coverage_text import coverage_text
from kpi.services.forked import AVAILABLE
from kpi.services.status_text import every_scope_chunks
from kpi.services.statuses import UnknownUnitError, statuses_for
from kpi.text import t
from reports.tables import safe_frame


class OutputFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


class Lang(StrEnum):
    vi = "vi"
    en = "en"


def load_statuses(
    unit: str, as_of: Quarter | None, known_on: dt.date | None = None
) -> pd.DataFrame:
    """Statuses for the root (default), one unit, or `all` (every parent and leaf)."""
    try:
        return statuses_for(storage(), catalogue(), unit, as_of=as_of, known_on=known_on)
    except UnknownUnitError as exc:
        fail(str(exc))


def off_target(statuses: pd.DataFrame) -> pd.DataFrame:
    """Limited progress or deteriorating, lowest projected progress first (none sorts first)."""
    off = {s.value for s in Status if s.is_off_target}
    picked = statuses[statuses["status"].isin(off)].copy()
    picked["_order"] = picked["projected_progress"].astype(float).fillna(float("-inf"))
    return picked.sort_values(["_order", "indicator_code"]).drop(columns="_order")


HEADS = ("code", "indicator", "unit", "period", "value", "coverage", "target", "projection")


def _table(statuses: pd.DataFrame, lang: str, with_lead: bool, as_of: Quarter) -> Table:
    cat = catalogue()
    keys = (*HEADS, "progress", "status", *(("lead",) if with_lead else ()))
    table = Table(*(t(f"cli.col.{k}", lang) for k in keys))
    for row in statuses.to_dict("records"):
        status = Status(row["status"])
        indicator = cat[row["indicator_code"]]
        cells = [
            row["indicator_code"],
            indicator.short_name(lang),
            row["unit_code"],
            f"{row['latest_period']} ⚠" if row["stale"] else str(row["latest_period"] or "–"),
            fmt_number(row["latest_value"], lang),
            coverage_text(row, lang),
            f"{indicator.target:g}",
            fmt_number(row["projected_2030"], lang),
            fmt_number(row["projected_progress"], lang, 2),
            f"{status.icon} {status.word(lang)}",
        ]
        table.add_row(*cells, *([indicator.lead_units] if with_lead else []))
    if statuses["stale"].fillna(False).astype(bool).any():
        table.caption = t("cli.status.stale_note", lang, period=as_of)
    return table


@one_line_errors
def status(
    unit: Annotated[str, typer.Option(help=t("cli.help.status.unit"))] = "BNV",
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", help=t("cli.help.status.as_of")),
    ] = None,
    known_on: Annotated[
        str | None,
        typer.Option("--known-on", help=t("cli.help.status.known_on")),
    ] = None,
    fmt: Annotated[
        OutputFormat, typer.Option("--format", help=t("cli.help.common.format"))
    ] = OutputFormat.table,
    lang: Annotated[Lang, typer.Option("--lang", help=t("cli.help.common.lang"))] = Lang.vi,
    only_off_target: Annotated[
        bool, typer.Option("--off-target", help=t("cli.help.status.off_target"))
    ] = False,
) -> None:
    try:
        quarter = parse_quarter(as_of) if as_of else last_ended_quarter()
    except PeriodError as exc:
        fail(str(exc))
    try:
        day = dt.date.fromisoformat(known_on) if known_on else None
    except ValueError:
        fail(t("cli.status.bad_known_on", lang.value, text=known_on))
    if unit.lower() == "all" and fmt is OutputFormat.json and not only_off_target:
        # the leaves on the second core (this process has one thread): the same text
        chunks = every_scope_chunks(
            storage(), catalogue(), as_of=quarter, known_on=day, lang=lang.value, fork=AVAILABLE
        )
        for chunk in chunks:  # bytes: no copy of the whole, no scan for colour codes
            typer.echo(chunk, nl=False)
        typer.echo(b"")
        return
    statuses = load_statuses(unit, quarter, day)
    if only_off_target:
        statuses = off_target(statuses)
    if lang is Lang.en and not statuses.empty:
        statuses = statuses.assign(reason=statuses["reason_en"])
    if fmt is OutputFormat.json:
        typer.echo(status_json(statuses).encode())
    elif fmt is OutputFormat.csv:
        records = [
            {k: ";".join(v) if isinstance(v, list) else v for k, v in r.items()}
            for r in status_records(statuses)
        ]
        # Unit codes and reasons are text: guarded as `kpi export` guards them.
        safe_frame(pd.DataFrame(records, columns=CONTRACT_COLUMNS)).to_csv(sys.stdout, index=False)
    elif statuses.empty:
        say(t("cli.status.no_data", lang.value))
    else:
        console.print(_table(statuses, lang.value, with_lead=only_off_target, as_of=quarter))


def register(app: typer.Typer) -> None:
    app.command("status", help=t("cli.cmd.status"))(status)
