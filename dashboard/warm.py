"""A dashboard that is never cold: the figures of one data version, rebuilt in the
background when a commit moves the version on, while every page keeps being served the
previous version's figures until the new ones are ready.

`Warm` knows nothing of Streamlit: dashboard/data.py keeps one per database (in
`st.cache_resource`) and keys its Streamlit caches by the version `served` returns, so
a page never waits for the national roll-ups after a commit (only the very first start
of the server builds in the foreground).
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

import numpy as np
import pandas as pd
import pyarrow as pa

from kpi.catalogue import Catalogue
from kpi.obligations import Obligation
from kpi.periods import last_ended_quarter, parse_quarter
from kpi.progress import rollup_by_indicator, rollup_statuses, statuses_in_parts
from kpi.progress.coverage import owed_by_direct_units
from kpi.services import cycle, statuses
from kpi.services.app import Storage
from kpi.services.figures import current_frame, unit_registry
from kpi.units import UnitRegistry

Version = tuple[int, int]
T = TypeVar("T")
log = logging.getLogger(__name__)


class Warm(Generic[T]):
    """One built value per data version: the one served, and at most one being built."""

    def __init__(self, build: Callable[[Version], T]) -> None:
        self._build = build
        self._lock = threading.Lock()
        self._value: tuple[Version, T] | None = None
        self._building: Version | None = None
        self._built = threading.Condition(self._lock)

    def served(self, latest: Version) -> Version:
        """The version pages are served: `latest` once built, else the one before while
        `latest` is built in the background. The first call builds in the foreground."""
        with self._lock:
            if self._value is None:
                self._value = (latest, self._build(latest))
            if self._value[0] != latest and self._building != latest:
                self._building = latest
                threading.Thread(target=self._run, args=(latest,), daemon=True).start()
            return self._value[0]

    def ready(self, version: Version) -> T | None:
        """The value built for `version`, if it is the one held."""
        with self._lock:
            held = self._value
        return held[1] if held is not None and held[0] == version else None

    def forget(self) -> None:
        """Drop the value held: the next `served` builds in the foreground."""
        with self._lock:
            self._value = None

    def wait(self, version: Version, seconds: float) -> bool:
        """Wait up to `seconds` for `version` to be served (small databases build in well
        under a second: the officer who committed then sees the new figures at once)."""
        with self._built:
            self._built.wait_for(
                lambda: self._value is not None and self._value[0] == version, timeout=seconds
            )
            return self._value is not None and self._value[0] == version

    def _run(self, version: Version) -> None:
        try:
            value = self._build(version)
        except Exception:  # the previous version keeps being served; the next poll retries
            log.exception("rebuilding the dashboard's figures for %s failed", version)
            with self._lock:
                self._building = None
            return
        with self._built:
            if self._building == version:
                self._value, self._building = (version, value), None  # the old one is let go
            self._built.notify_all()


Span = tuple[int, int]
Signed = frozenset[tuple[str, int]]


@dataclass(frozen=True)
class Figures:
    """What the pages read most, for one data version and the default quarter."""

    current: pd.DataFrame  # every current value in series order (read-only, shared)
    spans: dict[str, Span]  # each indicator's rows of `current`: one slice, never a copy
    registry: UnitRegistry
    obligations: list[Obligation]
    ministry_values: pd.DataFrame  # the ministry's roll-up, every quarter
    as_of: str | None  # the default quarter (the last ended one), None with no figure
    ministry: pd.DataFrame | None  # the ministry's statuses as of `as_of`
    unit_statuses: pd.DataFrame | None  # every unit's statuses as of `as_of`
    signed: Signed  # (unit, quarter) pairs their head has signed off
    open_rows: np.ndarray  # per row of `current`: not approved yet
    marks: dict[tuple[str, int], bool]  # the ministry's: (indicator, quarter) -> any open


def read_current(storage: Storage) -> pd.DataFrame:
    """Every current value, in series order (indicator, unit, quarter): one indicator's
    series is then one slice of the shared frame."""
    return current_frame(storage, series_order=True)


def indicator_spans(frame: pd.DataFrame) -> dict[str, Span]:
    """Where each indicator's rows start and stop in a frame in series order."""
    codes, names = pd.factorize(frame["indicator_code"])  # in order of first appearance
    if not len(codes):
        return {}
    starts = np.flatnonzero(codes[1:] != codes[:-1]) + 1
    bounds = [0, *starts.tolist(), len(codes)]
    return {str(name): (a, b) for name, a, b in zip(names, bounds[:-1], bounds[1:], strict=True)}


def signed_pairs(approvals: pd.DataFrame) -> Signed:
    pairs = zip(approvals["unit_code"], approvals["period_index"], strict=True)
    return frozenset((str(u), int(i)) for u, i in pairs)


def unapproved_rows(frame: pd.DataFrame, signed: Signed) -> np.ndarray:
    """True for each figure (unit_code, period_index) not approved yet (one hashed lookup
    per row, not a Python loop: a national frame has a million)."""
    if frame.empty or not signed:
        return np.ones(len(frame), dtype=bool)
    keys = pd.MultiIndex.from_arrays(
        [frame["unit_code"].astype(str), frame["period_index"].astype("int64")]
    )
    return ~keys.isin(pd.MultiIndex.from_tuples(sorted(signed)))


def approval_marks(frame: pd.DataFrame, open_rows: np.ndarray) -> dict[tuple[str, int], bool]:
    """(indicator, quarter) -> whether any of the frame's figures there awaits sign-off."""
    if frame.empty:
        return {}
    flags = pd.Series(open_rows, index=frame.index)
    found = flags.groupby([frame["indicator_code"], frame["period_index"]], sort=False).any()
    codes = found.index.get_level_values(0)
    indexes = found.index.get_level_values(1)
    return {
        (str(c), int(i)): bool(v) for c, i, v in zip(codes, indexes, found.to_numpy(), strict=True)
    }


M_ARENA_MAX = -8  # glibc's mallopt parameter


def share_arenas(arenas: int = 2) -> None:
    """Let every thread allocate from a few shared glibc arenas (as MALLOC_ARENA_MAX=2
    would): memory one session's thread frees is then reused by the next one's and by
    the background build, not kept per thread. Nothing happens without glibc."""
    with contextlib.suppress(OSError, AttributeError):  # not glibc
        ctypes.CDLL(None).mallopt(M_ARENA_MAX, arenas)


def release_free_memory() -> None:
    """Hand the allocators' free pages back to the system. glibc keeps freed memory in
    the arena of the thread that freed it, and every session runs on a thread of its
    own: a build on the background thread could not reuse what the pages let go, so
    both were counted at once. Without glibc (or pyarrow's pool) nothing happens."""
    with contextlib.suppress(OSError, AttributeError):  # not glibc
        ctypes.CDLL(None).malloc_trim(0)
    pa.default_memory_pool().release_unused()


def held(value: T) -> T:
    """`value`, kept for as long as its data version serves: the objects now alive are moved
    out of the cycle collector's sight (gc.freeze). A unit's statuses hold four lists per
    row, 217,600 at national scale; every full collection walked them all, a few tenths of
    a second in the middle of some page. Frozen objects are still freed by reference
    counting when the version is let go; only cyclic garbage frozen with them would stay,
    so what is already garbage is collected first."""
    gc.collect()
    gc.freeze()
    release_free_memory()
    return value


def build_figures(storage: Storage, catalogue: Catalogue) -> Figures:
    """The same computations as dashboard/data.py makes them, done ahead."""
    current = read_current(storage)
    registry = unit_registry(storage)
    obligations = statuses.owed(storage, catalogue)
    root = registry.root.code
    values = rollup_by_indicator(current, registry, root, obligations)
    as_of = str(last_ended_quarter()) if len(current) else None
    ministry = unit_rows = None
    if as_of is not None:
        quarter = parse_quarter(as_of)
        owed = owed_by_direct_units(obligations, registry, root)
        ministry = rollup_statuses(values, catalogue, as_of=quarter, root=root, owed=owed)
        unit_rows = statuses_in_parts(current, catalogue, as_of=quarter).reset_index(drop=True)
    signed = signed_pairs(cycle.approvals_frame(storage))
    open_rows = unapproved_rows(current, signed)
    marks = approval_marks(current, open_rows)
    spans = indicator_spans(current)
    return Figures(
        current, spans, registry, obligations, values, as_of, ministry, unit_rows, signed,
        open_rows, marks,
    )  # fmt: skip
