"""A report as known on a day: it uses the revisions stored by then, and says so."""

from __future__ import annotations

import datetime as dt
import io

from openpyxl import load_workbook
from sqlalchemy import text
from typer.testing import CliRunner

from kpi.catalogue import Catalogue
from kpi.cli import shell
from kpi.cli.main import app
from kpi.periods import local_today, parse_report_period
from kpi.services.demo import load_demo
from kpi.services.reporting import build_report
from kpi.storage import Storage
from reports.xlsx import write_xlsx
from tests.kpi.services.helpers import rising, upload
from tests.reports.conftest import DEMO_TODAY

H2 = parse_report_period("2026-H2")


def _days_ago(days: int) -> dt.datetime:
    return dt.datetime.now(dt.UTC) - dt.timedelta(days=days)


def test_the_report_uses_what_was_known_and_records_the_day(
    storage: Storage, catalogue: Catalogue
) -> None:
    upload(storage, catalogue, rising("1.1", "VPB", 40, 2))
    with storage.engine.begin() as conn:  # the first upload was stored ten days ago
        conn.execute(text("UPDATE measurements SET created_at = :at"), {"at": _days_ago(10)})
    upload(storage, catalogue, ["1.1,VPB,2026-Q3,30,300,1000"], name="fix.csv")
    day = dt.date.today() - dt.timedelta(days=5)
    then = build_report(storage, catalogue, parse_report_period("2026-H1"), "VPB", known_on=day)
    now = build_report(storage, catalogue, parse_report_period("2026-H1"), "VPB")
    assert then.known_on == day and now.known_on is None
    assert any(day.strftime("%d/%m/%Y") in n for n in then.notices)
    assert not any("như đã biết" in n for n in now.notices)
    before = build_report(storage, catalogue, H2, "VPB", known_on=day)
    after = build_report(storage, catalogue, H2, "VPB")
    one = {r.code: r for r in before.rows}["1.1"]
    assert one.end_value == 54 and {r.code: r for r in after.rows}["1.1"].end_value == 30
    sheet = load_workbook(io.BytesIO(write_xlsx(before, {}))).worksheets[0]
    cells = [str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None]
    assert "Số liệu như đã biết đến hết ngày" in cells and day.strftime("%d/%m/%Y") in cells


def test_the_command_takes_a_day_and_refuses_a_bad_one(cli_db: str, tmp_path) -> None:
    runner = CliRunner()
    bad = runner.invoke(app, ["report", "--period", "2026-H1", "--known-on", "20/01/2026"])
    assert bad.exit_code == 1 and "YYYY-MM-DD" in bad.output
    load_demo(shell.storage(), shell.catalogue(), today=DEMO_TODAY)
    args = ["report", "--period", "2026-H1", "--format", "xlsx", "--out", str(tmp_path)]
    before = runner.invoke(app, [*args, "--known-on", "2026-01-20"])  # stored later: nothing
    assert before.exit_code == 1
    assert "Chưa có số liệu nào" in before.stderr and not list(tmp_path.glob("*.xlsx"))
    good = runner.invoke(app, [*args, "--known-on", local_today().isoformat()])  # Việt Nam
    assert good.exit_code == 0, good.output
    assert list(tmp_path.glob("*.xlsx"))
