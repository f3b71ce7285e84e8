"""Reads an entry point asks for: current values, revisions, uploads, audit, units.

The storage readers are the one implementation; entry points call them from here
so that they never import kpi.storage themselves.
"""

from __future__ import annotations

import pandas as pd

from kpi.periods import period_code
from kpi.storage import Storage
from kpi.storage.cycle import approvals_frame
from kpi.storage.queries import (
    first_submissions,
    recent_uploads,
    reporting_units,
    revision_count,
    upload_file,
    upload_list,
    uploads_frame,
)
from kpi.storage.repository import (
    audit_frame,
    current_frame,
    data_version,
    has_demo_data,
    has_measurements,
    history_frame,
    unit_registry,
    upsert_units,
)
from kpi.storage.repository import export_frame as stored_export
from kpi.text import t

__all__ = [
    "audit_frame",
    "current_frame",
    "data_version",
    "export_frame",
    "first_submissions",
    "has_demo_data",
    "has_measurements",
    "history_frame",
    "recent_uploads",
    "reporting_units",
    "revision_count",
    "unit_registry",
    "upload_file",
    "upload_list",
    "uploads_frame",
    "upsert_units",
]


APPROVAL_WORDS = {True: t("approval.yes"), False: t("approval.no")}


def export_frame(storage: Storage) -> pd.DataFrame:
    """Current figures with their provenance and, last, whether the unit head approved
    them (`approval`: "đã duyệt" or "chưa duyệt")."""
    frame = stored_export(storage)
    signed = approvals_frame(storage)
    # The export is an edge: its rows carry the stored '2025-Q3'.
    pairs = zip(signed["unit_code"], signed["period_index"], strict=True)
    done = {(str(u), period_code(i)) for u, i in pairs}
    keys = zip(frame["unit_code"].astype(str), frame["period"].astype(str), strict=True)
    frame["approval"] = [APPROVAL_WORDS[k in done] for k in keys]
    return frame
