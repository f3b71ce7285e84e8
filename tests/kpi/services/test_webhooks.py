"""Webhooks against a real receiver process: signed events after an upload commit and
from the scan, retries with backoff, every attempt logged."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from kpi.access import LOCAL_ADMIN, Role, Viewer
from kpi.catalogue import Catalogue
from kpi.services import webhooks
from kpi.services.tasks import report_progress, task_statuses
from kpi.settings import Settings
from kpi.storage import Storage
from tests.kpi.services.helpers import rising, upload

RECEIVER = Path(__file__).parents[2] / "data" / "webhooks" / "receiver.py"
SECRET = "s3cret-key"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for_port(port: int) -> None:
    for _ in range(100):
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise RuntimeError("receiver did not start")


Receiver = Callable[..., tuple[Settings, Path]]


@pytest.fixture
def receiver(tmp_path: Path) -> Iterator[Receiver]:
    started: list[subprocess.Popen[bytes]] = []

    def start(fail_first: int = 0) -> tuple[Settings, Path]:
        port, log = free_port(), tmp_path / f"received-{len(started)}.jsonl"
        cmd = [sys.executable, str(RECEIVER), str(port), str(log), str(fail_first)]
        started.append(subprocess.Popen(cmd))
        wait_for_port(port)
        return Settings(webhook_url=f"http://127.0.0.1:{port}/hook", webhook_secret=SECRET), log

    yield start
    for process in started:
        process.terminate()
        process.wait(timeout=10)


def received(log: Path) -> list[dict[str, object]]:
    if not log.exists():
        return []
    return [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]


def events(log: Path) -> dict[str, dict[str, object]]:
    return {json.loads(str(r["body"]))["type"]: r for r in received(log) if r["status"] == 204}


def test_signature_is_hmac_sha256_of_the_body() -> None:
    body = b'{"type":"x"}'
    expected = hmac.new(b"k", body, hashlib.sha256).hexdigest()
    assert webhooks.sign(body, "k") == f"sha256={expected}"


def test_upload_commit_announces_changes_signed(
    storage: Storage, catalogue: Catalogue, receiver: Receiver
) -> None:
    settings, log = receiver()
    # first scan: statuses and figures are recorded, overdue reports announced
    first = webhooks.scan(storage, catalogue, settings)
    assert [e.type for e in first] == ["report.overdue", "task.overdue"]
    upload(storage, catalogue, rising("1.1", "VPB", 40, 2), settings=settings)
    deadline = time.monotonic() + 20
    while "figure.changed" not in events(log) and time.monotonic() < deadline:
        time.sleep(0.1)
    record = events(log)["figure.changed"]
    headers = {k.lower(): v for k, v in dict(record["headers"]).items()}  # type: ignore[arg-type]
    body = str(record["body"]).encode()
    assert headers["x-kpi-signature"] == webhooks.sign(body, SECRET)
    assert headers["content-type"].startswith("application/json")
    payload = json.loads(body)
    assert {i["period"] for i in payload["items"]} >= {"2024-Q4", "2026-Q3"}
    assert all(i["unit_code"] == "BNV" and i["indicator_code"] == "1.1" for i in payload["items"])
    assert webhooks.scan(storage, catalogue, settings) == []  # nothing announced twice


def test_a_worse_status_is_announced(
    storage: Storage, catalogue: Catalogue, receiver: Receiver
) -> None:
    settings, log = receiver()
    upload(storage, catalogue, rising("1.1", "VPB", 40, 6))  # fast enough: on track
    webhooks.scan(storage, catalogue, settings)
    drop = ["1.1,VPB,2026-Q2,60,600,1000", "1.1,VPB,2026-Q3,55,550,1000"]
    upload(storage, catalogue, drop, name="fix.csv")
    sent = {e.type: e for e in webhooks.scan(storage, catalogue, settings)}
    assert set(sent) == {"status.worsened", "figure.changed"}
    worse = sent["status.worsened"].items
    assert {(i["unit_code"], i["indicator_code"]) for i in worse} == {
        ("VPB", "1.1"),
        ("BNV", "1.1"),
    }
    assert all(i["previous_status"] != i["status"] for i in worse)
    assert "status.worsened" in events(log)


def test_overdue_reports_announced_once(
    storage: Storage, catalogue: Catalogue, receiver: Receiver
) -> None:
    settings, log = receiver()
    event, _tasks = webhooks.scan(storage, catalogue, settings)
    assert event.type == "report.overdue"
    keys = {(i["unit_code"], i["period"]) for i in event.items}
    assert ("CNCC", "2026-Q3") in keys and all(i["kind"] == "report" for i in event.items)
    assert webhooks.scan(storage, catalogue, settings) == []
    assert len(received(log)) == 2


def test_overdue_tasks_announced_once_and_a_done_one_leaves(
    storage: Storage, catalogue: Catalogue, receiver: Receiver
) -> None:
    settings, log = receiver()
    day = dt.date(2026, 12, 1)
    sent = {e.type: e for e in webhooks.scan(storage, catalogue, settings, today=day)}
    items = sent["task.overdue"].items
    expected = [s.task.code for s in task_statuses(storage, day, overdue_only=True)]
    assert sorted(i["code"] for i in items) == sorted(expected) and expected
    assert all(i["deadline"] and i["deadline"] < "2026-12-01" for i in items)
    assert {i["kind"] for i in items} <= {"task", "database"}
    by_code = {s.task.code: s.task for s in task_statuses(storage, day, overdue_only=True)}
    names = {i["code"]: (i["name"], i["name_en"]) for i in items}
    assert names == {c: (t.name, t.name_in("en")) for c, t in by_code.items()}
    assert all(vi != en for vi, en in names.values())  # the plan's tasks have their English
    assert "task.overdue" in events(log)
    assert webhooks.scan(storage, catalogue, settings, today=day) == []
    done = items[0]
    admin = Viewer(LOCAL_ADMIN, Role.ADMIN)
    report_progress(storage, admin, str(done["code"]), state="done", evidence="QĐ 1", today=day)
    assert webhooks.scan(storage, catalogue, settings, today=day) == []  # nothing new


def test_retries_with_backoff_then_delivers(
    storage: Storage, catalogue: Catalogue, receiver: Receiver
) -> None:
    settings, log = receiver(fail_first=2)
    event = webhooks.Event("report.overdue", [{"unit_code": "VPB"}])
    started = time.monotonic()
    assert webhooks.deliver(storage, settings, event, base_delay=0.1)
    assert time.monotonic() - started >= 0.3  # 0.1 s, then 0.2 s
    assert [r["status"] for r in received(log)] == [503, 503, 204]
    log_rows = webhooks.deliveries(storage)
    assert list(log_rows["outcome"]) == ["retrying", "retrying", "delivered"]
    assert list(log_rows["status_code"]) == [503, 503, 204]
    assert set(log_rows["event_id"]) == {event.id}


def test_an_unreachable_receiver_fails_after_every_attempt(storage: Storage) -> None:
    settings = Settings(webhook_url=f"http://127.0.0.1:{free_port()}/", webhook_secret=SECRET)
    event = webhooks.Event("figure.changed", [])
    assert not webhooks.deliver(storage, settings, event, attempts=3, base_delay=0.01)
    log_rows = webhooks.deliveries(storage)
    assert list(log_rows["outcome"]) == ["retrying", "retrying", "failed"]
    assert log_rows["status_code"].isna().all() and log_rows["error"].str.len().gt(0).all()


def test_no_url_sends_nothing(storage: Storage, catalogue: Catalogue) -> None:
    assert webhooks.scan(storage, catalogue, Settings()) == []
    assert webhooks.scan_in_background(storage, catalogue, Settings()) is None
