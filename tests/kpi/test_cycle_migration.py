"""Migration 0004_reporting_cycle: its four tables come and go, on SQLite and PostgreSQL."""

from __future__ import annotations

from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from kpi.storage import Storage
from kpi.storage.engine import alembic_config

REVISION = "0004_reporting_cycle"
CYCLE_TABLES = {"obligations", "lock_exceptions", "approvals", "reminders_sent"}


def _tables(store: Storage) -> set[str]:
    return set(inspect(store.engine).get_table_names())


def test_reporting_cycle_upgrade_and_downgrade(storage: Storage) -> None:
    assert _tables(storage) >= CYCLE_TABLES
    config = alembic_config(storage)
    below = ScriptDirectory.from_config(config).get_revision(REVISION).down_revision
    command.downgrade(config, str(below))
    storage.engine.dispose()
    assert not CYCLE_TABLES & _tables(storage)
    assert "current_values" in _tables(storage)
    command.upgrade(config, "head")
    storage.engine.dispose()
    assert _tables(storage) >= CYCLE_TABLES
