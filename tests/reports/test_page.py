"""The dashboard's "Báo cáo" page: pick unit, period and language, build, download."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from kpi.access import Role
from kpi.catalogue import Catalogue
from kpi.periods import last_ended_quarter, parse_report_period
from kpi.services.demo import load_demo
from kpi.storage import open_storage
from tests.reports.conftest import DEMO_TODAY

APP = "../../dashboard/streamlit_app.py"  # AppTest paths are relative to this folder


@pytest.fixture
def app_db(
    tmp_path: Path, sqlite_template: Path, catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch
) -> Iterator[str]:
    path = tmp_path / "app.db"
    shutil.copy(sqlite_template, path)
    store = open_storage(f"sqlite:///{path}")
    load_demo(store, catalogue, today=DEMO_TODAY)
    store.dispose()
    url = f"sqlite:///{path}"
    monkeypatch.setenv("KPI_DATABASE_URL", url)
    st.cache_data.clear()
    st.cache_resource.clear()
    yield url
    st.cache_data.clear()
    st.cache_resource.clear()


def _open(lang: str = "vi") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["demo_role"] = Role.LEADER
    at.session_state["lang"] = lang
    at.run()
    at.switch_page("app_pages/reports.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.mark.slow
def test_page_builds_the_report_for_download(app_db: str) -> None:
    at = _open()
    assert at.title[0].value == "Báo cáo 6 tháng và cả năm"
    at.selectbox(key="report_unit").set_value("VPB")
    at.selectbox(key="report_period").set_value(parse_report_period("2025-H2"))
    at.button(key="report_build").click()
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    result = at.session_state["report_result"]
    assert result["stem"] == "bao-cao-VPB-2025-H2"
    assert result["files"]["pdf"].startswith(b"%PDF")
    assert result["files"]["xlsx"].startswith(b"PK")
    assert len(result["hash"]) == 64
    assert "Báo cáo đã sẵn sàng." in [s.value for s in at.success]


def test_page_speaks_english(app_db: str) -> None:
    at = _open("en")
    assert at.title[0].value == "6-month and year-end reports"
    assert at.button(key="report_build").label == "Build report"
    options = at.selectbox(key="report_period.en").options
    last = last_ended_quarter()
    newest = {
        1: f"Year {last.year - 1}",
        2: f"H1 {last.year}",
        3: f"H1 {last.year}",
        4: f"Year {last.year}",
    }
    assert options[0] == newest[last.q]
    assert options[-1] == "H1 2024"  # the demo's first figures: 2024-Q1


def test_the_period_list_starts_at_the_first_figure(app_db: str) -> None:
    at = _open()
    options = at.selectbox(key="report_period").options
    assert options[-3:] == ["Năm 2024", "6 tháng cuối năm 2024", "6 tháng đầu năm 2024"]
    assert not any("2023" in o or "2020" in o for o in options)


def test_a_unit_without_figures_gets_an_info_box_not_a_report(app_db: str) -> None:
    at = _open()
    at.selectbox(key="report_unit").set_value("VPC").run()
    assert not at.exception, [e.value for e in at.exception]
    shown = [i.value.replace("\\", "") for i in at.info]  # the page escapes markdown
    assert shown == ["Vụ Pháp chế chưa có số liệu nào: chưa lập được báo cáo."]
    assert not [b for b in at.button if b.key == "report_build"]
    assert not at.get("download_button")
