"""The indicator page as the figures were known at the end of an earlier day: its chart,
words and unit table use the revisions stored by then (as `kpi status --known-on` and
the overview do), and a day chosen as today shows the page as it is."""

from __future__ import annotations

import csv
import datetime as dt
import io
import shutil
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest
from openpyxl import load_workbook
from sqlalchemy import text
from streamlit.testing.v1 import AppTest

from kpi.catalogue import Catalogue
from kpi.formatting import day_label, percent
from kpi.periods import local_today
from kpi.services.statuses import statuses_for
from kpi.storage import open_storage
from tests.dashboard.conftest import AppFactory, clear_app_caches
from tests.dashboard.test_chart_downloads import Files, files  # noqa: F401  (fixture)
from tests.kpi.services.helpers import rising, upload

FIX = ["1.1,VPB,2026-Q3,30,300,1000"]  # VPB's 2026-Q3 figure, corrected today


@pytest.fixture
def app_db(
    tmp_path: Path, sqlite_template: Path, catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch
) -> Iterator[str]:
    """VPB and TTCNTT report 1.1 rising to 54 and 74 in 2026-Q3, stored ten days ago; VPB
    corrects its 2026-Q3 figure to 30 today."""
    path = tmp_path / "known.db"
    shutil.copy(sqlite_template, path)
    url = f"sqlite:///{path}"
    store = open_storage(url)
    upload(store, catalogue, rising("1.1", "VPB", 40, 2) + rising("1.1", "TTCNTT", 60, 2))
    ten_days_ago = dt.datetime.now(dt.UTC) - dt.timedelta(days=10)
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE measurements SET created_at = :at"), {"at": ten_days_ago})
    upload(store, catalogue, FIX, name="fix.csv")
    store.dispose()
    monkeypatch.setenv("KPI_DATABASE_URL", url)
    clear_app_caches()
    yield url
    clear_app_caches()


def _words(at: AppTest) -> str:
    return " ".join(str(m.value) for m in at.markdown)


def _actuals(at: AppTest) -> dict[str, float]:
    """period -> value of the line of actual figures the chart draws (its data travels as
    Arrow tables beside the spec)."""
    chart = (at.get("arrow_vega_lite_chart") or at.get("vega_lite_chart"))[0].proto
    frames = [pa.ipc.open_stream(d.data.data).read_pandas() for d in chart.datasets]
    rows = pd.concat(frames) if frames else pd.DataFrame(columns=["kind", "period", "value"])
    actual = rows[rows["kind"] == "actual"]
    return {str(p): float(v) for p, v in zip(actual["period"], actual["value"], strict=True)}


def _known_on(at: AppTest, day: dt.date) -> None:
    if not at.checkbox(key="ind_known_on_use").value:
        at.checkbox(key="ind_known_on_use").check().run()
    at.date_input(key="ind_known_on").set_value(day).run()
    assert not at.exception, [e.value for e in at.exception]


def _unit_row(at: AppTest, unit: str) -> pd.Series:
    table = at.dataframe[0].value  # the units (the history wraps; the metadata is prose)
    table = table.data if hasattr(table, "data") else table
    return table[table["Đơn vị"].str.startswith(unit)].iloc[0]


def test_a_unit_as_known_five_days_ago(open_page: AppFactory) -> None:
    at = open_page("indicator.py")
    at.selectbox(key="ind_unit").set_value("VPB").run()
    assert "Số mới nhất **30,0%** (Quý 3/2026)" in _words(at)
    assert _actuals(at)["2026-Q3"] == 30.0
    assert not any("như đã biết" in str(c.value) for c in at.caption)
    _known_on(at, local_today() - dt.timedelta(days=5))
    assert "Số mới nhất **54,0%** (Quý 3/2026)" in _words(at)
    assert _actuals(at)["2026-Q3"] == 54.0
    assert any("như đã biết đến hết ngày" in str(c.value) for c in at.caption)
    assert _unit_row(at, "VPB")["Số mới nhất"] == "54,0%"
    _known_on(at, local_today())  # today: what the page shows without a day
    assert "Số mới nhất **30,0%** (Quý 3/2026)" in _words(at)
    assert _unit_row(at, "VPB")["Số mới nhất"] == "30,0%"


def test_the_ministry_as_known_agrees_with_the_status_service(
    open_page: AppFactory, app_db: str, catalogue: Catalogue
) -> None:
    day = local_today() - dt.timedelta(days=5)
    store = open_storage(app_db)
    then = statuses_for(store, catalogue, "BNV", known_on=day)
    now = statuses_for(store, catalogue, "BNV")
    store.dispose()
    latest = {
        name: float(frame[frame["indicator_code"] == "1.1"].iloc[0]["latest_value"])
        for name, frame in (("then", then), ("now", now))
    }
    assert latest["then"] != latest["now"]  # VPB's correction moves the ministry's figure
    at = open_page("indicator.py")
    plain = _words(at)
    assert f"**{percent(latest['now'], 'vi')}**" in plain
    _known_on(at, day)
    assert f"**{percent(latest['then'], 'vi')}**" in _words(at)
    _known_on(at, local_today())
    assert _words(at) == plain


def test_in_english_and_before_anything_was_stored(open_page: AppFactory) -> None:
    at = open_page("indicator.py", lang="en")
    assert (
        at.checkbox(key="ind_known_on_use").label == "Show the figures as known on an earlier day"
    )
    _known_on(at, local_today() - dt.timedelta(days=20))
    assert any("Figures as known at the end of" in str(c.value) for c in at.caption)
    words = _words(at)  # nothing was stored yet: no figure, no verdict, and no 'nan'
    assert "Insufficient data" in words and "Latest **—** (—)" in words
    assert "nan" not in words and "None" not in words
    assert not _actuals(at)


def test_the_downloads_say_which_day_their_figures_were_known(
    open_page: AppFactory,
    files: Files,  # noqa: F811  (the fixture)
) -> None:
    at = open_page("indicator.py")
    at.selectbox(key="ind_unit").set_value("VPB").run()
    day = local_today() - dt.timedelta(days=5)
    _known_on(at, day)
    said = f"Số liệu như đã biết đến hết ngày {day_label(day)}"
    rows = list(csv.reader(io.StringIO(files["chi-tieu-1.1-VPB.csv"]().decode("utf-8-sig"))))
    assert rows[0] == [said]  # real figures: no demo line above it
    actual = [r for r in rows if r[0] == "Số thực tế"]
    assert actual[-1][1:3] == ["Quý 3/2026", "54.0"]
    assert said in files["chi-tieu-1.1-VPB.svg"]().decode("utf-8")
    sheet = load_workbook(io.BytesIO(files["chi-tieu-1.1-VPB.xlsx"]())).worksheets[0]
    assert said in [c.value for row in sheet.iter_rows() for c in row]
    _known_on(at, local_today())
    at.checkbox(key="ind_known_on_use").uncheck().run()
    rows = list(csv.reader(io.StringIO(files["chi-tieu-1.1-VPB.csv"]().decode("utf-8-sig"))))
    assert not any("như đã biết" in cell for row in rows for cell in row)
