"""Every command's `--help` is all in the chosen language: the frame, the command's own
description and each option's (kpi.cli.typer_words, catalogue cli.cmd.* and cli.help.*)."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest
import typer.main
from typer import rich_utils

from kpi.cli import main, typer_words
from kpi.text import STRINGS
from tests.kpi.test_english_words import vietnamese_letters

# A document's number keeps its Vietnamese letters in English too.
DOCUMENT_NUMBERS = ("QĐ-BNV",)
HELP_PREFIXES = ("cli.cmd.", "cli.help.", "cli.frame.")


def _paths(command: object, path: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    yield path
    for name, sub in getattr(command, "commands", {}).items():
        yield from _paths(sub, (*path, name))


ROOT = typer.main.get_command(main.build())
PATHS = list(_paths(ROOT))


def _command(path: tuple[str, ...]) -> typer.main._click.Command:
    command = ROOT
    for name in path:
        command = command.commands[name]  # type: ignore[attr-defined]
    return command


def _descriptions(path: tuple[str, ...]) -> list[str]:
    """The Vietnamese descriptions of the command and of its options, as Typer holds them."""
    command = _command(path)
    texts = [command.help or ""]
    texts += [getattr(p, "help", None) or "" for p in command.params]
    return [text for text in texts if text]


@pytest.fixture(autouse=True)
def wide_help(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """One line per description, so a text is found whole; Typer's own frame after."""
    monkeypatch.setattr(rich_utils, "MAX_WIDTH", 400)
    yield
    typer_words.reset()


def help_of(args: list[str], capsys: pytest.CaptureFixture[str], code: int = 0) -> str:
    """What `kpi ARGS` prints, as the console script runs it; it must exit with `code`."""
    sys_argv, sys.argv = sys.argv, ["kpi", *args]
    try:
        with pytest.raises(SystemExit) as exited:
            main.invoke()  # run() ends the process itself (os._exit): not in a test
    finally:
        sys.argv = sys_argv
    out = capsys.readouterr()
    assert int(exited.value.code or 0) == code, out.err
    return " ".join((out.out + out.err).split())


def _english_only_texts() -> list[str]:
    """English help words that differ from their Vietnamese and carry no placeholder."""
    return [
        en.strip()
        for key, (vi, en) in STRINGS.items()
        if key.startswith(HELP_PREFIXES) and en != vi and "{" not in en
    ]


def _ids(path: tuple[str, ...]) -> str:
    return " ".join(path) or "kpi"


@pytest.mark.parametrize("path", PATHS, ids=_ids)
def test_every_command_and_option_is_described(path: tuple[str, ...]) -> None:
    command = _command(path)
    assert command.help, _ids(path)
    undescribed = [p.name for p in command.params if not getattr(p, "help", None)]
    assert undescribed == []


@pytest.mark.parametrize("path", PATHS, ids=_ids)
def test_english_help_has_no_vietnamese(
    path: tuple[str, ...], capsys: pytest.CaptureFixture[str]
) -> None:
    said = help_of(["--lang", "en", *path, "--help"], capsys)
    assert "Usage:" in said
    for text in _descriptions(path):
        assert typer_words.english_help(text) in said
    for number in DOCUMENT_NUMBERS:
        said = said.replace(number, "")
    assert vietnamese_letters(said) == ""


@pytest.mark.parametrize("path", PATHS, ids=_ids)
def test_vietnamese_help_has_no_english(
    path: tuple[str, ...], capsys: pytest.CaptureFixture[str]
) -> None:
    said = help_of([*path, "--help"], capsys)
    assert "Cách dùng:" in said
    for text in _descriptions(path):
        assert text in said
    assert [text for text in _english_only_texts() if text in said] == []


def test_the_language_may_follow_the_command(capsys: pytest.CaptureFixture[str]) -> None:
    first = help_of(["--lang", "en", "tasks", "list", "--help"], capsys)
    assert help_of(["tasks", "list", "--help", "--lang=en"], capsys) == first
    assert help_of(["tasks", "list", "--lang", "en", "--help"], capsys) == first
    assert "The tasks and databases" in first


def test_a_bare_kpi_in_english_lists_the_commands_in_english(
    capsys: pytest.CaptureFixture[str],
) -> None:
    said = help_of(["--lang", "en"], capsys, code=2)  # as a bare `kpi` exits
    assert "Commands" in said and "Run the Streamlit dashboard." in said
    assert vietnamese_letters(said) == ""


def test_each_vietnamese_description_has_one_english() -> None:
    """The English help finds a description by its Vietnamese words: they must not be
    shared by two keys that say different things in English."""
    english: dict[str, set[str]] = {}
    for key, (vi, en) in STRINGS.items():
        if key.startswith(typer_words.HELP_KEY_PREFIXES):
            english.setdefault(vi, set()).add(en)
    assert {vi: ens for vi, ens in english.items() if len(ens) > 1} == {}


def test_a_description_not_in_the_catalogue_is_shown_as_written() -> None:
    assert typer_words.english_help("Mô tả riêng.") == "Mô tả riêng."
    assert typer_words.english_help(None) is None
