"""Statuses as known on a day: earlier revisions, not today's."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import text

from kpi.catalogue import Catalogue
from kpi.services.open_data import status_list
from kpi.storage import Storage
from tests.kpi.services.helpers import rising, upload


def test_known_on_reads_the_revisions_of_that_day(storage: Storage, catalogue: Catalogue) -> None:
    upload(storage, catalogue, rising("1.1", "VPB", 40, 2))
    with storage.engine.begin() as conn:  # the first upload was stored ten days ago
        conn.execute(text("UPDATE measurements SET created_at = :at"), {"at": _days_ago(10)})
    upload(storage, catalogue, ["1.1,VPB,2026-Q3,30,300,1000"], name="fix.csv")
    now = status_list(storage, catalogue, "VPB")
    before = status_list(storage, catalogue, "VPB", known_on=dt.date.today() - dt.timedelta(5))
    assert now[0]["latest_value"] == 30 and before[0]["latest_value"] == 54
    long_ago = status_list(storage, catalogue, "VPB", known_on=dt.date(2020, 1, 1))
    assert long_ago == []


def _days_ago(days: int) -> dt.datetime:
    return dt.datetime.now(dt.UTC) - dt.timedelta(days=days)
