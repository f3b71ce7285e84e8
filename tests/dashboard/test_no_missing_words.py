"""Every page's tables, grids and static ones, as the administrator (who sees every page):
an empty cell reads '—', never 'None', 'nan' or '<NA>' (pandas 3 keeps a missing text as
NaN, which str() turns into 'nan')."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from kpi.access import Role
from tests.dashboard.conftest import AppFactory, static_tables

PAGES = sorted(p.name for p in (Path(__file__).parents[2] / "dashboard" / "app_pages").glob("*.py"))
MISSING_WORDS = {"None", "nan", "NaN", "NaT", "<NA>"}


def words_in(frame: pd.DataFrame) -> set[str]:
    frame = frame.data if hasattr(frame, "data") else frame  # a Styler's frame
    cells = {str(v).strip() for v in frame.to_numpy().ravel()}
    rows = {str(v).strip() for v in frame.index} if frame.index.name else set()  # unit names
    return cells | rows | {str(c).strip() for c in frame.columns}


@pytest.mark.parametrize("page", PAGES)
def test_no_table_shows_a_missing_value_as_a_word(open_page: AppFactory, page: str) -> None:
    at = open_page(page, role=Role.ADMIN)
    frames = [grid.value for grid in at.dataframe] + static_tables(at)
    for frame in frames:
        found = words_in(frame) & MISSING_WORDS
        assert not found, (page, found)
