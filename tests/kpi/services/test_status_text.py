"""`--unit all` as JSON text, parents and leaves encoded apart (the leaves in a forked
child for the command): the very text of `status_json(statuses_for(..., "all"))`."""

from __future__ import annotations

import datetime as dt

import pytest

from kpi.catalogue import Catalogue
from kpi.periods import Quarter
from kpi.progress import status_json
from kpi.services.demo import load_demo
from kpi.services.status_text import every_scope_json
from kpi.services.statuses import statuses_for
from kpi.storage import Storage

TODAY = dt.date(2025, 11, 20)


@pytest.mark.parametrize("as_of", [Quarter(2025, 4), Quarter(2024, 2)])
def test_the_text_of_the_whole_frame(
    storage: Storage, catalogue: Catalogue, as_of: Quarter
) -> None:
    load_demo(storage, catalogue, today=TODAY)
    frame = statuses_for(storage, catalogue, "all", as_of=as_of)
    expected = status_json(frame)
    assert len(frame) > 16 and expected.startswith("[\n  {")
    assert every_scope_json(storage, catalogue, as_of=as_of) == expected
    assert every_scope_json(storage, catalogue, as_of=as_of, fork=True) == expected
    english = status_json(frame.assign(reason=frame["reason_en"]))
    assert every_scope_json(storage, catalogue, as_of=as_of, lang="en", fork=True) == english


def test_known_on_and_an_empty_database(storage: Storage, catalogue: Catalogue) -> None:
    as_of = Quarter(2025, 4)
    empty = status_json(statuses_for(storage, catalogue, "all", as_of=as_of))
    assert every_scope_json(storage, catalogue, as_of=as_of, fork=True) == empty
    load_demo(storage, catalogue, today=TODAY)
    day = dt.date(2020, 1, 1)  # before any revision: the parents' rows say why
    before = status_json(statuses_for(storage, catalogue, "all", as_of=as_of, known_on=day))
    assert every_scope_json(storage, catalogue, as_of=as_of, known_on=day, fork=True) == before
