"""The Submissions page on a phone and a desktop: the phone summary (measures as chips,
then the first reports still owed) and the table of every report still owed agree with
`kpi submissions`; the count cards stay for the desktop."""

from __future__ import annotations

import json
import re

import pandas as pd
from streamlit.testing.v1 import AppTest
from typer.testing import CliRunner

from dashboard import submission_views
from kpi.catalogue import load_catalogue
from kpi.cli.main import app
from kpi.periods import parse_quarter
from kpi.services import cycle
from kpi.services.app import open_store
from tests.conftest import reset_cli_caches
from tests.dashboard.conftest import AppFactory

# VPC (Vụ Pháp chế) has no figure at all: everything it is asked for is owed
OBLIGATIONS = "unit_code,indicator_code,from_period,to_period\nVPC,1.9,2025-Q4,\nVPC,1.11,,\n"


def _owe(app_db: str) -> None:
    store = open_store(app_db)
    cycle.import_obligations(store, load_catalogue(), OBLIGATIONS, actor="quan-tri@demo.local")
    store.dispose()


def _owed_records() -> list[dict[str, object]]:
    reset_cli_caches()
    result = CliRunner().invoke(app, ["submissions", "--format", "json"])
    assert result.exit_code == 0, result.output
    records = json.loads(result.output)
    return [r for r in records if r["state"] in {"missing", "not_due"}]


def _summary(at: AppTest) -> str:
    found = [h.proto.body for h in at.html if "kpi-subm-phone" in h.proto.body]
    assert len(found) == 1
    return str(found[0])


def _table(at: AppTest, title: str) -> pd.DataFrame:
    value = at.dataframe[-1].value
    assert any(title in str(s.value) for s in at.subheader)
    table = value.data if hasattr(value, "data") else value  # a Styler holds its frame
    assert isinstance(table, pd.DataFrame)
    return table


def test_the_phone_summary_and_the_owed_table_list_what_is_owed(
    open_page: AppFactory, app_db: str
) -> None:
    _owe(app_db)
    owed = _owed_records()
    assert {r["unit_code"] for r in owed} >= {"VPC"}
    at = open_page("submissions.py")
    table = _table(at, f"Báo cáo còn phải nộp: {len(owed)}")
    assert list(table.columns) == ["Tình trạng", "Đơn vị", "Chỉ tiêu", "Quý", "Hạn nộp"]
    assert len(table) == len(owed)
    states = list(table["Tình trạng"])
    missing = [s for s in states if s == "✖ Chưa nộp"]
    assert missing and states[: len(missing)] == missing  # the overdue ones first
    assert set(states[len(missing) :]) <= {"○ Chưa đến hạn"}
    days = [pd.Timestamp(d[6:] + d[3:5] + d[:2]) for d in table["Hạn nộp"][: len(missing)]]
    assert days == sorted(days)  # the oldest deadline first
    wanted = {(str(r["unit_code"]), str(r["indicator_code"]), str(r["period"])) for r in owed}
    shown = {
        (u.split(" · ")[0], c.split(" ")[0], str(parse_quarter_vi(q)))
        for u, c, q in zip(table["Đơn vị"], table["Chỉ tiêu"], table["Quý"], strict=True)
    }
    assert shown == wanted

    summary = _summary(at)
    assert f"Báo cáo còn phải nộp: {len(owed)}" in summary
    for label in ("Báo cáo phải nộp", "Tỷ lệ nộp", "Tỷ lệ đúng hạn", "✖ Chưa nộp"):
        assert f"<li>{label}: " in summary
    lines = re.findall(r"<li style=[^>]*><strong>([^<]*)</strong><br>([^<]*)</li>", summary)
    assert len(lines) == min(submission_views.OWED_SHOWN, len(owed))
    first = table.iloc[0]
    assert lines[0] == (
        f"✖ Chưa nộp · hạn nộp {first['Hạn nộp']}",
        f"{first['Đơn vị']} · {first['Chỉ tiêu']} · {first['Quý']}",
    )
    if len(owed) > submission_views.OWED_SHOWN:
        assert f"Còn {len(owed) - submission_views.OWED_SHOWN} báo cáo nữa" in summary
    # the desktop's cards are still there (the page's CSS hides them on a phone only)
    assert {m.label for m in at.metric} >= {"Báo cáo phải nộp", "Tỷ lệ nộp"}
    assert f".st-key-{submission_views.CARDS_KEY}" in summary


def test_the_english_summary_and_table(open_page: AppFactory, app_db: str) -> None:
    _owe(app_db)
    owed = _owed_records()
    at = open_page("submissions.py", lang="en")
    summary = _summary(at)
    assert "<li>Expected reports: " in summary and "<li>On-time rate: " in summary
    assert "Quý" not in summary and "Chưa" not in summary and "hạn" not in summary
    title = f"Reports still owed: {len(owed)}"
    assert title in summary
    table = _table(at, title)
    assert list(table.columns) == ["State", "Unit", "Indicator", "Quarter", "Deadline"]
    assert all(re.fullmatch(r"Q[1-4] 20\d\d", q) for q in table["Quarter"])
    assert table.iloc[0]["State"] == "✖ Missing"
    assert "✖ Missing · due " in summary


def parse_quarter_vi(label: str) -> str:
    """'Quý 3/2026' -> '2026-Q3'."""
    quarter, year = label.removeprefix("Quý ").split("/")
    return str(parse_quarter(f"{year}-Q{quarter}"))
