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

from kpi.canonical import COLUMNS, ROW_COLUMN, content_hash
from kpi.catalogue import Catalogue
from kpi.periods import Quarter
from kpi.problems import FileRejected, Problem
from kpi.settings import Settings
from kpi.storage import Storage
from kpi.storage.repository import current_frame, unit_registry
from kpi.storage.writes import (
    CommitResult,
    UploadMeta,
    classify_rows,
    commit_upload,
    outside_scope,
    refuse_scope,
)


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


def outlier_warnings(storage: Storage, frame: pd.DataFrame, threshold_pp: float) -> list[Problem]:
    """Changes above the threshold against the unit's stored previous quarter."""
    if frame.empty:
        return []
    data = frame.copy()
    data["prev_index"] = [Quarter(int(p[:4]), int(p[-1])).index - 1 for p in data["period"]]
    stored = current_frame(
        storage,
        unit_codes=sorted(set(data["unit_code"])),
        indicator_codes=sorted(set(data["indicator_code"])),
    )
    prev = stored[["indicator_code", "unit_code", "period_index", "value", "period"]].rename(
        columns={"period_index": "prev_index", "value": "prev_value", "period": "prev_period"}
    )
    merged = data.merge(
        prev.astype({"indicator_code": object, "unit_code": object}),
        on=["indicator_code", "unit_code", "prev_index"],
        how="inner",
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


def prepare(
    storage: Storage,
    data: bytes,
    filename: str,
    *,
    catalogue: Catalogue,
    settings: Settings,
    unit: str | None = None,
    today: dt.date | None = None,
) -> Prepared:
    """Read and validate a file, and preview what a commit would do. Writes nothing.

    Raises FileRejected when the file cannot be read at all.
    """
    import loaders
    import schemas

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
    frame = loaded.frame.copy()
    problems = loaded.problems
    if unit is not None:  # `--unit` stands in for a missing unit column
        problems = [p for p in problems if (p.code, p.column) != ("missing_column", "unit_code")]
    prior = [*problems, *_apply_unit(frame, unit)]
    report = schemas.validate(frame, catalogue, units, today=today, prior=prior)
    prepared = Prepared(
        file_name=filename,
        sha256=hashlib.sha256(data).hexdigest(),
        size_bytes=len(data),
        frame=report.frame,
        problems=report.problems,
        total_problems=report.total_problems,
        unused_columns=loaded.unused_columns,
    )
    if prepared.ok:
        clean = report.frame[[*COLUMNS, ROW_COLUMN]]
        prepared.content_hash = content_hash(clean)
        prepared.warnings = outlier_warnings(storage, clean, settings.outlier_threshold_pp)
        current = current_frame(storage, unit_codes=sorted(set(clean["unit_code"])))
        prepared.preview = classify_rows(clean, current)
    return prepared


def commit(
    storage: Storage,
    prepared: Prepared,
    *,
    actor: str,
    allowed_units: Collection[str] | None = None,
    confirm_note: str | None = None,
    progress: Callable[[float], None] | None = None,
) -> CommitResult:
    """Commit a prepared file whole. Warnings need a confirmation note."""
    if not prepared.ok:
        raise UploadNotReady("tệp còn lỗi; không thể ghi")
    if prepared.warnings and not (confirm_note or "").strip():
        raise UploadNotReady("có thay đổi bất thường cần xác nhận kèm ghi chú")
    confirmed = [{"row": w.row, "value": w.value, **w.params} for w in prepared.warnings]
    meta = _meta(prepared, confirm_note, _outlier_keys(prepared, confirmed))
    frame = prepared.frame[COLUMNS]
    return commit_upload(
        storage, frame, actor=actor, meta=meta, allowed_units=allowed_units, progress=progress
    )


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
