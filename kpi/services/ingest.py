"""The upload service used by the CLI and the dashboard: prepare (read, validate,
preview, warnings), then commit whole or not at all.

    prepared = prepare(storage, data, "q3.xlsx", catalogue=cat, settings=settings)
    if prepared.ok and (not prepared.warnings or note):
        result = commit(storage, prepared, actor=email, allowed_units=scope,
                        confirm_note=note, progress=callback)
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable, Collection
from dataclasses import dataclass, field

import pandas as pd

import loaders
import schemas
from kpi.canonical import COLUMNS, NUMERIC, ROW_COLUMN, content_hash, period_indexes
from kpi.catalogue import Catalogue, load_catalogue
from kpi.messages import Explained, say
from kpi.periods import local_today
from kpi.problems import FileRejected, Problem
from kpi.services.commit import (
    CommitResult,
    ScopeError,
    commit_upload,
    record_attempt,
    refuse_scope,
)
from kpi.services.locks import LockRule, QuarterLockedError
from kpi.services.outliers import outlier_warnings
from kpi.settings import Settings
from kpi.storage import CommitError, Storage, StorageBusyError
from kpi.storage.repository import current_frame, unit_registry
from kpi.units import UnitRegistry
from kpi.uploads import UploadMeta, classify_rows, outside_scope
from loaders import Limits, LoadResult

__all__ = [
    "CommitResult",
    "FileRejected",
    "Prepared",
    "QuarterLockedError",
    "ScopeError",
    "UploadFailed",
    "UploadNotReady",
    "check_file",
    "check_size",
    "commit",
    "prepare",
    "read_file",
    "record_refusal",
    "refuse_outside_scope",
    "scope_problems",
]

OUTLIER_COLUMNS = ("indicator_code", "unit_code", "period", "period_index", "value")
FILE_NAME_CHARS = 255
_UNSAFE_NAME = re.compile(r"[\x00-\x1f\x7f]")
PREVIEW_COLUMNS = ("indicator_code", "unit_code", "period", *NUMERIC, "revision")


class UploadNotReady(Explained, ValueError):
    """Commit was asked for a file with problems or unconfirmed warnings."""


class UploadFailed(RuntimeError):
    """The commit could not be written (busy or refused database); nothing was written.
    The problem is the officer's message; the attempt is recorded."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.text("vi"))
        self.problem = problem


def safe_file_name(name: str) -> str:
    """The name as stored and shown: no control characters (PostgreSQL refuses NUL)."""
    return _UNSAFE_NAME.sub("", str(name))[:FILE_NAME_CHARS] or "tep"


@dataclass
class Prepared:
    """A read and validated file, ready to show and to commit."""

    file_name: str
    sha256: str
    size_bytes: int
    frame: pd.DataFrame  # canonical, with source_row
    problems: list[Problem] = field(default_factory=list)
    total_problems: int = 0
    warnings: list[Problem] = field(default_factory=list)
    preview: pd.DataFrame = field(default_factory=pd.DataFrame)
    unused_columns: list[str] = field(default_factory=list)
    content_hash: str = ""
    content: bytes | None = None  # the uploaded bytes, stored with the attempt
    not_reported: int = 0  # rows with no figure: skipped as not reported
    # rows of a unit below the root with a value but no counts: never summed into parents
    value_only_rows: list[int] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.total_problems == 0

    @property
    def completeness(self) -> tuple[int, int]:
        """(rows with a figure, rows in the file with an indicator): reported of expected."""
        reported = len(self.frame)
        return reported, reported + self.not_reported

    def counts(self) -> dict[str, int]:
        if self.preview.empty:
            return {"new": 0, "changed": 0, "unchanged": 0}
        states = self.preview["state"].value_counts()
        return {k: int(states.get(k, 0)) for k in ("new", "changed", "unchanged")}


def value_only_rows(clean: pd.DataFrame, root: str) -> list[int]:
    """Source rows that give a value without numerator and denominator, for a unit with a
    parent: methodology v2 sums only counts, so these never enter a parent's figure."""
    no_counts = clean["numerator"].isna() | clean["denominator"].isna()
    chosen = clean[no_counts & (clean["unit_code"].astype(str) != root)]
    return sorted(int(r) for r in chosen[ROW_COLUMN])


def check_size(data: bytes, settings: Settings) -> None:
    limit = settings.max_upload_mb * 2**20
    if len(data) > limit:
        raise FileRejected(
            Problem(
                "too_large",
                params={"size_mb": round(len(data) / 2**20, 1), "limit_mb": settings.max_upload_mb},
            )
        )


def _apply_unit(frame: pd.DataFrame, unit: str | None) -> list[Problem]:
    """`--unit` fills an empty unit column and checks a filled one."""
    if unit is None:
        return []
    empty = frame["unit_code"].fillna("") == ""
    frame.loc[empty, "unit_code"] = unit
    other = frame[frame["unit_code"] != unit]
    return [
        Problem("unit_mismatch", int(r), "unit_code", str(u), {"unit": unit})
        for r, u in zip(other[ROW_COLUMN], other["unit_code"], strict=True)
    ]


@dataclass(frozen=True)
class ReadFile:
    """A file read into the canonical table, not yet validated."""

    file_name: str
    sha256: str
    size_bytes: int
    loaded: LoadResult
    units: UnitRegistry
    unit: str | None = None
    content: bytes | None = None


def limits_for(settings: Settings) -> Limits:
    return Limits(max_rows=settings.max_rows)


def read_file(
    storage: Storage, data: bytes, filename: str, *, settings: Settings, unit: str | None = None
) -> ReadFile:
    """The reading half of `prepare`. Raises FileRejected for a file that cannot be read."""
    check_size(data, settings)
    units = unit_registry(storage)
    if unit is not None:
        found = units.resolve(unit)
        unit = found.code if found else unit
    loaded = loaders.read(data, filename, units, limits_for(settings))
    if len(loaded.frame) > settings.max_rows:
        raise FileRejected(
            Problem("too_many_rows", params={"rows": len(loaded.frame), "limit": settings.max_rows})
        )
    sha256 = hashlib.sha256(data).hexdigest()
    return ReadFile(safe_file_name(filename), sha256, len(data), loaded, units, unit, data)


def check_file(
    storage: Storage,
    read: ReadFile,
    *,
    catalogue: Catalogue,
    settings: Settings,
    today: dt.date | None = None,
    preview: bool = True,
) -> Prepared:
    """The checking half of `prepare`: schema, jumps against stored quarters, preview."""
    frame = read.loaded.frame.copy(deep=False)  # copy on write: `--unit` changes only this
    problems = read.loaded.problems
    if read.unit is not None:  # `--unit` stands in for a missing unit column
        problems = [p for p in problems if (p.code, p.column) != ("missing_column", "unit_code")]
    prior = [*problems, *_apply_unit(frame, read.unit)]
    report = schemas.validate(frame, catalogue, read.units, today=today, prior=prior)
    prepared = Prepared(
        file_name=read.file_name,
        sha256=read.sha256,
        size_bytes=read.size_bytes,
        frame=report.frame,
        problems=report.problems,
        total_problems=report.total_problems,
        unused_columns=read.loaded.unused_columns,
        content=read.content,
        not_reported=read.loaded.not_reported,
    )
    if prepared.ok:
        clean = report.frame[[*COLUMNS, ROW_COLUMN]]
        prepared.content_hash = content_hash(clean)
        quarters = sorted(set(period_indexes(clean["period"]).unique().tolist()))
        neighbours = sorted({q + step for q in quarters for step in (-1, 1)} - set(quarters))
        before = current_frame(storage, period_indexes=neighbours, columns=OUTLIER_COLUMNS)
        prepared.warnings = outlier_warnings(before, clean, settings.outlier_threshold_pp)
        prepared.value_only_rows = value_only_rows(clean, read.units.root.code)
        if preview:
            stored = current_frame(storage, period_indexes=quarters, columns=PREVIEW_COLUMNS)
            prepared.preview = classify_rows(clean, stored)
    return prepared


def prepare(
    storage: Storage,
    data: bytes,
    filename: str,
    *,
    catalogue: Catalogue,
    settings: Settings,
    unit: str | None = None,
    today: dt.date | None = None,
    preview: bool = True,
) -> Prepared:
    """Read and validate a file, and (with `preview`) show what a commit would do.

    Writes nothing. Raises FileRejected when the file cannot be read at all.
    """
    read = read_file(storage, data, filename, settings=settings, unit=unit)
    return check_file(
        storage, read, catalogue=catalogue, settings=settings, today=today, preview=preview
    )


def commit(
    storage: Storage,
    prepared: Prepared,
    *,
    actor: str,
    allowed_units: Collection[str] | None = None,
    confirm_note: str | None = None,
    progress: Callable[[float], None] | None = None,
    settings: Settings | None = None,
    catalogue: Catalogue | None = None,
    today: dt.date | None = None,
) -> CommitResult:
    """Commit a prepared file whole. Warnings need a confirmation note.

    For officers (a limited `allowed_units`) quarters past their lock date are
    refused (QuarterLockedError) unless the unit has an open exception; an
    administrator (no limit) writes them and the override is audited. Quarters a
    unit head approved are refused for everyone. With `settings` (and a webhook URL
    in them), the webhook receiver hears of what the commit changed.
    """
    if not prepared.ok:
        raise UploadNotReady(say("svc.upload.has_errors"))
    if prepared.warnings and not (confirm_note or "").strip():
        raise UploadNotReady(say("svc.upload.needs_confirm"))
    confirmed = [{"row": w.row, "value": w.value, **w.params} for w in prepared.warnings]
    meta = _meta(prepared, confirm_note, _outlier_keys(prepared, confirmed))
    frame = prepared.frame[[*COLUMNS, ROW_COLUMN]]
    rules = settings or Settings()
    lock = LockRule(
        today=today or local_today(),
        deadline_days=rules.deadline_days,
        lock_days=rules.lock_days,
        enforce=allowed_units is not None,
        contact=rules.admin_contact,
    )
    try:
        result = commit_upload(
            storage,
            frame,
            actor=actor,
            meta=meta,
            allowed_units=allowed_units,
            progress=progress,
            lock=lock,
        )
    except (StorageBusyError, CommitError) as exc:
        code = "database_busy" if isinstance(exc, StorageBusyError) else "commit_failed"
        _record_quietly(storage, actor, meta, code)
        raise UploadFailed(Problem(code)) from exc
    if settings is not None and settings.webhook_url and not result.already_imported:
        from kpi.services.webhooks import scan_in_background  # half a second of imports

        scan_in_background(storage, catalogue or load_catalogue(), settings)
    return result


def _record_quietly(storage: Storage, actor: str, meta: UploadMeta, code: str) -> None:
    """Keep a trace of a failed commit when the database lets us; never mask the message."""
    try:
        record_attempt(storage, actor, meta, "failed")
    except Exception:  # the database is the problem: the officer's message is what matters
        return


def record_refusal(
    storage: Storage,
    *,
    actor: str,
    file_name: str,
    data: bytes,
    outcome: str,
    problem_count: int,
) -> int:
    """Record an attempt that wrote nothing (unreadable, refused, unconfirmed) with its
    file, so an admin can see an officer struggling and download what was sent."""
    sha256 = hashlib.sha256(data).hexdigest()
    meta = UploadMeta(
        file_name=safe_file_name(file_name),
        sha256=sha256,
        size_bytes=len(data),
        content_hash="",
        content=data,
        problem_count=problem_count,
    )
    return record_attempt(storage, actor, meta, outcome)


def scope_problems(prepared: Prepared, allowed_units: Collection[str] | None) -> list[str]:
    """Units of the file outside the actor's write scope (a dry run reports, records nothing)."""
    return outside_scope(prepared.frame, allowed_units)


def _meta(
    prepared: Prepared, note: str | None = None, outliers: list[dict[str, object]] | None = None
) -> UploadMeta:
    return UploadMeta(
        file_name=prepared.file_name,
        sha256=prepared.sha256,
        size_bytes=prepared.size_bytes,
        content_hash=prepared.content_hash,
        note=note or None,
        confirmed_outliers=outliers or [],
        content=prepared.content,
        problem_count=prepared.total_problems,
    )


def refuse_outside_scope(
    storage: Storage, prepared: Prepared, *, actor: str, allowed_units: Collection[str] | None
) -> list[str]:
    """Units of a valid file outside the actor's scope; a refusal is recorded as the
    commit would record it, so the page can stop before offering to write."""
    outside = outside_scope(prepared.frame, allowed_units)
    if outside:
        refuse_scope(storage, actor, _meta(prepared), outside)
    return outside


def _outlier_keys(
    prepared: Prepared, confirmed: list[dict[str, object]]
) -> list[dict[str, object]]:
    rows = {c["row"] for c in confirmed}
    picked = prepared.frame[prepared.frame[ROW_COLUMN].isin(rows)]
    details = {c["row"]: c for c in confirmed}
    return [
        {
            "indicator_code": r["indicator_code"],
            "unit_code": r["unit_code"],
            "period": r["period"],
            "value": r["value"],
            "previous": details[r[ROW_COLUMN]].get("previous"),
            "delta": details[r[ROW_COLUMN]].get("delta"),
        }
        for r in picked.to_dict("records")
    ]
