"""Typed ORM models. Every constraint has a name (see NAMING)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class IndicatorRecord(Base):
    __tablename__ = "indicators"

    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    group: Mapped[str] = mapped_column("group_code", String(16))
    name_vi: Mapped[str] = mapped_column(Text)
    name_en: Mapped[str] = mapped_column(Text)
    short_name_vi: Mapped[str] = mapped_column(String(200))
    short_name_en: Mapped[str] = mapped_column(String(200))
    unit: Mapped[str] = mapped_column(String(8))
    comparator: Mapped[str] = mapped_column(String(4))
    target: Mapped[float] = mapped_column(Float)
    target_period: Mapped[str] = mapped_column(String(8))
    period_type: Mapped[str] = mapped_column(String(16))
    baseline_period: Mapped[str | None] = mapped_column(String(8))
    lead_units: Mapped[str] = mapped_column(Text)
    lead_unit_codes: Mapped[str] = mapped_column(Text)
    coordinating_units: Mapped[str] = mapped_column(Text)
    coordinating_unit_codes: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer)


class UnitRecord(Base):
    __tablename__ = "units"

    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    name_key: Mapped[str] = mapped_column(Text, index=True)
    parent_code: Mapped[str | None] = mapped_column(ForeignKey("units.code"))
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False)


class Upload(Base):
    __tablename__ = "uploads"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    file_name: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    content_hash: Mapped[str | None] = mapped_column(String(64), index=True)
    size_bytes: Mapped[int] = mapped_column(Integer)
    uploaded_by: Mapped[str] = mapped_column(String(320))
    uploaded_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    rows_total: Mapped[int] = mapped_column(Integer, default=0)
    rows_new: Mapped[int] = mapped_column(Integer, default=0)
    rows_changed: Mapped[int] = mapped_column(Integer, default=0)
    rows_unchanged: Mapped[int] = mapped_column(Integer, default=0)
    outcome: Mapped[str] = mapped_column(String(32))
    note: Mapped[str | None] = mapped_column(Text)
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False)
    problem_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class UploadFile(Base):
    """The bytes of an uploaded file, once per content (SHA-256), for every attempt."""

    __tablename__ = "upload_files"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size_bytes: Mapped[int] = mapped_column(Integer)
    content: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Measurement(Base):
    """Append-only revisions; the current value is the latest revision.

    One key per revision: (indicator, unit, quarter index, revision) is unique and is
    also the series order that history reads follow, so no second index is kept.
    """

    __tablename__ = "measurements"
    __table_args__ = (UniqueConstraint("indicator_code", "unit_code", "period_index", "revision"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    indicator_code: Mapped[str] = mapped_column(ForeignKey("indicators.code"))
    unit_code: Mapped[str] = mapped_column(ForeignKey("units.code"))
    period: Mapped[str] = mapped_column(String(8))
    period_index: Mapped[int] = mapped_column(Integer)
    value: Mapped[float] = mapped_column(Float)
    numerator: Mapped[float | None] = mapped_column(Float)
    denominator: Mapped[float | None] = mapped_column(Float)
    note: Mapped[str | None] = mapped_column(Text)
    source_row: Mapped[int | None] = mapped_column(Integer)  # the row in the uploaded file
    upload_id: Mapped[int | None] = mapped_column(ForeignKey("uploads.id"), index=True)
    revision: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    created_by: Mapped[str] = mapped_column(String(320))
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False)


class CurrentValue(Base):
    """The latest revision per (indicator, unit, period), kept beside the history for fast reads.

    Keyed by period first and, on SQLite, without a rowid: one b-tree per value, and
    a quarter's values are one range of the key. Its rows are only ever written from
    the revisions of the same transaction (kpi.storage.bulk), whose references already
    hold the indicator and the unit: no per-row check is repeated here.
    """

    __tablename__ = "current_values"
    __table_args__ = (
        PrimaryKeyConstraint("period", "indicator_code", "unit_code"),
        {"sqlite_with_rowid": False},
    )

    indicator_code: Mapped[str] = mapped_column(String(16))
    unit_code: Mapped[str] = mapped_column(String(32))
    period: Mapped[str] = mapped_column(String(8))
    period_index: Mapped[int] = mapped_column(Integer)
    value: Mapped[float] = mapped_column(Float)
    numerator: Mapped[float | None] = mapped_column(Float)
    denominator: Mapped[float | None] = mapped_column(Float)
    revision: Mapped[int] = mapped_column(Integer)
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False)


class AuditEntry(Base):
    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(320), index=True)
    action: Mapped[str] = mapped_column(String(64))
    outcome: Mapped[str] = mapped_column(String(32))
    upload_id: Mapped[int | None] = mapped_column(ForeignKey("uploads.id"))
    unit_code: Mapped[str | None] = mapped_column(String(32))
    detail: Mapped[dict[str, object] | None] = mapped_column(JSON)


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    email: Mapped[str] = mapped_column(String(320), unique=True)
    sub: Mapped[str | None] = mapped_column(String(320))
    role: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class UserUnit(Base):
    __tablename__ = "user_units"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    unit_code: Mapped[str] = mapped_column(ForeignKey("units.code"), primary_key=True)


class ObligationRecord(Base):
    """A reporting obligation imported by an administrator (defaults come from the catalogue)."""

    __tablename__ = "obligations"
    __table_args__ = (UniqueConstraint("unit_code", "indicator_code"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    unit_code: Mapped[str] = mapped_column(ForeignKey("units.code"))
    indicator_code: Mapped[str] = mapped_column(ForeignKey("indicators.code"))
    from_period: Mapped[str | None] = mapped_column(String(8))
    to_period: Mapped[str | None] = mapped_column(String(8))
    created_by: Mapped[str] = mapped_column(String(320))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class LockException(Base):
    """An administrator's exception: officers of the unit may upload the locked quarter
    until the given day."""

    __tablename__ = "lock_exceptions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    unit_code: Mapped[str] = mapped_column(ForeignKey("units.code"), index=True)
    period: Mapped[str] = mapped_column(String(8))
    until: Mapped[dt.date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text)
    opened_by: Mapped[str] = mapped_column(String(320))
    opened_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Approval(Base):
    """The unit head's sign-off of a unit's quarter; while it stands the figures are locked."""

    __tablename__ = "approvals"
    __table_args__ = (PrimaryKeyConstraint("unit_code", "period"),)

    unit_code: Mapped[str] = mapped_column(ForeignKey("units.code"))
    period: Mapped[str] = mapped_column(String(8))
    approved_by: Mapped[str] = mapped_column(String(320))
    approved_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class ReminderSent(Base):
    """Every reminder delivered; the unique key makes a second send the same day impossible."""

    __tablename__ = "reminders_sent"
    __table_args__ = (UniqueConstraint("recipient", "reason", "period", "day"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    recipient: Mapped[str] = mapped_column(String(320))
    reason: Mapped[str] = mapped_column(String(32))
    period: Mapped[str] = mapped_column(String(16))
    day: Mapped[dt.date] = mapped_column(Date)
    subject: Mapped[str] = mapped_column(Text)
    sent_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
