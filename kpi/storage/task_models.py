"""Tables of the plan's tasks (Phụ lục II, III), their progress reports, the unit head's
half-year sign-off of those reports, and scorecards."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    PrimaryKeyConstraint,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from kpi.storage.models import Base, utcnow


class PlanTaskRecord(Base):
    __tablename__ = "plan_tasks"
    __table_args__ = (CheckConstraint("kind IN ('task', 'database')", name="kind"),)

    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    group: Mapped[str] = mapped_column("group_code", String(8))
    name: Mapped[str] = mapped_column(Text)
    lead_units: Mapped[str] = mapped_column(Text)
    lead_unit_codes: Mapped[str] = mapped_column(Text)
    coordinating_units: Mapped[str] = mapped_column(Text)
    coordinating_unit_codes: Mapped[str] = mapped_column(Text)
    deadline_text: Mapped[str] = mapped_column(Text)
    deadline: Mapped[dt.date | None] = mapped_column(Date)
    recurring: Mapped[bool] = mapped_column(Boolean)
    source: Mapped[str] = mapped_column(String(16))  # 'plan' (the data file) or 'import'
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    created_by: Mapped[str] = mapped_column(String(320))


class TaskReport(Base):
    """Append-only: a report is never changed; the latest one dated on or before a day counts."""

    __tablename__ = "task_reports"
    __table_args__ = (
        CheckConstraint("state IN ('not_started', 'in_progress', 'done', 'paused')", name="state"),
        CheckConstraint("percent >= 0 AND percent <= 100", name="percent"),
        Index("ix_task_reports_task", "task_code", "reported_on"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    task_code: Mapped[str] = mapped_column(ForeignKey("plan_tasks.code"))
    state: Mapped[str] = mapped_column(String(16))
    percent: Mapped[int] = mapped_column(Integer)
    evidence: Mapped[str] = mapped_column(Text)
    issues: Mapped[str] = mapped_column(Text)
    reported_on: Mapped[dt.date] = mapped_column(Date)
    unit_code: Mapped[str | None] = mapped_column(ForeignKey("units.code"))
    reported_by: Mapped[str] = mapped_column(String(320))
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Scorecard(Base):
    """A published scorecard: frozen; a correction is a new version of the same period."""

    __tablename__ = "scorecards"
    __table_args__ = (UniqueConstraint("period", "version"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    period: Mapped[str] = mapped_column(String(8))
    version: Mapped[int] = mapped_column(Integer)
    as_of: Mapped[dt.date] = mapped_column(Date)
    weights: Mapped[dict[str, object]] = mapped_column(JSON)
    rows: Mapped[list[dict[str, object]]] = mapped_column(JSON)
    published_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    published_by: Mapped[str] = mapped_column(String(320))


class TaskSignoff(Base):
    """The unit head's sign-off of a unit's progress reports for a half-year ('2026-H2');
    while it stands the unit reports nothing more dated in that half-year."""

    __tablename__ = "task_signoffs"
    __table_args__ = (PrimaryKeyConstraint("unit_code", "period"),)

    unit_code: Mapped[str] = mapped_column(ForeignKey("units.code"))
    period: Mapped[str] = mapped_column(String(8))
    reports: Mapped[int] = mapped_column(Integer)  # how many reports it covered when signed
    approved_by: Mapped[str] = mapped_column(String(320))
    approved_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
