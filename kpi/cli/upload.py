"""`kpi template` and `kpi load`: the officer's template, and a validated atomic upload.

Exit codes of `kpi load`: 0 committed (or dry run / already imported), 1 validation
failed or refused, 2 file cannot be read, 3 warnings not confirmed.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import Progress
from rich.table import Table

from kpi.access import LOCAL_ADMIN
from kpi.cli.shell import catalogue, console, err_console, fail, one_line_errors, settings, storage
from kpi.periods import PeriodError, parse_quarter
from kpi.problems import FileRejected, Problem, problems_table
from kpi.services import ingest
from kpi.services.figures import unit_registry
from kpi.services.ingest import CommitResult, QuarterLockedError, ScopeError
from kpi.services.submissions import unit_indicators
from kpi.services.users import viewer_for_email
from reports.template import template_csv, template_xlsx

PROGRESS_ROWS = 2_000


class Lang(StrEnum):
    vi = "vi"
    en = "en"


@one_line_errors
def template(
    out: Annotated[Path, typer.Option(help="Tệp mẫu cần tạo: .xlsx hoặc .csv.")],
    unit: Annotated[str | None, typer.Option(help="Điền sẵn mã đơn vị.")] = None,
    period: Annotated[str | None, typer.Option(help="Điền sẵn kỳ, ví dụ 2025-Q3.")] = None,
) -> None:
    """Tạo mẫu báo cáo số liệu cho cán bộ đầu mối."""
    try:
        quarter = str(parse_quarter(period)) if period else ""
    except PeriodError as exc:
        fail(str(exc))
    unit_code = ""
    codes: list[str] | None = None
    if unit:
        found = unit_registry(storage()).resolve(unit)
        if found is None:
            fail(f"không có đơn vị '{unit}'")
        unit_code = found.code
        owed = parse_quarter(quarter) if quarter else None
        codes = unit_indicators(storage(), catalogue(), unit_code, owed)
        if not codes:
            fail(f"đơn vị {unit_code} không có nghĩa vụ báo cáo chỉ tiêu nào (kpi obligations)")
    suffix = out.suffix.lower()
    if suffix not in {".xlsx", ".csv"}:
        fail("tệp mẫu phải có đuôi .xlsx hoặc .csv")
    maker = template_xlsx if suffix == ".xlsx" else template_csv
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(maker(catalogue(), unit_code, quarter, codes))
    console.print(f"Đã tạo mẫu {out} ({len(codes or catalogue())} chỉ tiêu).")


def _print_problems(problems: list[Problem], total: int, lang: str) -> None:
    rows = problems_table(problems, lang)
    table = Table(
        *(rows[0].keys() if rows else ["Lỗi"]),
        title=(
            f"{total} lỗi — không có gì được ghi"
            if lang == "vi"
            else f"{total} problems — nothing was written"
        ),
    )
    for row in rows:
        table.add_row(*("" if v is None else str(v) for v in row.values()))
    err_console.print(table)


def _actor(as_user: str | None) -> tuple[str, frozenset[str] | None]:
    if as_user is None:
        return LOCAL_ADMIN, None
    viewer = viewer_for_email(storage(), as_user)
    if viewer is None:
        fail(f"không có người dùng '{as_user}'")
    return viewer.email, viewer.write_scope()


def _summary(result: CommitResult, lang: str) -> str:
    new, changed, same = result.rows_new, result.rows_changed, result.rows_unchanged
    upload_id = result.upload_id
    if lang == "en":
        return f"Committed: {new} new, {changed} changed, {same} unchanged; upload {upload_id}."
    return f"Đã ghi: {new} mới, {changed} thay đổi, {same} không đổi; mã lần nộp {upload_id}."


@one_line_errors
def load(
    file: Annotated[Path, typer.Argument(help="Tệp CSV, .xlsx, .xls hoặc .ods.")],
    unit: Annotated[str | None, typer.Option(help="Điền hoặc kiểm tra cột đơn vị.")] = None,
    as_user: Annotated[
        str | None, typer.Option("--as", help="Thực hiện với tư cách người dùng này.")
    ] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Chỉ kiểm tra, không ghi.")] = False,
    confirm: Annotated[bool, typer.Option(help="Xác nhận các thay đổi bất thường.")] = False,
    note: Annotated[str | None, typer.Option(help="Ghi chú xác nhận (dùng với --confirm).")] = None,
    lang: Annotated[Lang, typer.Option("--lang")] = Lang.vi,
) -> None:
    """Kiểm tra và nạp số liệu quý: ghi toàn bộ tệp hoặc không ghi gì."""
    if not file.is_file():
        fail(f"không tìm thấy tệp {file}", 2)
    actor, scope = _actor(as_user)
    try:
        prepared = ingest.prepare(
            storage(),
            file.read_bytes(),
            file.name,
            catalogue=catalogue(),
            settings=settings(),
            unit=unit,
            preview=dry_run,  # a commit counts its own rows
        )
    except FileRejected as exc:
        fail(exc.problem.text(lang.value), 2)
    if not prepared.ok:
        _print_problems(prepared.problems, prepared.total_problems, lang.value)
        raise typer.Exit(1)
    if prepared.warnings and not confirm:
        _print_problems(prepared.warnings, len(prepared.warnings), lang.value)
        err_console.print(
            "Cần --confirm (kèm --note) để ghi."
            if lang is Lang.vi
            else "Use --confirm (with --note) to commit."
        )
        raise typer.Exit(3)
    if dry_run:
        counts = prepared.counts()
        console.print(
            f"Kiểm tra xong, không ghi: {counts['new']} mới, {counts['changed']} "
            f"thay đổi, {counts['unchanged']} không đổi."
        )
        return
    confirm_note = (note or "Xác nhận qua dòng lệnh") if prepared.warnings else note
    try:
        with Progress(
            console=console, transient=True, disable=len(prepared.frame) < PROGRESS_ROWS
        ) as bar:
            task = bar.add_task("Đang ghi", total=1.0)
            result = ingest.commit(
                storage(),
                prepared,
                actor=actor,
                allowed_units=scope,
                confirm_note=confirm_note,
                progress=lambda f: bar.update(task, completed=f),
                settings=settings(),
                catalogue=catalogue(),
            )
    except (ScopeError, QuarterLockedError) as exc:
        fail(str(exc))
    if result.already_imported:
        console.print(
            f"Tệp đã được nhập trước đó (lần nộp {result.previous_upload_id}); không ghi gì thêm."
        )
        return
    console.print(_summary(result, lang.value))


def register(app: typer.Typer) -> None:
    app.command("template")(template)
    app.command("load")(load)
