"""Every bad input of the upload-hardening notes, items 1–18, through `kpi load`.

Each test names the exit code, the row and column reported, and checks that the
stored figures (`kpi export`) did not change when the file was refused.
"""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from kpi.cli.main import app

FILES = Path(__file__).resolve().parents[1] / "data" / "uploads"
runner = CliRunner()


def kpi(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def export() -> str:
    code, out = kpi("export")
    assert code == 0
    return out


def load(name: str, *extra: str) -> tuple[int, str]:
    return kpi("load", str(FILES / name), *extra)


@pytest.fixture
def db(cli_db: str) -> str:
    """A CLI database holding one stored figure, so 'unchanged' means something."""
    code, out = load("12_previous.csv")
    assert code == 0, out
    return cli_db


def refused(name: str, exit_code: int, *expected: str) -> str:
    before = export()
    code, out = load(name)
    assert code == exit_code, out
    flat = " ".join(out.split())
    for text in expected:
        assert text in flat, (text, out)
    assert export() == before
    return out


# 1. empty, header-only, missing/extra columns, header under a title, merged cells, hidden sheets
def test_01_empty_and_header_only(db: str) -> None:
    refused("01_empty.csv", 2, "Tệp rỗng")
    refused("01_header_only.csv", 1, "không có dòng số liệu")


def test_01_missing_column_listed(db: str) -> None:
    refused("01_missing_columns.csv", 1, "Thiếu cột bắt buộc 'Kỳ báo cáo'", "│ 1 ")


def test_01_title_rows_merged_title_hidden_sheet(db: str) -> None:
    code, out = load("01_title_rows.xlsx")
    assert code == 0, out
    frame = pd.read_csv(io.StringIO(export()), dtype={"indicator_code": str})
    row = frame[(frame["indicator_code"] == "1.10") & (frame["period"] == "2025-Q3")]
    assert row["value"].tolist() == [85.5]  # percent cell, from the visible sheet
    hostile = frame[frame["indicator_code"] == "1.2"]["note"].tolist()
    assert hostile == ['\'=HYPERLINK("http://x","<script>")']


def test_01_extra_columns_are_ignored(db: str) -> None:
    assert load("01_extra_columns.csv")[0] == 0


# 2. a CSV renamed .xlsx, macros, garbage, a zip bomb
def test_02_content_decides_not_the_name(db: str) -> None:
    assert load("02_csv_renamed.xlsx")[0] == 0


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("02_macro.xlsm", "macro"),
        ("02_garbage.xlsx", "Không đọc được tệp"),
        ("02_zip_bomb.xlsx", "quá lớn"),
    ],
)
def test_02_unsafe_files_refused(db: str, name: str, message: str) -> None:
    refused(name, 2, message)


# 3. encodings
@pytest.mark.parametrize("name", ["03_utf8_bom.csv", "03_cp1258.csv", "03_nfd.csv"])
def test_03_accepted_encodings(db: str, name: str) -> None:
    code, out = load(name)
    assert code == 0, out
    frame = pd.read_csv(io.StringIO(export()), dtype={"indicator_code": str})
    assert 50.5 in frame["value"].tolist()


def test_03_cp1258_note_is_read_as_unicode(db: str) -> None:
    load("03_cp1258.csv")
    assert "Đã rà soát" in export()


def test_03_legacy_font_refused(db: str) -> None:
    refused("03_tcvn3.csv", 2, "TCVN3/VNI", "Unicode UTF-8")


# 4. separators
@pytest.mark.parametrize("name", ["04_comma.csv", "04_semicolon.csv"])
def test_04_separators(db: str, name: str) -> None:
    assert load(name)[0] == 0


# 5. number formats
def test_05_number_forms(db: str) -> None:
    code, out = load("05_numbers.csv", "--confirm", "--note", "đã kiểm tra")
    assert code == 0, out
    frame = pd.read_csv(io.StringIO(export()), dtype={"indicator_code": str})
    values = frame[frame["period"] == "2025-Q3"].set_index("indicator_code")["value"]
    assert values[["1.1", "1.2", "1.3", "1.5"]].tolist() == [85.5] * 4
    assert values["1.4"] == 85.0


def test_05_ambiguous_number_refused(db: str) -> None:
    out = refused("05_ambiguous.csv", 1, "1.234", "không rõ nghĩa")
    assert "│ 3 " in out and "Tử số" in out


# 6. missing markers; a unit coded "NA" stays a unit
def test_06_missing_markers_and_unit_na(db: str, tmp_path: Path) -> None:
    units = tmp_path / "units.csv"
    units.write_text("code,name,parent\nNA,Tỉnh Nghệ An,BNV\n", encoding="utf-8")
    assert kpi("units", "import", str(units))[0] == 0
    code, out = load("06_missing_markers.csv")
    assert code == 0, out
    frame = pd.read_csv(io.StringIO(export()), dtype={"unit_code": str}, keep_default_na=False)
    assert set(frame[frame["unit_code"] == "NA"]["value"]) == {50.0, 60.0, 70.0, 80.0, 90.0}


# 7. formula cells without a stored value
def test_07_formula_cells_listed(db: str) -> None:
    refused("07_formula.xlsx", 2, "D2, D3")


# 8–11. values, counts, references, duplicates
def test_08_values(db: str) -> None:
    out = refused("08_values.csv", 1, "120", "-5", "'abc' không phải là số")
    assert "3 lỗi" in out


def test_09_counts(db: str) -> None:
    refused("09_counts.csv", 1, "Tử số 120 lớn hơn mẫu số 100", "khác tử số/mẫu số (40%)")


def test_10_references_and_periods(db: str) -> None:
    refused(
        "10_refs.csv",
        1,
        "'9.9'",
        "'KHONGCO'",
        "'Q5/2025'",
        "'2025-13'",
        "trước 2020-Q1",
        "chưa kết thúc",
    )


def test_11_duplicates_name_both_rows(db: str) -> None:
    refused("11_duplicates.csv", 1, "Trùng chỉ tiêu, đơn vị và kỳ với dòng 2")


# 12. an outlier needs a confirmation with a note
def test_12_outlier_needs_confirmation(db: str) -> None:
    out = refused("12_outlier.csv", 3, "+35", "--confirm")
    assert "│ 2 " in out
    code, out = load("12_outlier.csv", "--confirm", "--note", "Sáp nhập đơn vị")
    assert code == 0, out
    assert "75" in export()


# 13–15. integrity
def test_13_one_bad_row_refuses_the_file(db: str) -> None:
    refused("13_one_bad_row.csv", 1, "'2025-Q5'", "│ 219 ")


def test_14_same_file_twice(db: str) -> None:
    assert load("04_semicolon.csv")[0] == 0
    before = export()
    code, out = load("04_comma.csv")  # same figures, other format
    assert code == 0 and "đã được nhập trước đó" in out
    assert export() == before


def test_15_changed_figure_is_a_new_revision(db: str, tmp_path: Path) -> None:
    changed = tmp_path / "q2.csv"
    changed.write_text("indicator_code,unit_code,period,value\n1.1,VPB,2025-Q2,41\n", "utf-8")
    code, out = kpi("load", str(changed))
    assert code == 0 and "1 thay đổi" in out
    frame = pd.read_csv(io.StringIO(export()), dtype={"indicator_code": str})
    assert frame["revision"].tolist() == [2] and frame["value"].tolist() == [41.0]


def test_dry_run_writes_nothing(db: str) -> None:
    before = export()
    code, out = load("04_comma.csv", "--dry-run")
    assert code == 0 and "không ghi" in out
    assert export() == before


def test_unreadable_path(db: str) -> None:
    assert kpi("load", "khong-co.csv")[0] == 2


def test_unit_option_fills_and_checks(db: str, tmp_path: Path) -> None:
    path = tmp_path / "u.csv"
    path.write_text(
        "indicator_code,unit_code,period,value\n1.3,,2025-Q3,5\n1.4,CNCC,2025-Q3,5\n", "utf-8"
    )
    before = export()
    code, out = kpi("load", str(path), "--unit", "VPB")
    assert code == 1 and "CNCC" in out and "(VPB)" in out
    assert export() == before
    shutil.copy(path, tmp_path / "v.csv")
    (tmp_path / "v.csv").write_text(
        "indicator_code,unit_code,period,value\n1.3,,2025-Q3,5\n", "utf-8"
    )
    assert kpi("load", str(tmp_path / "v.csv"), "--unit", "Văn phòng Bộ")[0] == 0
