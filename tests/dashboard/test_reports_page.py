"""The Reports page: a report as known on a day is built and offered, or, when nothing
was stored by then, the page says so and offers no file."""

from __future__ import annotations

import datetime as dt

from kpi.periods import local_today
from tests.dashboard.conftest import AppFactory


def test_a_report_as_known_on_a_day(open_page: AppFactory) -> None:
    at = open_page("reports.py")
    assert not at.get("date_input")
    at.checkbox(key="report_known_on_use").check().run()
    at.date_input(key="report_known_on").set_value(local_today()).run()  # Việt Nam's day
    at.button(key="report_build").click().run(timeout=120)
    assert not at.exception, [e.value for e in at.exception]
    assert any("sẵn sàng" in str(s.value) for s in at.success), [i.value for i in at.info]
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == ["Tải XLSX", "Tải PDF"]


def test_a_day_before_any_figure_was_stored_gives_no_report(open_page: AppFactory) -> None:
    at = open_page("reports.py")
    at.checkbox(key="report_known_on_use").check().run()
    day = local_today() - dt.timedelta(days=3)  # the demo figures were stored today
    at.date_input(key="report_known_on").set_value(day).run()
    at.button(key="report_build").click().run(timeout=120)
    assert not at.exception, [e.value for e in at.exception]
    assert not at.success and not at.get("download_button")
    (info,) = at.info
    shown = info.value.replace("\\", "")  # the page escapes markdown
    assert shown.startswith("Chưa có số liệu nào của Bộ Nội vụ trong kỳ")
    assert "báo cáo không được lập" in shown
