"""`kpi <command>` loads only its own module; the map of commands to modules is complete."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys

import typer

from kpi.cli.main import COMMANDS, MODULES, app_for

# What `kpi status` must not pay for at start-up (the dashboard, renderers, upload checks).
HEAVY = ("streamlit", "altair", "pandera", "openpyxl", "vl_convert", "schemas", "loaders")


def test_every_command_is_mapped_to_the_module_that_registers_it() -> None:
    found = {}
    for name in MODULES:
        app = typer.Typer()
        importlib.import_module(f"kpi.cli.{name}").register(app)
        commands = [c.name or c.callback.__name__ for c in app.registered_commands]  # type: ignore[union-attr]
        groups = [g.name for g in app.registered_groups]
        found |= dict.fromkeys([*commands, *groups], name)
    assert found == COMMANDS


def test_a_command_alone_keeps_its_name_and_options() -> None:
    app = app_for(["status"])
    assert [c.callback.__name__ for c in app.registered_commands] == ["status"]  # type: ignore[union-attr]
    assert len(app_for([]).registered_commands) > 10
    assert len(app_for(["no-such-command"]).registered_commands) > 10


def test_status_starts_without_the_heavy_modules() -> None:
    code = (
        "import json, sys; from kpi.cli.main import app_for; app_for(['status']);"
        "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(json.loads(done.stdout))
    assert not loaded & set(HEAVY), loaded & set(HEAVY)


def test_load_starts_without_the_spreadsheet_writer() -> None:
    """`kpi load` reads spreadsheets through its own readers; openpyxl is for `kpi template`."""
    code = (
        "import json, sys; from kpi.cli.main import app_for; app_for(['load']);"
        "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "openpyxl" not in set(json.loads(done.stdout))
