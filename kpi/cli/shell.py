"""What every command needs: settings, the storage (built once), the catalogue, errors."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import Any, NoReturn, TypeVar

import typer
from rich.console import Console

from kpi.catalogue import Catalogue, load_catalogue
from kpi.services.app import Storage, open_store
from kpi.settings import Settings, load_settings

# Wide enough for the status tables when output goes to a file or a pipe.
console = Console(width=None if sys.stdout.isatty() else 160)
err_console = Console(stderr=True, width=None if sys.stderr.isatty() else 160)
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


def one_line_errors(func: F) -> F:
    """Turn any failure into a one-line message and a non-zero exit code."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except (typer.Exit, typer.Abort):
            raise
        except CliError as exc:
            err_console.print(f"[red]Lỗi:[/red] {exc}", highlight=False, soft_wrap=True)
            sys.exit(exc.code)
        except Exception as exc:  # the CLI never shows a traceback
            message = " ".join(str(exc).split()) or type(exc).__name__
            err_console.print(
                f"[red]Lỗi:[/red] {type(exc).__name__}: {message}", highlight=False, soft_wrap=True
            )
            sys.exit(1)

    return wrapper  # type: ignore[return-value]
