"""kpi/data/tasks.csv against the plan's text: every row, every word, nothing added.

The plan's tables come out of the PDF as text with columns interleaved and
page headers in the middle of rows. Each row is cut out by its number and the
words of its four columns (name, lead units, coordinating units, completion
time) must be exactly the words of the row, each column in its own order.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

from kpi.tasks import load_plan_tasks, load_task_groups
from kpi.units import fold_name, load_default_units

# A copy of the plan text (the seed of the project), kept with the tests.
SEED = Path(__file__).resolve().parents[1] / "data" / "plan" / "ke-hoach-bnv-nq71-phu-luc.txt"
PAGE_HEADER = re.compile(
    r"(?m)^[ \t]*(\d+[ \t]*\n\s*)?TT Tên nhiệm vụ Đơn vị chủ trì Đơn vị phối hợp[ \t]*\n"
    r"\s*Thời gian[ \t]*\n\s*hoàn[ \t]*\n\s*thành[ \t]*$"
)
ROMAN = re.compile(r"^\s*(I|II|III|IV|V|VI|VII|VIII)\s*$")


def words(text: str) -> list[str]:
    """Whitespace tokens; a word cut by a line break after its hyphen is joined again."""
    out: list[str] = []
    for token in unicodedata.normalize("NFC", text).split():
        if out and len(out[-1]) > 1 and out[-1].endswith("-") and out[-1][-2].isalnum():
            out[-1] += token
        else:
            out.append(token)
    return out


def blocks(section: str, prefix: str) -> dict[str, str]:
    """Cut one appendix into rows (`II.7`) and section headings (`I`) by their numbers.

    Each row also gets `II.7@` -> the heading it sits under.
    """
    text = PAGE_HEADER.sub("", section)
    found: dict[str, list[str]] = {}
    current: list[str] | None = None
    heading = ""
    expected = 1
    for line in text.splitlines():
        if ROMAN.match(line):
            heading = line.strip()
            current = found.setdefault(heading, [])
            continue
        number = re.match(r"^\s*(\d+)(\s|$)(.*)$", line)
        if number and int(number.group(1)) == expected:
            current = found.setdefault(f"{prefix}.{expected}", [])
            found[f"{prefix}.{expected}@"] = [heading]
            current.append(number.group(3))
            expected += 1
            continue
        if number and not number.group(3).strip() and int(number.group(1)) < 100:
            continue  # a page number
        if current is not None:
            current.append(line)
    return {key: "\n".join(lines) for key, lines in found.items()}


@pytest.fixture(scope="module")
def seed_blocks() -> dict[str, str]:
    text = unicodedata.normalize("NFC", SEED.read_text(encoding="utf-8"))
    start = text.index("\nPHỤ LỤC II \n")
    middle = text.index("\nPHỤ LỤC III \n")
    return blocks(text[start:middle], "II") | blocks(text[middle:], "III")


def is_subsequence(part: list[str], whole: list[str]) -> bool:
    items = iter(whole)
    return all(any(word == item for item in items) for word in part)


def test_the_seed_is_cut_into_44_tasks_11_databases_and_8_headings(seed_blocks):
    assert sorted(k for k in seed_blocks if k.startswith("II.") and "@" not in k) == sorted(
        f"II.{n}" for n in range(1, 45)
    )
    assert sorted(k for k in seed_blocks if k.startswith("III.") and "@" not in k) == sorted(
        f"III.{n}" for n in range(1, 12)
    )
    assert {k for k in seed_blocks if "." not in k} == {
        "I",
        "II",
        "III",
        "IV",
        "V",
        "VI",
        "VII",
        "VIII",
    }


def test_the_data_file_holds_exactly_the_plans_items():
    tasks = load_plan_tasks()
    assert [t.code for t in tasks] == [f"II.{n}" for n in range(1, 45)] + [
        f"III.{n}" for n in range(1, 12)
    ]
    assert {t.kind.value for t in tasks if t.code.startswith("II.")} == {"task"}
    assert {t.kind.value for t in tasks if t.code.startswith("III.")} == {"database"}


def test_every_row_has_the_words_of_the_plan_and_no_others(seed_blocks):
    for task in load_plan_tasks():
        row = words(seed_blocks[task.code])
        fields = [task.name, task.lead_units, task.coordinating_units, task.deadline_text]
        assert Counter(row) == Counter(w for f in fields for w in words(f)), task.code
        for field in fields:
            assert is_subsequence(words(field), row), (task.code, field)


def test_every_heading_is_the_plans_and_each_item_sits_under_its_own(seed_blocks):
    groups = {g.code: g for g in load_task_groups()}
    for code, group in groups.items():
        assert words(seed_blocks[code]) == words(group.name_vi), code
        assert group.name_en
    for task in load_plan_tasks():
        assert seed_blocks[f"{task.code}@"] == task.group, task.code


def _key(name: str) -> str:
    """Unit names as the plan writes them: any dash, any spacing, any case."""
    return re.sub(r"[\s\-–—]", "", fold_name(name))


def test_unit_codes_match_the_names_as_written():
    units = {u.code: u.name for u in load_default_units()}
    for task in load_plan_tasks():
        for text, codes in (
            (task.lead_units, task.lead_unit_codes),
            (task.coordinating_units, task.coordinating_unit_codes),
        ):
            named = {c for c, n in units.items() if c != "BNV" and _key(n) in _key(text)}
            assert set(codes) == named, (task.code, text)


def test_collective_leads_have_no_unit_code():
    by_code = {t.code: t for t in load_plan_tasks()}
    assert by_code["II.1"].lead_unit_codes == ()
    assert by_code["II.33"].lead_unit_codes == ()
    assert by_code["II.39"].lead_unit_codes == ()
    assert by_code["II.14"].lead_unit_codes == ("VPC", "CVL")
