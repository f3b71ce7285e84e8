"""The PostgreSQL part of benchmarks/ingest.py: the same two loads, against a COPY floor.

Every database is our own on the given server (`kpi_bench_ingest_…`), dropped at the
end. The quarter runs on a copy of the database holding the history (CREATE DATABASE
… TEMPLATE), so each run starts from the same state. The floor is a `COPY` of the same
rows into one table with the floor's indexes (FLOOR_SCHEMA in ingest.py), only the
COPY and its commit timed.
"""

from __future__ import annotations

import datetime as dt
import statistics
import uuid
from pathlib import Path

import pandas as pd
import psycopg
from ingest import GOAL_RATIO_PG, Figure, floor_rows, seeded, whole_process
from sqlalchemy import make_url

FLOOR_TABLE = """
    CREATE TABLE m (id SERIAL PRIMARY KEY, indicator_code VARCHAR(16), unit_code VARCHAR(32),
      period VARCHAR(8), period_index INT, value DOUBLE PRECISION, numerator DOUBLE PRECISION,
      denominator DOUBLE PRECISION, note TEXT, upload_id INT, revision INT,
      created_at TIMESTAMPTZ, created_by VARCHAR(320), is_demo BOOLEAN,
      UNIQUE (indicator_code, unit_code, period, revision));
    CREATE INDEX ix_series ON m (indicator_code, unit_code, period_index);
    CREATE INDEX ix_upload ON m (upload_id);
"""
FLOOR_COPY = (
    "COPY m (indicator_code, unit_code, period, period_index, value, numerator, denominator, "
    "note, upload_id, revision, created_at, created_by, is_demo) FROM STDIN"
)
WHEN = dt.datetime(2026, 11, 22, tzinfo=dt.UTC)


def database_url(server: str, name: str) -> str:
    url = make_url(server).set(drivername="postgresql+psycopg", database=name)
    return url.render_as_string(hide_password=False)


def _plain(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def _admin(server: str, statement: str) -> None:
    with psycopg.connect(_plain(server), autocommit=True) as conn:
        conn.execute(statement)  # CREATE / DROP DATABASE: names are ours


def copy_floor_seconds(frame: pd.DataFrame, url: str) -> float:
    """COPY of the rows into one indexed table (a fresh one), timed with its commit."""
    rows = [(*r[:10], WHEN, r[11], bool(r[12])) for r in floor_rows(frame)]
    with psycopg.connect(_plain(url), autocommit=True) as conn:
        conn.execute("DROP TABLE IF EXISTS m")
        conn.execute(FLOOR_TABLE)
        start = dt.datetime.now()
        with conn.transaction(), conn.cursor() as cursor, cursor.copy(FLOOR_COPY) as copy:
            for row in rows:
                copy.write_row(row)
        seconds = (dt.datetime.now() - start).total_seconds()
        conn.execute("DROP TABLE m")
    return seconds


def run_postgres(
    server: str, tmp: Path, history: pd.DataFrame, quarter: pd.DataFrame, runs: int
) -> list[Figure]:
    """(a) the history into an empty database, (b) the quarter onto it; their floors."""
    base = f"kpi_bench_ingest_{uuid.uuid4().hex[:8]}"
    made: list[str] = []
    try:
        for name in (base, f"{base}_floor"):
            _admin(server, f'CREATE DATABASE "{name}"')
            made.append(name)
        url = seeded(database_url(server, base))
        hist_s = whole_process(tmp / "history.csv", url)[0].wall
        floor_url = database_url(server, f"{base}_floor")
        hist_floor = copy_floor_seconds(history, floor_url)
        quarters, floors = [], []
        for run in range(runs):
            name = f"{base}_q{run}"
            _admin(server, f'CREATE DATABASE "{name}" TEMPLATE "{base}"')
            made.append(name)
            quarters.append(whole_process(tmp / "quarter.csv", database_url(server, name))[0].wall)
            floors.append(copy_floor_seconds(quarter, floor_url))
    finally:
        for name in reversed(made):
            _admin(server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    quarter_s, quarter_floor = statistics.median(quarters), statistics.median(floors)
    print(f"PostgreSQL: history {hist_s:.2f} s (COPY floor {hist_floor:.2f} s), ", end="")
    print(f"quarter {quarter_s:.2f} s (COPY floor {quarter_floor:.2f} s), whole processes")
    return [
        Figure("history, whole process", hist_s, "s", GOAL_RATIO_PG, hist_floor),
        Figure("quarter, whole process", quarter_s, "s", GOAL_RATIO_PG, quarter_floor),
    ]
