"""`kpi template` and `kpi load`: the officer's template, and a validated atomic upload.

Exit codes of `kpi load` (also in the README): 0 committed (or dry run / already
imported), 1 validation failed or refused (also `--confirm` without `--note`), 2 file
cannot be read, 3 warnings not confirmed, 4 the database could not take the commit.
Every attempt except a dry run is recorded with its file (`kpi uploads list`).
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import Progress
from rich.table import Table

from kpi.access import LOCAL_ADMIN
from kpi.cli.shell import (
    catalogue,
    check_output,
    console,
    err_console,
    fail,
    one_line_errors,
    say,
    settings,
    storage,
)
from kpi.periods import PeriodError, parse_quarter
from kpi.problems import FileRejected, Problem, problems_table
from kpi.services import ingest
from kpi.services.figures import unit_registry
from kpi.services.ingest import (
    CommitResult,
    Prepared,
    QuarterLockedError,
    ScopeError,
    UploadFailed,
)
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
    force: Annotated[bool, typer.Option("--force", help="Ghi đè tệp đã có.")] = False,
) -> None:
    """Tạo mẫu báo cáo số liệu cho cán bộ đầu mối."""
    check_output(out, force)
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
    say(f"Đã tạo mẫu {out} ({len(codes or catalogue())} chỉ tiêu).")


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


def _summary(result: CommitResult, prepared: Prepared, lang: str) -> str:
    new, changed, same = result.rows_new, result.rows_changed, result.rows_unchanged
    upload_id = result.upload_id
    if lang == "en":
        text = f"Committed: {new} new, {changed} changed, {same} unchanged; upload {upload_id}."
    else:
        text = f"Đã ghi: {new} mới, {changed} thay đổi, {same} không đổi; mã lần nộp {upload_id}."
    if result.reimported_from is not None:
        text += (
            f" This file was imported before (upload {result.reimported_from}); its figures "
            "were written again as new revisions."
            if lang == "en"
            else f" Tệp này đã được nhập trước đó (lần nộp {result.reimported_from}); các số "
            "liệu của tệp được ghi lại thành bản sửa mới."
        )
    return text + _not_reported(prepared, lang) + _value_only(prepared, lang)


SHOWN_ROWS = 10  # row numbers listed in a notice; the count says how many in all


def _value_only(prepared: Prepared, lang: str) -> str:
    rows = prepared.value_only_rows
    if not rows:
        return ""
    listed = ", ".join(str(r) for r in rows[:SHOWN_ROWS]) + ("…" if len(rows) > SHOWN_ROWS else "")
    if lang == "en":
        return (
            f" {len(rows)} rows give a value without numerator and denominator (rows {listed}): "
            "they are stored but not summed into the parent units' and the ministry's figures."
        )
    return (
        f" {len(rows)} dòng chỉ có tỷ lệ, không có tử số và mẫu số (dòng {listed}): số liệu "
        "được ghi nhưng không được cộng dồn vào số liệu của đơn vị cấp trên và toàn Bộ."
    )


def _not_reported(prepared: Prepared, lang: str) -> str:
    if not prepared.not_reported:
        return ""
    reported, expected = prepared.completeness
    if lang == "en":
        return (
            f" {prepared.not_reported} rows without figures skipped as not reported "
            f"({reported} of {expected} reported)."
        )
    return (
        f" {prepared.not_reported} dòng không có số liệu được bỏ qua (chưa báo cáo); "
        f"đã báo cáo {reported}/{expected}."
    )


def _record(file: Path, actor: str, outcome: str, total: int) -> None:
    ingest.record_refusal(
        storage(),
        actor=actor,
        file_name=file.name,
        data=file.read_bytes(),
        outcome=outcome,
        problem_count=total,
    )


def _say(lang: Lang, vi: str, en: str) -> str:
    return en if lang is Lang.en else vi


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
        fail(_say(lang, f"không tìm thấy tệp {file}", f"file not found: {file}"), 2)
    if confirm and not (note or "").strip():
        fail(_say(lang, "--confirm cần kèm --note (ghi chú xác nhận)", "--confirm needs --note"))
    actor, scope = _actor(as_user)
    prepared = _prepare(file, unit, actor, dry_run, lang)
    if prepared.warnings and not confirm:
        _print_problems(prepared.warnings, len(prepared.warnings), lang.value)
        err_console.print(
            _say(lang, "Cần --confirm kèm --note để ghi.", "Use --confirm with --note to commit.")
        )
        if not dry_run:
            _record(file, actor, "unconfirmed", len(prepared.warnings))
        raise typer.Exit(3)
    if dry_run:
        _dry_run(prepared, scope, lang)
        return
    _commit(prepared, actor, scope, note, lang)


def _prepare(file: Path, unit: str | None, actor: str, dry_run: bool, lang: Lang) -> Prepared:
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
        if not dry_run:
            _record(file, actor, "unreadable", 1)
        fail(exc.problem.text(lang.value), 2)
    if not prepared.ok:
        _print_problems(prepared.problems, prepared.total_problems, lang.value)
        if not dry_run:
            _record(file, actor, "refused", prepared.total_problems)
        raise typer.Exit(1)
    return prepared


def _dry_run(prepared: Prepared, scope: frozenset[str] | None, lang: Lang) -> None:
    outside = ingest.scope_problems(prepared, scope)
    if outside:
        fail(
            _say(
                lang,
                f"không có quyền nhập số liệu cho đơn vị: {', '.join(outside)}",
                f"not allowed to submit figures for: {', '.join(outside)}",
            )
        )
    counts = prepared.counts()
    console.print(
        _say(
            lang,
            f"Kiểm tra xong, không ghi: {counts['new']} mới, {counts['changed']} thay đổi, "
            f"{counts['unchanged']} không đổi.",
            f"Checked, nothing written: {counts['new']} new, {counts['changed']} changed, "
            f"{counts['unchanged']} unchanged.",
        )
        + _not_reported(prepared, lang.value)
        + _value_only(prepared, lang.value)
    )


def _commit(
    prepared: Prepared, actor: str, scope: frozenset[str] | None, note: str | None, lang: Lang
) -> None:
    try:
        with Progress(
            console=console, transient=True, disable=len(prepared.frame) < PROGRESS_ROWS
        ) as bar:
            task = bar.add_task(_say(lang, "Đang ghi", "Writing"), total=1.0)
            result = ingest.commit(
                storage(),
                prepared,
                actor=actor,
                allowed_units=scope,
                confirm_note=(note or "").strip() or None,
                progress=lambda f: bar.update(task, completed=f),
                settings=settings(),
                catalogue=catalogue(),
            )
    except (ScopeError, QuarterLockedError) as exc:
        fail(str(exc))
    except UploadFailed as exc:
        fail(exc.problem.text(lang.value), 4)
    if result.already_imported:
        previous = result.previous_upload_id
        console.print(
            _say(
                lang,
                f"Tệp đã được nhập trước đó (lần nộp {previous}); không ghi gì thêm."
                if previous
                else "Tệp đã được nhập trước đó: mọi số liệu trùng với số đang lưu; "
                "không ghi gì thêm.",
                f"The file was already imported (upload {previous}); nothing new was written."
                if previous
                else "The file was already imported: every figure equals the stored one; "
                "nothing new was written.",
            )
        )
        return
    say(_summary(result, prepared, lang.value))


def register(app: typer.Typer) -> None:
    app.command("template")(template)
    app.command("load")(load)
