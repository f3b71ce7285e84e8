"""Which figures await their unit head's sign-off ("chưa duyệt"), read once per data
version beside the figures of dashboard/data.py.

One flag per current figure is built with the version's figures (dashboard/warm.py);
counts and the overview's marks read those flags, never a million rows per rerun.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from dashboard import data, resources, warm
from dashboard.data import Version
from dashboard.warm import Signed, signed_pairs, unapproved_rows
from kpi.periods import parse_quarter
from kpi.services import cycle


@st.cache_data(max_entries=4, show_spinner=False)
def _approved_pairs(url: str, key: Version) -> Signed:
    ahead = data.built(key)
    return ahead.signed if ahead else signed_pairs(cycle.approvals_frame(resources.storage()))


def approved_pairs() -> Signed:
    """(unit, quarter) pairs its head has signed off."""
    return _approved_pairs(resources.settings().database_url, data.version())


def unapproved(frame: pd.DataFrame) -> pd.Series:
    """True for each figure of a frame (unit_code, period_index) that is not approved yet
    (one hashed lookup per row, not a Python loop: a national frame has a million)."""
    return pd.Series(unapproved_rows(frame, approved_pairs()), index=frame.index, dtype=bool)


@st.cache_resource(max_entries=1, show_spinner=False)
def _open_rows(url: str, key: Version) -> np.ndarray:
    ahead = data.built(key)
    return ahead.open_rows if ahead else unapproved_rows(data.current(), approved_pairs())


open_rows_cache = _open_rows  # dropped with the other heavy figures (data._drop_heavy)


def _rows(indicator: str | None) -> tuple[pd.DataFrame, np.ndarray]:
    """The current values (of one indicator) and their flags: slices, no copy."""
    flags = _open_rows(resources.settings().database_url, data.version())
    if indicator is None:
        return data.current(), flags
    start, stop = data.indicator_span(indicator)
    return data.current().iloc[start:stop], flags[start:stop]


@st.cache_data(max_entries=16, show_spinner=False)
def _unapproved_count(
    url: str,
    key: Version,
    as_of: str | None,
    unit_codes: tuple[str, ...] | None,
    indicator: str | None = None,
) -> int:
    frame, flags = _rows(indicator)
    keep = np.ones(len(frame), dtype=bool)
    if as_of:
        keep &= frame["period_index"].to_numpy() <= parse_quarter(as_of).index
    if unit_codes is not None:
        keep &= frame["unit_code"].isin(unit_codes).to_numpy()
    return int(flags[keep].sum())


def unapproved_count(
    as_of: str | None = None, unit_codes: list[str] | None = None, indicator: str | None = None
) -> int:
    """How many current figures (up to `as_of`, of the units given, of one indicator if
    given) are not approved."""
    units = tuple(unit_codes) if unit_codes is not None else None
    url = resources.settings().database_url
    return _unapproved_count(url, data.version(), as_of, units, indicator)


@st.cache_data(max_entries=16, show_spinner=False)
def _approval_marks(url: str, key: Version, unit: str | None) -> dict[tuple[str, int], bool]:
    ahead = data.built(key)
    if unit is None and ahead is not None:
        return ahead.marks
    frame, flags = _rows(None)
    if unit is not None:
        inside = frame["unit_code"].isin(data.scope_codes(unit)).to_numpy()
        frame, flags = frame[inside], flags[inside]
    return warm.approval_marks(frame, flags)


def approval_marks(unit: str | None) -> dict[tuple[str, int], bool]:
    """(indicator, quarter) -> whether any figure of the scope (the ministry, or a unit and
    every unit below it) there awaits sign-off; quarters without a figure are left out."""
    return _approval_marks(resources.settings().database_url, data.version(), unit)
