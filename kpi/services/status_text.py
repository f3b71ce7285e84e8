"""`kpi status --unit all --format json` as text: the parents' roll-ups and the leaf
series encoded apart, so a command can hand parts of the work to the second core.

The text equals `status_json(statuses_for(storage, catalogue, "all", ...))` (a test
holds it so); the API's status route builds it here too, without a child process. Beside
a SQLite file the finished text is kept until the next commit (`status_cache`).
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from kpi.catalogue import Catalogue
from kpi.obligations import Obligation
from kpi.periods import Quarter, last_ended_quarter
from kpi.progress.records import status_objects
from kpi.services.forked import in_child
from kpi.services.status_cache import cached_text, status_key
from kpi.services.statuses import (
    STATUS_COLUMNS,
    leaf_statuses,
    owed,
    parents_statuses,
    rollup_parents,
    values_for,
)
from kpi.storage import Storage
from kpi.storage.repository import unit_registry
from kpi.units import UnitRegistry


def _objects(statuses: pd.DataFrame, lang: str) -> str:
    if lang == "en" and not statuses.empty:  # as the CLI words `--lang en`
        statuses = statuses.assign(reason=statuses["reason_en"])
    return status_objects(statuses)


def every_scope_json(
    storage: Storage,
    catalogue: Catalogue,
    *,
    as_of: Quarter | None = None,
    known_on: dt.date | None = None,
    today: dt.date | None = None,
    lang: str = "vi",
    cache: bool = True,
) -> str:
    """Every parent's roll-up, then every leaf series, as the JSON array."""
    chunks = every_scope_chunks(
        storage, catalogue, as_of=as_of, known_on=known_on, today=today, lang=lang, cache=cache
    )
    return b"".join(chunks).decode()


def every_scope_chunks(
    storage: Storage,
    catalogue: Catalogue,
    *,
    as_of: Quarter | None = None,
    known_on: dt.date | None = None,
    today: dt.date | None = None,
    lang: str = "vi",
    fork: bool = False,
    cache: bool = True,
) -> list[bytes]:
    """`every_scope_json` as UTF-8 pieces to write one after the other (no copy of the
    whole text); with `fork` (a single-threaded command only) on both cores: forked
    children roll up the parents and encode half of the leaves. With `cache`, the text
    made before from the same data and arguments, if it is kept (`status_cache`)."""
    as_of = as_of or last_ended_quarter(today)
    registry = unit_registry(storage)
    rules = owed(storage, catalogue)

    def make() -> list[bytes]:
        current = values_for(storage, as_of, known_on=known_on, columns=STATUS_COLUMNS)
        return _computed(current, catalogue, registry, rules, as_of, today, lang, fork)

    if not cache:
        return make()

    def key() -> str:
        return status_key(storage, registry, rules, as_of=as_of, known_on=known_on, lang=lang)

    return cached_text(key, storage, make)


def _computed(
    current: pd.DataFrame,
    catalogue: Catalogue,
    registry: UnitRegistry,
    rules: list[Obligation],
    as_of: Quarter,
    today: dt.date | None,
    lang: str,
    fork: bool,
) -> list[bytes]:
    parents = rollup_parents(registry)

    def rolled() -> bytes:
        statuses = parents_statuses(
            current, catalogue, registry, parents, as_of=as_of, today=today, obligations=rules
        )
        return _objects(statuses, lang).encode()

    if not fork:
        leaves = leaf_statuses(current, catalogue, parents, as_of=as_of, today=today)
        return _array([rolled(), _objects(leaves, lang).encode()])
    # Two cores: the roll-ups in a child while this process judges the leaves; then
    # each process encodes half of the leaves (the JSON is the larger share).
    with in_child(rolled) as head:
        leaves = leaf_statuses(current, catalogue, parents, as_of=as_of, today=today)
        half = len(leaves) // 2
        with in_child(lambda: _objects(leaves.iloc[half:], lang).encode()) as tail:
            first = _objects(leaves.iloc[:half], lang).encode()
            return _array([head(), first, tail()])


def _array(parts: list[bytes]) -> list[bytes]:
    """The pieces of `json_array(parts)`."""
    filled = [p for p in parts if p]
    if not filled:
        return [b"[]"]
    joined = [piece for p in filled for piece in (b",\n", p)][1:]
    return [b"[\n", *joined, b"\n]"]
