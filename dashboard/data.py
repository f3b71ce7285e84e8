"""Every read of the dashboard, cached by data version.

The raw current frame can be large (national scale: 1.3 M rows), so it is held
once per data version with `cache_resource` and treated as read-only; derived
tables are small and cached with `cache_data`. Nothing here depends on who is
looking. `clear()` runs after every commit.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import resources
from kpi.periods import Quarter, last_ended_quarter, parse_quarter
from kpi.progress import compute_statuses, ministry_statuses, rollup
from kpi.storage import queries
from kpi.storage.repository import (
    audit_frame,
    current_frame,
    data_version,
    has_demo_data,
    history_frame,
    unit_registry,
)
from kpi.units import UnitRegistry

Version = tuple[int, int]


def version() -> Version:
    """Cheap query on every rerun: changes whenever a commit lands."""
    return data_version(resources.storage())


def clear() -> None:
    """Drop every cached read so each page shows the new figures."""
    st.cache_data.clear()
    _current.clear()
    _registry.clear()


@st.cache_resource(max_entries=1, show_spinner=False)
def _current(url: str, key: Version) -> pd.DataFrame:
    return current_frame(resources.storage())


def current() -> pd.DataFrame:
    """All current values (read-only: shared by every session)."""
    return _current(resources.settings().database_url, version())


@st.cache_resource(max_entries=1, show_spinner=False)
def _registry(url: str, key: Version) -> UnitRegistry:
    return unit_registry(resources.storage())


def registry() -> UnitRegistry:
    return _registry(resources.settings().database_url, version())


@st.cache_data(max_entries=8, show_spinner=False)
def _has_demo(url: str, key: Version) -> bool:
    return has_demo_data(resources.storage())


def has_demo() -> bool:
    return _has_demo(resources.settings().database_url, version())


@st.cache_data(max_entries=16, show_spinner=False)
def _periods(url: str, key: Version) -> list[str]:
    frame = current()
    indexes = sorted(frame["period_index"].unique().tolist())
    return [str(Quarter.from_index(int(i))) for i in indexes]


def periods() -> list[str]:
    """Quarters that hold any figure, oldest first."""
    return _periods(resources.settings().database_url, version())


def default_as_of() -> str | None:
    """The last ended quarter if it has figures, else the latest quarter with figures."""
    known = periods()
    if not known:
        return None
    ended = str(last_ended_quarter())
    return ended if ended in known else known[-1]


@st.cache_data(max_entries=16, show_spinner=False)
def _ministry(url: str, key: Version, as_of: str | None) -> pd.DataFrame:
    quarter = parse_quarter(as_of) if as_of else None
    return ministry_statuses(current(), resources.catalogue(), registry(), as_of=quarter)


def ministry(as_of: str | None) -> pd.DataFrame:
    """One status row per indicator for the whole ministry."""
    return _ministry(resources.settings().database_url, version(), as_of)


@st.cache_data(max_entries=16, show_spinner=False)
def _unit_statuses(url: str, key: Version, as_of: str | None) -> pd.DataFrame:
    quarter = parse_quarter(as_of) if as_of else None
    return compute_statuses(current(), resources.catalogue(), as_of=quarter)


def unit_statuses(as_of: str | None) -> pd.DataFrame:
    """One status row per (indicator, reporting unit)."""
    return _unit_statuses(resources.settings().database_url, version(), as_of)


@st.cache_data(max_entries=32, show_spinner=False)
def _series(url: str, key: Version, indicator: str, unit: str | None) -> pd.DataFrame:
    frame = current()
    rows = frame[frame["indicator_code"] == indicator]
    if unit is not None:
        rows = rows[rows["unit_code"] == unit]
    return rows.sort_values(["unit_code", "period_index"]).reset_index(drop=True)


def series(indicator: str, unit: str | None = None) -> pd.DataFrame:
    """Current values of one indicator: one unit, or every unit."""
    return _series(resources.settings().database_url, version(), indicator, unit)


@st.cache_data(max_entries=16, show_spinner=False)
def _history(url: str, key: Version, indicator: str) -> pd.DataFrame:
    return history_frame(resources.storage(), indicator_code=indicator)


def history(indicator: str) -> pd.DataFrame:
    return _history(resources.settings().database_url, version(), indicator)


@st.cache_data(max_entries=4, show_spinner=False)
def _first_submissions(url: str, key: Version, since_index: int | None) -> pd.DataFrame:
    return queries.first_submissions(resources.storage(), since_index)


def first_submissions(since: Quarter | None = None) -> pd.DataFrame:
    index = since.index if since else None
    return _first_submissions(resources.settings().database_url, version(), index)


def audit_log() -> pd.DataFrame:
    """Not cached: admins must see the latest entries."""
    return audit_frame(resources.storage())


def recent_uploads(limit: int = 50) -> pd.DataFrame:
    return queries.recent_uploads(resources.storage(), limit)


def ministry_series(frame: pd.DataFrame) -> pd.DataFrame:
    """The whole ministry's series per indicator (`indicator_code`, `period`, `period_index`,
    `value`), as the progress engine rolls it up."""
    return rollup(frame)


@st.cache_data(max_entries=16, show_spinner=False)
def _trends(url: str, key: Version, unit: str | None, as_of: str | None) -> dict[str, list[float]]:
    frame = current()
    if as_of:
        frame = frame[frame["period_index"] <= parse_quarter(as_of).index]
    if unit is not None:
        rows = frame[frame["unit_code"] == unit]
        return {
            str(code): part.sort_values("period_index")["value"].tolist()
            for code, part in rows.groupby("indicator_code")
        }
    series = ministry_series(frame)
    return {
        str(code): part.sort_values("period_index")["value"].tolist()
        for code, part in series.groupby("indicator_code")
    }


def trend(indicator: str, unit: str | None, as_of: str | None) -> list[float]:
    """The values of one series up to `as_of`, oldest first (for sparklines)."""
    found = _trends(resources.settings().database_url, version(), unit, as_of)
    return found.get(indicator, [])
