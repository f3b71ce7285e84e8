"""Dashboard benchmark at national scale: 3,400 units × 16 indicators × 24 quarters.

Measures, and prints as a Markdown table:
- the time until the overview is fully rendered in headless Chromium, beside the
  framework's floor: a bare Streamlit page showing one Altair chart;
- the server time of switching indicator on the indicator page (warm caches);
- the server's peak memory (VmHWM) after visiting every page.

Goals: overview ≤ 1.5 × floor, switching < 1 s, peak memory < 600 MB.

    .venv/bin/python benchmarks/dashboard.py [--units 3400] [--quarters 24] [--runs 3]

The national database is built once into artifacts/bench/ and reused.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from national_db import BENCH_DIR, build_database  # noqa: E402

from kpi.catalogue import load_catalogue  # noqa: E402
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, IDLE, start_app  # noqa: E402

FLOOR_APP = """
import altair as alt
import pandas as pd
import streamlit as st

st.set_page_config(layout="wide")
frame = pd.DataFrame({"t": range(24), "value": [40 + i * 0.8 for i in range(24)]})
st.title("Floor")
st.altair_chart(alt.Chart(frame).mark_line(point=True).encode(x="t:Q", y="value:Q"))
"""


def render_times(url: str, runs: int, wait_for: str) -> list[float]:
    from playwright.sync_api import sync_playwright

    times = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for _ in range(runs):
            page = browser.new_page(viewport={"width": 1440, "height": 1000})
            started = time.perf_counter()
            page.goto(url)
            page.wait_for_selector(wait_for, timeout=300_000)
            page.wait_for_selector(IDLE, timeout=300_000)
            times.append(time.perf_counter() - started)
            page.close()
        browser.close()
    return times


def visit_every_page(url: str, pid: int) -> tuple[float, float]:
    """Peak server memory after the leader/officer pages, then after the admin pages too."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1440, "height": 1000})
        page.goto(url)
        page.wait_for_selector(IDLE, timeout=300_000)
        page.get_by_text("Quản trị", exact=True).click()  # demo admin sees every page
        page.wait_for_selector(IDLE, timeout=300_000)
        peaks = []
        for names in (
            ("Chỉ tiêu", "Cảnh báo", "Báo cáo", "Nộp số liệu", "Tình hình nộp", "Tổng quan"),
            ("Người dùng và phân quyền", "Nhật ký hệ thống"),
        ):
            for name in names:
                page.get_by_role("link", name=name).first.click()
                page.wait_for_timeout(500)
                page.wait_for_selector(IDLE, timeout=600_000)
            peaks.append(peak_memory_mb(pid))
        browser.close()
    return peaks[0], peaks[1]


def peak_memory_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def switch_indicator_time(url: str, runs: int) -> list[float]:
    """Server time of one rerun after choosing another indicator (AppTest, warm caches)."""
    from streamlit import config
    from streamlit.testing.v1 import AppTest

    config.set_option("client.showErrorDetails", "full")
    os.environ["KPI_DATABASE_URL"] = url
    at = AppTest.from_file(str(ROOT / "dashboard" / "streamlit_app.py"), default_timeout=600)
    at.run()
    at.switch_page("app_pages/indicator.py")
    at.run()
    codes = list(load_catalogue().codes)
    times = []
    for n in range(runs + 1):
        started = time.perf_counter()
        at.selectbox(key="ind_code").set_value(codes[(n + 1) % len(codes)]).run()
        if n:  # the first switch warms the shared caches
            times.append(time.perf_counter() - started)
        if at.exception:
            raise RuntimeError(at.exception[0].value)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--units", type=int, default=3400)
    parser.add_argument("--quarters", type=int, default=24)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    db = BENCH_DIR / f"national-{args.units}x{args.quarters}.db"
    print(f"database {db} …", flush=True)
    started = time.perf_counter()
    url = build_database(db, args.units, args.quarters)
    print(f"  ready in {time.perf_counter() - started:.0f} s", flush=True)

    with tempfile.TemporaryDirectory() as tmp:
        floor_script = Path(tmp) / "floor.py"
        floor_script.write_text(FLOOR_APP, encoding="utf-8")
        floor_url, floor = start_app(url, Path(tmp) / "floor.log", script=floor_script)
        floor_times = render_times(floor_url, args.runs, "[data-testid=stVegaLiteChart] .marks")
        floor.terminate()

        app_url, app = start_app(url, Path(tmp) / "app.log")
        cold = render_times(app_url, 1, "[data-testid=stDataFrame]")
        warm = render_times(app_url, args.runs, "[data-testid=stDataFrame]")
        memory, memory_admin = visit_every_page(app_url, app.pid)
        app.terminate()

    switch = switch_indicator_time(url, args.runs)
    floor_median, warm_median = statistics.median(floor_times), statistics.median(warm)
    print()
    print("| measure | value | goal |")
    print("|---|---|---|")
    print(f"| floor: bare page with one Altair chart | {floor_median:.2f} s | — |")
    print(f"| overview, first load (cold caches) | {cold[0]:.2f} s | — |")
    ratio = warm_median / floor_median
    print(f"| overview, warm | {warm_median:.2f} s ({ratio:.2f} × floor) | ≤ 1.5 × floor |")
    print(f"| switching indicator, server time | {statistics.median(switch):.2f} s | < 1 s |")
    print(
        f"| server peak memory after every leader and officer page | {memory:.0f} MB | < 600 MB |"
    )
    print(f"| … and after the admin pages (users, audit log) | {memory_admin:.0f} MB | < 600 MB |")


if __name__ == "__main__":
    main()
