"""`kpi status`: progress toward 2030 for the ministry, one unit, or every series."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from typing import Annotated

import pandas as pd
import typer
from rich.table import Table

from kpi.cli.shell import catalogue, console, fail, one_line_errors, storage
from kpi.periods import PeriodError, Quarter, parse_quarter
from kpi.progress import (
    CONTRACT_COLUMNS,
    Status,
    fmt_number,
    status_records,
)
from kpi.services.statuses import UnknownUnitError, statuses_for


class OutputFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


class Lang(StrEnum):
    vi = "vi"
    en = "en"


def load_statuses(unit: str, as_of: Quarter | None) -> pd.DataFrame:
    """Statuses for the root (default), one unit, or `all` series with data."""
    try:
        return statuses_for(storage(), catalogue(), unit, as_of=as_of)
    except UnknownUnitError as exc:
        fail(str(exc))


def off_target(statuses: pd.DataFrame) -> pd.DataFrame:
    """Limited progress or deteriorating, worst ratio first (no ratio sorts first)."""
    off = {s.value for s in Status if s.is_off_target}
    picked = statuses[statuses["status"].isin(off)].copy()
    picked["_order"] = picked["ratio"].fillna(float("-inf"))
    return picked.sort_values(["_order", "indicator_code"]).drop(columns="_order")


STALE_NOTE = {
    "vi": "⚠ chưa có số liệu của quý đã kết thúc gần nhất",
    "en": "⚠ no figure yet for the last quarter that has ended",
}


def _table(statuses: pd.DataFrame, lang: str, with_lead: bool) -> Table:
    cat = catalogue()
    head = ["Mã", "Chỉ tiêu", "Đơn vị", "Kỳ", "Giá trị", "Mục tiêu", "Lệch", "R", "Trạng thái"]
    if lang == "en":
        head = ["Code", "Indicator", "Unit", "Period", "Value", "Target", "Gap", "R", "Status"]
    table = Table(
        *head, *(["Đơn vị chủ trì" if lang == "vi" else "Lead unit"] if with_lead else [])
    )
    for row in statuses.to_dict("records"):
        status = Status(row["status"])
        indicator = cat[row["indicator_code"]]
        cells = [
            row["indicator_code"],
            indicator.short_name(lang),
            row["unit_code"],
            f"{row['latest_period']} ⚠" if row["stale"] else row["latest_period"],
            fmt_number(row["latest_value"], lang),
            f"{indicator.target:g}",
            fmt_number(row["gap_pp"], lang),
            fmt_number(row["ratio"], lang, 2),
            f"{status.icon} {status.word(lang)}",
        ]
        table.add_row(*cells, *([indicator.lead_units] if with_lead else []))
    if statuses["stale"].any():
        table.caption = STALE_NOTE[lang]
    return table


@one_line_errors
def status(
    unit: Annotated[str, typer.Option(help="Mã đơn vị, hoặc 'all' cho mọi chuỗi số liệu.")] = "BNV",
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="Chỉ dùng số liệu đến quý này.")
    ] = None,
    fmt: Annotated[OutputFormat, typer.Option("--format")] = OutputFormat.table,
    lang: Annotated[Lang, typer.Option("--lang")] = Lang.vi,
    only_off_target: Annotated[
        bool, typer.Option("--off-target", help="Chỉ các chỉ tiêu chậm tiến độ hoặc đi xuống.")
    ] = False,
) -> None:
    """Tiến độ các chỉ tiêu đến năm 2030 (mặc định: toàn Bộ)."""
    try:
        quarter = parse_quarter(as_of) if as_of else None
    except PeriodError as exc:
        fail(str(exc))
    statuses = load_statuses(unit, quarter)
    if only_off_target:
        statuses = off_target(statuses)
    if lang is Lang.en and not statuses.empty:
        statuses = statuses.assign(reason=statuses["reason_en"])
    if fmt is OutputFormat.json:
        typer.echo(json.dumps(status_records(statuses), ensure_ascii=False, indent=2))
    elif fmt is OutputFormat.csv:
        pd.DataFrame(status_records(statuses), columns=CONTRACT_COLUMNS).to_csv(
            sys.stdout, index=False
        )
    elif statuses.empty:
        console.print("Không có số liệu." if lang is Lang.vi else "No data.")
    else:
        console.print(_table(statuses, lang.value, with_lead=only_off_target))


def register(app: typer.Typer) -> None:
    app.command("status")(status)
