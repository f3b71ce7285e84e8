"""The command line's own frame (help headings, usage errors) in the command's language."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest

from kpi.cli import main, typer_words
from kpi.text import STRINGS


@pytest.fixture(autouse=True)
def english_frame_after() -> Iterator[None]:
    """install() sets process-wide Typer settings: every test leaves Typer's own."""
    yield
    typer_words.reset()


def console(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    """`kpi ARGS` as the console script runs it: (exit code, what it printed)."""
    sys_argv = sys.argv
    sys.argv = ["kpi", *args]
    try:
        with pytest.raises(SystemExit) as exited:
            main.invoke()
    finally:
        sys.argv = sys_argv
    out = capsys.readouterr()
    return int(exited.value.code or 0), " ".join((out.out + out.err).split())


USAGE_CASES = [
    (["load"], "Lỗi: Thiếu đối số 'file'.", "Error: Missing argument 'file'."),
    (["status", "--bogus"], "Lỗi: Không có tùy chọn --bogus.", "Error: No such option: --bogus"),
    (["status", "--unit"], "Lỗi: Tùy chọn '--unit' cần một giá trị.", "requires an argument."),
    (["statu"], "Lỗi: Không có lệnh 'statu'. Có phải là 'status'?", "Did you mean 'status'?"),
    (["status", "extra"], "Lỗi: Thừa đối số: extra.", "Got unexpected extra argument(s)"),
    (["serve", "--port", "abc"], "'--port' không hợp lệ: cần một số nguyên.", None),
    (
        ["status", "--format", "xml"],
        "Giá trị 'xml' của '--format' không hợp lệ: chỉ nhận",
        "Invalid value for '--format'",
    ),
]


@pytest.mark.parametrize(("args", "vi", "en"), USAGE_CASES)
def test_usage_errors_are_said_in_the_command_language(
    args: list[str], vi: str, en: str | None, capsys: pytest.CaptureFixture[str]
) -> None:
    """Typer's real messages: a Typer upgrade that rewords one fails here."""
    code, said = console(args, capsys)
    assert code == 2
    assert vi in said
    if en is None:  # the command has no --lang
        return
    code, said = console([args[0], "--lang", "en", *args[1:]], capsys)
    assert code == 2
    assert en in said
    assert "Lỗi" not in said


def test_help_frame_is_vietnamese(capsys: pytest.CaptureFixture[str]) -> None:
    code, said = console(["load", "--help"], capsys)
    assert code == 0
    for word in ("Cách dùng:", "[TÙY CHỌN]", "Đối số", "Tùy chọn", "[bắt buộc]"):
        assert word in said
    assert "Hiện hướng dẫn này rồi thoát." in said
    assert "<đường dẫn>" in said and "<văn bản>" in said
    for english in ("Usage", "OPTIONS", "Arguments", "Options", "required", "Show this", "<str>"):
        assert english not in said


def test_group_help_names_commands_in_vietnamese(capsys: pytest.CaptureFixture[str]) -> None:
    code, said = console(["uploads", "--help"], capsys)
    assert code == 0
    assert "LỆNH [ĐỐI SỐ]..." in said and "Lệnh" in said
    assert "Commands" not in said and "COMMAND" not in said


def test_help_frame_in_english_is_typers_own(capsys: pytest.CaptureFixture[str]) -> None:
    code, said = console(["load", "--help", "--lang", "en"], capsys)
    assert code == 0
    for word in ("Usage:", "[OPTIONS]", "Arguments", "[required]", "Show this message and exit."):
        assert word in said
    assert "Cách dùng" not in said


@pytest.mark.parametrize(
    ("args", "lang"),
    [
        ([], "vi"),
        (["status"], "vi"),
        (["status", "--lang", "en"], "en"),
        (["status", "--lang=en"], "en"),
        (["status", "--lang", "vi"], "vi"),
        (["status", "--lang"], "vi"),
    ],
)
def test_language_of_the_command_line(args: list[str], lang: str) -> None:
    assert typer_words.language_of(args) == lang


def test_an_unknown_wording_is_shown_as_typer_wrote_it() -> None:
    assert typer_words.usage_error("Something new.", "vi") == "Something new."


@pytest.mark.parametrize(
    ("message", "said"),
    [
        ("Missing option '--unit'.", "Thiếu tùy chọn '--unit'."),
        ("Missing command.", "Thiếu lệnh."),
        (
            "No such option: --uni (Possible options: --unit, --until)",
            "Không có tùy chọn --uni. Có thể là: --unit, --until.",
        ),
        ("Option '--pair' requires 2 arguments.", "Tùy chọn '--pair' cần 2 giá trị."),
        ("Option '--dry-run' does not take a value.", "Tùy chọn '--dry-run' không nhận giá trị."),
        (
            "Invalid value for '--share': Input should be a valid number, unable to parse",
            "Giá trị của '--share' không hợp lệ: cần một số.",
        ),
    ],
)
def test_wordings_the_commands_do_not_reach_today(message: str, said: str) -> None:
    assert typer_words.usage_error(message, "vi") == said
    assert typer_words.usage_error(message, "en") == message


def test_every_usage_key_is_in_the_catalogue() -> None:
    for _pattern, key in typer_words.USAGE_ERRORS:
        assert key in STRINGS


def test_help_settings_exist_in_typer() -> None:
    from typer import rich_utils

    for setting, key in typer_words.HELP_WORDS.items():
        assert hasattr(rich_utils, setting), setting
        assert getattr(rich_utils, setting) == STRINGS[key][1]
