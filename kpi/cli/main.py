"""Entry point of the `kpi` console script.

A command's module is imported only when that command runs: `kpi status` need not load
the upload checks (pandera), the spreadsheet writers or the report renderers, which
cost more than a second of start-up together. `kpi`, `kpi --help` and an unknown
command load every module, so help and suggestions list them all.
"""

from __future__ import annotations

import gc
import importlib
import sys
from typing import Any

import typer

from kpi.cli import typer_words
from kpi.text import t

MODULES = (
    "foundation",
    "upload",
    "uploads",
    "status",
    "report",
    "users",
    "tasks",
    "open_data",
    "cycle",
    "remind",
    "doctor",
)
# Each command (or command group) and the module of kpi.cli that registers it.
COMMANDS = {
    **dict.fromkeys(("serve", "demo", "catalogue", "export", "db", "units"), "foundation"),
    **dict.fromkeys(("template", "load"), "upload"),
    "uploads": "uploads",
    "status": "status",
    "report": "report",
    "users": "users",
    **dict.fromkeys(("tasks", "scorecard"), "tasks"),
    **dict.fromkeys(("notify", "publish", "tokens"), "open_data"),
    **dict.fromkeys(("submissions", "approve", "unapprove", "obligations", "locks"), "cycle"),
    "remind": "remind",
    "doctor": "doctor",
}


def _new_app() -> typer.Typer:
    return typer.Typer(
        name="kpi",
        help=t("cli.help.kpi"),
        no_args_is_help=True,
        pretty_exceptions_enable=False,
        add_completion=False,
    )


def build(modules: tuple[str, ...] = MODULES) -> typer.Typer:
    """The app with the commands of `modules` (all of them by default)."""
    app = _new_app()
    for name in modules:
        importlib.import_module(f"kpi.cli.{name}").register(app)
    if len(app.registered_commands) + len(app.registered_groups) == 1:

        @app.callback()
        def _group() -> None:
            """Keeps `kpi <command>` a subcommand when only one is loaded."""

    return app


def app_for(args: list[str]) -> typer.Typer:
    """Only the module of the command asked for; every module when none is named."""
    name = args[0] if args else ""
    module = COMMANDS.get(name)
    return build((module,)) if module else build()


def __getattr__(name: str) -> Any:
    """`from kpi.cli.main import app` (tests) gets the whole app."""
    if name == "app":
        return build()
    raise AttributeError(name)


def run() -> None:
    """The console script: `invoke`, then the process ends at once (`leave`)."""
    # pandera imports hypothesis (its test-data strategies) when it is installed: 0.3 s
    # of start-up no command uses, so the console script takes it as absent.
    sys.modules.setdefault("hypothesis", None)  # type: ignore[arg-type]
    # The imports allocate objects by the hundred thousand, none of them garbage: the
    # cycle collector scanned them 400 times (0.2 s); it is back on once they are done.
    gc.disable()
    from kpi.cli.shell import leave  # the storage's imports: pandas, SQLAlchemy

    try:
        invoke(one_shot=True)
        code = 0
    except SystemExit as done:
        code = exit_status(done.code)
    leave(code)


def exit_status(code: object) -> int:
    """What the interpreter makes of `sys.exit(code)`: None is 0, a text is said and 1."""
    if code is None or isinstance(code, int):
        return code or 0
    print(code, file=sys.stderr)
    return 1


def invoke(*, one_shot: bool = False) -> None:
    """The command line; ends with SystemExit. Usage errors too are one line (`Lỗi: …`),
    never a box or traceback; help and usage errors in the command's language.
    `one_shot` (the console script): once the command's modules are imported, their
    objects are frozen out of the collector's scans and the collector is back on."""
    from kpi.cli.shell import error_line

    args = sys.argv[1:]
    lang = typer_words.language_of(args)
    bare = typer_words.without_lang(args)
    if "--help" in args or not bare:  # `kpi --lang en [COMMAND] --help`: any command
        args = bare
    if typer_words.may_show_help(args):
        typer_words.install(lang)
    try:
        app = app_for(args)
        if one_shot:
            gc.freeze()
            gc.enable()
        code = app(args=args, standalone_mode=False)
    except Exception as exc:
        message = getattr(exc, "format_message", None)
        if message is None:  # not a usage error: the commands already handle their own
            error_line(f"{type(exc).__name__}: {exc}", lang)
            sys.exit(1)
        if message().strip():  # a bare `kpi` shows the help and no error line
            error_line(typer_words.usage_error(message(), lang), lang)
        sys.exit(int(getattr(exc, "exit_code", 2)))
    sys.exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":  # pragma: no cover
    run()
