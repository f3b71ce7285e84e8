"""The audit log in words: every action code the services write has a word in both
languages, details read as sentences (never a Python dict), times are Việt Nam's."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pandas as pd
import pytest

from kpi import audit_text
from kpi.audit_text import (
    ACTION_KINDS,
    KINDS,
    action_kind,
    action_word,
    change_text,
    codes_of_kind,
    detail_text,
    is_missing,
    moment_text,
    outcome_word,
    people,
    value_text,
)

ROOT = Path(__file__).resolve().parents[2]
NAMES = {"VPB": "Văn phòng Bộ", "CNCC": "Cục Người có công"}


def names(code: str) -> str:
    return NAMES.get(code, code)


def written_actions() -> set[str]:
    """Every action code passed to an audit write in the services and storage."""
    found: set[str] = set()
    pattern = re.compile(r"""audit(?:\.add)?\(\s*(?:session,\s*)?[\w.]+,\s*"([a-z_.]+)\"""")
    for path in (ROOT / "kpi").rglob("*.py"):
        found |= set(pattern.findall(path.read_text(encoding="utf-8")))
    return found


def test_every_written_action_has_words_and_a_kind() -> None:
    written = written_actions()
    assert {"upload.commit", "upload.refused", "users.add", "lock.open"} <= written
    for code in written:
        assert code in ACTION_KINDS, code
        for lang in ("vi", "en"):
            assert "(" not in action_word(code, lang), (code, lang)  # not the fallback
    assert action_word("upload.commit") == "Ghi số liệu"
    assert action_word("upload.commit", "en") == "Figures written"
    assert action_word("something.new") == "Hành động khác (something.new)"


def test_kinds_cover_the_codes() -> None:
    assert set(ACTION_KINDS.values()) == set(KINDS)
    assert codes_of_kind("upload") == ["upload.commit", "upload.refused"]
    assert action_kind("approval.approve") == "approval"
    assert action_kind("never.seen") == "system"


@pytest.mark.parametrize(
    ("code", "vi", "en"),
    [
        ("ok", "Thành công", "Done"),
        ("refused", "Bị từ chối", "Refused"),
        ("committed", "Đã ghi", "Written"),
        ("refused_scope", "Bị từ chối: ngoài phạm vi", "Refused: outside scope"),
        ("unreadable", "Không đọc được tệp", "File unreadable"),
        ("odd", "Khác (odd)", "Other (odd)"),
    ],
)
def test_outcomes_in_words(code: str, vi: str, en: str) -> None:
    assert (outcome_word(code, "vi"), outcome_word(code, "en")) == (vi, en)


def test_values_and_changes() -> None:
    # One rule for every percentage a person reads: one decimal, never trimmed.
    assert value_text(68.04) == "68,0%"
    assert value_text(46.01) == "46,0%" and value_text(46.6) == "46,6%"
    assert value_text(47) == "47,0%" and value_text(47.0, "en") == "47.0%"
    assert value_text(70.1, "en") == "70.1%"


@pytest.mark.parametrize(
    ("before", "after", "lang", "shown"),
    [
        (68.04, 70.16, "vi", "68,0% → 70,2%"),
        # equal at one decimal: two show the difference, both sides alike
        (46.01, 46.04, "vi", "46,01% → 46,04%"),
        (46.04, 46.01, "en", "46.04% → 46.01%"),
        (46.0, 46.04, "vi", "46,00% → 46,04%"),
        (46.001, 46.002, "vi", "46,001% → 46,002%"),
        # only a value written again unchanged says so
        (46.0, 46.0, "vi", "46,0% (không đổi)"),
        (46, 46.0, "en", "46.0% (unchanged)"),
        (None, 68.04, "vi", "mới → 68,0%"),
        (float("nan"), 68.04, "en", "new → 68.0%"),
        (None, None, "vi", "mới → —"),
        (68.0, None, "vi", "68,0% → —"),
    ],
)
def test_changes_show_the_difference(before: object, after: object, lang: str, shown: str) -> None:
    assert change_text(before, after, lang) == shown


def test_times_are_vietnam_time() -> None:
    assert moment_text(dt.datetime(2026, 12, 1, 16, 37)) == "01/12/2026 23:37"  # naive = UTC
    aware = dt.datetime(2026, 12, 1, 16, 37, tzinfo=dt.UTC)
    assert moment_text(pd.Timestamp(aware)) == "01/12/2026 23:37"
    assert moment_text("2026-11-30T20:05:00+00:00") == "01/12/2026 03:05"
    assert moment_text(None) == moment_text(pd.NaT) == "—"


def test_missing_values() -> None:
    assert all(is_missing(v) for v in (None, float("nan"), pd.NaT, pd.NA, "", "  "))
    assert not any(is_missing(v) for v in (0, "x", [], {"a": 1}))


def test_commit_detail_is_a_sentence() -> None:
    detail = {
        "file": "minh-hoa-2026-Q4.csv",
        "new": 80,
        "changed": 0,
        "unchanged": 0,
        "note": None,
        "confirmed_outliers": [],
        "reimported_from": None,
    }
    assert detail_text("upload.commit", detail) == (
        "tệp minh-hoa-2026-Q4.csv: 80 mới, 0 thay đổi, 0 không đổi"
    )
    detail |= {"new": 1200, "note": "Quý sửa", "confirmed_outliers": [{"row": 2}]}
    assert detail_text("upload.commit", detail, "en") == (
        "file minh-hoa-2026-Q4.csv: 1,200 new, 0 changed, 0 unchanged; 1 unusual value "
        "confirmed; note: Quý sửa"
    )


@pytest.mark.parametrize(
    ("action", "detail", "lang", "text"),
    [
        (
            "upload.refused",
            {"file": "x.csv", "units_outside_scope": ["CNCC"]},
            "vi",
            "tệp x.csv: có dòng của đơn vị ngoài phạm vi (Cục Người có công)",
        ),
        (
            "upload.refused",
            {"file": "x.csv", "locked": [{"unit_code": "VPB", "period": "2026-Q2"}]},
            "en",
            "file x.csv: locked quarters (Q2 2026 of Văn phòng Bộ)",
        ),
        (
            "lock.open",
            {"period": "2026-Q3", "until": "2026-12-15", "reason": "Bổ sung"},
            "vi",
            "Quý 3/2026, mở đến 15/12/2026: Bổ sung",
        ),
        (
            "approval.approve",
            {"period": "2026-Q3", "figures": 16},
            "en",
            "Q3 2026: 16 figures",
        ),
        (
            "users.add",
            {"email": "a@b.vn", "role": "officer", "before_role": "leader", "units": ["VPB"]},
            "vi",
            "a@b.vn: Cán bộ đầu mối; trước đó: Lãnh đạo; đơn vị: Văn phòng Bộ",
        ),
        (
            "tasks.approve",
            {"period": "2026-H2", "reports": 3},
            "vi",
            "6 tháng cuối năm 2026: 3 báo cáo",
        ),
        (
            "task_report",
            {"task": "II.2", "state": "done", "percent": 100, "reported_on": "2026-11-30"},
            "en",
            "task II.2: Done, 100%, on 30/11/2026",
        ),
    ],
)
def test_details_in_words(action: str, detail: dict, lang: str, text: str) -> None:
    assert detail_text(action, detail, lang, names) == text


def test_unknown_or_odd_details_are_still_no_dict() -> None:
    assert detail_text("x.y", {"a": 1, "b": None}) == "a: 1; b: —"
    assert detail_text("upload.commit", None) == "—"
    shown = detail_text("approval.approve", {"period": "2026-Q3", "figures": "many"})
    assert "{" not in shown and "None" not in shown


def test_people_are_listed_once() -> None:
    assert people(["b@x", None, "A@x"], ["b@x", ""]) == ["A@x", "b@x"]


def test_the_demo_note_reads_in_each_language() -> None:
    from kpi.audit_text import DEMO_NOTE

    detail = {"file": "minh-hoa-2026-Q4.csv", "new": 1, "changed": 0, "unchanged": 0}
    detail["note"] = DEMO_NOTE  # as the demo loader stores it, in old databases and new
    assert detail_text("upload.commit", detail, "en").endswith("; note: Demo data")
    assert detail_text("upload.commit", detail, "vi").endswith("; ghi chú: Dữ liệu minh họa")
    detail["note"] = "Quý sửa"  # an officer's own note stays as written
    assert detail_text("upload.commit", detail, "en").endswith("; note: Quý sửa")


@pytest.mark.parametrize(
    ("value", "lang", "text"),
    [
        ("system", "vi", "Hệ thống"),
        ("system", "en", "System"),
        ("can-bo@demo.local", "vi", "can-bo@demo.local"),
        (None, "en", "—"),
    ],
)
def test_the_application_itself_is_named_in_words(value: object, lang: str, text: str) -> None:
    assert audit_text.actor_text(value, lang) == text


@pytest.mark.parametrize(
    ("lang", "words"), [("vi", "(nguồn: kế hoạch)"), ("en", "(source: the plan)")]
)
def test_the_plans_own_tasks_say_where_they_came_from(lang: str, words: str) -> None:
    detail = {"added": 44, "updated": 0, "source": "plan"}
    assert words in audit_text.detail_text("tasks_import", detail, lang, str)
