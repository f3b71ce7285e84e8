"""`kpi uploads list` and `kpi uploads get`: every upload attempt and the file it sent."""

from __future__ import annotations

import datetime as dt
import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from kpi.cli.shell import check_output, console, fail, one_line_errors, storage
from kpi.formatting import local_moment
from kpi.services.figures import upload_file, upload_list
from kpi.text import t

LIST_KEYS = [
    "id",
    "uploaded_at",
    "uploaded_by",
    "file_name",
    "outcome",
    "problem_count",
    "rows_total",
    "rows_new",
    "rows_changed",
    "rows_unchanged",
    "size_bytes",
    "sha256",
]


class ListFormat(StrEnum):
    table = "table"
    json = "json"


def _records() -> list[dict[str, object]]:
    frame = upload_list(storage())
    records = []
    for row in frame.to_dict("records"):
        record = {key: row[key] for key in LIST_KEYS}
        at = record["uploaded_at"]
        record["uploaded_at"] = at.isoformat() if hasattr(at, "isoformat") else str(at)
        for key in ("id", "problem_count", "rows_total", "rows_new", "rows_changed"):
            record[key] = int(str(record[key] or 0))
        record["rows_unchanged"] = int(str(record["rows_unchanged"] or 0))
        record["size_bytes"] = int(str(record["size_bytes"] or 0))
        records.append(record)
    return records


@one_line_errors
def list_uploads(
    fmt: Annotated[
        ListFormat, typer.Option("--format", help=t("cli.help.common.format"))
    ] = ListFormat.table,
) -> None:
    records = _records()
    if fmt is ListFormat.json:
        typer.echo(json.dumps(records, ensure_ascii=False, indent=2))
        return
    keys = ("code", "time", "uploaded_by", "file", "outcome", "problems", "new", "changed")
    table = Table(*(t(f"cli.col.{k}") for k in keys))
    for r in records:
        table.add_row(
            str(r["id"]),
            local_moment(dt.datetime.fromisoformat(str(r["uploaded_at"]))),
            str(r["uploaded_by"]),
            str(r["file_name"]),
            str(r["outcome"]),
            str(r["problem_count"]),
            str(r["rows_new"]),
            str(r["rows_changed"]),
        )
    console.print(table)


@one_line_errors
def get_upload(
    upload_id: Annotated[int, typer.Argument(help=t("cli.help.uploads_get.upload_id"))],
    out: Annotated[Path, typer.Option(help=t("cli.help.uploads_get.out"))],
    force: Annotated[bool, typer.Option("--force", help=t("cli.help.common.force"))] = False,
) -> None:
    check_output(out, force)
    found = upload_file(storage(), upload_id)
    if found is None:
        fail(t("cli.uploads.no_file", upload_id=upload_id))
    name, content = found
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(content)
    console.print(t("cli.uploads.written", out=out, size=len(content), name=name))


def register(app: typer.Typer) -> None:
    uploads = typer.Typer(help=t("cli.help.uploads"), no_args_is_help=True)
    uploads.command("list", help=t("cli.cmd.uploads_list"))(list_uploads)
    uploads.command("get", help=t("cli.cmd.uploads_get"))(get_upload)
    app.add_typer(uploads, name="uploads")
