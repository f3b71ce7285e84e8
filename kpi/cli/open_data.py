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
from kpi.periods import PeriodError, parse_quarter
from kpi.services import tokens as token_service
from kpi.services.publish import publish as write_package
from kpi.services.webhooks import scan


@one_line_errors
def tokens_add(
    name: Annotated[str, typer.Argument(help="Tên token (ví dụ: ioc, cong-du-lieu-mo).")],
    scope: Annotated[str, typer.Option(help="Phạm vi: read (chỉ đọc).")] = "read",
) -> None:
    """Tạo token cho API đọc; mã bí mật chỉ hiện một lần."""
    try:
        secret = token_service.add_token(storage(), name, scope, actor="cli")
    except token_service.TokenError as exc:
        fail(str(exc))
    console.print(f"Token '{name}' ({scope}); lưu mã này, nó không được hiện lại:")
    typer.echo(secret)


def _stamp(value: Any) -> str:
    return (
        "—" if value is None or pd.isna(value) else pd.Timestamp(value).strftime("%Y-%m-%d %H:%M")
    )


@one_line_errors
def tokens_list() -> None:
    """Liệt kê token (không bao giờ hiện mã bí mật)."""
    frame = token_service.list_tokens(storage())
    if frame.empty:
        console.print("Chưa có token.")
        return
    table = Table("Tên", "Phạm vi", "Tạo lúc", "Người tạo", "Thu hồi lúc", "Dùng lần cuối")
    for row in frame.to_dict("records"):
        created, revoked, used = (
            _stamp(row[c]) for c in ("created_at", "revoked_at", "last_used_at")
        )
        table.add_row(
            str(row["name"]), str(row["scope"]), created, str(row["created_by"]), revoked, used
        )
    console.print(table)


@one_line_errors
def tokens_revoke(name: Annotated[str, typer.Argument(help="Tên token.")]) -> None:
    """Thu hồi token: các lời gọi sau đó bị từ chối (401)."""
    try:
        token_service.revoke_token(storage(), name, actor="cli")
    except token_service.TokenError as exc:
        fail(str(exc))
    console.print(f"Đã thu hồi token '{name}'.")


@one_line_errors
def notify() -> None:
    """Gửi cảnh báo tới KPI_WEBHOOK_URL: trạng thái xấu đi, số liệu toàn Bộ thay đổi, quá hạn."""
    if not settings().webhook_url:
        fail("chưa đặt KPI_WEBHOOK_URL")
    events = scan(storage(), catalogue(), settings())
    if not events:
        console.print("Không có thay đổi mới để báo.")
    for event in events:
        console.print(f"{event.type}: {len(event.items)} mục (sự kiện {event.id})")


@one_line_errors
def publish(
    out: Annotated[Path, typer.Option(help="Thư mục đích của gói dữ liệu.")],
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="Chỉ dùng số liệu đến quý này.")
    ] = None,
    include_demo: Annotated[
        bool, typer.Option(help="Kèm dữ liệu minh họa, mỗi dòng gắn cột is_demo.")
    ] = False,
    force: Annotated[bool, typer.Option("--force", help="Ghi đè các tệp đã có.")] = False,
) -> None:
    """Xuất gói dữ liệu mở (Frictionless Data Package): danh mục, số liệu, trạng thái."""
    check_output_dir(out, force)
    try:
        quarter = parse_quarter(as_of) if as_of else None
    except PeriodError as exc:
        fail(str(exc))
    path = write_package(storage(), catalogue(), out, as_of=quarter, include_demo=include_demo)
    typer.echo(str(path))


def register(app: typer.Typer) -> None:
    tokens = typer.Typer(help="Token của API đọc.", no_args_is_help=True)
    tokens.command("add")(tokens_add)
    tokens.command("list")(tokens_list)
    tokens.command("revoke")(tokens_revoke)
    app.add_typer(tokens, name="tokens")
    app.command("notify")(notify)
    app.command("publish")(publish)
