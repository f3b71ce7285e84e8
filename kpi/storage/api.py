"""Tables and reads of the read API and the webhooks: tokens (hashed), calls, deliveries,
and the facts last announced to the webhook receiver."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import pandas as pd
from sqlalchemy import (
    DateTime,
    Integer,
    PrimaryKeyConstraint,
    String,
    Text,
    delete,
    func,
    insert,
    select,
)
from sqlalchemy.orm import Mapped, Session, mapped_column

from kpi.storage.engine import Storage
from kpi.storage.models import AuditEntry, Base, Measurement, utcnow


class ApiToken(Base):
    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    scope: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    created_by: Mapped[str] = mapped_column(String(320))
    revoked_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    last_used_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


class ApiCall(Base):
    __tablename__ = "api_calls"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    token_name: Mapped[str | None] = mapped_column(String(64))
    method: Mapped[str] = mapped_column(String(8))
    path: Mapped[str] = mapped_column(Text)
    query: Mapped[str] = mapped_column(Text)
    status: Mapped[int] = mapped_column(Integer)
    duration_ms: Mapped[int] = mapped_column(Integer)
    client: Mapped[str | None] = mapped_column(String(64))


class WebhookDelivery(Base):
    __tablename__ = "webhook_deliveries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    event_id: Mapped[str] = mapped_column(String(64), index=True)
    event_type: Mapped[str] = mapped_column(String(32))
    url: Mapped[str] = mapped_column(Text)
    attempt: Mapped[int] = mapped_column(Integer)
    status_code: Mapped[int | None] = mapped_column(Integer)
    outcome: Mapped[str] = mapped_column(String(16))
    error: Mapped[str | None] = mapped_column(Text)


class WebhookFact(Base):
    """What the receiver was last told, per fact: a status, a figure, an overdue report."""

    __tablename__ = "webhook_facts"
    __table_args__ = (PrimaryKeyConstraint("kind", "key"),)

    kind: Mapped[str] = mapped_column(String(16))
    key: Mapped[str] = mapped_column(String(128))
    value: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


TOKEN_COLUMNS = ["name", "scope", "created_at", "created_by", "revoked_at", "last_used_at"]


class SqlTokens:
    def __init__(self, session: Session) -> None:
        self.session = session

    def exists(self, name: str) -> bool:
        return self.session.scalar(select(ApiToken.id).where(ApiToken.name == name)) is not None

    def add(self, name: str, token_hash: str, scope: str, created_by: str) -> None:
        self.session.add(
            ApiToken(name=name, token_hash=token_hash, scope=scope, created_by=created_by)
        )

    def revoke(self, name: str) -> bool:
        token = self.session.scalar(
            select(ApiToken).where(ApiToken.name == name, ApiToken.revoked_at.is_(None))
        )
        if token is None:
            return False
        token.revoked_at = utcnow()
        return True


def tokens_frame(storage: Storage) -> pd.DataFrame:
    query = select(*[getattr(ApiToken, c) for c in TOKEN_COLUMNS]).order_by(ApiToken.name)
    with storage.engine.connect() as conn:
        return pd.DataFrame(conn.execute(query).all(), columns=TOKEN_COLUMNS)


def live_token(storage: Storage, token_hash: str) -> tuple[str, str] | None:
    """(name, scope) of the unrevoked token with this hash; its last use is stamped."""
    with storage.writing(bookkeeping=True) as session:
        token = session.scalar(
            select(ApiToken).where(ApiToken.token_hash == token_hash, ApiToken.revoked_at.is_(None))
        )
        if token is None:
            return None
        token.last_used_at = utcnow()
        return token.name, token.scope


def log_call(storage: Storage, call: Mapping[str, Any]) -> None:
    with storage.writing(bookkeeping=True) as session:
        session.add(ApiCall(**call))


def calls_frame(storage: Storage, limit: int = 1000) -> pd.DataFrame:
    query = select(*ApiCall.__table__.columns).order_by(ApiCall.id.desc()).limit(limit)
    with storage.engine.connect() as conn:
        result = conn.execute(query)
        return pd.DataFrame(result.all(), columns=list(result.keys()))


def log_delivery(storage: Storage, delivery: Mapping[str, Any]) -> None:
    with storage.writing() as session:
        session.add(WebhookDelivery(**delivery))


def deliveries_frame(storage: Storage) -> pd.DataFrame:
    query = select(*WebhookDelivery.__table__.columns).order_by(WebhookDelivery.id)
    with storage.engine.connect() as conn:
        result = conn.execute(query)
        return pd.DataFrame(result.all(), columns=list(result.keys()))


def webhook_facts(storage: Storage, kind: str) -> dict[str, str]:
    query = select(WebhookFact.key, WebhookFact.value).where(WebhookFact.kind == kind)
    with storage.reading() as session:
        return {str(k): str(v) for k, v in session.execute(query).all()}


def save_webhook_facts(storage: Storage, kind: str, facts: Mapping[str, str]) -> None:
    """Replace the facts of one kind (a full snapshot, so removed facts go too)."""
    with storage.writing() as session:
        session.execute(delete(WebhookFact).where(WebhookFact.kind == kind))
        if facts:
            rows = [{"kind": kind, "key": k, "value": v} for k, v in facts.items()]
            session.execute(insert(WebhookFact), rows)


def last_change(storage: Storage) -> dt.datetime | None:
    """When the data last changed: the newest stored figure or audit entry."""
    with storage.reading() as session:
        stamps = [
            session.scalar(select(func.max(Measurement.created_at))),
            session.scalar(select(func.max(AuditEntry.at))),
        ]
    found = [s if s.tzinfo else s.replace(tzinfo=dt.UTC) for s in stamps if s is not None]
    return max(found) if found else None


def last_figure_dates(storage: Storage) -> dict[str, dt.datetime]:
    """Per indicator, when its newest figure was stored."""
    query = select(Measurement.indicator_code, func.max(Measurement.created_at)).group_by(
        Measurement.indicator_code
    )
    with storage.reading() as session:
        rows = session.execute(query).all()
    return {str(c): (d if d.tzinfo else d.replace(tzinfo=dt.UTC)) for c, d in rows if d}
