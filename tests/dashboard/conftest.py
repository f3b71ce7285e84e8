"""Page tests: the real app on a temporary SQLite database holding the demo data."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pandas as pd
import pytest
import streamlit as st
from streamlit import config as st_config
from streamlit.testing.v1 import AppTest

from kpi.access import Role
from kpi.catalogue import Catalogue
from kpi.services.demo import load_demo
from kpi.storage import open_storage

APP = "../../dashboard/streamlit_app.py"  # AppTest paths are relative to this folder


@pytest.fixture(scope="session")
def demo_db_template(sqlite_template: Path, catalogue: Catalogue, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    shutil.copy(sqlite_template, path)
    store = open_storage(f"sqlite:///{path}")
    load_demo(store, catalogue)
    store.dispose()
    return path


def clear_app_caches() -> None:
    st.cache_data.clear()
    st.cache_resource.clear()
    # The shipped config hides error details from users; tests need them.
    st_config.set_option("client.showErrorDetails", "full")


@pytest.fixture
def app_db(
    tmp_path: Path, demo_db_template: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[str]:
    """A fresh copy of the demo database; the app reads its URL from settings."""
    path = tmp_path / "app.db"
    shutil.copy(demo_db_template, path)
    url = f"sqlite:///{path}"
    monkeypatch.setenv("KPI_DATABASE_URL", url)
    clear_app_caches()
    yield url
    clear_app_caches()


AppFactory = Callable[..., AppTest]


@pytest.fixture
def open_page(app_db: str) -> AppFactory:
    """Run the app as `role`, in `lang`, and switch to `page` (a file in app_pages/)."""

    def run(page: str | None = None, role: Role = Role.LEADER, lang: str = "vi") -> AppTest:
        at = AppTest.from_file(APP, default_timeout=30)
        at.session_state["demo_role"] = role
        at.session_state["lang"] = lang
        at.run()
        if page is not None:
            at.switch_page(f"app_pages/{page}")
            at.run()
        assert not at.exception, [e.value for e in at.exception]
        return at

    return run


def unescape(text: object) -> object:
    """A static table's cell as a person reads it: no markdown escape, no word joiner."""
    if not isinstance(text, str):
        return text
    return re.sub(r"\\(.)", r"\1", text).replace("\u2060", "")


def static_tables(at: AppTest) -> list[pd.DataFrame]:
    """The page's static tables (st.table: text that wraps), headers and cells unescaped."""
    out = []
    for element in at.table:
        value = element.value
        value = value.data if hasattr(value, "data") else value  # a Styler's frame
        out.append(value.rename(columns=unescape).map(unescape))
    return out
