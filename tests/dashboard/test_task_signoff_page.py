"""The unit head's sign-off on the Nhiệm vụ page: waiting count, button, marks, refusal;
the withdrawal with a reason, a confirmation and an audit entry, for the heads of the unit."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from kpi.access import LOCAL_ADMIN, Role, Viewer
from kpi.periods import local_today
from kpi.services import task_signoffs as signoffs
from kpi.services import tasks as service
from kpi.services.app import open_store
from kpi.services.figures import audit_frame
from kpi.services.users import add_user
from kpi.task_progress import HalfYear
from tests.dashboard.conftest import AppFactory


def _marks(at: AppTest) -> dict[str, str]:
    value = at.table[0].value  # the task list: a static table, its markdown escaped
    table = value.data if hasattr(value, "data") else value
    codes = [str(c).replace("\\", "") for c in table["Mã"]]
    return dict(zip(codes, table["Duyệt"], strict=True))


def _texts(at: AppTest) -> list[str]:
    return [str(x.value) for x in at.text]


def test_the_head_signs_off_the_half_year_and_the_latest_reports_show_it(
    open_page: AppFactory, app_db: str
) -> None:
    store = open_store(app_db)
    officer = add_user(store, "vpb@bnv.gov.vn", Role.OFFICER, ["VPB"], actor=LOCAL_ADMIN)
    for code in ("II.13", "II.41"):
        service.report_progress(store, officer, code, state="in_progress", today=local_today())
    store.dispose()

    leader = open_page("tasks.py")
    assert not [b for b in leader.button if b.key and b.key.startswith("tso_")]
    assert _marks(leader)["II.13"] == "chưa duyệt" and _marks(leader)["II.14"] == "—"

    at = open_page("tasks.py", role=Role.APPROVER)  # demo approver: VPB and TTCNTT
    texts = _texts(at)
    assert any(x.startswith("VPB") and x.endswith(": 2 báo cáo chưa duyệt") for x in texts)
    assert any(x.startswith("TTCNTT") and x.endswith(": 0 báo cáo chưa duyệt") for x in texts)
    assert at.button(key="tso_TTCNTT").disabled
    at.button(key="tso_VPB").click().run()
    assert not at.exception
    assert any("Đã duyệt 2 báo cáo tiến độ" in str(s.value) for s in at.success)
    assert _marks(at)["II.13"] == "✔ đã duyệt" and _marks(at)["II.41"] == "✔ đã duyệt"
    at.run()
    assert any(x.startswith("VPB") and "đã duyệt (thu-truong@demo.local" in x for x in _texts(at))

    store = open_store(app_db)
    with pytest.raises(service.TaskServiceError, match="đã được thủ trưởng đơn vị duyệt"):
        service.report_progress(store, officer, "II.42", state="in_progress", today=local_today())
    store.dispose()


# ---- withdrawing a sign-off (the page's side of `kpi tasks unapprove`) ------------------

HEAD = Viewer(LOCAL_ADMIN, Role.ADMIN)
REASON = "Bổ sung minh chứng của nhiệm vụ II.13"


def _signed_off(app_db: str, units: dict[str, str]) -> str:
    """Report one task per unit ({unit: task}) and sign each unit's half-year off; returns
    the half-year's code ('2026-H2')."""
    store = open_store(app_db)
    half = str(HalfYear.containing(local_today()))
    for n, (unit, task) in enumerate(units.items()):
        officer = add_user(store, f"cb{n}@bnv.gov.vn", Role.OFFICER, [unit], actor=LOCAL_ADMIN)
        service.report_progress(store, officer, task, state="in_progress", today=local_today())
        signoffs.approve(store, HEAD, unit, half)
    store.dispose()
    return half


def _choices(at: AppTest) -> list[str]:
    """The units of the standing sign-offs offered ('VPB · Văn phòng Bộ · 6 tháng … · …')."""
    return [str(o).split(" · ")[0] for o in at.selectbox(key="tso_undo_pick").options]


def _asked(at: AppTest) -> str:
    """The confirmation's question ('' when none is asked; the demo notice is a warning too)."""
    asked = [str(w.value) for w in at.warning if w.icon == ":material/warning:"]
    assert len(asked) <= 1
    return asked[0] if asked else ""


def _audit(app_db: str) -> list[dict[str, object]]:
    store = open_store(app_db)
    frame = audit_frame(store)
    store.dispose()
    return [r for r in frame.to_dict("records") if r["action"] == "tasks.unapprove"]


def test_the_head_withdraws_a_sign_off_with_a_reason_after_confirming(
    open_page: AppFactory, app_db: str
) -> None:
    half = _signed_off(app_db, {"VPB": "II.13"})
    at = open_page("tasks.py", role=Role.APPROVER)
    assert any(x.startswith("VPB") and ": đã duyệt (" in x for x in _texts(at))
    assert at.selectbox(key="tso_undo_pick").value == ("VPB", half)
    assert at.button(key="tso_undo_ask").disabled  # no reason yet
    at.text_input(key="tso_undo_reason").input("   ").run()
    assert at.button(key="tso_undo_ask").disabled  # blanks are no reason
    at.text_input(key="tso_undo_reason").input(REASON).run()
    at.button(key="tso_undo_ask").click().run()
    warning = _asked(at)
    assert warning.startswith("Hủy duyệt báo cáo tiến độ") and "VPB" in warning
    assert "II\\.13" in warning  # the reason as typed (escaped for markdown)
    at.button(key="tso_undo_no").click().run()  # thought better of it: nothing changes
    assert not _asked(at) and not _audit(app_db)
    assert _choices(at) == ["VPB"]
    at.button(key="tso_undo_ask").click().run()
    at.button(key="tso_undo_yes").click().run()
    assert not at.exception
    assert any("Đã hủy duyệt báo cáo tiến độ" in str(s.value) for s in at.success)
    # the box shows the half-year open again, and nothing is left to withdraw
    assert any(x.startswith("VPB") and x.endswith(": 1 báo cáo chưa duyệt") for x in _texts(at))
    assert not at.button(key="tso_VPB").disabled
    assert not [s for s in at.selectbox if s.key == "tso_undo_pick"]
    assert _marks(at)["II.13"] == "chưa duyệt"
    entries = _audit(app_db)
    assert len(entries) == 1 and entries[0]["actor"] == "thu-truong@demo.local"
    assert entries[0]["unit_code"] == "VPB"
    detail = entries[0]["detail"]
    assert isinstance(detail, dict) and detail["reason"] == REASON and detail["period"] == half
    store = open_store(app_db)  # the unit may report in that half-year again
    officer = add_user(store, "vpb2@bnv.gov.vn", Role.OFFICER, ["VPB"], actor=LOCAL_ADMIN)
    service.report_progress(store, officer, "II.41", state="in_progress", today=local_today())
    store.dispose()


def test_each_head_sees_only_the_sign_offs_of_their_own_units(
    open_page: AppFactory, app_db: str
) -> None:
    half = _signed_off(app_db, {"VPB": "II.13", "CVTLT": "II.4"})
    head = open_page("tasks.py", role=Role.APPROVER)  # demo approver: VPB and TTCNTT
    assert _choices(head) == ["VPB"]
    label = HalfYear.containing(local_today()).label("vi")
    assert label in head.selectbox(key="tso_undo_pick").options[0]
    admin = open_page("tasks.py", role=Role.ADMIN)
    assert _choices(admin) == ["CVTLT", "VPB"]
    assert admin.selectbox(key="tso_undo_pick").value == ("CVTLT", half)
    for role in (Role.LEADER, Role.OFFICER):
        page = open_page("tasks.py", role=role)
        assert not [s for s in page.selectbox if s.key == "tso_undo_pick"], role


def test_a_sign_off_withdrawn_meanwhile_is_refused_in_words(
    open_page: AppFactory, app_db: str
) -> None:
    half = _signed_off(app_db, {"VPB": "II.13"})
    at = open_page("tasks.py", role=Role.APPROVER, lang="en")
    assert "Withdraw a sign-off" in [e.label for e in at.expander]
    at.text_input(key="tso_undo_reason").input("Evidence to add").run()
    at.button(key="tso_undo_ask").click().run()
    assert _asked(at).startswith("Withdraw the sign-off of the progress reports of VPB")
    store = open_store(app_db)  # someone else withdraws it first (the CLI, say)
    signoffs.unapprove(store, HEAD, "VPB", half, "done elsewhere")
    store.dispose()
    at.button(key="tso_undo_yes").click().run()
    assert not at.exception and not at.success
    errors = " ".join(str(e.value) for e in at.error)
    assert "are not signed off" in errors and "VPB" in errors
    assert len(_audit(app_db)) == 1  # only the first withdrawal is recorded


@pytest.mark.parametrize(
    ("lang", "where"),
    [("vi", "mục “Hủy duyệt báo cáo tiến độ”"), ("en", "under “Withdraw a sign-off”")],
)
def test_a_report_into_a_signed_off_half_year_says_where_on_the_page_to_reopen_it(
    open_page: AppFactory, app_db: str, lang: str, where: str
) -> None:
    store = open_store(app_db)
    officer = add_user(store, "vpb@bnv.gov.vn", Role.OFFICER, ["VPB"], actor=LOCAL_ADMIN)
    service.report_progress(store, officer, "II.13", state="in_progress", today=local_today())
    signoffs.approve(
        store, Viewer(LOCAL_ADMIN, Role.ADMIN), "VPB", str(HalfYear.containing(local_today()))
    )
    store.dispose()

    at = open_page("tasks.py", role=Role.OFFICER, lang=lang)  # demo officer: VPB and TTCNTT
    suffix = "" if lang == "vi" else f".{lang}"  # a key per language (ui.lang_key)
    at.selectbox(key=f"tr_code{suffix}").set_value("II.13")
    at.radio(key=f"tr_state{suffix}").set_value("in_progress")
    next(b for b in at.button if b.key and "FormSubmitter:task_report" in b.key).click().run()
    errors = [str(e.value) for e in at.error]
    assert any(where in e for e in errors), errors
    assert not any("kpi tasks" in e for e in errors)
