"""Every date field of the dashboard is typed day first, as the pages show their days
('30/11/2026'), in Vietnamese and in English: never Streamlit's default 'YYYY/MM/DD'."""

from __future__ import annotations

import pytest

from kpi.access import Role
from tests.dashboard.conftest import AppFactory

# (page, the date field's key, the checkbox that shows it or None)
FIELDS = [
    ("tasks.py", "tk_day", None),
    ("admin_cycle.py", "lock_until", None),
    ("overview", "ov_known_on", "ov_known_on_use"),
    ("indicator.py", "ind_known_on", "ind_known_on_use"),
    ("reports.py", "report_known_on", "report_known_on_use"),
]


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize(("page", "key", "toggle"), FIELDS)
def test_date_fields_are_typed_day_first(
    open_page: AppFactory, page: str, key: str, toggle: str | None, lang: str
) -> None:
    at = open_page(None if page == "overview" else page, role=Role.ADMIN, lang=lang)
    if toggle is not None:
        at.checkbox(key=toggle).check().run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.date_input(key=key).proto.format == "DD/MM/YYYY"
