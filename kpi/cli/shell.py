"""What every command needs: settings, the storage (built once), the catalogue, errors, output.

Output never interprets what it prints: the consoles have Rich markup, emoji codes and
highlighting off, so a cell, an e-mail or a path such as `[/x]` or `[link=…]` prints as typed.
Styles come only from `Text` objects built here.
"""

from __future__ import annotations

import atexit
import functools
import os
import re
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import typer
from rich.console import Console
from rich.text import Text

from kpi.catalogue import Catalogue, load_catalogue
from kpi.services.app import Storage, open_store
from kpi.settings import Settings, load_settings
from kpi.text import t

# Control characters other than newline and tab (ESC starts terminal escapes and links).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """Text with control characters shown as U+FFFD, so no terminal sequence gets through."""
    return _CONTROL.sub("\ufffd", text)


class LiteralConsole(Console):
    """Every string (a print, a table cell, a title) is printable text, never markup."""

    def render_str(self, text: str, **options: Any) -> Text:
        return super().render_str(printable(text), **options)


def literal_console(stderr: bool = False) -> Console:
    """A console that prints strings exactly as given (tables included)."""
    stream = sys.stderr if stderr else sys.stdout
    return LiteralConsole(
        stderr=stderr,
        # Wide enough for the status tables when output goes to a file or a pipe.
        width=None if stream.isatty() else 160,
        markup=False,
        emoji=False,
        highlight=False,
    )


console = literal_console()
err_console = literal_console(stderr=True)
F = TypeVar("F", bound=Callable[..., Any])


class CliError(Exception):
    """A failure to report in one line, with an exit code."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code


def fail(message: str, code: int = 1) -> NoReturn:
    raise CliError(message, code)


@functools.cache
def settings() -> Settings:
    return load_settings()


@functools.cache
def catalogue() -> Catalogue:
    return load_catalogue()


@functools.cache
def storage() -> Storage:
    """Migrated and seeded with the catalogue and unit tree, on first use."""
    return open_store(settings().database_url, catalogue())


def leave(code: int) -> NoReturn:
    """End the process as the interpreter would, less its teardown: wait for the other
    threads (webhook deliveries), close the database connections, run the exit handlers
    and flush the output, then `os._exit`. Freeing every module and object one by one
    took half a second or more after a national load, and changes nothing written."""
    current = threading.current_thread()
    for thread in threading.enumerate():
        if thread is not current and not thread.daemon:
            thread.join()
    if storage.cache_info().currsize:
        storage().dispose()  # SQLite checkpoints its log on close, as at a normal exit
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe: the interpreter's own exit status
            code = code or 120
    os._exit(code)


def say(message: str, *, err: bool = False) -> None:
    """Print one message literally (it may carry user text: cells, e-mails, paths)."""
    (err_console if err else console).print(message, soft_wrap=True)


def one_line(message: object) -> str:
    """Any text on one line: newlines and runs of spaces become one space."""
    return " ".join(str(message).split())


def error_line(message: object, lang: str = "vi") -> None:
    """`Lỗi: …` in red on stderr; the message itself is printed as typed."""
    text = Text.assemble((t("cli.error", lang), "red"), " ", printable(one_line(message)))
    err_console.print(text, soft_wrap=True)


def one_line_errors(func: F) -> F:
    """Turn any failure into a one-line message and a non-zero exit code."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except (typer.Exit, typer.Abort):
            raise
        except CliError as exc:
            error_line(exc)
            sys.exit(exc.code)
        except Exception as exc:  # the CLI never shows a traceback
            error_line(f"{type(exc).__name__}: {one_line(exc) or type(exc).__name__}")
            sys.exit(1)

    return wrapper  # type: ignore[return-value]


DATABASE_SIDECARS = ("", "-wal", "-shm", "-journal")


def check_output(path: Path, force: bool) -> None:
    """Refuse to write over the database (ever) or over an existing file (without --force)."""
    db = settings().sqlite_path
    if db is not None:
        target = path.resolve()
        if any(target == Path(f"{db.resolve()}{tail}") for tail in DATABASE_SIDECARS):
            fail(t("cli.output.is_database", path=path), 2)
    if path.is_dir():
        fail(t("cli.output.is_directory", path=path), 2)
    if path.exists() and not force:
        fail(t("cli.output.exists", path=path), 2)


def check_output_dir(path: Path, force: bool) -> None:
    """A folder of outputs: refused if it is a file, or already holds files (without --force)."""
    if path.exists() and not path.is_dir():
        fail(t("cli.output.is_file", path=path), 2)
    if path.is_dir() and any(path.iterdir()) and not force:
        fail(t("cli.output.dir_not_empty", path=path), 2)
