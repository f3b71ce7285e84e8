"""`kpi remind` against a real SMTP server process (aiosmtpd) on a free port.

The scenario: VPB has sent every figure it owes for 2026-Q3, CVTLT none. Its
deadline is 2026-10-15 (KPI_DEADLINE_DAYS 15); the quarter locks after 2026-11-14.
"""

from __future__ import annotations

import mailbox
import socket
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from email.header import decode_header, make_header
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kpi.catalogue import load_catalogue
from kpi.cli.main import app

runner = CliRunner()
pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def smtp_server(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """A real SMTP server in its own process, storing every message in a Maildir."""
    port = _free_port()
    maildir = tmp_path / "maildir"
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "aiosmtpd",
            "-n",
            "-l",
            f"127.0.0.1:{port}",
            "-c",
            "aiosmtpd.handlers.Mailbox",
            str(maildir),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            break
        except OSError:
            time.sleep(0.1)
    else:
        process.kill()
        pytest.fail("the SMTP server did not start")
    yield f"smtp://127.0.0.1:{port}", maildir
    process.terminate()
    process.wait(timeout=10)


def kpi(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def delivered(maildir: Path) -> list[tuple[str, str]]:
    """(recipient, subject) of every message the server received, sorted."""
    if not maildir.exists():
        return []
    box = mailbox.Maildir(str(maildir), create=False)
    return sorted((str(m["To"]), str(make_header(decode_header(m["Subject"])))) for m in box)


@pytest.fixture
def cycle_db(cli_db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, smtp_server) -> Path:
    url, maildir = smtp_server
    monkeypatch.setenv("KPI_SMTP_URL", url)
    monkeypatch.setenv("KPI_MAIL_FROM", "kpi@bnv.gov.vn")
    for email, role, unit in (
        ("cb.vpb@bnv.gov.vn", "officer", "VPB"),
        ("cb.cvtlt@bnv.gov.vn", "officer", "CVTLT"),
        ("tt.vpb@bnv.gov.vn", "approver", "VPB"),
    ):
        assert kpi("users", "add", email, "--role", role, "--unit", unit)[0] == 0
    assert kpi("users", "add", "ld@bnv.gov.vn", "--role", "leader")[0] == 0
    owed = [i.code for i in load_catalogue() if "VPB" in i.lead_unit_codes]
    rows = "\n".join(f"{code},VPB,2026-Q3,50" for code in owed)
    path = tmp_path / "vpb.csv"
    path.write_text(f"indicator_code,unit_code,period,value\n{rows}\n", "utf-8")
    code, text = kpi("load", str(path))  # the administrator at the CLI: not held by the lock
    assert code == 0, text
    return maildir


def run_remind(maildir: Path, day: str) -> list[tuple[str, str]]:
    """Run `kpi remind --today DAY`; the messages the server received during the run."""
    before = Counter(delivered(maildir))
    code, text = kpi("remind", "--today", day)
    assert code == 0, text
    return sorted((Counter(delivered(maildir)) - before).elements())


VPB_HEAD = ("tt.vpb@bnv.gov.vn", "Số liệu Quý 3/2026 đang chờ thủ trưởng đơn vị phê duyệt")


def test_reminders_follow_the_rules_and_never_go_twice(cycle_db: Path) -> None:
    maildir = cycle_db
    code, text = kpi("remind", "--dry-run", "--today", "2026-10-08")
    assert code == 0 and "Sẽ gửi 1 thư" in text
    assert delivered(maildir) == []  # a dry run sends nothing

    # Seven days before the deadline: only the unit with open obligations.
    assert run_remind(maildir, "2026-10-08") == [
        ("cb.cvtlt@bnv.gov.vn", "Nhắc hạn: còn 7 ngày để nộp số liệu Quý 3/2026")
    ]
    code, text = kpi("remind", "--today", "2026-10-08")
    assert code == 0 and "Đã gửi 0 thư; 1 thư đã gửi trước đó" in text
    assert len(delivered(maildir)) == 1

    # The deadline (a Thursday): the late unit's officer, and VPB's head for its figures.
    assert run_remind(maildir, "2026-10-15") == [
        ("cb.cvtlt@bnv.gov.vn", "Hôm nay là hạn nộp số liệu Quý 3/2026"),
        VPB_HEAD,
    ]
    assert run_remind(maildir, "2026-10-15") == []
    # Monday: the leaders' digest only.
    assert run_remind(maildir, "2026-10-19") == [
        ("ld@bnv.gov.vn", "Tổng hợp tuần 19/10/2026: tình hình nộp và chỉ tiêu xấu đi")
    ]
    assert run_remind(maildir, "2026-10-19") == []

    assert kpi("approve", "--unit", "VPB", "--period", "2026-Q3", "--as", VPB_HEAD[0])[0] == 0
    # A week overdue; nothing waits for sign-off any more.
    assert run_remind(maildir, "2026-10-22") == [
        ("cb.cvtlt@bnv.gov.vn", "Quá hạn nộp số liệu Quý 3/2026")
    ]
    assert run_remind(maildir, "2026-10-22") == []

    # After the lock date an overdue reminder goes only while an exception is open.
    assert run_remind(maildir, "2026-11-19") == []
    code, text = kpi(
        "locks",
        "open",
        "--unit",
        "CVTLT",
        "--period",
        "2026-Q3",
        "--until",
        "2026-12-31",
        "--reason",
        "Bổ sung số liệu",
    )
    assert code == 0, text
    assert run_remind(maildir, "2026-11-26") == [
        ("cb.cvtlt@bnv.gov.vn", "Quá hạn nộp số liệu Quý 3/2026")
    ]


def test_messages_are_vietnamese_text_and_html(cycle_db: Path) -> None:
    assert kpi("remind", "--today", "2026-10-15")[0] == 0
    box = mailbox.Maildir(str(cycle_db), create=False)
    message = next(m for m in box if m["To"] == "cb.cvtlt@bnv.gov.vn")
    assert message["From"] == "kpi@bnv.gov.vn"
    parts = {p.get_content_type(): p for p in message.walk() if not p.is_multipart()}
    assert set(parts) == {"text/plain", "text/html"}
    text = parts["text/plain"].get_payload(decode=True).decode("utf-8")
    page = parts["text/html"].get_payload(decode=True).decode("utf-8")
    assert "Hạn nộp số liệu Quý 3/2026 là ngày 15/10/2026" in text
    assert "CVTLT" in text and "1.12, 1.13, 1.14" in text
    assert "<li>" in page and "15/10/2026" in page


def test_remind_without_mail_server_fails_in_one_line(
    cli_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert kpi("users", "add", "cb@bnv.gov.vn", "--role", "officer", "--unit", "CVTLT")[0] == 0
    monkeypatch.delenv("KPI_SMTP_URL", raising=False)
    code, text = kpi("remind", "--today", "2026-10-08")
    assert code == 1 and "KPI_SMTP_URL" in text
