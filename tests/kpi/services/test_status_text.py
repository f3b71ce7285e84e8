"""`--unit all` as JSON text, parents and leaves encoded apart (the leaves in a forked
child for the command): the very text of `status_json(statuses_for(..., "all"))`."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from kpi.catalogue import Catalogue
from kpi.periods import Quarter
from kpi.progress import status_json
from kpi.services.demo import load_demo
from kpi.services.status_text import every_scope_chunks, every_scope_json
from kpi.services.statuses import statuses_for
from kpi.storage import Storage

TODAY = dt.date(2025, 11, 20)


def _forked(storage: Storage, catalogue: Catalogue, **options: Any) -> str:
    """The command's pieces (the leaves from a forked child, never the kept text), joined."""
    chunks = every_scope_chunks(storage, catalogue, fork=True, cache=False, **options)
    return b"".join(chunks).decode()


@pytest.mark.parametrize("as_of", [Quarter(2025, 4), Quarter(2024, 2)])
def test_the_text_of_the_whole_frame(
    storage: Storage, catalogue: Catalogue, as_of: Quarter
) -> None:
    load_demo(storage, catalogue, today=TODAY)
    frame = statuses_for(storage, catalogue, "all", as_of=as_of)
    expected = status_json(frame)
    assert len(frame) > 16 and expected.startswith("[\n  {")
    assert every_scope_json(storage, catalogue, as_of=as_of, cache=False) == expected
    assert _forked(storage, catalogue, as_of=as_of) == expected
    english = status_json(frame.assign(reason=frame["reason_en"]))
    assert _forked(storage, catalogue, as_of=as_of, lang="en") == english


def test_known_on_and_a_database_without_figures(storage: Storage, catalogue: Catalogue) -> None:
    as_of = Quarter(2025, 4)
    empty = status_json(statuses_for(storage, catalogue, "all", as_of=as_of))
    assert _forked(storage, catalogue, as_of=as_of) == empty
    load_demo(storage, catalogue, today=TODAY)
    day = dt.date(2020, 1, 1)  # before any revision: the parents' rows say why
    before = status_json(statuses_for(storage, catalogue, "all", as_of=as_of, known_on=day))
    assert _forked(storage, catalogue, as_of=as_of, known_on=day) == before
