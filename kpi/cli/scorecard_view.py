"""How `kpi scorecard` prints: a table, or one JSON object."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

import typer
from rich.table import Table

from kpi.cli.shell import console
from kpi.formatting import day_label, number
from kpi.scorecard import ScoreWeights, UnitScore
from kpi.services.scorecard import Published
from kpi.task_progress import HalfYear
from kpi.text import t


@dataclass(frozen=True)
class Sheet:
    """One scorecard to show: a published version (frozen) or the provisional one."""

    period: str
    status: str  # 'published' or 'provisional'
    version: int | None
    as_of: dt.date
    weights: dict[str, Any]
    rows: list[dict[str, Any]]


def provisional(
    half: HalfYear, as_of: dt.date, rows: Sequence[UnitScore], weights: ScoreWeights
) -> Sheet:
    return Sheet(str(half), "provisional", None, as_of, asdict(weights), [asdict(r) for r in rows])


def frozen(version: Published) -> Sheet:
    return Sheet(
        version.period,
        "published",
        version.version,
        version.as_of,
        dict(version.weights),
        list(version.rows),
    )


def _number(value: float | None) -> str:
    return number(value, "vi", 1, grouping=False)


def payload(sheet: Sheet, versions: Sequence[Published]) -> dict[str, Any]:
    return {
        "period": sheet.period,
        "status": sheet.status,
        "version": sheet.version,
        "as_of": sheet.as_of.isoformat(),
        "weights": sheet.weights,
        "rows": sheet.rows,
        "published_versions": [
            {
                "version": v.version,
                "as_of": v.as_of.isoformat(),
                "published_at": v.published_at.isoformat(),
                "published_by": v.published_by,
            }
            for v in versions
        ],
    }


def show(sheet: Sheet, versions: Sequence[Published], fmt: str, half: HalfYear) -> None:
    if fmt == "json":
        typer.echo(json.dumps(payload(sheet, versions), ensure_ascii=False, indent=2))
        return
    keys = ("unit", "score", "tasks", "on_time", "late", "overdue", "task_score", "reports")
    table = Table(
        *(t(f"cli.col.{k}") for k in (*keys, "on_time", "report_score")),
        title=t("cli.score.title", half=half.label("vi")),
    )
    for r in sheet.rows:
        table.add_row(
            str(r["unit_code"]),
            _number(r["score"]),
            str(r["tasks_counted"]),
            str(r["done_on_time"]),
            str(r["done_late"]),
            str(r["overdue"]),
            _number(r["task_score"]),
            str(r["obligations_counted"]),
            str(r["obligations_on_time"]),
            _number(r["indicator_score"]),
        )
    day = day_label(sheet.as_of)
    table.caption = (
        t("cli.score.published", version=sheet.version, day=day)
        if sheet.status == "published"
        else t("cli.score.provisional", day=day)
    )
    console.print(table)
