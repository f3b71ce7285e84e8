"""The unit head's sign-off on the Nhiệm vụ page: waiting count, button, marks, refusal."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from kpi.access import LOCAL_ADMIN, Role
from kpi.services import tasks as service
from kpi.services.app import open_store
from kpi.services.users import add_user
from kpi.task_progress import local_today
from tests.dashboard.conftest import AppFactory


def _marks(at: AppTest) -> dict[str, str]:
    value = at.dataframe[0].value
    table = value.data if hasattr(value, "data") else value
    return dict(zip(table["Mã"], table["Duyệt"], strict=True))


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
