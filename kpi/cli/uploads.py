"""`kpi uploads list` and `kpi uploads get`: every upload attempt and the file it sent."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from kpi.cli.shell import check_output, console, fail, one_line_errors, storage
from kpi.services.figures import upload_file, upload_list

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
    fmt: Annotated[ListFormat, typer.Option("--format")] = ListFormat.table,
) -> None:
    """Mọi lần nộp (kể cả lần bị từ chối): kết quả và số lỗi."""
    records = _records()
    if fmt is ListFormat.json:
        typer.echo(json.dumps(records, ensure_ascii=False, indent=2))
        return
    table = Table("Mã", "Thời điểm", "Người nộp", "Tệp", "Kết quả", "Số lỗi", "Mới", "Thay đổi")
    for r in records:
        table.add_row(
            str(r["id"]),
            str(r["uploaded_at"])[:19],
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
    upload_id: Annotated[int, typer.Argument(help="Mã lần nộp (xem `kpi uploads list`).")],
    out: Annotated[Path, typer.Option(help="Tệp đích.")],
    force: Annotated[bool, typer.Option("--force", help="Ghi đè tệp đã có.")] = False,
) -> None:
    """Tải về đúng tệp đã nộp ở một lần nộp."""
    check_output(out, force)
    found = upload_file(storage(), upload_id)
    if found is None:
        fail(f"không có tệp của lần nộp {upload_id}")
    name, content = found
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(content)
    console.print(f"Đã ghi {out} ({len(content)} byte, tệp gốc '{name}').")


def register(app: typer.Typer) -> None:
    uploads = typer.Typer(help="Các lần nộp số liệu và tệp đã nộp.", no_args_is_help=True)
    uploads.command("list")(list_uploads)
    uploads.command("get")(get_upload)
    app.add_typer(uploads, name="uploads")
