"""The indicator page's reads, now or as the figures were known at the end of a day.

Each function takes `known_on` (an ISO day, or None for the figures as they are) and
answers what its namesake in dashboard.data answers; with a day, from the revisions
stored by the end of it (kpi.storage.known), computed the same way (the same roll-up,
the same statuses). Cached by data version and day.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import data, resources
from dashboard.data import Version
from kpi.periods import last_ended_quarter, parse_quarter
from kpi.progress import rollup_by_indicator, rollup_statuses, statuses_in_parts
from kpi.progress.coverage import owed_by_direct_units


def _url() -> str:
    return resources.settings().database_url


def known_current(known_on: str) -> pd.DataFrame:
    """What `data.current()` was at the end of `known_on`: every quarter up to the latest
    with figures, so a day chosen as today shows what the page shows without a day."""
    held = data.periods()
    return data.known_values(held[-1] if held else str(last_ended_quarter()), known_on)


# like data.unit_statuses: one shared read-only copy, never a pickled copy per call
@st.cache_resource(max_entries=2, show_spinner=False)
def _unit_statuses(url: str, key: Version, as_of: str | None, known_on: str) -> pd.DataFrame:
    quarter = parse_quarter(as_of) if as_of else None
    frame = statuses_in_parts(known_current(known_on), resources.catalogue(), as_of=quarter)
    return frame.reset_index(drop=True)


def unit_statuses(as_of: str | None, known_on: str | None) -> pd.DataFrame:
    """One status row per (indicator, reporting unit) (read-only)."""
    if known_on is None:
        return data.unit_statuses(as_of)
    return _unit_statuses(_url(), data.version(), as_of, known_on)


@st.cache_data(max_entries=4, show_spinner=False)
def _ministry_values(url: str, key: Version, known_on: str) -> pd.DataFrame:
    registry = data.registry()
    root = registry.root.code
    return rollup_by_indicator(known_current(known_on), registry, root, data.obligations())


def ministry_values(known_on: str | None) -> pd.DataFrame:
    """The whole ministry's series, every indicator, every quarter."""
    if known_on is None:
        return data.ministry_values()
    return _ministry_values(_url(), data.version(), known_on)


@st.cache_data(max_entries=4, show_spinner=False)
def _ministry(url: str, key: Version, as_of: str | None, known_on: str) -> pd.DataFrame:
    quarter = parse_quarter(as_of) if as_of else None
    registry = data.registry()
    root = registry.root.code
    owed = owed_by_direct_units(data.obligations(), registry, root)
    values = ministry_values(known_on)
    return rollup_statuses(values, resources.catalogue(), as_of=quarter, root=root, owed=owed)


def ministry(as_of: str | None, known_on: str | None) -> pd.DataFrame:
    """One status row per indicator for the whole ministry."""
    if known_on is None:
        return data.ministry(as_of)
    return _ministry(_url(), data.version(), as_of, known_on)


@st.cache_data(max_entries=16, show_spinner=False)
def _series(
    url: str, key: Version, indicator: str, unit: str | None, known_on: str
) -> pd.DataFrame:
    frame = known_current(known_on)
    rows = frame[frame["indicator_code"] == indicator]
    if unit is not None:
        rows = rows[rows["unit_code"] == unit]
    return rows.sort_values(["unit_code", "period_index"]).reset_index(drop=True)


def series(indicator: str, unit: str | None, known_on: str | None) -> pd.DataFrame:
    """The values of one indicator: one unit, or every unit."""
    if known_on is None:
        return data.series(indicator, unit)
    return _series(_url(), data.version(), indicator, unit, known_on)
