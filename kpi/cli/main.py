"""Entry point of the `kpi` console script."""

from __future__ import annotations

import sys

import typer

from kpi.cli import (
    cycle,
    doctor,
    foundation,
    open_data,
    remind,
    report,
    status,
    tasks,
    upload,
    uploads,
    users,
)
from kpi.cli.shell import error_line
from kpi.text import t

app = typer.Typer(
    name="kpi",
    help=t("cli.help.kpi"),
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
for module in (
    foundation,
    upload,
    uploads,
    status,
    report,
    users,
    tasks,
    open_data,
    cycle,
    remind,
    doctor,
):
    module.register(app)


def run() -> None:
    """The console script: usage errors too are one line (`Lỗi: …`), never a box or traceback."""
    try:
        code = app(standalone_mode=False)
    except Exception as exc:
        message = getattr(exc, "format_message", None)
        if message is None:  # not a usage error: the commands already handle their own
            error_line(f"{type(exc).__name__}: {exc}")
            sys.exit(1)
        if message().strip():  # a bare `kpi` shows the help and no error line
            error_line(message())
        sys.exit(int(getattr(exc, "exit_code", 2)))
    sys.exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":  # pragma: no cover
    run()
