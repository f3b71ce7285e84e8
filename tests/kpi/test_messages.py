"""Refusals keep their catalogue key: `str(e)` is the Vietnamese text as before, and
`e.text("en")` is the same message in English, with quarters and half-years in English."""

from __future__ import annotations

import ast
import string
import unicodedata
from pathlib import Path

import pytest

from kpi.catalogue import CatalogueError, parse_catalogue
from kpi.messages import Explained, Phrase, joined, say, text_of
from kpi.periods import PeriodError, Quarter, parse_quarter
from kpi.scorecard import ScoreWeights
from kpi.services.scorecard import ScorecardError, weights_from
from kpi.settings import Settings, SettingsError, load_settings
from kpi.storage.task_signoffs import SignoffError
from kpi.task_progress import HalfYear
from kpi.text import STRINGS, t

KPI = Path(__file__).resolve().parents[2] / "kpi"


def vietnamese_letters(text: str) -> set[str]:
    """Letters only Vietnamese writes: đ, or a vowel with a diacritic."""
    found = set()
    for char in text:
        base = unicodedata.normalize("NFD", char)
        if char in "đĐ" or (len(base) > 1 and base[0].isalpha()):
            found.add(char)
    return found


def _says(tree: ast.AST) -> list[ast.Call]:
    return [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "say"
        and node.args
        and isinstance(node.args[0], ast.Constant)
    ]


def _trees() -> list[tuple[Path, ast.Module]]:
    return [(path, ast.parse(path.read_text("utf-8"))) for path in sorted(KPI.rglob("*.py"))]


# English texts that quote a Vietnamese value a file may hold, word for word.
FILE_WORDS = {"error.tasks.unreadable_deadline": "Nhiệm vụ thường xuyên"}
SAID = sorted({call.args[0].value for _, tree in _trees() for call in _says(tree)})


def _sample(template: str) -> dict[str, object]:
    """ASCII stand-ins for the fields: any Vietnamese left is the template's own."""
    fields = {n: s for _, n, s, _ in string.Formatter().parse(template) if n is not None}
    return {name: 3 if spec else "X" for name, spec in fields.items()}


def test_the_scan_finds_the_converted_raise_sites() -> None:
    assert len(SAID) > 60 and "svc.cycle.already_approved" in SAID


@pytest.mark.parametrize("key", SAID)
def test_every_raised_phrase_has_an_english_text_with_no_vietnamese(key: str) -> None:
    vi, _en = STRINGS[key]
    phrase = say(key, **_sample(vi))
    assert str(phrase) == t(key, **_sample(vi))  # the Vietnamese text is what it always was
    english = phrase.text("en")
    assert english == t(key, "en", **_sample(vi))
    assert not vietnamese_letters(english.replace(FILE_WORDS.get(key, "\0"), "")), english
    assert english != str(phrase) or not vietnamese_letters(vi), key


def _raise_t_calls(tree: ast.AST) -> list[int]:
    """Lines where a raise (or an exception's super().__init__) builds its text with t()."""
    lines = []
    for node in ast.walk(tree):
        roots: list[ast.AST] = []
        if isinstance(node, ast.Raise) and node.exc is not None:
            roots = [node.exc]
        elif isinstance(node, ast.ClassDef) and any("Error" in ast.unparse(b) for b in node.bases):
            roots = [
                n
                for n in ast.walk(node)
                if isinstance(n, ast.Call) and "super" in ast.unparse(n.func)
            ]
        for root in roots:
            for call in ast.walk(root):
                if isinstance(call, ast.Call) and ast.unparse(call.func) in {"t", "text.t"}:
                    lines.append(call.lineno)
    return lines


def test_the_scan_sees_a_raise_built_with_t() -> None:
    source = (
        'raise CycleError(t("svc.no_unit", ref=r))\n'
        "class AError(ValueError):\n"
        "    def __init__(self) -> None:\n"
        '        super().__init__(t("svc.no_unit", ref="x"))\n'
        'raise CycleError(say("svc.no_unit", ref=r))\n'
    )
    assert sorted(_raise_t_calls(ast.parse(source))) == [1, 4]


def test_no_raise_in_kpi_builds_its_message_with_t() -> None:
    left = {
        f"{path.relative_to(KPI.parent)}:{line}"
        for path, tree in _trees()
        for line in _raise_t_calls(tree)
    }
    assert left == set(), "raise SomeError(say(key, ...)) instead of t(key, ...)"


def test_a_phrase_is_a_str_and_renders_typed_fields_per_language() -> None:
    quarter, half = Quarter(2026, 3), HalfYear(2026, 2)
    phrase = say("svc.cycle.already_approved", quarter=quarter, unit="VPB")
    assert isinstance(phrase, str) and isinstance(phrase, Phrase)
    assert phrase == t("svc.cycle.already_approved", quarter="Quý 3/2026", unit="VPB")
    assert phrase.text("en") == "the figures of Q3 2026 of VPB are already signed off"
    error = SignoffError(say("svc.signoff.nothing", unit="VPC", half=half))
    assert str(error) == t("svc.signoff.nothing", unit="VPC", half=half.label("vi"))
    assert (
        error.text("en")
        == f"unit VPC has no task progress reports of {half.label('en')} to sign off"
    )
    assert (error.key, error.fields) == ("svc.signoff.nothing", {"unit": "VPC", "half": half})
    assert error.both() == (str(error), error.text("en"))


def test_joined_phrases_and_nested_errors_follow_the_language() -> None:
    names = joined(say("svc.of_unit", period=Quarter(2026, q), unit="VPB") for q in (2, 3))
    assert names.text("vi") == "Quý 2/2026 của VPB; Quý 3/2026 của VPB"
    assert names.text("en") == "Q2 2026 of VPB; Q3 2026 of VPB"
    with pytest.raises(ScorecardError) as refused:
        weights_from(Settings(score_weight_tasks=0.0, score_weight_indicators=0.0))
    assert str(refused.value) == "thiết lập KPI_SCORE_*: " + t("error.score.zero_weights")
    assert refused.value.text("en") == "setting KPI_SCORE_*: " + t("error.score.zero_weights", "en")


def test_a_plain_message_and_a_builtin_error_still_read() -> None:
    assert text_of(ValueError("plain"), "en") == "plain"
    assert Explained("plain").text("en") == "plain" and Explained().text("en") == ""
    with pytest.raises(ValueError) as refused:
        ScoreWeights(tasks=0.0, indicators=0.0)
    assert text_of(refused.value, "en") == t("error.score.zero_weights", "en")


def test_domain_refusals_read_in_english() -> None:
    with pytest.raises(PeriodError) as period:
        parse_quarter("xyz")
    assert str(period.value) == "không đọc được kỳ báo cáo 'xyz'"
    assert period.value.text("en") == "cannot read the period 'xyz'"
    with pytest.raises(SettingsError) as setting:
        load_settings({"KPI_DEFAULT_LANG": "fr"}, secrets_path=Path("/nonexistent"))
    assert "'vi' hoặc 'en'" in str(setting.value) or " hoặc " in str(setting.value)
    assert " or " in setting.value.text("en") and not vietnamese_letters(setting.value.text("en"))
    header = (KPI / "data" / "indicators.csv").read_text("utf-8").splitlines()[0]
    with pytest.raises(CatalogueError) as catalogue:
        parse_catalogue(header + "\n" + "," * header.count(",") + "\n")
    english = catalogue.value.text("en")
    assert english.startswith("catalogue, row") and "the indicator code is missing" in english
    assert "thiếu mã chỉ tiêu" in str(catalogue.value)
