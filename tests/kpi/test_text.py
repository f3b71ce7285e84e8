"""The one catalogue: every key in both languages, the same placeholders, no key twice."""

from __future__ import annotations

import importlib
import re
import string

import pytest

from kpi import text
from kpi.problems import Problem
from kpi.task_problems import TaskProblem
from kpi.text import LANGS, STRINGS, DuplicateKey, both, merge, t, words


def _fields(template: str) -> set[str]:
    """Its placeholders; an English plural choice "{n|one|many}" counts as "n"."""
    names = {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}
    return {name.split("|")[0] for name in names}


@pytest.mark.parametrize("key", sorted(STRINGS))
def test_every_key_has_both_languages_with_the_same_placeholders(key: str) -> None:
    vi, en = STRINGS[key]
    assert vi.strip() and en.strip(), key
    assert _fields(vi) == _fields(en), key


def test_every_area_is_merged() -> None:
    assert len(STRINGS) == sum(len(m.STRINGS) for m in text.MODULES)


def test_a_key_defined_in_two_areas_is_refused() -> None:
    with pytest.raises(DuplicateKey, match=r"'status\.achieved' is defined in a and b"):
        merge({"a": {"status.achieved": ("x", "y")}, "b": {"status.achieved": ("x", "z")}})


def test_a_duplicate_key_fails_the_import(monkeypatch: pytest.MonkeyPatch) -> None:
    from kpi.text import tasks

    monkeypatch.setitem(tasks.STRINGS, "nav_overview", ("Tổng quan", "Overview"))
    try:
        with pytest.raises(ValueError, match=r"'nav_overview' is defined in kpi\.text\.app"):
            importlib.reload(text)
    finally:
        monkeypatch.undo()
        importlib.reload(text)
    assert text.STRINGS == STRINGS


def test_languages_and_lookup() -> None:
    assert LANGS == ("vi", "en")
    assert t("nav_overview") == "Tổng quan"
    assert t("nav_overview", "en") == "Overview"
    assert t("group_label", "en", group="A") == "Group A"
    assert words("group_label", "vi") == "Nhóm {group}"  # unformatted
    with pytest.raises(KeyError):
        t("no such key")
    assert both("nav_overview") == ("Tổng quan", "Overview")


def test_enum_words_come_from_the_catalogue() -> None:
    from kpi.access import Role
    from kpi.completeness import ReportState
    from kpi.progress.status import OpenSdgStatus, Status, opensdg_word
    from kpi.submissions import SubmissionState
    from kpi.tasks import TaskState

    assert Status.ON_TRACK.vi == t("status.on_track") == "Đúng lộ trình"
    assert Status.ON_TRACK.word("en") == "On track"
    assert Role.OFFICER.en == "Data officer"
    assert SubmissionState.MISSING.vi == "Chưa nộp"
    assert ReportState.NOT_DUE.word("en") == "Not yet due"
    assert TaskState.PAUSED.label("vi") == "Tạm dừng"
    assert OpenSdgStatus.DETERIORATION.word("vi") == "đi xuống"
    assert opensdg_word("unknown") == "unknown"
    assert opensdg_word(None) == "—"
    for enum, prefix in (
        (Status, "status"),
        (OpenSdgStatus, "opensdg"),
        (Role, "role"),
        (SubmissionState, "submission"),
        (ReportState, "report_state"),
        (TaskState, "task_state"),
    ):
        assert {f"{prefix}.{member.value}" for member in enum} <= set(STRINGS), prefix


@pytest.mark.parametrize(
    ("problem", "lang", "text"),
    [
        (
            Problem(
                "outlier", 2, "value", "75", {"delta": 29.5, "previous": 45.5, "period": "2025-Q2"}
            ),
            "vi",
            "Thay đổi +29,5 điểm so với quý trước (Quý 2/2025: 45,5%); cần xác nhận kèm ghi chú.",
        ),
        (
            Problem(
                "outlier",
                2,
                "value",
                "75",
                {"delta": -25.0, "previous": 100.0, "period": "2025-Q2"},
            ),
            "en",
            "Changed by -25 points against the previous quarter (Q2 2025: 100%); "
            "needs a confirmation with a note.",
        ),
        (
            Problem(
                "numerator_above_denominator", 3, "numerator", "13000", {"denominator": 12000.0}
            ),
            "vi",
            "Tử số 13000 lớn hơn mẫu số 12.000.",  # the number grouped as the dashboard does
        ),
        (Problem("missing_column", column="unit_code"), "vi", "Thiếu cột bắt buộc 'Mã đơn vị'."),
        (
            Problem("missing_column", column="unit_code"),
            "en",
            "Required column 'Unit code' is missing.",
        ),
        (
            Problem("field_count", 4, params={"found": 5, "expected": 4, "hint": "decimal_comma"}),
            "en",
            "The row has 5 fields; the header has 4. Probably a decimal comma (48,9) in a "
            "comma-separated file: write 48.9 or save the file with ';' separators.",
        ),
    ],
)
def test_problem_words(problem: Problem, lang: str, text: str) -> None:
    assert problem.text(lang) == text


def test_problem_rows_and_task_problems() -> None:
    row = Problem("missing_unit", 7, "unit_code").as_row("en")
    assert row == {"Row": 7, "Column": "Unit code", "Value": "", "Problem": "The unit is missing."}
    rule = TaskProblem("rule", 2, "state", params={"why": "vì sao", "why_en": "why"})
    assert rule.text("vi") == "vì sao" and rule.text("en") == "why"
    assert TaskProblem("missing_task", 2, "task_code").column_label() == "Mã nhiệm vụ"


# Counts a template may show with a count of 1; a plural noun after them takes the
# "{n|one|many}" choice. Limits from settings (rows, columns, bytes) are never 1.
_COUNTED = re.compile(r"\{(n|count|total|rows|shown|found|expected)\} ([a-z]*[a-rt-z]s)\b")
_LIMITS = {"problem.sheet_too_large", "problem.too_many_rows", "task_problem.too_many_rows"}
_LIMITS |= {"safety.cookie_ok", "safety.cookie_short", "problem.too_many_columns"}
_LIMITS |= {"sw.select.available"}  # filled in the browser, with its own "_one" form


def test_english_counts_agree_with_their_number() -> None:
    loose = {
        key: m[0]
        for key, (_vi, en) in STRINGS.items()
        if key not in _LIMITS
        for m in _COUNTED.finditer(en)
        if m[2] not in {"is", "was", "has"}
    }
    assert loose == {}
    assert t("errors_found", "en", n=1).startswith("The file has 1 problem.")
    assert t("errors_found", "en", n=2).startswith("The file has 2 problems.")
    assert t("coverage", "en", counted=1, expected=1) == "1 of 1 unit"
    assert t("coverage", "en", counted=3, expected=12) == "3 of 12 units"
    assert t("coverage", "vi", counted=1, expected=1) == "1/1 đơn vị"
    signoff = t("report_tasks.signoff", "en", unsigned=1, reports=1)
    assert signoff.startswith("1 of the period's 1 progress report is not signed off")
    problem = Problem("field_count", 4, params={"found": 1, "expected": 4, "hint": ""})
    assert problem.text("en") == "The row has 1 field; the header has 4."


def test_vietnamese_has_no_plural_choices() -> None:
    assert [k for k, (vi, _en) in STRINGS.items() if re.search(r"\{\w+\|", vi)] == []
