"""The command line's own frame in the chosen language: help headings and usage errors.

Typer (with the copy of Click it carries) writes "Usage:", "Options", "[required]",
"Show this message and exit." and its usage errors in English, with no translation hook.
Help headings are module settings of `typer.rich_utils` and are set here; the help
option's line and the usage prefix are set where Typer makes them. A usage error is
known by its English wording (USAGE_ERRORS, checked against Typer by the tests) and said
again in the command's language; a wording not listed is shown as Typer wrote it.

The commands' and options' descriptions are read by Typer at import, in Vietnamese
(catalogue keys cli.cmd.* and cli.help.*); an English help has them said again in English
just before it is drawn, found by their Vietnamese words (the tests keep those unique).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from kpi.text import STRINGS, t

# (Typer's wording, catalogue key): the first that matches the whole message is used.
USAGE_ERRORS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.DOTALL), key)
    for pattern, key in (
        (r"Missing argument (?P<name>.+)\.", "cli.usage.missing_argument"),
        (r"Missing option (?P<name>.+)\.", "cli.usage.missing_option"),
        (r"Missing command\.", "cli.usage.missing_command"),
        (
            r"No such option: (?P<name>\S+) \(Possible options: (?P<options>.+)\)",
            "cli.usage.no_option_hint",
        ),
        (r"No such option: (?P<name>\S+)", "cli.usage.no_option"),
        (
            r"No such command (?P<name>'.+?')\. Did you mean (?P<options>.+)\?",
            "cli.usage.no_command_hint",
        ),
        (r"No such command (?P<name>'.+')\.", "cli.usage.no_command"),
        (
            r"Got unexpected extra argument(?:\(s\)|s)? \((?P<args>.+)\)",
            "cli.usage.extra_arguments",
        ),
        (r"Option (?P<name>'.+') requires an argument\.", "cli.usage.needs_value"),
        (r"Option (?P<name>'.+') requires (?P<n>\d+) arguments\.", "cli.usage.needs_values"),
        (r"Option (?P<name>'.+') does not take a value\.", "cli.usage.takes_no_value"),
        (
            r"Invalid value for (?P<name>'[^']+'): (?:Value error, )?"
            r"(?P<value>'.*') is not one of (?P<choices>.+)\.",
            "cli.usage.not_a_choice",
        ),
        (
            r"Invalid value for (?P<name>'[^']+'): Input should be a valid integer.*",
            "cli.usage.not_an_integer",
        ),
        (
            r"Invalid value for (?P<name>'[^']+'): Input should be a valid number.*",
            "cli.usage.not_a_number",
        ),
        (r"Invalid value for (?P<name>'[^']+'): (?P<detail>.+)", "cli.usage.invalid_value"),
    )
)
# The kinds of value Typer names in help ("<str>"), in Vietnamese; a flag needs none.
TYPE_WORDS = {"<str>": "<văn bản>", "<int>": "<số nguyên>", "<float>": "<số>", "<bool>": None}
TYPE_WORDS_PATH = "<đường dẫn>"
# typer.rich_utils settings and the catalogue key of each one's words.
HELP_WORDS = {
    "ARGUMENTS_PANEL_TITLE": "cli.frame.arguments",
    "OPTIONS_PANEL_TITLE": "cli.frame.options",
    "COMMANDS_PANEL_TITLE": "cli.frame.commands",
    "ERRORS_PANEL_TITLE": "cli.frame.errors",
    "REQUIRED_LONG_STRING": "cli.frame.required",
    "DEFAULT_STRING": "cli.frame.default",
    "ENVVAR_STRING": "cli.frame.env_var",
    "DEPRECATED_STRING": "cli.frame.deprecated",
    "ABORTED_TEXT": "cli.frame.aborted",
    "RICH_HELP": "cli.frame.try_help",
}


# The help texts of commands and options, by their Vietnamese words: (vi -> en).
HELP_KEY_PREFIXES = ("cli.cmd.", "cli.help.")
ENGLISH_HELP = {vi: en for key, (vi, en) in STRINGS.items() if key.startswith(HELP_KEY_PREFIXES)}


def language_of(args: Sequence[str], default: str = "vi") -> str:
    """The language the command asks for (`--lang en` or `--lang=en`), else `default`."""
    for i, arg in enumerate(args):
        if arg == "--lang" and i + 1 < len(args):
            return "en" if args[i + 1] == "en" else "vi"
        if arg.startswith("--lang="):
            return "en" if arg.split("=", 1)[1] == "en" else "vi"
    return default


def may_show_help(args: Sequence[str]) -> bool:
    """Help is drawn for `--help`, a bare `kpi` and a command group named alone; the rest
    need none of Typer's help words (usage errors are said by usage_error)."""
    return len(args) <= 1 or "--help" in args


def without_lang(args: Sequence[str]) -> list[str]:
    """`args` with `--lang X` / `--lang=X` taken out: a help request may name a language
    wherever it likes, also for a command that has no --lang of its own."""
    kept: list[str] = []
    skip = False
    for arg in args:
        if skip:
            skip = False
        elif arg == "--lang":
            skip = True
        elif not arg.startswith("--lang="):
            kept.append(arg)
    return kept


def usage_error(message: str, lang: str) -> str:
    """A usage error of Typer's in `lang` (English as Typer wrote it)."""
    text = message.strip()
    if lang == "en":
        return text
    for pattern, key in USAGE_ERRORS:
        found = pattern.fullmatch(text)
        if found:
            return t(key, lang, **found.groupdict())
    return text


def install(lang: str) -> None:
    """Typer's help headings, help option line and usage prefix in `lang`."""
    from typer import core, rich_utils
    from typer._click import decorators, formatting

    for setting, key in HELP_WORDS.items():
        if hasattr(rich_utils, setting):
            setattr(rich_utils, setting, t(key, lang))
    decorators.help_option = _help_option(_original(decorators, "help_option"), lang)
    formatter = formatting.HelpFormatter
    formatter.write_usage = _usage_prefix(_original(formatter, "write_usage"), lang)  # type: ignore[method-assign]
    for kind in (core._TyperParameter, core.TyperOption):
        kind.display_type_rich = _type_label(_original(kind, "display_type_rich"), lang)  # type: ignore[method-assign]
    rich_utils.rich_format_help = _described(_original(rich_utils, "rich_format_help"), lang)


def reset() -> None:
    """Typer's own frame and descriptions as written (tests leave the process so)."""
    from typer import rich_utils

    install("en")
    rich_utils.rich_format_help = _original(rich_utils, "rich_format_help")


def english_help(text: str | None) -> str | None:
    """A command's or option's description in English (as it is when not in the catalogue)."""
    return ENGLISH_HELP.get(text, text) if text else text


def _say_in_english(command: Any, ctx: Any) -> None:
    """The descriptions of `command`, its options and its subcommands, in English."""
    command.help = english_help(command.help)
    command.short_help = english_help(command.short_help)
    for param in command.get_params(ctx):
        if hasattr(param, "help"):
            param.help = english_help(param.help)
    for sub in getattr(command, "commands", {}).values():
        sub.help = english_help(sub.help)
        sub.short_help = english_help(sub.short_help)


def _original(owner: Any, name: str) -> Callable[..., Any]:
    """The function as Typer defines it, even when install() ran before."""
    found = getattr(owner, name)
    return getattr(found, "__wrapped_typer__", found)


def _help_option(original: Callable[..., Any], lang: str) -> Callable[..., Any]:
    def help_option(param_decls: list[str]) -> Callable[[Any], Any]:
        decorate = original(param_decls)

        def apply(command: Any) -> Any:
            command = decorate(command)
            command.params[-1].help = t("cli.frame.help", lang)
            return command

        return apply

    help_option.__wrapped_typer__ = original  # type: ignore[attr-defined]
    return help_option


def _usage_prefix(original: Callable[..., Any], lang: str) -> Callable[..., Any]:
    def write_usage(self: Any, prog: str, args: str = "", prefix: str | None = None) -> None:
        if prefix is None:
            prefix = t("cli.frame.usage", lang)
        args = args.replace("[OPTIONS]", t("cli.frame.options_metavar", lang))
        args = args.replace("COMMAND [ARGS]...", t("cli.frame.command_metavar", lang))
        original(self, prog, args, prefix)

    write_usage.__wrapped_typer__ = original  # type: ignore[attr-defined]
    return write_usage


def _described(original: Callable[..., Any], lang: str) -> Callable[..., Any]:
    def rich_format_help(*, obj: Any, ctx: Any, markup_mode: Any) -> None:
        if lang == "en":  # the command is made anew for each run: changing it is safe
            _say_in_english(obj, ctx)
        original(obj=obj, ctx=ctx, markup_mode=markup_mode)

    rich_format_help.__wrapped_typer__ = original  # type: ignore[attr-defined]
    return rich_format_help


def _type_label(original: Callable[..., Any], lang: str) -> Callable[..., Any]:
    def display_type_rich(self: Any, ctx: Any) -> str | None:
        label = original(self, ctx)
        if label == "<bool>":  # a flag takes no value: no kind to name, in either language
            return None
        if lang == "en" or label is None:
            return label
        if label in ("<path>", "<file>", "<directory>"):
            return TYPE_WORDS_PATH
        return TYPE_WORDS.get(label, label)

    display_type_rich.__wrapped_typer__ = original  # type: ignore[attr-defined]
    return display_type_rich
