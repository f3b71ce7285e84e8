"""Dashboard benchmark at national scale: 3,400 units × 16 indicators × 24 quarters.

Measures, and prints as a Markdown table with each goal and PASS/FAIL:
- the time until the overview is fully rendered in headless Chromium, beside the
  framework's floor (a bare Streamlit page showing one Altair chart): at the server's
  first start (cold), warm (a new browser session), right after a commit lands (the
  server rebuilds its figures in the background meanwhile) and once the new version's
  figures are served;
- the server time of switching indicator on the indicator page (warm caches);
- the server's peak memory (VmHWM) after visiting every page, and after the commit.

Goals (issue 18): warm overview ≤ 1.2 × floor; first overview after a commit ≤ 1.5 ×
warm; switching < 0.5 s; peak memory < 600 MB.

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

from kpi.canonical import content_hash  # noqa: E402
from kpi.catalogue import load_catalogue  # noqa: E402
from kpi.periods import Quarter  # noqa: E402
from kpi.services.commit import UploadMeta, commit_upload  # noqa: E402
from kpi.storage import open_storage  # noqa: E402
from kpi.storage.repository import current_frame  # noqa: E402
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


GOALS = {"warm": 1.2, "after commit": 1.5, "switch": 0.5, "memory": 600.0}


def commit_revision(url: str) -> None:
    """What an officer's upload does: one unit's 16 figures of the last quarter, revised."""
    store = open_storage(url, upgrade=False)
    current = current_frame(store, unit_codes=["DV0000"])
    last = current[current["period_index"] == current["period_index"].max()]
    frame = last[["indicator_code", "unit_code", "value", "numerator", "denominator"]].copy()
    frame.insert(2, "period", [str(Quarter.from_index(int(i))) for i in last["period_index"]])
    frame["numerator"] = (frame["numerator"] + 1).clip(upper=frame["denominator"])
    frame["value"] = (100 * frame["numerator"] / frame["denominator"]).round(2)
    frame["note"] = None
    digest = content_hash(frame)
    meta = UploadMeta("sua-DV0000.csv", digest, 0, digest, note="benchmark revision")
    commit_upload(store, frame, actor="benchmark@kpi.local", meta=meta)
    store.dispose()


def wait_idle(pid: int, limit: float = 300.0) -> float:
    """Seconds until the server's CPU use drops below 5% over a second (rebuild done)."""
    started = time.perf_counter()
    tick = os.sysconf("SC_CLK_TCK")
    while time.perf_counter() - started < limit:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        before = int(fields[11]) + int(fields[12])
        time.sleep(1.0)
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        if (int(fields[11]) + int(fields[12]) - before) / tick < 0.05:
            break
    return time.perf_counter() - started


def row(measure: str, value: str, goal: str, ok: bool | None) -> None:
    verdict = "" if ok is None else ("PASS" if ok else "FAIL")
    print(f"| {measure} | {value} | {goal} | {verdict} |")


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
    table = "[data-testid=stDataFrame]"
    with tempfile.TemporaryDirectory() as tmp:
        floor_script = Path(tmp) / "floor.py"
        floor_script.write_text(FLOOR_APP, encoding="utf-8")
        floor_url, floor = start_app(url, Path(tmp) / "floor.log", script=floor_script)
        floor_times = render_times(floor_url, args.runs, "[data-testid=stVegaLiteChart] .marks")
        floor.terminate()

        app_url, app = start_app(url, Path(tmp) / "app.log")
        cold = render_times(app_url, 1, table)
        warm = render_times(app_url, args.runs, table)
        memory, memory_admin = visit_every_page(app_url, app.pid)
        commit_revision(url)
        time.sleep(2.5)  # the server reads the data version at most every 2 s
        after = render_times(app_url, 1, table)
        rebuilt = wait_idle(app.pid)
        new_version = render_times(app_url, 1, table)
        memory_commit = peak_memory_mb(app.pid)
        app.terminate()

    switch = statistics.median(switch_indicator_time(url, args.runs))
    floor_s, warm_s = statistics.median(floor_times), statistics.median(warm)
    print()
    print("| measure | value | goal | |")
    print("|---|---|---|---|")
    row("floor: bare page with one Altair chart", f"{floor_s:.2f} s", "—", None)
    row("overview, first start of the server (cold)", f"{cold[0]:.2f} s", "—", None)
    ratio = warm_s / floor_s
    row(
        "overview, warm (new browser session)",
        f"{warm_s:.2f} s ({ratio:.2f} × floor)",
        f"≤ {GOALS['warm']} × floor",
        ratio <= GOALS["warm"],
    )
    for name, seconds in (
        ("first overview after a commit", after[0]),
        ("… once rebuilt", new_version[0]),
    ):
        ratio = seconds / warm_s
        row(
            name,
            f"{seconds:.2f} s ({ratio:.2f} × warm)",
            f"≤ {GOALS['after commit']} × warm",
            ratio <= GOALS["after commit"],
        )
    row("background rebuild after the commit (server busy)", f"{rebuilt:.0f} s", "—", None)
    row(
        "switching indicator, server time",
        f"{switch:.2f} s",
        f"< {GOALS['switch']} s",
        switch < GOALS["switch"],
    )
    for name, mb in (
        ("server peak memory after every leader and officer page", memory),
        ("… and after the admin pages (users, audit log)", memory_admin),
        ("… and after a commit and its rebuild", memory_commit),
    ):
        row(name, f"{mb:.0f} MB", f"< {GOALS['memory']:.0f} MB", mb < GOALS["memory"])
    print(f"\nload average {os.getloadavg()[0]:.2f} (2 cores: above 2 means contention)")


if __name__ == "__main__":
    main()
