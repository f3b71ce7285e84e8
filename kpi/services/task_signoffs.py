"""Use cases of the unit head's half-year sign-off of task progress reports.

The head (role approver, scoped to the unit) or an admin signs off a unit's
reports of a half-year; while that stands the unit's new reports dated in it are
refused (here before any write, and again inside the write transaction);
unapprove with a reason reopens it. Unsigned reports still count, marked so.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Sequence

from kpi.access import Viewer
from kpi.messages import PerLang, Phrase, say
from kpi.storage import Storage
from kpi.storage import task_signoffs as store
from kpi.storage import tasks as task_store
from kpi.storage.repository import unit_registry
from kpi.storage.task_signoffs import HalfYearSignedOff, SignoffError, signoffs_frame
from kpi.task_progress import (
    HalfYear,
    ProgressReport,
    ReportError,
    TaskStatus,
    latest_report,
    parse_half_year,
)
from kpi.text import LANGS, t

__all__ = [
    "HalfYearSignedOff",
    "SignoffError",
    "approve",
    "closed_pairs",
    "latest_marks",
    "period_counts",
    "refusal",
    "signoffs_frame",
    "unapprove",
    "waiting",
]


def _halves(pairs: Iterable[tuple[str, str]]) -> PerLang:
    halves = [(u, parse_half_year(p)) for u, p in sorted(set(pairs))]
    vi, en = (
        "; ".join(t("svc.of_unit", lang, period=h.label(lang), unit=u) for u, h in halves)
        for lang in LANGS
    )
    return PerLang(vi, en)


def refused(pairs: Iterable[tuple[str, str]]) -> Phrase:
    """Why reports for signed-off (unit, half-year) pairs are refused; its text names the
    CLI's `kpi tasks unapprove`, and a page words it with the field `halves` itself."""
    return say("svc.signoff.refused", halves=_halves(pairs))


def refusal(pairs: Iterable[tuple[str, str]]) -> tuple[str, str]:
    """The same for a row of a progress file, read on the CLI and on the page: (vi, en)."""
    halves = _halves(pairs)
    vi, en = (t("svc.signoff.refused_row", lang, halves=halves.text(lang)) for lang in LANGS)
    return vi, en


def closed_pairs(
    storage: Storage, dated: Iterable[tuple[str | None, dt.date]]
) -> list[tuple[str, str]]:
    """The (unit, half-year) pairs of (unit, report date) whose sign-off stands."""
    wanted = {(u, str(HalfYear.containing(day))) for u, day in dated if u}
    if not wanted:
        return []
    return sorted(wanted & store.signed_pairs(storage))


def _unit(storage: Storage, ref: str) -> str:
    unit = unit_registry(storage).resolve(ref)
    if unit is None:
        raise SignoffError(say("svc.no_unit", ref=ref))
    return unit.code


def _half(text: str) -> HalfYear:
    try:
        return parse_half_year(text)
    except ReportError as exc:
        raise SignoffError(str(exc)) from exc


def _may_sign(viewer: Viewer, unit_code: str) -> None:
    scope = viewer.approve_scope()
    if not viewer.can_approve or (scope is not None and unit_code not in scope):
        raise SignoffError(say("svc.signoff.may_not_sign", email=viewer.email, unit=unit_code))


def approve(storage: Storage, viewer: Viewer, unit: str, period: str) -> tuple[str, HalfYear, int]:
    """Sign off a unit's half-year: (unit code, half-year, reports covered)."""
    code, half = _unit(storage, unit), _half(period)
    _may_sign(viewer, code)
    return code, half, store.approve(storage, code, half, actor=viewer.email)


def unapprove(
    storage: Storage, viewer: Viewer, unit: str, period: str, reason: str
) -> tuple[str, HalfYear]:
    """Withdraw the sign-off with a reason (audited): the unit may report there again."""
    code, half = _unit(storage, unit), _half(period)
    _may_sign(viewer, code)
    store.unapprove(storage, code, half, reason, actor=viewer.email)
    return code, half


def _signed(report: ProgressReport, signed: Collection[tuple[str, str]]) -> bool:
    half = str(HalfYear.containing(report.reported_on))
    return report.unit_code is not None and (report.unit_code, half) in signed


def latest_marks(
    storage: Storage, rows: Sequence[TaskStatus], as_of: dt.date
) -> dict[str, bool | None]:
    """Per task: whether the report its status comes from is signed off (None: no report)."""
    reports = task_store.load_reports(storage, [s.task.code for s in rows])
    signed = store.signed_pairs(storage)
    marks: dict[str, bool | None] = {}
    for status in rows:
        latest = latest_report(status.task, reports.get(status.task.code, []), as_of)
        marks[status.task.code] = None if latest is None else _signed(latest, signed)
    return marks


def _dated(storage: Storage, start: dt.date, end: dt.date) -> list[ProgressReport]:
    return [
        r
        for rows in task_store.load_reports(storage).values()
        for r in rows
        if start <= r.reported_on <= end
    ]


def waiting(storage: Storage, half: HalfYear, scope: Collection[str] | None) -> dict[str, int]:
    """Per unit (within `scope`; None: every unit): its reports of the half-year not signed
    off. A unit of the scope with no report is listed with 0."""
    signed = store.signed_pairs(storage)
    counts = {code: 0 for code in scope or ()}
    for r in _dated(storage, half.start, half.end):
        if r.unit_code and (scope is None or r.unit_code in scope) and not _signed(r, signed):
            counts[r.unit_code] = counts.get(r.unit_code, 0) + 1
    return dict(sorted(counts.items()))


def period_counts(
    storage: Storage, start: dt.date, end: dt.date, codes: Collection[str] | None = None
) -> tuple[int, int]:
    """(reports, of which not signed off) dated in [start, end], of the tasks `codes`."""
    signed = store.signed_pairs(storage)
    chosen = [r for r in _dated(storage, start, end) if codes is None or r.task_code in codes]
    return len(chosen), sum(not _signed(r, signed) for r in chosen)
