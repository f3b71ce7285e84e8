"""Migrations keep every stored figure, up and down (SQLite file on disk)."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import text

from kpi.catalogue import load_catalogue
from kpi.storage import Storage, open_storage
from kpi.storage.engine import alembic_config
from kpi.storage.repository import sync_catalogue, upsert_units
from kpi.units import load_default_units

pytestmark = pytest.mark.integration  # each test migrates a database of its own
ROW = ("1.1", "VPB", "2025-Q4", 8103, 85.5, 171.0, 200.0, 2, False)
INSERT = (
    "INSERT INTO current_values (indicator_code, unit_code, period, period_index, value, "
    "numerator, denominator, revision, is_demo) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
SELECT = (
    "SELECT indicator_code, unit_code, period, period_index, value, numerator, denominator, "
    "revision, is_demo FROM current_values"
)


def _table_sql(store: Storage) -> str:
    with store.engine.connect() as conn:
        return str(
            conn.execute(
                text("SELECT sql FROM sqlite_master WHERE name = 'current_values'")
            ).scalar()
        )


def test_current_values_rebuild_keeps_rows_both_ways(tmp_path: Path) -> None:
    store = open_storage(f"sqlite:///{tmp_path / 'm.db'}", upgrade=False)
    config = alembic_config(store)
    command.upgrade(config, "0001")
    # the catalogue and units as the first schema holds them (tasks came later)
    sync_catalogue(store, load_catalogue())
    upsert_units(store, load_default_units())
    with store.engine.begin() as conn:
        conn.exec_driver_sql(INSERT, ROW)

    command.upgrade(config, "head")
    assert "WITHOUT ROWID" in _table_sql(store).upper()
    with store.engine.connect() as conn:
        assert [tuple(r) for r in conn.exec_driver_sql(SELECT)] == [ROW]
        indexes = conn.exec_driver_sql("PRAGMA index_list('current_values')").fetchall()
        assert not [i for i in indexes if i[1] == "ix_current_values_period"]

    command.downgrade(config, "0001")
    assert "WITHOUT ROWID" not in _table_sql(store).upper()
    with store.engine.connect() as conn:
        assert [tuple(r) for r in conn.exec_driver_sql(SELECT)] == [ROW]
    store.dispose()


def test_upload_trace_up_and_down_keeps_figures(storage: Storage) -> None:
    """0003_upload_trace on both engines: source rows, upload files, problem counts."""
    from sqlalchemy import inspect

    config = alembic_config(storage)
    command.downgrade(config, "0002")
    columns = {c["name"] for c in inspect(storage.engine).get_columns("measurements")}
    assert "source_row" not in columns
    assert "upload_files" not in inspect(storage.engine).get_table_names()
    command.upgrade(config, "head")
    inspector = inspect(storage.engine)
    assert "source_row" in {c["name"] for c in inspector.get_columns("measurements")}
    assert "problem_count" in {c["name"] for c in inspector.get_columns("uploads")}
    assert "upload_files" in inspector.get_table_names()


API_TABLES = {"api_tokens", "api_calls", "webhook_deliveries", "webhook_facts"}


def _tables(store: Storage) -> set[str]:
    with store.engine.connect() as conn:
        rows = conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'table'"))
        return {str(r[0]) for r in rows}


def test_api_tables_up_and_down(tmp_path: Path) -> None:
    store = open_storage(f"sqlite:///{tmp_path / 'api.db'}")
    assert _tables(store) >= API_TABLES
    config = alembic_config(store)
    command.downgrade(config, "0002")
    assert not API_TABLES & _tables(store)
    command.upgrade(config, "head")
    assert _tables(store) >= API_TABLES
    store.dispose()


def test_head_revision_is_alembics_head(tmp_path: Path) -> None:
    from alembic.script import ScriptDirectory

    from kpi.storage.engine import head_revision

    store = open_storage(f"sqlite:///{tmp_path / 'h.db'}", upgrade=False)
    scripts = ScriptDirectory.from_config(alembic_config(store))
    assert scripts.get_heads() == [head_revision()]


def test_a_database_at_head_opens_without_alembic_and_an_older_one_is_upgraded(
    tmp_path: Path,
) -> None:
    from kpi.storage.engine import head_revision, stored_revision

    url = f"sqlite:///{tmp_path / 'o.db'}"
    fresh = open_storage(url, upgrade=False)
    assert stored_revision(fresh) is None  # no version table yet
    command.upgrade(alembic_config(fresh), "0007_task_signoffs")
    assert stored_revision(fresh) == "0007_task_signoffs"
    upgraded = open_storage(url)  # behind head: migrated
    assert stored_revision(upgraded) == head_revision()
    again = open_storage(url)  # at head: one query
    assert stored_revision(again) == head_revision()
