"""Reads an entry point asks for: current values, revisions, uploads, audit, units.

The storage readers are the one implementation; entry points call them from here
so that they never import kpi.storage themselves.
"""

from __future__ import annotations

from kpi.storage.queries import first_submissions, recent_uploads, reporting_units, revision_count
from kpi.storage.repository import (
    audit_frame,
    current_frame,
    data_version,
    export_frame,
    has_demo_data,
    has_measurements,
    history_frame,
    unit_registry,
    upload_file,
    upload_list,
    uploads_frame,
    upsert_units,
)

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
