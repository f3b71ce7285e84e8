"""Shared fixtures: a fresh, seeded storage on SQLite always and PostgreSQL when configured.

Set KPI_TEST_POSTGRES_URL (e.g. postgresql://postgres@127.0.0.1:5432/test) to run
every `storage` test on PostgreSQL too. Each run creates its own database and
drops it afterwards.

Every test gets one tier marker here (`pytest -m unit` runs one tier):
- e2e: tests/dashboard (AppTest), tests/browser (Playwright), and the `kpi` command
  line (the `cli_db` fixture);
- integration: a real database (the `storage`, `sqlite_storage` or `postgres_url`
  fixtures, or a module that opens its own);
- unit: the rest. A unit test that creates a database engine fails.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url, text

from kpi.catalogue import Catalogue, load_catalogue
from kpi.storage import Base, Storage, open_storage
from kpi.storage import engine as engine_module
from kpi.storage.repository import ensure_seeded
from kpi.units import load_default_units

PG_URL = os.environ.get("KPI_TEST_POSTGRES_URL")
TESTS = Path(__file__).parent
DATA = TESTS / "data"
ENGINES = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
TIERS = ("unit", "integration", "e2e")
E2E_FOLDERS = {"dashboard", "browser"}
E2E_FIXTURES = {"cli_db"}
DATABASE_FIXTURES = {"storage", "sqlite_storage", "sqlite_template", "postgres_url"}


def tier(item: pytest.Item) -> str:
    """The tier of a test: by folder, then by the fixtures it uses."""
    folder = Path(str(item.path)).relative_to(TESTS).parts[0]
    used = set(getattr(item, "fixturenames", ()))
    if folder in E2E_FOLDERS or used & E2E_FIXTURES:
        return "e2e"
    if used & DATABASE_FIXTURES or item.get_closest_marker("postgres"):
        return "integration"
    return "unit"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if not any(item.get_closest_marker(name) for name in TIERS):  # a module may say
            item.add_marker(getattr(pytest.mark, tier(item)))


@pytest.fixture(autouse=True)
def _unit_tests_open_no_database(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The unit tier runs with no database: creating an engine there is a mistake."""
    if request.node.get_closest_marker("unit") is None:
        return

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("a unit test created a database engine: use the storage fixture")

    monkeypatch.setattr(engine_module, "create_engine", refuse)


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    return load_catalogue()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory, catalogue: Catalogue) -> Path:
    path = tmp_path_factory.mktemp("template") / "kpi.db"
    store = open_storage(f"sqlite:///{path}")
    ensure_seeded(store, catalogue, load_default_units())
    store.dispose()
    return path


def _admin_url(url: str) -> str:
    return make_url(url).set(drivername="postgresql+psycopg").render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def postgres_url(catalogue: Catalogue) -> Iterator[str]:
    """A database of our own on the configured server, dropped at the end."""
    if not PG_URL:
        pytest.skip("KPI_TEST_POSTGRES_URL is not set: PostgreSQL tests skipped")
    admin = create_engine(_admin_url(PG_URL), isolation_level="AUTOCOMMIT")
    name = f"kpi_test_{uuid.uuid4().hex[:10]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(_admin_url(PG_URL)).set(database=name).render_as_string(hide_password=False)
    store = open_storage(url)
    ensure_seeded(store, catalogue, load_default_units())
    store.dispose()
    yield url
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _reset_postgres(store: Storage, catalogue: Catalogue) -> None:
    tables = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
    with store.engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
    ensure_seeded(store, catalogue, load_default_units())


@pytest.fixture(params=ENGINES)
def storage(
    request: pytest.FixtureRequest, tmp_path: Path, sqlite_template: Path, catalogue: Catalogue
) -> Iterator[Storage]:
    """A migrated storage holding the catalogue and the unit tree, and nothing else."""
    if request.param == "sqlite":
        path = tmp_path / "kpi.db"
        shutil.copy(sqlite_template, path)
        store = open_storage(f"sqlite:///{path}")
    else:
        store = open_storage(request.getfixturevalue("postgres_url"))
        _reset_postgres(store, catalogue)
    yield store
    store.dispose()


@pytest.fixture
def sqlite_storage(tmp_path: Path, sqlite_template: Path) -> Iterator[Storage]:
    path = tmp_path / "kpi.db"
    shutil.copy(sqlite_template, path)
    store = open_storage(f"sqlite:///{path}")
    yield store
    store.dispose()


def reset_cli_caches() -> None:
    """The CLI builds settings, catalogue and storage once per process; tests start afresh."""
    from kpi.cli import shell

    for cached in (shell.settings, shell.catalogue):
        cached.cache_clear()
    if shell.storage.cache_info().currsize:
        shell.storage().dispose()
    shell.storage.cache_clear()


@pytest.fixture
def cli_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Point the `kpi` CLI at a fresh SQLite file in tmp_path; yields its URL."""
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    monkeypatch.setenv("KPI_DATABASE_URL", url)
    monkeypatch.chdir(tmp_path)
    reset_cli_caches()
    yield url
    reset_cli_caches()
