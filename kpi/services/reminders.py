"""`kpi remind`: build today's reminders from the reporting cycle and deliver them.

Each message is first claimed in the log (table reminders_sent, unique per
recipient, reason, quarter and day), then sent; a failed delivery is released so
the next run tries again. A second run the same day therefore sends nothing.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field

import pandas as pd

from kpi.catalogue import Catalogue
from kpi.periods import last_ended_quarter, local_today
from kpi.progress import Status
from kpi.reminders import Cycle, Person, Reminder, due_reminders
from kpi.services import submissions
from kpi.services.cycle import pending_approvals
from kpi.services.mail import Mailer, MailError, build_message
from kpi.services.statuses import statuses_for
from kpi.settings import Settings
from kpi.storage import Storage
from kpi.storage.access import users_frame
from kpi.storage.cycle import claim_reminder, locks_frame, release_reminder, reminders_sent
from kpi.storage.repository import unit_registry

log = logging.getLogger(__name__)

__all__ = ["MailError", "RunResult", "plan", "reminders_sent", "run"]


@dataclass
class RunResult:
    planned: list[Reminder] = field(default_factory=list)  # every reminder due today
    to_send: list[Reminder] = field(default_factory=list)  # not yet sent today
    sent: list[Reminder] = field(default_factory=list)
    already_sent: list[Reminder] = field(default_factory=list)
    failed: list[tuple[Reminder, str]] = field(default_factory=list)


def people(storage: Storage) -> list[Person]:
    frame = users_frame(storage)
    return [
        Person(str(r.email), str(r.role), frozenset(u for u in str(r.units).split(", ") if u))
        for r in frame.itertuples(index=False)
    ]


def worsened(storage: Storage, catalogue: Catalogue, today: dt.date) -> list[tuple[str, str, str]]:
    """Ministry indicators whose status is worse at the last ended quarter than before it."""
    root = unit_registry(storage).root.code
    now_q = last_ended_quarter(today)
    now = statuses_for(storage, catalogue, root, as_of=now_q, today=today)
    before = statuses_for(storage, catalogue, root, as_of=now_q + -1, today=today)
    if now.empty or before.empty:
        return []
    joined = now[["indicator_code", "status"]].merge(
        before[["indicator_code", "status"]].rename(columns={"status": "before"}),
        on="indicator_code",
    )
    out = []
    for code, now_status, before_status in zip(
        joined["indicator_code"], joined["status"], joined["before"], strict=True
    ):
        state, prior = Status(str(now_status)), Status(str(before_status))
        if Status.INSUFFICIENT_DATA in (state, prior) or state.rank >= prior.rank:
            continue
        name = catalogue[str(code)].short_name("vi")
        out.append((f"{code} {name}", prior.word("vi"), state.word("vi")))
    return out


def cycle_today(
    storage: Storage, catalogue: Catalogue, settings: Settings, today: dt.date
) -> Cycle:
    quarters = submissions.recent_quarters(today=today)
    matrix = submissions.completeness(storage, catalogue, settings, quarters, today=today)
    locks = locks_frame(storage)
    exceptions = {
        (str(u), int(i))
        for u, i, until in zip(
            locks["unit_code"], locks["period_index"], locks["until"], strict=True
        )
        if dt.date.fromisoformat(str(until)[:10]) >= today
    }
    return Cycle(
        matrix=matrix,
        pending=pending_approvals(storage, since=quarters[0]),
        worsened=worsened(storage, catalogue, today),
        exceptions=exceptions,
        unit_names={u.code: u.name for u in unit_registry(storage)},
        deadline_days=settings.deadline_days,
        lock_days=settings.lock_days,
    )


def plan(
    storage: Storage, catalogue: Catalogue, settings: Settings, today: dt.date | None = None
) -> list[Reminder]:
    """Every reminder the rules call for today (whether or not already sent)."""
    day = today or local_today()
    return due_reminders(people(storage), cycle_today(storage, catalogue, settings, day), day)


def run(
    storage: Storage,
    catalogue: Catalogue,
    settings: Settings,
    *,
    today: dt.date | None = None,
    dry_run: bool = False,
) -> RunResult:
    """Send today's reminders that have not been sent today; `dry_run` sends nothing."""
    day = today or local_today()
    result = RunResult(planned=plan(storage, catalogue, settings, day))
    done = reminders_sent(storage, day)
    sent_keys = set(zip(done["recipient"], done["reason"], done["period"], strict=True))
    result.to_send = [r for r in result.planned if r.key not in sent_keys]
    result.already_sent = [r for r in result.planned if r.key in sent_keys]
    if dry_run or not result.to_send:
        return result
    with Mailer(settings.smtp_url) as mailer:
        for reminder in result.to_send:
            _deliver(storage, mailer, settings, reminder, day, result)
    return result


def _deliver(
    storage: Storage,
    mailer: Mailer,
    settings: Settings,
    reminder: Reminder,
    day: dt.date,
    result: RunResult,
) -> None:
    if not claim_reminder(storage, *reminder.key, day, reminder.subject):
        result.already_sent.append(reminder)  # another run got there first
        return
    message = build_message(
        settings.mail_from, reminder.recipient, reminder.subject, reminder.text, reminder.html
    )
    try:
        mailer.send(message)
    except MailError as exc:
        release_reminder(storage, *reminder.key, day)
        result.failed.append((reminder, str(exc)))
        log.warning("reminder to %s failed: %s", reminder.recipient, exc)
        return
    log.info("reminder sent: %s %s %s", reminder.recipient, reminder.reason, reminder.period)
    result.sent.append(reminder)


def sent_log(storage: Storage, day: dt.date | None = None) -> pd.DataFrame:
    return reminders_sent(storage, day)
