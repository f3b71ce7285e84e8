"""The figures built ahead for a data version: every current value in series order, each
indicator one slice of it, and the sign-off marks computed once per version."""

from __future__ import annotations

import gc
import shutil
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

from dashboard.warm import (
    approval_marks,
    build_figures,
    held,
    indicator_spans,
    read_current,
    release_free_memory,
    share_arenas,
    unapproved_rows,
)
from kpi.catalogue import Catalogue
from kpi.services.app import Storage, open_store
from kpi.services.figures import current_frame

ORDER = ["indicator_code", "unit_code", "period_index"]


@pytest.fixture
def store(tmp_path: Path, demo_db_template: Path, catalogue: Catalogue) -> Iterator[Storage]:
    path = tmp_path / "demo.db"
    shutil.copy(demo_db_template, path)
    opened = open_store(f"sqlite:///{path}", catalogue)
    yield opened
    opened.dispose()


def test_current_values_are_read_in_series_order(store: Storage) -> None:
    frame = read_current(store)
    stored = current_frame(store)
    assert len(frame) == len(stored) > 0 and list(frame.columns) == list(stored.columns)
    assert list(frame.dtypes) == list(stored.dtypes)
    assert isinstance(frame.index, pd.RangeIndex)
    in_order = frame.sort_values(ORDER).reset_index(drop=True)
    pd.testing.assert_frame_equal(frame, in_order)
    pd.testing.assert_frame_equal(frame, stored.sort_values(ORDER).reset_index(drop=True))


def test_each_indicator_is_one_slice_of_the_frame(store: Storage) -> None:
    frame = read_current(store)
    spans = indicator_spans(frame)
    assert set(spans) == set(frame["indicator_code"])
    covered = 0
    for code, (start, stop) in spans.items():
        part = frame.iloc[start:stop]
        pd.testing.assert_frame_equal(part, frame[frame["indicator_code"] == code])
        covered += stop - start
    assert covered == len(frame)
    assert indicator_spans(frame.iloc[0:0]) == {}


def test_unapproved_rows_and_marks_follow_the_sign_offs(store: Storage) -> None:
    frame = read_current(store)
    assert unapproved_rows(frame, frozenset()).all()  # nothing signed: every figure waits
    last = int(frame["period_index"].max())
    units = sorted(set(frame.loc[frame["period_index"] == last, "unit_code"]))
    signed = frozenset((u, last) for u in units[:2])
    waiting = unapproved_rows(frame, signed)
    pairs = zip(frame["unit_code"], frame["period_index"], strict=True)
    assert waiting.tolist() == [(u, int(i)) not in signed for u, i in pairs]
    marks = approval_marks(frame, waiting)
    for (code, index), part in frame.assign(waiting=waiting).groupby(
        ["indicator_code", "period_index"]
    ):
        assert marks[(str(code), int(index))] == bool(part["waiting"].any())
    assert len(marks) == frame.groupby(["indicator_code", "period_index"]).ngroups
    signed_all = frozenset(zip(frame["unit_code"], frame["period_index"].astype(int), strict=True))
    assert not any(approval_marks(frame, unapproved_rows(frame, signed_all)).values())


def test_the_built_figures_hold_the_same_marks(store: Storage, catalogue: Catalogue) -> None:
    figures = build_figures(store, catalogue)
    pd.testing.assert_frame_equal(figures.current, read_current(store))
    assert figures.spans == indicator_spans(figures.current)
    assert figures.open_rows.tolist() == unapproved_rows(figures.current, figures.signed).tolist()
    assert figures.marks == approval_marks(figures.current, figures.open_rows)


def test_held_figures_are_kept_out_of_the_collectors_sight() -> None:
    value = {"rows": [[f"DV{n:04d}"] for n in range(1000)]}
    before = gc.get_freeze_count()
    try:
        assert held(value) is value
        assert gc.get_freeze_count() >= before + 1000
    finally:
        gc.unfreeze()


def test_free_memory_is_handed_back_without_touching_what_is_held(store: Storage) -> None:
    frame = read_current(store)
    copy = frame.copy(deep=True)
    share_arenas()  # glibc: a few shared arenas; elsewhere nothing happens
    release_free_memory()
    pd.testing.assert_frame_equal(frame, copy)
