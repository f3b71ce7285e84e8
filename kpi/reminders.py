"""Which reminders are due today, and their words (Vietnamese, plain text and HTML).

The rules, for each quarter's deadline D (KPI_DEADLINE_DAYS after the quarter):
- officers of a unit with an open obligation: on D-7 (`due_soon`), on D
  (`due_today`), and every 7 days after D while figures are missing (`overdue`),
  until the quarter locks or, past it, while the unit has an open lock exception;
- approvers with figures of their units waiting for sign-off: on D and every 7
  days after it while they wait (`approval_pending`);
- leaders: every Monday, a digest of overdue units and statuses that worsened
  (`weekly_digest`, for the last ended quarter).
One message per recipient, reason and quarter; a message is never sent twice for
the same recipient, reason, quarter and day (kpi.services.reminders keeps the log).
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import SupportsInt, cast

import pandas as pd

from kpi.completeness import ReportState, deadline, lock_date
from kpi.formatting import day_label, quarter_label, unit_label
from kpi.periods import Quarter, last_ended_quarter
from kpi.text import t

DUE_SOON_DAYS = 7
EVERY_DAYS = 7
DIGEST_WEEKDAY = 0  # Monday
LANG = "vi"  # reminders go to Vietnamese officials
SIGNATURE = t("mail.signature", LANG)


@dataclass(frozen=True)
class Person:
    email: str
    role: str
    unit_codes: frozenset[str]


@dataclass(frozen=True)
class Reminder:
    recipient: str
    reason: str
    period: str
    subject: str
    text: str
    html: str

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.recipient, self.reason, self.period)


@dataclass(frozen=True)
class Cycle:
    """What the rules read: the completeness matrix, who waits for sign-off, the
    worsened statuses, units with an open lock exception, and the settings."""

    matrix: pd.DataFrame
    pending: pd.DataFrame  # unit_code, period_index, figures
    worsened: Sequence[tuple[str, str, str]] = ()  # indicator label, before, now
    exceptions: Collection[tuple[str, int]] = ()  # (unit_code, period_index) open today
    unit_names: Mapping[str, str] | None = None
    deadline_days: int = 15
    lock_days: int = 30


def _quarter(index: object) -> Quarter:
    """A group key of `period_index` (a numpy integer) as a Quarter of Python ints."""
    return Quarter.from_index(int(cast(SupportsInt, index)))


def officer_reason(quarter: Quarter, today: dt.date, cycle: Cycle, unit: str) -> str | None:
    due = deadline(quarter, cycle.deadline_days)
    days = (today - due).days
    if days == -DUE_SOON_DAYS:
        return "due_soon"
    if days == 0:
        return "due_today"
    if days > 0 and days % EVERY_DAYS == 0:
        open_ = today <= lock_date(quarter, cycle.deadline_days, cycle.lock_days)
        if open_ or (unit, quarter.index) in cycle.exceptions:
            return "overdue"
    return None


def _name(cycle: Cycle, code: str) -> str:
    names = cycle.unit_names or {}
    return unit_label(code, names.get(code))


def _render(subject: str, lines: Sequence[str], items: Sequence[str]) -> tuple[str, str]:
    text = "\n".join([*lines, "", *[f"- {i}" for i in items], "", SIGNATURE])
    body = "".join(f"<p>{html.escape(line)}</p>" for line in lines)
    listed = "".join(f"<li>{html.escape(i)}</li>" for i in items)
    page = (
        f'<html><body lang="vi"><h2>{html.escape(subject)}</h2>{body}'
        f"<ul>{listed}</ul><p><small>{html.escape(SIGNATURE)}</small></p></body></html>"
    )
    return text, page


def _quarter_words(quarter: Quarter) -> str:
    return quarter.name(LANG)


def officer_reminders(people: Sequence[Person], cycle: Cycle, today: dt.date) -> list[Reminder]:
    open_rows = cycle.matrix[
        cycle.matrix["state"].isin([ReportState.MISSING.value, ReportState.NOT_DUE.value])
    ]
    out: list[Reminder] = []
    for index, rows in open_rows.groupby("period_index", sort=True):
        quarter = _quarter(index)
        by_unit = {
            str(u): sorted(part["indicator_code"].astype(str))
            for u, part in rows.groupby("unit_code")
        }
        for person in (p for p in people if p.role == "officer"):
            owed: dict[str, list[str]] = {}
            reason = None
            for unit in sorted(person.unit_codes & by_unit.keys()):
                found = officer_reason(quarter, today, cycle, unit)
                if found is not None:
                    reason, owed[unit] = found, by_unit[unit]
            if reason is None:
                continue
            out.append(_officer_message(person, reason, quarter, owed, cycle))
    return out


def _officer_message(
    person: Person, reason: str, quarter: Quarter, owed: dict[str, list[str]], cycle: Cycle
) -> Reminder:
    label = _quarter_words(quarter)
    subject = t(f"mail.subject.{reason}", LANG, q=label)
    due = day_label(deadline(quarter, cycle.deadline_days))
    locks = day_label(lock_date(quarter, cycle.deadline_days, cycle.lock_days))
    lines = [
        t("mail.officer.greeting", LANG),
        t("mail.officer.deadline", LANG, q=label, due=due, locks=locks),
        t("mail.officer.owed", LANG),
    ]
    items = [
        t("mail.officer.item", LANG, unit=_name(cycle, u), codes=", ".join(codes))
        for u, codes in owed.items()
    ]
    text, page = _render(subject, lines, items)
    return Reminder(person.email, reason, str(quarter), subject, text, page)


def approver_reminders(people: Sequence[Person], cycle: Cycle, today: dt.date) -> list[Reminder]:
    out: list[Reminder] = []
    for index, rows in cycle.pending.groupby("period_index", sort=True):
        quarter = _quarter(index)
        days = (today - deadline(quarter, cycle.deadline_days)).days
        if days < 0 or days % EVERY_DAYS:
            continue
        waiting = {str(u): int(n) for u, n in zip(rows["unit_code"], rows["figures"], strict=True)}
        for person in (p for p in people if p.role == "approver"):
            mine = {u: n for u, n in sorted(waiting.items()) if u in person.unit_codes}
            if not mine:
                continue
            label = _quarter_words(quarter)
            subject = t("mail.approver.subject", LANG, q=label)
            lines = [t("mail.approver.greeting", LANG), t("mail.approver.waiting", LANG, q=label)]
            items = [
                t("mail.approver.item", LANG, unit=_name(cycle, u), n=n) for u, n in mine.items()
            ]
            text, page = _render(subject, lines, items)
            out.append(
                Reminder(person.email, "approval_pending", str(quarter), subject, text, page)
            )
    return out


def overdue_units(cycle: Cycle) -> list[str]:
    """'unit: quarters' for every unit with missing figures, oldest quarter first."""
    missing = cycle.matrix[cycle.matrix["state"] == ReportState.MISSING.value]
    out = []
    for unit, rows in missing.groupby("unit_code", sort=True):
        quarters = sorted({Quarter.from_index(int(i)) for i in rows["period_index"]})
        out.append(f"{_name(cycle, str(unit))}: {', '.join(q.label for q in quarters)}")
    return out


def digest_reminders(people: Sequence[Person], cycle: Cycle, today: dt.date) -> list[Reminder]:
    if today.weekday() != DIGEST_WEEKDAY:
        return []
    quarter = last_ended_quarter(today)
    subject = t("mail.digest.subject", LANG, day=day_label(today))
    overdue = overdue_units(cycle)
    worse = [f"{ind}: {before} → {now}" for ind, before, now in cycle.worsened]
    lines = [
        t("mail.digest.greeting", LANG),
        t(
            "mail.digest.counts",
            LANG,
            overdue=len(overdue),
            quarter=quarter_label(quarter, LANG),
            worse=len(worse),
        ),
    ]
    items = [
        *(t("mail.digest.overdue_item", LANG, item=u) for u in overdue),
        *(t("mail.digest.worse_item", LANG, item=w) for w in worse),
    ]
    if not items:
        items = [t("mail.digest.nothing", LANG)]
    text, page = _render(subject, lines, items)
    return [
        Reminder(p.email, "weekly_digest", str(quarter), subject, text, page)
        for p in people
        if p.role == "leader"
    ]


def due_reminders(people: Sequence[Person], cycle: Cycle, today: dt.date) -> list[Reminder]:
    """Every reminder the rules call for today, in a stable order."""
    found = [
        *officer_reminders(people, cycle, today),
        *approver_reminders(people, cycle, today),
        *digest_reminders(people, cycle, today),
    ]
    return sorted(found, key=lambda r: (r.reason, r.period, r.recipient))
