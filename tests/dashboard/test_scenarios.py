"""The scenarios of methodology v2 on the dashboard, as a leader and an officer see them:
a unit that reports only values, a stale unit judged from the chosen quarter, and a
running quarter refused at upload."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

from kpi.access import Role
from kpi.catalogue import Catalogue
from kpi.periods import Quarter, last_ended_quarter, local_today, quarter_range
from kpi.services.figures import upsert_units
from kpi.storage import open_storage
from kpi.units import Unit
from tests.dashboard.conftest import AppFactory, clear_app_caches
from tests.kpi.services.helpers import upload

QUARTERS = [str(q) for q in quarter_range(Quarter(2024, 4), Quarter(2026, 3))]


def rows(unit: str, start: float, quarters: list[str], counts: bool = True) -> list[str]:
    out = []
    for n, period in enumerate(quarters):
        value = start + n
        tail = f",{value * 10:.0f},1000" if counts else ",,"
        out.append(f"1.1,{unit},{period},{value:.1f}{tail}")
    return out


@pytest.fixture
def app_db(
    tmp_path: Path, sqlite_template: Path, catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch
) -> Iterator[str]:
    """VPB reports 1.1 with counts, TTCNTT only values, VCCVC stops after 2026-Q1."""
    path = tmp_path / "scenario.db"
    shutil.copy(sqlite_template, path)
    url = f"sqlite:///{path}"
    store = open_storage(url)
    figures = rows("VPB", 39, QUARTERS) + rows("TTCNTT", 79, QUARTERS, counts=False)
    upload(store, catalogue, figures + rows("VCCVC", 50, QUARTERS[:6]))
    store.dispose()
    monkeypatch.setenv("KPI_DATABASE_URL", url)
    monkeypatch.setenv("KPI_LOCK_DAYS", "36500")  # keep every ended quarter open to officers
    clear_app_caches()
    yield url
    clear_app_caches()


def frame(value: object) -> pd.DataFrame:
    return value.data if hasattr(value, "data") else value  # type: ignore[return-value]


def test_overview_gives_the_coverage_of_the_ministry_figure(open_page: AppFactory) -> None:
    at = open_page()
    table = frame(at.dataframe[0].value)
    assert len(table) == 16  # indicators with no figure keep their row
    one = table[table["Mã"] == "1.1"].iloc[0]
    # at 2026-Q3: VPB summed, TTCNTT value only, VCCVC (stopped after 2026-Q1) missing
    assert one["Độ phủ"] == "1/3 đơn vị; 1 đơn vị chỉ báo tỷ lệ"
    assert one["Số mới nhất"].startswith("46,0%")


def test_indicator_page_names_who_was_summed(open_page: AppFactory) -> None:
    at = open_page("indicator.py")
    words = " ".join(str(m.value) for m in at.markdown)
    assert "Đã cộng: Văn phòng Bộ;" in words
    assert "chỉ báo tỷ lệ (không cộng): Trung tâm Công nghệ Thông tin" in words
    assert "chưa báo: Vụ Công chức" in words


def test_stale_unit_is_judged_from_the_chosen_quarter(open_page: AppFactory) -> None:
    at = open_page("alerts.py")
    stale = frame(at.dataframe[-1].value)
    assert any("VCCVC" in str(u) or "Vụ Công chức" in str(u) for u in stale.iloc[:, 0:3].stack())
    overview = open_page()
    overview.selectbox(key="ov_unit").set_value("VCCVC").run()
    overview.selectbox(key="ov_as_of").set_value("2026-Q1").run()
    assert not overview.exception
    table = frame(overview.dataframe[0].value)
    one = table[table["Mã"] == "1.1"].iloc[0]
    assert one["status"] not in {"no_recent_data"}
    overview.selectbox(key="ov_as_of").set_value("2026-Q3").run()
    table = frame(overview.dataframe[0].value)
    assert table[table["Mã"] == "1.1"].iloc[0]["status"] == "no_recent_data"


def test_the_running_quarter_is_refused_at_upload(open_page: AppFactory) -> None:
    running = last_ended_quarter() + 1
    content = f"indicator_code,unit_code,period,value\n1.1,VPB,{running},50\n".encode()
    at = open_page("upload.py", role=Role.OFFICER)
    at.get("file_uploader")[0].set_value(("running.csv", content, "text/csv"))
    at.run()
    assert not at.exception
    shown = " ".join(
        [str(e.value) for e in at.error]
        + [str(m.value) for m in at.markdown]
        + [frame(d.value).to_string() for d in [*at.dataframe, *at.table]]
    )
    assert "chưa kết thúc" in shown
    assert "Đã ghi" not in " ".join(str(s.value) for s in at.success)


def test_value_only_rows_are_announced_before_commit(open_page: AppFactory) -> None:
    content = (b"indicator_code,unit_code,period,value,numerator,denominator\n"
               b"1.2,VPB,2026-Q3,50,500,1000\n1.2,TTCNTT,2026-Q3,70,,\n")  # fmt: skip
    at = open_page("upload.py", role=Role.OFFICER)
    at.get("file_uploader")[0].set_value(("mixed.csv", content, "text/csv"))
    at.run()
    assert not at.exception
    warned = " ".join(str(w.value) for w in at.warning)
    assert "1 dòng chỉ có tỷ lệ" in warned and "(dòng 3)" in warned
    assert "không được cộng dồn" in warned


def test_the_overview_as_known_on_an_earlier_day(open_page: AppFactory) -> None:
    """Every figure here was stored today (Việt Nam's day): as known yesterday, none."""
    today = local_today()
    at = open_page()
    at.checkbox(key="ov_known_on_use").check().run()
    yesterday = today - dt.timedelta(days=1)
    at.date_input(key="ov_known_on").set_value(yesterday).run()
    assert not at.exception, [e.value for e in at.exception]
    table = frame(at.dataframe[0].value)
    assert len(table) == 16 and set(table["status"]) == {"insufficient_data"}
    assert any("như đã biết đến hết ngày" in str(c.value) for c in at.caption)
    at.date_input(key="ov_known_on").set_value(today).run()
    table = frame(at.dataframe[0].value)
    assert table[table["Mã"] == "1.1"].iloc[0]["status"] != "insufficient_data"


def test_a_parent_in_the_middle_of_the_tree_is_judged_on_its_roll_up(
    open_page: AppFactory, app_db: str, catalogue: Catalogue
) -> None:
    store = open_storage(app_db)
    units = [Unit("KV1", "Khối thử nghiệm", "BNV"), Unit("KV1A", "Đơn vị A", "KV1")]
    units.append(Unit("KV1B", "Đơn vị B", "KV1"))
    upsert_units(store, units, actor="admin")
    upload(store, catalogue, rows("KV1A", 40, QUARTERS) + rows("KV1B", 60, QUARTERS, False))
    store.dispose()
    clear_app_caches()
    at = open_page()
    at.selectbox(key="ov_unit").set_value("KV1").run()
    assert not at.exception, [e.value for e in at.exception]
    one = frame(at.dataframe[0].value)
    one = one[one["Mã"] == "1.1"].iloc[0]
    assert one["Số mới nhất"].startswith("47,0%")  # KV1A's counts only
    assert one["Độ phủ"] == "1/2 đơn vị; 1 đơn vị chỉ báo tỷ lệ"
