"""The translator of Streamlit's own widget texts: its catalogue pairs are texts Streamlit
1.67 really draws, its patterns match them, and the generated script (run in Node, the
same JavaScript engine family as the browser) turns them into the catalogue's Vietnamese."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import streamlit

from dashboard import widget_words
from kpi.text import STRINGS, t
from kpi.text.streamlit_words import MONTHS, WEEKDAYS

NODE = shutil.which("node")
BUNDLE = "".join(
    path.read_text(encoding="utf-8", errors="ignore")
    for path in (Path(streamlit.__file__).parent / "static").rglob("*.js")
)
# Texts built at run time (from Intl, plurals or an icon's name), so not in the bundle whole.
COMPOSED = {"add icon", "1 option available."} | set(MONTHS) | set(WEEKDAYS)


def test_every_exact_pair_is_a_text_of_streamlit_1_67() -> None:
    exact = widget_words.table("vi")["exact"]
    assert len(exact) > 90
    missing = [en for en in exact if en not in COMPOSED and en not in BUNDLE]
    assert not missing, missing  # a Streamlit upgrade renamed these: check them in Chromium


def test_the_pairs_are_the_catalogue_s_and_the_english_page_has_none() -> None:
    vi = widget_words.table("vi")
    assert vi["on"] and vi["exact"]["Sort ascending"] == t("sw.grid.sort_asc", "vi")
    assert vi["exact"]["No results"] == "Không có kết quả phù hợp"
    assert vi["exact"]["December"] == "Tháng 12" and vi["exact"]["Sunday"] == "Chủ Nhật"
    assert "Mon" not in vi["exact"]  # the calendar's heads are found by column, not by text
    keys = {k for k in STRINGS if k.startswith("sw.") and not k.startswith("sw.weekday_short.")}
    assert len(vi["exact"]) + len(vi["patterns"]) == len(keys)
    en = widget_words.table("en")
    assert not en["on"] and en["exact"] == {} and en["patterns"] == []
    assert vi["heads"] == dict(
        zip(WEEKDAYS, ("T2", "T3", "T4", "T5", "T6", "T7", "CN"), strict=True)
    )


@pytest.mark.parametrize(
    ("en", "groups"),
    [
        ("Remove x (1).csv", ("x (1).csv",)),
        ("Wednesday, December 2, 2026", ("Wednesday", "December", "2", "2026")),
        ("Selected Date: December 02, 2026", ("December", "02", "2026")),
        ("x.csv, 58.0KB", ("x.csv", "58.0", "KB")),
        ("Choose date, May 2027", ("May", "2027")),
    ],
)
def test_a_pattern_matches_streamlit_s_text_and_captures_its_fields(
    en: str, groups: tuple[str, ...]
) -> None:
    found = [
        m.groups()
        for p in widget_words.table("vi")["patterns"]
        if (m := re.fullmatch(p["re"], en)) is not None
    ]
    assert groups in found, found


def test_patterns_name_only_known_fields() -> None:
    for p in widget_words.table("vi")["patterns"]:
        for name, kind in p["fields"]:
            assert widget_words.FIELDS[name].kind == kind
            assert "{" + name + "}" in p["vi"]
    with pytest.raises(KeyError):
        widget_words.pattern("Drop {nothing}", "Thả {nothing}")


def test_the_script_holds_no_less_than_sign_and_its_table() -> None:
    for lang in ("vi", "en"):
        script = widget_words.script(lang)
        assert "<" not in script and "__DATA__" not in script
        data = script.split("const data = ", 1)[1].split(";\n", 1)[0]
        assert json.loads(data) == widget_words.table(lang)
    assert "MutationObserver" in widget_words.script("vi")


def test_the_scope_keeps_out_the_users_words() -> None:
    for kept_out in ("stMarkdownContainer", "stFileChipName", "glide-cell", 'role="option"'):
        assert kept_out in widget_words.SKIP
    for widget in ("stDataFrameColumnMenu", "stDateInputCalendar", "stFileUploader", "#portal"):
        assert widget in widget_words.SCOPE


# The script with just enough of a page around it to run: nothing in scope, so it only
# installs itself; then each English text goes through its translate().
HARNESS = """
globalThis.Node = {TEXT_NODE: 3, ELEMENT_NODE: 1};
globalThis.NodeFilter = {SHOW_TEXT: 4};
const body = {nodeType: 1, closest: () => null, getAttribute: () => null,
              querySelectorAll: () => []};
globalThis.document = {body, createTreeWalker: () => ({nextNode: () => null})};
globalThis.window = {};
globalThis.MutationObserver = class { observe() {} };
const fs = require("fs");
eval(fs.readFileSync(0, "utf8"));
const texts = JSON.parse(process.argv[1]);
console.log(JSON.stringify(texts.map((s) => window.kpiWidgetWords.translate(s))));
"""

CASES = {
    "Sort ascending": "Sắp xếp tăng dần",
    "  Hide column ": "  Ẩn cột ",
    "No results": "Không có kết quả phù hợp",
    "Remove bao-cao $1.csv": "Bỏ bao-cao $1.csv",
    "x.csv, 2.0B": "x.csv, 2,0 B",
    "3 options available.": "3 lựa chọn.",
    "December 2026": "tháng 12 năm 2026",
    "Choose date, December 2026": "Chọn ngày, tháng 12 năm 2026",
    "Sunday, November 29, 2026": "Chủ Nhật, 29/11/2026",
    "Today, Tuesday, December 1, 2026 selected": "Hôm nay, Thứ Ba, 1/12/2026, đã chọn",
    "Wednesday, December 2, 2026, Last available date": (
        "Thứ Tư, 2/12/2026, ngày muộn nhất được chọn"
    ),
    "Selected Date: December 02, 2026": "Ngày đã chọn: 02/12/2026",
    "Top values frequency chart: Sum: 1,120 (100%)": (
        "Biểu đồ tần suất các giá trị hay gặp: Sum: 1,120 (100%)"
    ),
    "Upload": "Chọn tệp",
    "20MB per file": "Tối đa 20 MB mỗi tệp",
    "Drag and drop a file here": "Kéo và thả tệp vào đây",
    "58.0KB": "58,0 KB",
    "Error: ": "Lỗi: ",
    "File must be 20.0MB or smaller.": "Tệp quá lớn: tối đa 20 MB mỗi tệp.",
    "application/pdf files are not allowed.": "Không nhận tệp kiểu application/pdf.",
}


def run_script(lang: str, texts: list[str], max_mb: int = 20) -> list[str | None]:
    assert NODE is not None
    done = subprocess.run(
        [NODE, "-e", HARNESS, json.dumps(texts)],
        input=widget_words.script(lang, max_mb),
        capture_output=True,
        text=True,
        check=True,
        timeout=30,
    )
    return json.loads(done.stdout)


@pytest.mark.skipif(NODE is None, reason="no node to run the script")
def test_the_script_translates_streamlit_s_texts() -> None:
    assert run_script("vi", list(CASES)) == list(CASES.values())


@pytest.mark.skipif(NODE is None, reason="no node to run the script")
def test_the_script_leaves_other_texts_alone() -> None:
    texts = ["Tổng quan", "Sort", "Sort ascending!", "Remove", "Monday", "Mon", "S"]
    assert run_script("vi", texts) == [None, None, None, None, "Thứ Hai", None, None]
    assert run_script("en", ["Sort ascending", "No results"]) == [None, None]


@pytest.mark.skipif(NODE is None, reason="no node to run the script")
def test_the_uploader_limit_is_the_server_s_not_streamlit_s_rounding() -> None:
    # Streamlit rounds a 1,500 MB cap to "1GB"; the page says what the server takes.
    texts = ["1GB per file", "File must be 1.5GB or smaller."]
    assert run_script("vi", texts, max_mb=1500) == [
        "Tối đa 1.500 MB mỗi tệp",
        "Tệp quá lớn: tối đa 1.500 MB mỗi tệp.",
    ]


def test_a_refused_chip_says_why_with_the_server_s_limit() -> None:
    refused = widget_words.table("vi", 1500)["refused"]
    assert refused["text"] == "Không nhận tệp này: chỉ nhận {types}, tối đa 1.500 MB"
    assert widget_words.table("en", 1500)["on"] is False  # English keeps Streamlit's chip


def test_charts_lose_vega_s_english_aria_and_keep_their_style() -> None:
    import altair as alt
    import pandas as pd

    frame = pd.DataFrame({"t": [2025, 2026], "value": [40.0, 45.5]})
    styled = alt.layer(alt.Chart(frame).mark_line().encode(x="t:Q", y="value:Q"))
    styled = styled.configure_view(strokeWidth=0)
    quiet = widget_words.without_vega_aria(styled).to_dict()["config"]
    assert quiet["aria"] is False and quiet["view"]["strokeWidth"] == 0
    assert "aria" not in styled.to_dict()["config"]  # the report's chart is left as it was
    bare = alt.layer(alt.Chart(frame).mark_line().encode(x="t:Q", y="value:Q"))
    assert widget_words.without_vega_aria(bare).to_dict()["config"]["aria"] is False
