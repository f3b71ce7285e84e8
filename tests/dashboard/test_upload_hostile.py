"""Every hostile file through the upload page (AppTest): a message, never an exception;
the attempt is kept for the admins, and the page keeps working for the next file."""

from __future__ import annotations

import pytest

from kpi.access import Role
from kpi.services.figures import upload_list
from kpi.storage import open_storage
from tests.dashboard.conftest import AppFactory
from tests.data.uploads.hostile import hostile_files

FILES = {h.name: h for h in hostile_files()}


@pytest.mark.parametrize("name", [n for n, h in FILES.items() if h.code])
def test_hostile_file_is_refused_with_a_message(
    name: str, open_page: AppFactory, app_db: str
) -> None:
    at = open_page("upload.py", role=Role.OFFICER)
    at.get("file_uploader")[0].set_value((name, FILES[name].data, "application/octet-stream"))
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    assert any("Chưa có số liệu nào được ghi" in str(e.value) for e in at.error)
    messages = " ".join(str(v) for v in at.table[0].value.iloc[:, -1])  # wrapped, whole
    rows_listed = set(at.table[0].value.iloc[:, 0]) != {"—"}
    says_rows = any("các dòng dưới đây" in str(e.value) for e in at.error)
    assert says_rows == rows_listed  # "fix the rows below" only when rows are listed
    assert "Error" not in messages and messages
    store = open_storage(app_db)
    attempts = upload_list(store)
    store.dispose()
    assert attempts.iloc[0]["file_name"] == name
    assert attempts.iloc[0]["outcome"] in {"unreadable", "refused"}
    at.switch_page("app_pages/overview.py").run()  # the session goes on
    assert not at.exception


def test_audit_page_offers_the_uploaded_file(open_page: AppFactory) -> None:
    hostile = FILES["far_corner.xlsx"]
    at = open_page("upload.py", role=Role.OFFICER)
    at.get("file_uploader")[0].set_value((hostile.name, hostile.data, "application/octet-stream"))
    at.run()
    admin = open_page("audit.py", role=Role.ADMIN)
    assert not admin.exception
    labels = [b.proto.label for b in admin.get("download_button")]
    assert labels.count("Tải tệp đã nộp") == 1
    assert any("far_corner.xlsx" in o for o in admin.selectbox(key="audit_upload").options)
