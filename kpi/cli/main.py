"""Entry point of the `kpi` console script."""

from __future__ import annotations

import typer

from kpi.cli import (
    cycle,
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

app = typer.Typer(
    name="kpi",
    help="KPI Monitor: chỉ tiêu chuyển đổi số Phụ lục I (Nghị quyết 71/NQ-CP) đến năm 2030.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
for module in (foundation, upload, uploads, status, report, users, tasks, open_data, cycle, remind):
    module.register(app)


def run() -> None:
    app()


if __name__ == "__main__":  # pragma: no cover
    run()
