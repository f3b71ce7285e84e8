"""English pages show the plan's tasks, indicator metadata and units in English words.

Vietnamese-only letters (đ, ă, â, ê, ô, ơ, ư and the tone marks) may appear
in English text only inside the proper names listed here.
"""

from __future__ import annotations

import unicodedata

import pytest

from kpi.catalogue import Catalogue
from kpi.metadata import FIELDS, lead_units, load_metadata, rows
from kpi.tasks import PlanTask, load_plan_tasks
from kpi.units import Unit, UnitRegistry, english_names, load_default_units, unit_name

# Names the English keeps as written: a decree's number carries "NĐ-CP".
PROPER_NAMES = ("NĐ-CP",)
# Combining marks left by NFD on Vietnamese letters: grave, acute, tilde, hook, dot
# below, circumflex, breve, horn.
_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323", "\u0302", "\u0306", "\u031b"}


def vietnamese_letters(text: str) -> str:
    """The Vietnamese-only letters in `text` once the listed proper names are taken out."""
    for name in PROPER_NAMES:
        text = text.replace(name, "")
    found = []
    for char in text:
        parts = unicodedata.normalize("NFD", char)
        if char in "đĐ" or any(mark in _MARKS for mark in parts):
            found.append(char)
    return "".join(found)


def test_the_detector_sees_vietnamese_and_passes_english() -> None:
    assert vietnamese_letters("Xây dựng, ban hành Đề án") == "âựàĐềá"
    assert vietnamese_letters("Luật Tổ chức") == "ậổứ"
    assert vietnamese_letters("Decree No. 152/2020/NĐ-CP, 5/2025 – recurring…") == ""


def _task_texts(task: PlanTask) -> dict[str, str]:
    return {
        "name": task.name_in("en"),
        "lead": task.lead_units_in("en"),
        "coordinating": task.coordinating_units_in("en"),
        "deadline": task.deadline_text_in("en"),
    }


@pytest.mark.parametrize("task", load_plan_tasks(), ids=lambda task: task.code)
def test_every_plan_task_reads_in_english(task: PlanTask) -> None:
    texts = _task_texts(task)
    assert {k: vietnamese_letters(v) for k, v in texts.items()} == dict.fromkeys(texts, "")
    # Every field the plan fills has its English; an empty one stays empty.
    assert bool(texts["coordinating"]) == bool(task.coordinating_units)
    assert bool(texts["deadline"]) == bool(task.deadline_text)
    assert texts["name"] != task.name


def test_vietnamese_stays_as_written() -> None:
    task = next(t for t in load_plan_tasks() if t.code == "II.2")
    assert task.name_in("vi") == task.name
    assert task.name_in("vi").startswith("Xây dựng, ban hành Đề án")
    assert task.name_in("en").startswith("Draft and issue a scheme")
    assert task.deadline_text_in("en") == "5/2025"


def test_an_imported_task_keeps_its_own_words() -> None:
    plan = next(t for t in load_plan_tasks() if t.code == "II.2")
    imported = PlanTask(
        "VPB.1", plan.kind, plan.group, "Việc riêng", "Văn phòng Bộ", (), "", (), plan.deadline
    )
    assert imported.name_in("en") == "Việc riêng"


def test_indicator_metadata_reads_in_english(catalogue: Catalogue) -> None:
    for code, meta in load_metadata(catalogue).items():
        english = dict(rows(meta, None, "en"))
        bad = {k: vietnamese_letters(v) for k, v in english.items() if vietnamese_letters(v)}
        assert bad == {}, code
        assert meta.get("plan_reference", "en").startswith("Annex I, item ")
        assert meta.get("plan_reference", "vi").startswith("Phụ lục I mục ")
        # The API's record keeps the file's own columns and words.
        assert set(meta.record()) >= {"responsible_unit", "plan_reference"}
    assert "responsible_unit" in FIELDS


def test_every_unit_of_the_tree_has_its_english_name() -> None:
    units = load_default_units()
    english = english_names()
    assert set(english) == {u.code for u in units}
    assert {c: vietnamese_letters(n) for c, n in english.items()} == dict.fromkeys(english, "")
    assert len(set(english.values())) == len(english)  # two units never read alike
    # the lead units the plan's English already names are these very names
    assert {"Ministry Office", "Information Technology Centre"} <= set(english.values())


def test_a_unit_reads_in_each_language_and_a_new_one_keeps_its_own_name() -> None:
    registry = UnitRegistry([*load_default_units(), Unit("HN", "Sở Nội vụ Hà Nội", "BNV")])
    assert (registry.name("VPB", "vi"), registry.name("VPB", "en")) == (
        "Văn phòng Bộ",
        "Ministry Office",
    )
    assert registry.name("VPC", "en") == "Department of Legal Affairs"
    assert unit_name(registry.root, "en") == "Ministry of Home Affairs"
    assert registry.name("HN", "en") == "Sở Nội vụ Hà Nội"  # added later: no English given
    assert registry.name("XYZ", "en") == "XYZ"  # no such unit: its code


def test_lead_units_read_in_english(catalogue: Catalogue) -> None:
    written = {
        code: meta.get("responsible_unit") for code, meta in load_metadata(catalogue).items()
    }
    for indicator in catalogue:
        # the English comes from the metadata's responsible unit: it names the same units
        assert written[indicator.code] == indicator.lead_units, indicator.code
        assert lead_units(indicator, "vi") == indicator.lead_units
        english = lead_units(indicator, "en")
        assert english and not vietnamese_letters(english), indicator.code
