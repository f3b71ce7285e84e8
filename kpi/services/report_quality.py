"""Data quality of a report, read from storage: revised figures, confirmed outliers, uploads.

Submissions (missing and late) come from kpi.services.report_sources.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from kpi.periods import Quarter, parse_quarter
from kpi.storage import Storage
from kpi.storage.queries import uploads_frame
from kpi.storage.report_reads import current_upload_counts, revised_quarters, revision_uploads
from kpi.storage.repository import audit_frame, history_frame
from reports.quality import OutlierLine, RevisionLine, UploadLine

KEY = ["indicator_code", "unit_code", "period_index"]  # one series point
FEW_UNITS = 500


def _float(value: Any) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


def _number(value: Any) -> float | None:
    """Numbers as the upload stored them: floats, or text such as '45' or '45,5'."""
    if isinstance(value, str):
        value = value.replace(",", ".").strip()
    try:
        return _float(float(value)) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None


def _moment(value: Any) -> dt.datetime | None:
    if value is None or (not isinstance(value, dt.datetime) and pd.isna(value)):
        return None
    moment = pd.Timestamp(value).to_pydatetime()
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _in_scope(history: pd.DataFrame, units: Sequence[str], closing: Quarter) -> pd.DataFrame:
    if history.empty:
        return history
    keep = history["unit_code"].isin(list(units)) & (history["period_index"] <= closing.index)
    return history[keep]


def revised_since(
    storage: Storage, units: Sequence[str], closing: Quarter, since: dt.datetime
) -> tuple[RevisionLine, ...]:
    """Revisions (2nd and later) of figures up to `closing`, made after `since`.

    Only the quarters holding such a revision are read (a day early, to be safe with
    how each database stores the moment); the rule below is then applied exactly."""
    few = list(units) if len(units) <= FEW_UNITS else None  # read by the key, not scanned
    quarters = revised_quarters(storage, closing.index, since - dt.timedelta(days=1), few)
    if not quarters:
        return ()
    history = _in_scope(history_frame(storage, period_indexes=quarters), units, closing)
    if history.empty:
        return ()
    history = history.sort_values([*KEY, "revision"])
    history["old_value"] = history.groupby(KEY)["value"].shift(1)
    created = pd.to_datetime(history["created_at"], utc=True)
    later = (history["revision"] > 1) & (created > pd.Timestamp(since))
    lines = [
        RevisionLine(
            indicator_code=str(r.indicator_code),
            unit_code=str(r.unit_code),
            period=str(r.period),
            old_value=_float(r.old_value),
            new_value=float(r.value),  # type: ignore[arg-type]
            revised_by=str(r.created_by),
            revised_at=_moment(r.created_at),
        )
        for r in history[later].itertuples(index=False)
    ]
    return tuple(sorted(lines, key=lambda x: (x.period, x.indicator_code, x.unit_code)))


def uploads_used(storage: Storage, current: pd.DataFrame) -> tuple[UploadLine, ...]:
    """The uploads whose revisions are the current figures the report used."""
    if current.empty:
        return ()
    units = sorted(current["unit_code"].astype(str).unique())
    # a few units: read only their series (by the series index); many: every revision
    few = len(units) <= FEW_UNITS
    indicators = sorted(current["indicator_code"].astype(str).unique()) if few else None
    revisions = revision_uploads(
        storage, int(current["period_index"].max()), units if few else None, indicators
    )
    return _upload_lines(storage, _rows_per_upload(current, revisions).to_dict())


def counted_in_database(unit_codes: Sequence[str] | None) -> bool:
    """Whether `current_uploads_used` serves these units (None: every unit) best."""
    return unit_codes is None or len(unit_codes) > FEW_UNITS


def current_uploads_used(
    storage: Storage, as_of_index: int, unit_codes: Sequence[str] | None
) -> tuple[UploadLine, ...]:
    """`uploads_used` of the current values up to a quarter (of `unit_codes`, or of every
    unit), counted by the database: for many units, instead of every revision travelling
    here to be matched."""
    return _upload_lines(storage, current_upload_counts(storage, as_of_index, unit_codes))


def _upload_lines(storage: Storage, counts: Mapping[Any, int]) -> tuple[UploadLine, ...]:
    """One line per upload of `counts` ({upload id: rows used}), in upload order."""
    uploads = uploads_frame(storage)
    if uploads.empty:
        return ()
    by_id = uploads.set_index("id")
    lines = [
        UploadLine(
            upload_id=int(str(upload_id)),
            file_name=str(by_id.at[upload_id, "file_name"]),
            uploaded_by=str(by_id.at[upload_id, "uploaded_by"]),
            uploaded_at=_moment(by_id.at[upload_id, "uploaded_at"]),
            rows_used=int(n),
        )
        for upload_id, n in counts.items()
        if upload_id in by_id.index
    ]
    return tuple(sorted(lines, key=lambda x: x.upload_id))


def _rows_per_upload(current: pd.DataFrame, revisions: pd.DataFrame) -> pd.Series:
    """How many rows of `current` each upload holds: (key, revision) matched as numbers."""
    both = pd.concat([current[[*KEY, "revision"]], revisions[[*KEY, "revision"]]])
    unit, _ = pd.factorize(both["unit_code"].astype(str))
    ind, _ = pd.factorize(both["indicator_code"].astype(str))
    period = both["period_index"].to_numpy(dtype=np.int64)
    revision = both["revision"].to_numpy(dtype=np.int64)
    key = ((unit * (ind.max() + 1) + ind) * (np.ptp(period) + 1) + period - period.min()) * (
        revision.max() + 1
    ) + revision
    found = pd.Index(key[len(current) :]).get_indexer(key[: len(current)])
    upload = revisions["upload_id"].to_numpy(dtype=np.float64)[found[found >= 0]]
    upload = upload[~np.isnan(upload)].astype(np.int64)
    return pd.Series(upload).value_counts().sort_index()


def _outlier_items(detail: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    for key in ("confirmed_outliers", "outliers"):
        items = detail.get(key)
        if isinstance(items, list):
            return [i for i in items if isinstance(i, Mapping)]
    return []


def confirmed_outliers(
    storage: Storage, units: Sequence[str], opening: Quarter, closing: Quarter
) -> tuple[OutlierLine, ...]:
    """Outliers confirmed at upload for periods of the report, with the officer's note."""
    entries = audit_frame(storage)
    if entries.empty:
        return ()
    commits = entries[(entries["action"] == "upload.commit") & entries["detail"].notna()]
    notes = uploads_frame(storage)
    note_of = dict(zip(notes["id"], notes["note"], strict=True)) if not notes.empty else {}
    lines: list[OutlierLine] = []
    for entry in commits.itertuples(index=False):
        detail: Mapping[str, Any] = entry.detail if isinstance(entry.detail, Mapping) else {}
        for item in _outlier_items(detail):
            period = str(item.get("period", ""))
            try:
                quarter = parse_quarter(period)
            except ValueError:
                continue
            unit = str(item.get("unit_code", ""))
            if unit not in units or not opening <= quarter <= closing:
                continue
            note = item.get("note") or note_of.get(entry.upload_id) or ""
            lines.append(
                OutlierLine(
                    indicator_code=str(item.get("indicator_code", "")),
                    unit_code=unit,
                    period=period,
                    value=_number(item.get("value")),
                    previous=_number(item.get("previous")),
                    note=str(note),
                    confirmed_by=str(entry.actor),
                    confirmed_at=_moment(entry.at),
                )
            )
    return tuple(sorted(lines, key=lambda x: (x.period, x.indicator_code, x.unit_code)))
