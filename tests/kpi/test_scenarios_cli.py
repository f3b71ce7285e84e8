"""The scenarios of methodology v2 through the `kpi` command, as an operator runs them:
a unit that reports only values, a unit that starts late, a stale unit, a running quarter,
and a parent unit in the middle of the tree."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from kpi.catalogue import load_catalogue
from kpi.cli.main import app
from kpi.periods import Quarter, last_ended_quarter, quarter_range

runner = CliRunner()
HEADER = "indicator_code,unit_code,period,value,numerator,denominator\n"
QUARTERS = [str(q) for q in quarter_range(Quarter(2024, 4), Quarter(2026, 3))]


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def load(tmp_path: Path, rows: list[str], name: str = "q.csv") -> tuple[int, str]:
    path = tmp_path / name
    path.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    return run("load", str(path), "--confirm", "--note", "kịch bản kiểm thử")


def series(unit: str, start: float, step: float, quarters: list[str], counts: bool = True):
    out = []
    for n, period in enumerate(quarters):
        value = start + step * n
        tail = f",{value * 10:.0f},1000" if counts else ",,"
        out.append(f"1.1,{unit},{period},{value:.1f}{tail}")
    return out


def status(*args: str) -> dict[tuple[str, str], dict[str, Any]]:
    code, out = run("status", "--format", "json", *args)
    assert code == 0, out
    return {(r["unit_code"], r["indicator_code"]): r for r in json.loads(out)}


def test_value_only_unit_is_not_summed_and_says_so(cli_db: str, tmp_path: Path) -> None:
    rows = series("VPB", 39, 1, QUARTERS) + series("TTCNTT", 79, 1, QUARTERS, counts=False)
    path = tmp_path / "value_only.csv"
    path.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    code, out = run("load", str(path), "--dry-run")  # said before anything is written
    flat = " ".join(out.split())
    assert code == 0 and "8 dòng chỉ có tỷ lệ" in flat and "dòng 10, 11, 12" in flat, out
    assert "không được cộng dồn" in flat
    code, out = load(tmp_path, rows)
    assert code == 0 and "không được cộng dồn" in " ".join(out.split()), out
    every = status()
    assert len(every) == 16  # an indicator with no figure keeps its row, with the reason
    assert (
        every[("BNV", "1.2")]["status"] == "insufficient_data" and every[("BNV", "1.2")]["reason"]
    )
    ministry = every[("BNV", "1.1")]
    assert ministry["latest_value"] == 46.0  # VPB's counts only: 460/1000
    assert ministry["units_with_counts"] == ["VPB"]
    assert ministry["units_value_only"] == ["TTCNTT"]
    expected = set(ministry["units_expected"])
    parts = [set(ministry[k]) for k in ("units_with_counts", "units_value_only", "units_missing")]
    assert set().union(*parts) == expected and sum(len(p) for p in parts) == len(expected)
    wide = runner.invoke(app, ["status"], env={"COLUMNS": "240"})  # cells on one line
    assert wide.exit_code == 0 and "1/2 đơn vị; 1 đơn vị chỉ báo" in wide.output, wide.output


def test_a_unit_starting_late_lower_does_not_make_the_ministry_deteriorate(
    cli_db: str, tmp_path: Path
) -> None:
    late = QUARTERS[5:]  # from 2026-Q1, far below the others
    rows = series("VPB", 60, 2, QUARTERS) + series("TTCNTT", 62, 2, QUARTERS)
    code, out = load(tmp_path, rows + series("CNCC", 10, 2, late))
    assert code == 0, out
    ministry = status()[("BNV", "1.1")]
    assert ministry["status"] != "deteriorating"
    assert ministry["observed_pace_pp_per_year"] > 0
    assert ministry["projected_progress"] > 0


def test_a_stale_unit_is_judged_from_the_chosen_quarter(cli_db: str, tmp_path: Path) -> None:
    code, out = load(tmp_path, series("VPB", 40, 2, QUARTERS[:6]))  # ends 2026-Q1
    assert code == 0, out
    now = status("--unit", "VPB", "--as-of", "2026-Q3")[("VPB", "1.1")]
    assert now["status"] == "no_recent_data" and now["stale"] is True
    assert "Quý 1/2026" in now["reason"]
    assert now["projected_2030"] is None  # no verdict, no projection
    then = status("--unit", "VPB", "--as-of", "2026-Q1")[("VPB", "1.1")]
    assert then["stale"] is False and then["status"] not in {"no_recent_data"}
    assert then["projected_2030"] is not None


def test_the_running_quarter_is_refused_and_never_the_default(cli_db: str, tmp_path: Path) -> None:
    ended = last_ended_quarter()
    running = ended + 1
    code, out = load(tmp_path, [f"1.1,VPB,{running},50,500,1000"], "running.csv")
    assert code == 1 and "chưa kết thúc" in " ".join(out.split()), out
    assert load(tmp_path, [f"1.1,VPB,{ended},50,500,1000"], "ended.csv")[0] == 0
    rows = status("--unit", "VPB")
    assert rows[("VPB", "1.1")]["latest_period"] == str(ended)


def test_a_parent_in_the_middle_of_the_tree_has_its_own_roll_up(
    cli_db: str, tmp_path: Path
) -> None:
    units = tmp_path / "units.csv"
    units.write_text(
        "code,name,parent\nKV1,Khối thử nghiệm,BNV\nKV1A,Đơn vị A,KV1\nKV1B,Đơn vị B,KV1\n",
        encoding="utf-8",
    )
    assert run("db", "upgrade")[0] == 0
    code, out = run("units", "import", str(units))
    assert code == 0, out
    rows = series("KV1A", 40, 1, QUARTERS) + series("KV1B", 60, 1, QUARTERS, counts=False)
    code, out = load(tmp_path, rows)
    assert code == 0, out
    every = status("--unit", "all")
    parent = every[("KV1", "1.1")]
    assert parent["units_with_counts"] == ["KV1A"] and parent["units_value_only"] == ["KV1B"]
    assert parent["latest_value"] == 47.0
    assert every[("KV1A", "1.1")]["units_expected"] == ["KV1A"]
    assert status("--unit", "KV1")[("KV1", "1.1")] == parent


def test_a_ministry_with_only_values_keeps_every_row_with_the_reason(
    cli_db: str, tmp_path: Path
) -> None:
    code, out = load(tmp_path, series("VPB", 40, 1, QUARTERS, counts=False))
    assert code == 0, out
    rows = [r for k, r in status().items() if k[0] == "BNV"]
    assert len(rows) == 16 and {r["status"] for r in rows} == {"insufficient_data"}
    one = next(r for r in rows if r["indicator_code"] == "1.1")
    assert "tử số/mẫu số" in one["reason"]


def test_a_unit_that_owes_a_figure_is_expected_even_if_it_never_reported(
    cli_db: str, tmp_path: Path
) -> None:
    code, out = load(tmp_path, series("VPB", 40, 1, QUARTERS))
    assert code == 0, out
    catalogue = load_catalogue()
    every = status()
    one = every[("BNV", "1.1")]
    assert set(catalogue["1.1"].lead_unit_codes) <= set(one["units_expected"])
    assert one["units_with_counts"] == ["VPB"]
    assert one["units_missing"] == sorted(set(catalogue["1.1"].lead_unit_codes) - {"VPB"})
    none = every[("BNV", "1.2")]  # no figure at all: every unit that owes it is missing
    leads = sorted(set(catalogue["1.2"].lead_unit_codes) - {"BNV"})
    assert none["units_expected"] == none["units_missing"] == leads and leads
