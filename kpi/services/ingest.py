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
from collections.abc import Callable, Collection
from dataclasses import dataclass, field

import pandas as pd

import loaders
import schemas
from kpi.canonical import COLUMNS, KEY, NUMERIC, ROW_COLUMN, content_hash, period_indexes
from kpi.catalogue import Catalogue, load_catalogue
from kpi.problems import FileRejected, Problem
from kpi.settings import Settings
from kpi.storage import Storage
from kpi.storage.cycle import LockRule, QuarterLockedError
from kpi.storage.repository import current_frame, unit_registry
from kpi.storage.writes import (
    CommitResult,
    ScopeError,
    UploadMeta,
    classify_rows,
    commit_upload,
    outside_scope,
    refuse_scope,
)
from kpi.units import UnitRegistry
from loaders import LoadResult

__all__ = [
    "CommitResult",
    "FileRejected",
    "Prepared",
    "QuarterLockedError",
    "ScopeError",
    "UploadNotReady",
    "check_file",
    "check_size",
    "commit",
    "prepare",
    "read_file",
    "refuse_outside_scope",
]

OUTLIER_COLUMNS = ("indicator_code", "unit_code", "period", "period_index", "value")
PREVIEW_COLUMNS = ("indicator_code", "unit_code", "period", *NUMERIC, "revision")


class UploadNotReady(ValueError):
    """Commit was asked for a file with problems or unconfirmed warnings."""


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

    @property
    def ok(self) -> bool:
        return self.total_problems == 0

    def counts(self) -> dict[str, int]:
        if self.preview.empty:
            return {"new": 0, "changed": 0, "unchanged": 0}
        states = self.preview["state"].value_counts()
        return {k: int(states.get(k, 0)) for k in ("new", "changed", "unchanged")}


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


def outlier_warnings(
    stored: pd.DataFrame, frame: pd.DataFrame, threshold_pp: float
) -> list[Problem]:
    """Changes above the threshold against the unit's stored previous quarter.

    `stored` holds current values, at least those of each file period's previous quarter.
    """
    if frame.empty:
        return []
    keys = {"indicator_code": "str", "unit_code": "str"}  # one key dtype: a fast join
    data = frame[[*KEY, "value", ROW_COLUMN]].astype(keys)
    data["prev_index"] = period_indexes(frame["period"]) - 1
    prev = stored[["indicator_code", "unit_code", "period_index", "value", "period"]].rename(
        columns={"period_index": "prev_index", "value": "prev_value", "period": "prev_period"}
    )
    merged = data.merge(
        prev.astype(keys), on=["indicator_code", "unit_code", "prev_index"], how="inner"
    )
    delta = merged["value"] - merged["prev_value"]
    jumps = merged[delta.abs() > threshold_pp]
    return [
        Problem(
            "outlier",
            int(r[ROW_COLUMN]),
            "value",
            f"{r['value']:g}",
            {
                "delta": f"{r['value'] - r['prev_value']:+.1f}",
                "previous": f"{r['prev_value']:g}",
                "period": r["prev_period"],
            },
        )
        for r in jumps.to_dict("records")
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


def read_file(
    storage: Storage, data: bytes, filename: str, *, settings: Settings, unit: str | None = None
) -> ReadFile:
    """The reading half of `prepare`. Raises FileRejected for a file that cannot be read."""
    check_size(data, settings)
    units = unit_registry(storage)
    if unit is not None:
        found = units.resolve(unit)
        unit = found.code if found else unit
    loaded = loaders.read(data, filename, units)
    if len(loaded.frame) > settings.max_rows:
        raise FileRejected(
            Problem("too_many_rows", params={"rows": len(loaded.frame), "limit": settings.max_rows})
        )
    sha256 = hashlib.sha256(data).hexdigest()
    return ReadFile(filename, sha256, len(data), loaded, units, unit)


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
    frame = read.loaded.frame.copy()
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
    )
    if prepared.ok:
        clean = report.frame[[*COLUMNS, ROW_COLUMN]]
        prepared.content_hash = content_hash(clean)
        quarters = sorted(set(period_indexes(clean["period"]).unique().tolist()))
        before = current_frame(
            storage, period_indexes=[q - 1 for q in quarters], columns=OUTLIER_COLUMNS
        )
        prepared.warnings = outlier_warnings(before, clean, settings.outlier_threshold_pp)
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
        raise UploadNotReady("tệp còn lỗi; không thể ghi")
    if prepared.warnings and not (confirm_note or "").strip():
        raise UploadNotReady("có thay đổi bất thường cần xác nhận kèm ghi chú")
    confirmed = [{"row": w.row, "value": w.value, **w.params} for w in prepared.warnings]
    meta = _meta(prepared, confirm_note, _outlier_keys(prepared, confirmed))
    frame = prepared.frame[COLUMNS]
    rules = settings or Settings()
    lock = LockRule(
        today=today or dt.date.today(),
        deadline_days=rules.deadline_days,
        lock_days=rules.lock_days,
        enforce=allowed_units is not None,
        contact=rules.admin_contact,
    )
    result = commit_upload(
        storage,
        frame,
        actor=actor,
        meta=meta,
        allowed_units=allowed_units,
        progress=progress,
        lock=lock,
    )
    if settings is not None and not result.already_imported:
        from kpi.services.webhooks import scan_in_background

        scan_in_background(storage, catalogue or load_catalogue(), settings)
    return result


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
