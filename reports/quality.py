"""Data quality lines of a report: late and missing submissions, revisions, outliers, uploads.

Built by kpi.services.report_quality; rendered by reports.xlsx and reports.pdf.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class SubmissionLine:
    unit_code: str
    unit_name: str
    period: str
    deadline: dt.date | None = None
    submitted_on: dt.date | None = None


@dataclass(frozen=True)
class RevisionLine:
    indicator_code: str
    unit_code: str
    period: str
    old_value: float | None
    new_value: float
    revised_by: str
    revised_at: dt.datetime | None


@dataclass(frozen=True)
class OutlierLine:
    indicator_code: str
    unit_code: str
    period: str
    value: float | None
    previous: float | None
    note: str
    confirmed_by: str
    confirmed_at: dt.datetime | None


@dataclass(frozen=True)
class UploadLine:
    upload_id: int
    file_name: str
    uploaded_by: str
    uploaded_at: dt.datetime | None
    rows_used: int


@dataclass(frozen=True)
class Quality:
    missing: tuple[SubmissionLine, ...] = ()
    late: tuple[SubmissionLine, ...] = ()
    revised: tuple[RevisionLine, ...] = ()
    outliers: tuple[OutlierLine, ...] = ()
