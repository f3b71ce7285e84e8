"""`kpi template` and `kpi load --as`: the officer's template and acting as a stored user."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from kpi.cli.main import app
from reports.template import HEADERS

runner = CliRunner()
ROWS = "indicator_code,unit_code,period,value\n1.1,VPB,2025-Q3,40\n"


def kpi(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def test_template_xlsx_has_text_codes_dropdown_and_guide(cli_db: str, tmp_path: Path) -> None:
    out = tmp_path / "mau.xlsx"
    code, text = kpi("template", "--out", str(out), "--unit", "Văn phòng Bộ", "--period", "Q3/2025")
    assert code == 0, text
    book = load_workbook(out)
    data, guide = book.worksheets
    assert [c.value for c in data[1]] == HEADERS
    assert data["A11"].value == "1.10" and data["A11"].number_format == "@"
    assert (data["C2"].value, data["D2"].value) == ("VPB", "2025-Q3")
    (dropdown,) = data.data_validations.dataValidation
    assert "1.10" in str(dropdown.formula1) and "A2" in str(dropdown.sqref)
    assert "lưu" in " ".join(str(r[0].value) for r in guide.iter_rows()).lower()


def test_template_csv_loads_back_once_filled(cli_db: str, tmp_path: Path) -> None:
    out = tmp_path / "mau.csv"
    assert kpi("template", "--out", str(out), "--unit", "VPB", "--period", "2025-Q3")[0] == 0
    frame = pd.read_csv(out, dtype=str, encoding="utf-8-sig")
    assert list(frame.columns) == HEADERS and frame["Mã chỉ tiêu"].iloc[9] == "1.10"
    frame["Giá trị (%)"] = "50,5"
    filled = tmp_path / "filled.csv"
    frame.to_csv(filled, index=False, sep=";", encoding="utf-8-sig")
    code, text = kpi("load", str(filled))
    assert code == 0, text
    assert f"{len(frame)} mới" in text


def test_template_refuses_bad_options(cli_db: str, tmp_path: Path) -> None:
    assert kpi("template", "--out", str(tmp_path / "x.txt"))[0] == 1
    assert kpi("template", "--out", str(tmp_path / "x.csv"), "--period", "Q5/2025")[0] == 1
    assert kpi("template", "--out", str(tmp_path / "x.csv"), "--unit", "ZZZ")[0] == 1


def test_load_as_unknown_user_is_refused(cli_db: str, tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text(ROWS, "utf-8")
    code, text = kpi("load", str(path), "--as", "ai@dau.vn")
    assert code == 1 and "ai@dau.vn" in text
    assert kpi("export")[1].strip().count("\n") == 0  # header only


def test_load_as_officer_is_limited_to_their_units(
    cli_db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KPI_LOCK_DAYS", "36500")  # 2025-Q3 stays open: this is about scope
    assert kpi("users", "add", "cb@bnv.gov.vn", "--role", "officer", "--unit", "CNCC")[0] == 0
    path = tmp_path / "a.csv"
    path.write_text(ROWS, "utf-8")
    code, text = kpi("load", str(path), "--as", "cb@bnv.gov.vn")
    assert code == 1 and "VPB" in text
    path.write_text(ROWS.replace("VPB", "CNCC"), "utf-8")
    code, text = kpi("load", str(path), "--as", "CB@bnv.gov.vn", "--lang", "en")
    assert code == 0 and "1 new" in text
    stored = pd.read_csv(io.StringIO(kpi("export")[1]), dtype=str)
    assert stored["unit_code"].tolist() == ["CNCC"]
