"""The test tiers of tests/conftest.py: a unit test runs with no database."""

from __future__ import annotations

from pathlib import Path

import pytest

from kpi.storage import open_storage


def test_this_test_is_in_the_unit_tier(request: pytest.FixtureRequest) -> None:
    assert request.node.get_closest_marker("unit") is not None
    assert request.node.get_closest_marker("integration") is None


def test_a_unit_test_cannot_create_a_database_engine(tmp_path: Path) -> None:
    with pytest.raises(AssertionError, match="unit test created a database engine"):
        open_storage(f"sqlite:///{tmp_path / 'kpi.db'}", upgrade=False)
    assert not (tmp_path / "kpi.db").exists()
