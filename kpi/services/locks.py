"""The checks every upload commit runs inside its unit of work: quarters a unit head
signed off, and quarters locked after their deadline with no open exception."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd

from kpi.codes import factorize
from kpi.completeness import is_locked, lock_date
from kpi.messages import Explained, joined, say
from kpi.periods import parse_quarter
from kpi.services.ports import UnitOfWork


@dataclass(frozen=True)
class LockRule:
    """How the deadline lock applies to one commit.

    `enforce` is False for an administrator at the command line: locked quarters are
    then written anyway and the override is audited.
    """

    today: dt.date
    deadline_days: int
    lock_days: int
    enforce: bool = True
    contact: str = ""


class QuarterLockedError(Explained, PermissionError):
    """Figures for a quarter locked after its deadline, or signed off by the unit head."""

    def __init__(self, message: str, blocked: list[dict[str, str]]) -> None:
        super().__init__(message)
        self.blocked = blocked


def _pairs(frame: pd.DataFrame) -> list[tuple[str, str]]:
    """The distinct (unit, quarter) pairs, sorted: found on integer codes, not on tuples."""
    units, unit_names = _sorted_codes(frame["unit_code"].astype(str))
    periods, period_names = _sorted_codes(frame["period"].astype(str))
    keys = np.unique(units.astype("int64") * len(period_names) + periods)
    unit_of, period_of = np.divmod(keys, len(period_names))
    return list(
        zip(
            np.asarray(unit_names, dtype=object)[unit_of].tolist(),
            np.asarray(period_names, dtype=object)[period_of].tolist(),
            strict=True,
        )
    )


def _sorted_codes(column: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """`pd.factorize(column, sort=True)`, from the column's codes kept by the upload's
    checks: only the distinct texts are sorted, not the rows."""
    codes, uniques = factorize(column)
    names = np.asarray(uniques, dtype=object)
    order = np.argsort(names, kind="stable")
    rank = np.empty(len(order) + 1, dtype="int64")
    rank[order], rank[-1] = np.arange(len(order)), -1  # a missing cell stays -1
    return rank[codes], names[order]


def _periods(frame: pd.DataFrame) -> set[str]:
    return {str(p) for p in frame["period"].unique()}


def check_approved(uow: UnitOfWork, frame: pd.DataFrame) -> None:
    """Refuse figures of a unit's quarter that its head has approved."""
    approved = uow.approvals.approved(_periods(frame))
    if not approved:  # the usual case: no sign-off on these quarters, no pairs to build
        return
    hit = [(u, p) for u, p in _pairs(frame) if (u, p) in approved]
    if hit:
        names = joined(say("svc.of_unit", period=parse_quarter(p), unit=u) for u, p in hit)
        raise QuarterLockedError(
            say("svc.locks.approved", names=names),
            [{"unit_code": u, "period": p, "why": "approved"} for u, p in hit],
        )


def locked_pairs(uow: UnitOfWork, frame: pd.DataFrame, rule: LockRule) -> list[tuple[str, str]]:
    """(unit, quarter) pairs of the frame that are locked today and have no open exception."""
    shut = {  # each quarter decided once
        p
        for p in _periods(frame)
        if is_locked(parse_quarter(p), rule.today, rule.deadline_days, rule.lock_days)
    }
    if not shut:
        return []
    pairs = [(u, p) for u, p in _pairs(frame) if p in shut]
    if not pairs:
        return []
    opened = uow.locks.opened({p for _u, p in pairs}, rule.today)
    return [pair for pair in pairs if pair not in opened]


def check_locks(uow: UnitOfWork, frame: pd.DataFrame, rule: LockRule, actor: str) -> None:
    """Refuse locked quarters, or (an admin at the CLI) write them and audit the override."""
    locked = locked_pairs(uow, frame, rule)
    if not locked:
        return
    since = {
        p: (
            lock_date(parse_quarter(p), rule.deadline_days, rule.lock_days) + dt.timedelta(days=1)
        ).isoformat()
        for p in {p for _u, p in locked}
    }
    detail = [{"unit_code": u, "period": p, "locked_since": since[p]} for u, p in locked]
    if not rule.enforce:
        at = dt.datetime.now(dt.UTC).isoformat()
        uow.audit.add(actor, "upload.lock_override", detail={"quarters": detail, "at": at})
        return
    names = joined(
        say(
            "svc.locks.locked_since",
            quarter=parse_quarter(d["period"]),
            unit=d["unit_code"],
            day=_day(d["locked_since"]),
        )
        for d in detail
    )
    contact = say("svc.locks.contact", contact=rule.contact) if rule.contact else ""
    raise QuarterLockedError(
        say("svc.locks.locked", names=names, contact=contact),
        [{**d, "why": "locked"} for d in detail],
    )


def _day(iso: str) -> str:
    return dt.date.fromisoformat(iso).strftime("%d/%m/%Y")
