"""Rules without holes, through `kpi load` and the upload service: re-uploading an
earlier file, `--confirm` needs `--note`, dry runs check the scope, back-filled
quarters are compared with the stored quarter after them, unit names stay unique."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pandas as pd
from typer.testing import CliRunner

from kpi.cli.main import app

runner = CliRunner()
HEAD = "indicator_code,unit_code,period,value\n"


def kpi(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def write(path: Path, *rows: str) -> str:
    path.write_text(HEAD + "\n".join(rows) + "\n", "utf-8")
    return str(path)


def current(code: str = "1.1") -> pd.DataFrame:
    frame = pd.read_csv(io.StringIO(kpi("export")[1]), dtype={"indicator_code": str})
    return frame[frame["indicator_code"] == code]


def test_earlier_file_again_writes_new_revisions(cli_db: str, tmp_path: Path) -> None:
    first = write(tmp_path / "q3.csv", "1.1,VPB,2025-Q3,50")
    assert kpi("load", first)[0] == 0
    assert kpi("load", write(tmp_path / "fix.csv", "1.1,VPB,2025-Q3,52"))[0] == 0
    code, out = kpi("load", first)
    assert code == 0 and "1 thay đổi" in out and "bản sửa mới" in " ".join(out.split())
    row = current()
    assert row["value"].tolist() == [50.0] and row["revision"].tolist() == [3]
    assert row["file_name"].tolist() == ["q3.csv"] and row["source_row"].tolist() == [2]
    code, out = kpi("load", first)  # now identical to what is stored
    assert code == 0 and "đã được nhập trước đó" in out
    assert current()["revision"].tolist() == [3]
    outcomes = [a["outcome"] for a in json.loads(kpi("uploads", "list", "--format", "json")[1])]
    assert outcomes == ["duplicate", "committed", "committed", "committed"]


def test_confirm_needs_a_note(cli_db: str, tmp_path: Path) -> None:
    assert kpi("load", write(tmp_path / "a.csv", "1.1,VPB,2025-Q2,10"))[0] == 0
    jump = write(tmp_path / "b.csv", "1.1,VPB,2025-Q3,90")
    code, out = kpi("load", jump, "--confirm")
    assert code == 1 and "--note" in out
    assert current()["value"].tolist() == [10.0]
    code, out = kpi("load", jump)
    assert code == 3 and "+80 điểm" in out and "Quý 2/2025" in " ".join(out.split())
    assert kpi("load", jump, "--confirm", "--note", "đã rà soát")[0] == 0


def test_backfilled_quarter_is_compared_with_the_stored_next(cli_db: str, tmp_path: Path) -> None:
    assert kpi("load", write(tmp_path / "q3.csv", "1.1,VPB,2025-Q3,90"))[0] == 0
    code, out = kpi("load", write(tmp_path / "q2.csv", "1.1,VPB,2025-Q2,20"), "--lang", "en")
    flat = " ".join(out.split())
    assert code == 3 and "stored next quarter" in flat and "Q3 2025" in flat


def test_dry_run_checks_the_scope(cli_db: str, tmp_path: Path) -> None:
    assert kpi("users", "add", "cb@bnv.gov.vn", "--role", "officer", "--unit", "CNCC")[0] == 0
    path = write(tmp_path / "a.csv", "1.1,VPB,2025-Q3,50")
    code, out = kpi("load", path, "--as", "cb@bnv.gov.vn", "--dry-run")
    assert code == 1 and "VPB" in out
    assert (
        json.loads(kpi("uploads", "list", "--format", "json")[1]) == []
    )  # a dry run writes nothing


def test_uploads_get_returns_the_exact_file(cli_db: str, tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(b"indicator_code,unit_code,period,value\n1.1,VPB,2025-Q9,50\n")
    assert kpi("load", str(path))[0] == 1
    (attempt,) = json.loads(kpi("uploads", "list", "--format", "json")[1])
    assert (attempt["outcome"], attempt["problem_count"]) == ("refused", 1)
    out = tmp_path / "copy.csv"
    assert kpi("uploads", "get", str(attempt["id"]), "--out", str(out))[0] == 0
    assert out.read_bytes() == path.read_bytes()
    assert kpi("uploads", "get", "999", "--out", str(tmp_path / "none.csv"))[0] == 1
    assert kpi("uploads", "get", str(attempt["id"]), "--out", str(out))[0] == 2  # exists


def test_unit_names_unique_after_normalisation(cli_db: str, tmp_path: Path) -> None:
    units = tmp_path / "units.csv"
    units.write_text("code,name,parent\nVPB2,  VĂN PHÒNG   bộ ,BNV\n", "utf-8")
    code, out = kpi("units", "import", str(units))
    assert code == 1 and "VPB" in out
    code, out = kpi("load", write(tmp_path / "a.csv", "1.1,Văn phòng Bộ,2025-Q3,50"))
    assert code == 0 and current()["unit_code"].tolist() == ["VPB"]
