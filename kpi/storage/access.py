"""Users, roles and write scopes, stored beside the figures; every change audited."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session, aliased

from kpi.access import Role, Viewer
from kpi.storage.engine import Storage
from kpi.storage.models import Measurement, Upload, User, UserUnit
from kpi.storage.repository import audit_frame


def normalise_email(email: str) -> str:
    return email.strip().lower()


def viewer_for_email(storage: Storage, email: str) -> Viewer | None:
    """The stored role and units of a user, by e-mail (or OIDC `sub`); None if unknown."""
    key = normalise_email(email)
    return _viewer_where(storage, (func.lower(User.email) == key) | (User.sub == email.strip()))


def viewer_for_sign_in(storage: Storage, by: str, key: str) -> Viewer | None:
    """The user a sign-in names: by e-mail only (`by="email"`) or by stored `sub` only."""
    if by == "email":
        return _viewer_where(storage, func.lower(User.email) == normalise_email(key))
    if by == "sub" and key.strip():
        return _viewer_where(storage, User.sub == key.strip())
    return None


def _viewer_where(storage: Storage, condition: Any) -> Viewer | None:
    with storage.reading() as session:
        user = session.scalar(select(User).where(condition))
        if user is None:
            return None
        units = session.scalars(select(UserUnit.unit_code).where(UserUnit.user_id == user.id))
        return Viewer(user.email, Role(user.role), frozenset(units))


class SqlUsers:
    def __init__(self, session: Session) -> None:
        self.session = session

    def _find(self, email: str) -> User | None:
        return self.session.scalar(select(User).where(func.lower(User.email) == email))

    def save(self, email: str, role: str, sub: str | None, unit_codes: Sequence[str]) -> str | None:
        user = self._find(email)
        before = None
        if user is None:
            user = User(email=email, role=role, sub=sub)
            self.session.add(user)
            self.session.flush()
        else:
            before = user.role
            user.role = role
            user.sub = sub or user.sub
            self.session.execute(delete(UserUnit).where(UserUnit.user_id == user.id))
        self.session.add_all(UserUnit(user_id=user.id, unit_code=c) for c in unit_codes)
        return before

    def remove(self, email: str) -> str | None:
        user = self._find(email)
        if user is None:
            return None
        self.session.execute(delete(UserUnit).where(UserUnit.user_id == user.id))
        self.session.delete(user)
        return user.role


def users_frame(storage: Storage) -> pd.DataFrame:
    with storage.reading() as session:
        users = session.scalars(select(User).order_by(User.email)).all()
        links = session.execute(select(UserUnit.user_id, UserUnit.unit_code)).all()
    units: dict[int, list[str]] = {}
    for user_id, code in links:
        units.setdefault(user_id, []).append(code)
    return pd.DataFrame(
        [
            {
                "email": u.email,
                "role": u.role,
                "units": ", ".join(sorted(units.get(u.id, []))),
                "created_at": u.created_at,
            }
            for u in users
        ],
        columns=["email", "role", "units", "created_at"],
    )


CHANGE_COLUMNS = [
    "created_at",
    "created_by",
    "indicator_code",
    "unit_code",
    "period",
    "revision",
    "before",
    "after",
    "note",
    "file_name",
    "upload_id",
]


def changes_frame(
    storage: Storage,
    *,
    unit_code: str | None = None,
    actor: str | None = None,
    period: str | None = None,
    limit: int = 2_000,
) -> pd.DataFrame:
    """The newest written figures with the value each replaced (revision n-1 → n).

    One indexed self-join in the database, newest first and at most `limit` rows,
    so the audit page stays small however many figures are stored.
    """
    previous = aliased(Measurement)
    query = (
        select(
            Measurement.created_at,
            Measurement.created_by,
            Measurement.indicator_code,
            Measurement.unit_code,
            Measurement.period,
            Measurement.revision,
            previous.value.label("before"),
            Measurement.value.label("after"),
            Measurement.note,
            Upload.file_name,
            Measurement.upload_id,
        )
        .outerjoin(
            previous,
            (previous.indicator_code == Measurement.indicator_code)
            & (previous.unit_code == Measurement.unit_code)
            & (previous.period_index == Measurement.period_index)  # the revisions' key
            & (previous.revision == Measurement.revision - 1),
        )
        .outerjoin(Upload, Upload.id == Measurement.upload_id)
        .order_by(Measurement.id.desc())
        .limit(limit)
    )
    if unit_code:
        query = query.where(Measurement.unit_code == unit_code)
    if actor:
        query = query.where(func.lower(Measurement.created_by) == normalise_email(actor))
    if period:
        query = query.where(Measurement.period == period)
    with storage.reading() as session:
        rows = session.execute(query).all()
    return pd.DataFrame(rows, columns=CHANGE_COLUMNS)


def figure_upload_ids(
    storage: Storage, *, unit_code: str | None = None, period: str | None = None
) -> set[int]:
    """The uploads that wrote a figure of the unit and/or quarter (an upload entry names
    neither: its figures do)."""
    query = select(Measurement.upload_id).where(Measurement.upload_id.is_not(None)).distinct()
    if unit_code:
        query = query.where(Measurement.unit_code == unit_code)
    if period:
        query = query.where(Measurement.period == period)
    with storage.reading() as session:
        return {int(i) for i in session.scalars(query) if i is not None}


def audit_entries(
    storage: Storage,
    *,
    unit_code: str | None = None,
    actor: str | None = None,
    period: str | None = None,
    actions: Sequence[str] | None = None,
    refused_only: bool = False,
) -> pd.DataFrame:
    """The audit log (uploads, refusals, user changes), newest first, optionally filtered.

    An entry belongs to a unit or a quarter when it names it (its unit, or anywhere in its
    detail) or when it is the upload that wrote figures of it. `actions` keeps those action
    codes; `refused_only` keeps entries whose outcome is not "ok".
    """
    log = audit_frame(storage)
    if log.empty:
        return log
    if actions is not None:
        log = log[log["action"].isin(list(actions))]
    if refused_only:
        log = log[log["outcome"] != "ok"]
    if actor:
        log = log[log["actor"].str.lower() == normalise_email(actor)]
    if unit_code:
        log = log[_names(log, storage, unit_code, None) | (log["unit_code"] == unit_code)]
    if period:
        log = log[_names(log, storage, None, period)]
    return log.sort_values("id", ascending=False)


def _names(log: pd.DataFrame, storage: Storage, unit: str | None, period: str | None) -> pd.Series:
    """Entries that name the unit or quarter in their detail, or wrote figures of it."""
    wanted = unit or period or ""
    wrote = figure_upload_ids(storage, unit_code=unit, period=period)
    named = log["detail"].map(lambda detail: _mentions(detail, wanted))
    ids = log["upload_id"].map(lambda i: i is not None and not pd.isna(i) and int(i) in wrote)
    return named | ids


def _mentions(detail: object, value: str) -> bool:
    """Whether an audit detail holds the value anywhere (a refusal lists the units outside
    scope; a lock override lists unit and quarter pairs)."""
    if isinstance(detail, dict):
        return any(_mentions(v, value) for v in detail.values())
    if isinstance(detail, list | tuple):
        return any(_mentions(v, value) for v in detail)
    return detail == value
