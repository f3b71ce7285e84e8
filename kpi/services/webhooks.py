"""Alerts pushed to another system: a signed JSON event when a status gets worse, a
ministry figure changes, a quarter's report becomes overdue, or a task of the plan does.

Each scan compares what holds now with what the receiver was last told (stored in
`webhook_facts`), so an upload commit and `kpi notify` can both run it and nothing
is announced twice. The first scan only records statuses and figures; overdue
reports and tasks are announced from the first scan on.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import logging
import threading
import time
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass, field
from typing import Any

from kpi.catalogue import Catalogue
from kpi.periods import Quarter, local_today, period_code
from kpi.progress import Status, rollup_by_indicator
from kpi.services.open_data import recent_quarters, submissions_frame
from kpi.services.statuses import statuses_for
from kpi.services.tasks import task_statuses
from kpi.settings import Settings
from kpi.storage import Storage
from kpi.storage import api as store
from kpi.storage.repository import current_frame, unit_registry

log = logging.getLogger(__name__)
SIGNATURE_HEADER = "X-KPI-Signature"
ATTEMPTS = 4
BASE_DELAY_S = 0.5
TIMEOUT_S = 5.0
SCANNED = "~scanned"  # a fact of its own: "a scan has run", even over no figures


@dataclass(frozen=True)
class Event:
    type: str  # status.worsened | figure.changed | report.overdue | task.overdue
    items: list[dict[str, Any]]
    id: str = field(default_factory=lambda: uuid.uuid4().hex)
    occurred_at: str = field(default_factory=lambda: dt.datetime.now(dt.UTC).isoformat())

    def body(self) -> bytes:
        payload = {"id": self.id, "type": self.type, "occurred_at": self.occurred_at}
        return json.dumps({**payload, "items": self.items}, ensure_ascii=False).encode()


def sign(body: bytes, secret: str) -> str:
    """`sha256=<hex>` of HMAC-SHA256 over the exact body bytes."""
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def _post(url: str, body: bytes, headers: dict[str, str]) -> int:
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_S) as response:
            return int(response.status)
    except urllib.error.HTTPError as exc:
        return int(exc.code)


def deliver(
    storage: Storage,
    settings: Settings,
    event: Event,
    *,
    attempts: int = ATTEMPTS,
    base_delay: float = BASE_DELAY_S,
) -> bool:
    """POST the event; retry network errors, 429 and 5xx with doubling delays. Every
    attempt is logged; returns whether the receiver accepted it (2xx)."""
    body = event.body()
    headers = {
        "Content-Type": "application/json; charset=utf-8",
        "User-Agent": "kpi-monitor",
        "X-KPI-Event": event.type,
        "X-KPI-Delivery": event.id,
        SIGNATURE_HEADER: sign(body, settings.webhook_secret),
    }
    for attempt in range(1, attempts + 1):
        code: int | None = None
        error: str | None = None
        try:
            code = _post(settings.webhook_url, body, headers)
        except (OSError, ValueError) as exc:  # refused, timed out, bad URL
            error = f"{type(exc).__name__}: {exc}"[:500]
        ok = code is not None and 200 <= code < 300
        retry = not ok and (code is None or code == 429 or code >= 500)
        outcome = "delivered" if ok else ("retrying" if retry and attempt < attempts else "failed")
        store.log_delivery(
            storage,
            {
                "event_id": event.id,
                "event_type": event.type,
                "url": settings.webhook_url,
                "attempt": attempt,
                "status_code": code,
                "outcome": outcome,
                "error": error,
            },
        )
        if ok or not retry:
            return ok
        if attempt < attempts:
            time.sleep(base_delay * 2 ** (attempt - 1))
    log.warning("webhook event %s not delivered after %d attempts", event.id, attempts)
    return False


def _rank(status: str) -> int | None:
    try:
        return Status(status).rank
    except ValueError:
        return None


def _worsened(storage: Storage, catalogue: Catalogue, as_of: Quarter) -> Event | None:
    """Series (the ministry's roll-up and every unit's own) whose status got worse."""
    root = unit_registry(storage).root.code
    frames = [statuses_for(storage, catalogue, root, as_of=as_of)]
    frames.append(statuses_for(storage, catalogue, "all", as_of=as_of))
    now: dict[str, str] = {}
    for frame in frames:
        for row in frame[["unit_code", "indicator_code", "status"]].itertuples(index=False):
            now[f"{row.unit_code}|{row.indicator_code}"] = str(row.status)
    before = store.webhook_facts(storage, "status")
    store.save_webhook_facts(storage, "status", now)
    items = []
    for key, status in sorted(now.items()):
        old, new = _rank(before.get(key, "")), _rank(status)
        if old is not None and new is not None and new < old:
            unit, indicator = key.split("|", 1)
            items.append(
                {
                    "unit_code": unit,
                    "indicator_code": indicator,
                    "previous_status": before[key],
                    "status": status,
                }
            )
    return Event("status.worsened", items) if items else None


def _figures(storage: Storage) -> Event | None:
    """Ministry figures (root roll-up or reported) that are new or changed."""
    registry = unit_registry(storage)
    series = rollup_by_indicator(current_frame(storage), registry, registry.root.code)
    now = {
        f"{code}|{period_code(index)}": f"{value:.4f}"
        for code, index, value in zip(
            series["indicator_code"],
            series["period_index"].astype(int),
            series["value"].astype(float),
            strict=True,
        )
    }
    before = store.webhook_facts(storage, "figure")
    store.save_webhook_facts(storage, "figure", {**now, SCANNED: "1"})
    if SCANNED not in before:  # the first scan only records
        return None
    items = [
        {
            "unit_code": registry.root.code,
            "indicator_code": key.split("|")[0],
            "period": key.split("|")[1],
            "previous_value": float(before[key]) if key in before else None,
            "value": float(value),
        }
        for key, value in sorted(now.items())
        if before.get(key) != value
    ]
    return Event("figure.changed", items) if items else None


def _overdue(
    storage: Storage, catalogue: Catalogue, settings: Settings, today: dt.date | None
) -> Event | None:
    """Quarterly reports past their deadline with nothing stored, not yet announced."""
    matrix = submissions_frame(storage, catalogue, settings, recent_quarters(4, today), today)
    missing = matrix[matrix["state"] == "missing"]
    now = {
        f"{r.unit_code}|{period_code(r.period_index)}": str(r.deadline)
        for r in missing.itertuples(index=False)
    }
    before = store.webhook_facts(storage, "overdue")
    store.save_webhook_facts(storage, "overdue", now)
    items = [
        {"kind": "report", "unit_code": k.split("|")[0], "period": k.split("|")[1], "deadline": d}
        for k, d in sorted(now.items())
        if k not in before
    ]
    return Event("report.overdue", items) if items else None


def _overdue_tasks(storage: Storage, today: dt.date | None) -> Event | None:
    """Tasks and databases of the plan past their deadline and not done, not yet announced
    (a recurring task's new deadline is a new announcement)."""
    rows = task_statuses(storage, today or local_today(), overdue_only=True)
    now = {f"{s.task.code}|{s.task.deadline.date}": s for s in rows}
    before = store.webhook_facts(storage, "overdue_task")
    store.save_webhook_facts(storage, "overdue_task", {k: s.state.value for k, s in now.items()})
    items = [
        {
            "kind": s.task.kind.value,
            "code": s.task.code,
            "name": s.task.name,
            "name_en": s.task.name_in("en"),
            "lead_unit_codes": list(s.task.lead_unit_codes),
            "deadline": s.task.deadline.date.isoformat() if s.task.deadline.date else None,
            "state": s.state.value,
            "percent": s.percent,
        }
        for k, s in sorted(now.items())
        if k not in before
    ]
    return Event("task.overdue", items) if items else None


def scan(
    storage: Storage, catalogue: Catalogue, settings: Settings, today: dt.date | None = None
) -> list[Event]:
    """Find what changed since the last scan and send it; returns the events sent."""
    if not settings.webhook_url:
        return []
    as_of = recent_quarters(1, today)[0]
    events = [
        _worsened(storage, catalogue, as_of),
        _figures(storage),
        _overdue(storage, catalogue, settings, today),
        _overdue_tasks(storage, today),
    ]
    sent = [e for e in events if e is not None]
    for event in sent:
        deliver(storage, settings, event)
    return sent


_scan_lock = threading.Lock()


def scan_in_background(
    storage: Storage, catalogue: Catalogue, settings: Settings
) -> threading.Thread | None:
    """After a commit: scan without making the uploader wait. Not a daemon thread, so a
    command waits for its deliveries before it exits."""
    if not settings.webhook_url:
        return None

    def work() -> None:
        with _scan_lock:  # two commits at once: one scan after the other
            try:
                scan(storage, catalogue, settings)
            except Exception:  # a failed alert never fails the upload
                log.exception("webhook scan failed")

    thread = threading.Thread(target=work, name="kpi-webhooks", daemon=False)
    thread.start()
    return thread


def deliveries(storage: Storage) -> Any:
    return store.deliveries_frame(storage)
