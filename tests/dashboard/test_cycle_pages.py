"""The reporting-cycle pages on the demo data: the Submissions page agrees with
`kpi submissions`; sign-off from the approvals page shows everywhere; the admin page
imports obligations and opens locks."""

from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from dashboard.navigation import page_specs
from kpi.access import Role, Viewer
from kpi.cli.main import app
from kpi.formatting import number, percent
from kpi.periods import Quarter
from kpi.services import submissions
from kpi.services.app import open_store
from kpi.services.users import add_user
from tests.conftest import reset_cli_caches
from tests.dashboard.conftest import AppFactory, static_tables

runner = CliRunner()


def cli(*args: str) -> str:
    reset_cli_caches()
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def _rates(records: list[dict[str, object]]) -> dict[str, str]:
    expected = [r for r in records if r["state"] != "not_due"]
    reports = [r for r in expected if r["state"] in {"on_time", "late"}]
    on_time = [r for r in expected if r["state"] == "on_time"]
    return {
        "Báo cáo phải nộp": number(len(expected), "vi", 0),
        "Đã nộp": number(len(reports), "vi", 0),
        "Nộp đúng hạn": number(len(on_time), "vi", 0),
        "Tỷ lệ nộp": percent(round(100 * len(reports) / len(expected), 1)),
        "Tỷ lệ đúng hạn": percent(round(100 * len(on_time) / len(expected), 1)),
    }


@pytest.mark.slow
def test_submissions_page_and_cli_agree_on_every_rate(open_page: AppFactory, app_db: str) -> None:
    at = open_page("submissions.py")
    shown = {m.label: str(m.value) for m in at.metric}
    records = json.loads(cli("submissions", "--format", "json"))
    assert records and set(records[0]) == {
        "unit_code",
        "indicator_code",
        "period",
        "state",
        "submitted_at",
        "approved",
        "approved_by",
        "approved_at",
    }
    assert shown == _rates(records)
    by_unit = at.dataframe[1].value
    for label, row in by_unit.set_index("Đơn vị").iterrows():
        unit = str(label).split(" · ")[0]  # 'VPB · Văn phòng Bộ'
        mine = [r for r in records if r["unit_code"] == unit]
        assert row["Tỷ lệ nộp"] == _rates(mine)["Tỷ lệ nộp"], unit
        assert row["Tỷ lệ đúng hạn"] == _rates(mine)["Tỷ lệ đúng hạn"], unit
    by_indicator = at.dataframe[2].value
    for label, row in by_indicator.set_index("Chỉ tiêu").iterrows():
        code = str(label).split(" · ")[0]  # '1.1 · Sử dụng DVC trực tuyến'
        mine = [r for r in records if r["indicator_code"] == code]
        assert row["Báo cáo phải nộp"] == _rates(mine)["Báo cáo phải nộp"], code


@pytest.mark.slow
def test_sign_off_on_the_page_shows_on_every_page(open_page: AppFactory, app_db: str) -> None:
    at = open_page("approvals.py", role=Role.APPROVER)
    assert "Phê duyệt số liệu của đơn vị" in [str(x.value) for x in at.title]
    pending = at.dataframe[0].value
    assert set(pending["Phê duyệt"]) == {"chưa duyệt"}
    at.selectbox(key="appr_pick").set_value(("VPB", Quarter(2026, 3).index)).run()
    at.button(key="appr_go").click().run()
    assert not at.exception
    assert any("Đã phê duyệt 16 số liệu Quý 3/2026" in str(s.value) for s in at.success)
    at.run()
    signed = at.dataframe[-1].value
    assert list(signed.columns) == [
        "Đơn vị",
        "Quý",
        "Người duyệt",
        "Thời điểm duyệt (giờ Việt Nam)",
    ]
    first = signed.iloc[0]
    assert (first["Đơn vị"], first["Quý"]) == ("VPB · Văn phòng Bộ", "Quý 3/2026")
    assert re.fullmatch(r"\d\d/\d\d/20\d\d \d\d:\d\d", first["Thời điểm duyệt (giờ Việt Nam)"])
    waiting = [tuple(map(int, q[4:].split("/")))[::-1] for q in at.dataframe[0].value["Quý"]]
    assert waiting == sorted(waiting, reverse=True)  # the newest quarter waits first
    records = json.loads(
        cli("submissions", "--period", "2026-Q3", "--unit", "VPB", "--format", "json")
    )
    assert records and all(
        r["approved"] and r["approved_by"] == "thu-truong@demo.local" for r in records
    )
    at.switch_page("app_pages/indicator.py").run()
    at.selectbox(key="ind_unit").set_value("VPB").run()
    history = static_tables(at)[-1]
    marks = dict(zip(history["Quý"], history["Phê duyệt"], strict=False))
    assert marks["Quý 3/2026"] == "✔ đã duyệt" and marks["Quý 2/2026"] == "chưa duyệt"
    assert any("chưa duyệt" in str(c.value) for c in at.caption)
    at.switch_page("app_pages/overview.py").run()
    at.selectbox(key="ov_unit").set_value("VPB").run()
    shown = at.dataframe[0].value
    signed_rows = shown["Số mới nhất"].str.endswith("Quý 3/2026")
    assert signed_rows.any() and set(shown.loc[signed_rows, "Phê duyệt"]) == {"✔ đã duyệt"}
    at.selectbox(key="ov_unit").set_value("__ministry__").run()  # other units wait still
    assert set(at.dataframe[0].value["Phê duyệt"]) == {"chưa duyệt"}
    for page in ("overview.py", "alerts.py", "submissions.py"):
        at.switch_page(f"app_pages/{page}").run()
        assert not at.exception
        assert any("chưa được thủ trưởng đơn vị phê duyệt" in str(c.value) for c in at.caption), (
            page
        )
    exported = cli("export")
    assert "đã duyệt" in exported and "chưa duyệt" in exported


def test_cycle_pages_are_in_the_navigation_of_their_roles_only() -> None:
    def files(role: Role) -> set[str]:
        sections = page_specs(Viewer("x@bnv.gov.vn", role, frozenset({"VPB"})))
        return {spec.file for specs in sections.values() for spec in specs}

    assert "approvals.py" in files(Role.APPROVER) and "approvals.py" in files(Role.ADMIN)
    assert "approvals.py" not in files(Role.OFFICER) | files(Role.LEADER)
    assert "admin_cycle.py" in files(Role.ADMIN)
    assert "admin_cycle.py" not in files(Role.APPROVER) | files(Role.OFFICER)
    assert "upload.py" not in files(Role.APPROVER)  # the head signs off, officers upload


def test_admin_cycle_page_imports_and_opens_a_lock(open_page: AppFactory, app_db: str) -> None:
    at = open_page("admin_cycle.py", role=Role.ADMIN)
    assert "Nghĩa vụ báo cáo và khóa số liệu" in [str(x.value) for x in at.title]
    obligations = at.dataframe[0].value
    assert set(obligations["Nguồn"]) == {"danh mục"} and len(obligations) == 29
    # Before any exception, the empty section names what is absent, not "no figures".
    assert [str(i.value) for i in at.info][-1] == "Chưa có ngoại lệ mở khóa nào."
    at.selectbox(key="lock_unit").set_value("VPB")
    at.selectbox(key="lock_period").set_value("2026-Q3")
    at.text_input(key="lock_reason").input("Bổ sung số liệu")
    at.get("button")[0].click().run()
    assert not at.exception
    assert any("Đã mở khóa Quý 3/2026 cho VPB" in str(s.value) for s in at.success)
    listed = cli("locks", "list")
    assert "VPB" in listed and "Bổ sung số liệu" in listed
    locks = at.dataframe[1].value
    assert list(locks.columns) == [
        "Đơn vị",
        "Quý",
        "Mở đến ngày",
        "Lý do",
        "Người mở",
        "Thời điểm mở (giờ Việt Nam)",
    ]
    assert locks.iloc[0]["Quý"] == "Quý 3/2026" and locks.iloc[0]["Đơn vị"].startswith("VPB · ")
    assert "None" not in {str(v) for v in locks.to_numpy().ravel()}


def test_obligations_show_the_first_quarter_owed(open_page: AppFactory) -> None:
    at = open_page("admin_cycle.py", role=Role.ADMIN, lang="en")
    obligations = at.dataframe[0].value
    assert set(obligations["From"]) == {"Q4 2024"}  # the programme baseline
    assert set(obligations["Until"]) == {"—"} and set(obligations["Source"]) == {"catalogue"}
    assert all(" · " in str(u) for u in obligations["Unit"])


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_obligations_file_is_described_in_words(open_page: AppFactory, lang: str) -> None:
    at = open_page("admin_cycle.py", role=Role.ADMIN, lang=lang)
    (uploader,) = at.get("file_uploader")
    headers = ("unit_code", "indicator_code", "from_period", "to_period")
    # the label says it in words; the CSV's headers only in the help, for writing the file
    assert not [h for h in headers if h in uploader.proto.label]
    assert all(h in uploader.proto.help for h in headers)


def test_quarters_before_the_obligation_are_not_overdue(open_page: AppFactory) -> None:
    """Sixteen quarters reach back to 2023, before anything was owed (2024-Q4): those
    quarters are neither columns nor missing reports."""
    at = open_page("submissions.py")
    at.slider(key="subm_n").set_value(16).run()
    assert not at.exception
    matrix = at.dataframe[0].value
    matrix = matrix.data if hasattr(matrix, "data") else matrix
    first = max(Quarter(2024, 4), submissions.recent_quarters(16)[0])
    assert str(matrix.columns[0]) == first.name("vi")
    assert not any("2023" in str(c) for c in matrix.columns)
    shown = {m.label: str(m.value) for m in at.metric}
    assert shown["Tỷ lệ nộp"] == "100,0%"  # the demo reported every owed quarter
    assert any("không tính là chưa nộp" in str(c.value) for c in at.caption)
    assert "✖ Chưa nộp: 0" in " ".join(str(c.value) for c in at.caption)
    english = open_page("submissions.py", lang="en")
    columns = [str(c) for c in english.dataframe[0].value.columns]
    assert all(re.fullmatch(r"Q[1-4] 20\d\d", c) for c in columns), columns


def test_users_page_says_roles_in_the_language(open_page: AppFactory, app_db: str) -> None:
    store = open_store(app_db)
    add_user(store, "cb@bnv.gov.vn", Role.OFFICER, ["VPB"], actor="quan-tri@demo.local")
    store.dispose()
    vi = open_page("admin_users.py", role=Role.ADMIN)
    users = vi.dataframe[0].value
    assert list(users.columns) == [
        "E-mail",
        "Vai trò",
        "Đơn vị được giao",
        "Ngày tạo (giờ Việt Nam)",
    ]
    assert users.iloc[0]["Vai trò"] == "Cán bộ đầu mối"
    assert users.iloc[0]["Đơn vị được giao"] == "VPB · Văn phòng Bộ"
    en = open_page("admin_users.py", role=Role.ADMIN, lang="en")
    assert en.dataframe[0].value.iloc[0]["Role"] == "Data officer"
    assert en.selectbox(key="user_role.en").value == Role.OFFICER
    assert en.multiselect(key="user_units").placeholder == "Choose…"


def test_an_english_page_shows_a_refusal_in_english(open_page: AppFactory, app_db: str) -> None:
    at = open_page("admin_cycle.py", role=Role.ADMIN, lang="en")
    at.selectbox(key="lock_unit").set_value("VPB")
    at.selectbox(key="lock_period.en").set_value("2026-Q3")
    at.get("button")[0].click().run()  # no reason given: the service refuses
    assert not at.exception
    shown = [str(e.value) for e in at.error]
    assert shown == ["give the reason for opening the lock (--reason)"], shown
    assert not at.success and "VPB" not in cli("locks", "list")
