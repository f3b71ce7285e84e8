"""`kpi status`: the JSON contract, the ministry default, --unit all, --off-target, --as-of."""

from __future__ import annotations

import io
import json

import pandas as pd
from typer.testing import CliRunner

from kpi.cli.main import app
from kpi.progress import CONTRACT_COLUMNS

runner = CliRunner()
STATUSES = {
    "achieved",
    "insufficient_data",
    "on_track",
    "needs_acceleration",
    "limited_progress",
    "deteriorating",
}


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def test_json_contract_for_the_ministry(cli_db: str) -> None:
    assert run("demo")[0] == 0
    code, out = run("status", "--format", "json")
    assert code == 0, out
    rows = json.loads(out)
    assert len(rows) == 16
    for row in rows:
        assert list(row) == CONTRACT_COLUMNS
        assert row["unit_code"] == "BNV" and row["status"] in STATUSES
        assert isinstance(row["methods_disagree"], bool) and isinstance(row["stale"], bool)
    by_code = {r["indicator_code"]: r for r in rows}
    assert by_code["1.8"]["status"] == "achieved"
    assert by_code["1.12"]["status"] == "deteriorating"
    assert {r["status"] for r in rows} >= {"on_track", "needs_acceleration", "limited_progress"}


def test_table_in_vietnamese_and_english(cli_db: str) -> None:
    run("demo")
    code, out = run("status")
    assert code == 0 and "Đúng lộ" in out and "Tiến độ" in out
    code, out = run("status", "--lang", "en", "--format", "json")
    assert "current pace" in json.loads(out)[0]["reason"] or "Achieved" in out


def test_unit_all_and_as_of(cli_db: str) -> None:
    run("demo")
    code, out = run("status", "--unit", "all", "--as-of", "2025-Q4", "--format", "csv")
    assert code == 0
    frame = pd.read_csv(io.StringIO(out), dtype={"indicator_code": str})
    assert list(frame.columns) == CONTRACT_COLUMNS
    assert set(frame["latest_period"]) == {"2025-Q4"}
    assert frame.groupby("indicator_code")["unit_code"].nunique().min() >= 5


def test_unit_all_json_is_the_api_s_text(cli_db: str) -> None:
    from kpi.cli.shell import catalogue, storage
    from kpi.periods import Quarter
    from kpi.services.open_data import status_text

    run("demo")
    args = ("status", "--unit", "all", "--format", "json", "--as-of", "2025-Q4")
    code, out = run(*args)
    assert code == 0
    assert out == status_text(storage(), catalogue(), "all", as_of=Quarter(2025, 4)) + "\n"
    code, english = run(*args, "--lang", "en")
    vi_rows, en_rows = json.loads(out), json.loads(english)
    assert code == 0 and len(en_rows) == len(vi_rows) > 16
    assert [{**r, "reason": ""} for r in en_rows] == [{**r, "reason": ""} for r in vi_rows]
    assert en_rows[0]["reason"] != vi_rows[0]["reason"]


def test_off_target_worst_first_with_lead_units(cli_db: str) -> None:
    run("demo")
    code, out = run("status", "--off-target", "--format", "json")
    rows = json.loads(out)
    assert rows and {r["status"] for r in rows} <= {"limited_progress", "deteriorating"}
    ratios = [r["ratio"] for r in rows]
    assert ratios == sorted(ratios)
    code, out = run("status", "--off-target")
    assert code == 0 and "Cục Văn thư" in out


def test_errors(cli_db: str) -> None:
    assert run("status", "--unit", "KHONG-CO")[0] == 1
    code, out = run("status", "--as-of", "Q5/2025")
    assert code == 1 and "Q5/2025" in out


def test_stale_series_are_marked(cli_db: str) -> None:
    run("demo")
    code, out = run("status", "--unit", "all", "--format", "json")
    rows = json.loads(out)
    stale = {r["unit_code"] for r in rows if r["stale"]}
    assert code == 0 and stale == {"VCCHC"}  # the demo's late-reporting unit
    code, out = run("status", "--unit", "VCCHC")
    assert code == 0 and out.count("⚠") == 17  # 16 rows and the caption
    code, out = run("status")
    assert "⚠" not in out
