"""`kpi <command>` loads only its own module; the map of commands to modules is complete."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from pathlib import Path

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


def test_a_database_at_head_opens_without_alembic(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'lazy.db'}"
    code = (
        "import json, sys; from kpi.storage import open_storage;"
        f"open_storage({url!r}).dispose(); print(json.dumps('alembic' in sys.modules))"
    )
    first = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    again = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(first.stdout) is True  # a new database is migrated by Alembic
    assert json.loads(again.stdout) is False
