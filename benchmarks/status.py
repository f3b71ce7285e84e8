"""Status benchmark at national scale: `kpi status --unit all --format json`, whole process.

    .venv/bin/python benchmarks/status.py             # 3,400 units × 16 × 24 quarters
    .venv/bin/python benchmarks/status.py --quick     # 200 units
    .venv/bin/python benchmarks/status.py --compare   # also the former per-parent loop

The data has counts (numerator, denominator) for every value, so the 35 parent
roll-ups (the ministry and 34 provinces) sum counts as the methodology says. Goal
(issue 18, 2 cores): the whole process under 2 s. Beside it, in process: the read,
the parents' roll-ups in one pass, the leaf statuses, and the JSON (column-wise, and
the standard encoder it must equal byte for byte), and the command's whole text in
process on one core and on both (forked children: the command's path).

The command keeps its finished text beside the SQLite file until the next commit
(`kpi.services.status_cache`), so the whole process is timed twice per run: cold, the
first call after a commit (one is made before it), and warm, the next call.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(1, str(Path(__file__).resolve().parents[1]))  # this checkout's kpi
from common import reporting_units
from progress import fill_database, national_frame

from kpi.catalogue import load_catalogue
from kpi.periods import Quarter, quarter_range
from kpi.progress import compute_statuses, status_json, status_records
from kpi.progress.scope_lists import owed_by_root
from kpi.progress.scopes import rollup_many, rollup_statuses_many
from kpi.services import statuses
from kpi.services.status_text import every_scope_chunks
from kpi.storage import open_storage
from kpi.storage.repository import audit, unit_registry

AS_OF = Quarter(2026, 3)
GOAL_S = 2.0
COMMAND = "from kpi.cli.main import run; run()"


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def whole_process(url: str, runs: int) -> dict[str, tuple[float, float, int]]:
    """Per kind, cold (the first call after a commit) and warm (the text kept since):
    median wall seconds and CPU seconds of the command, and the objects it printed."""
    root = str(Path(__file__).resolve().parents[1])
    path = os.pathsep.join(p for p in (root, os.environ.get("PYTHONPATH")) if p)
    env = {**os.environ, "KPI_DATABASE_URL": url, "PYTHONPATH": path}
    args = [sys.executable, "-c", COMMAND, "status", "--unit", "all", "--format", "json"]
    args += ["--as-of", str(AS_OF)]
    times: dict[str, list[tuple[float, float]]] = {"cold": [], "warm": []}
    printed: dict[str, bytes] = {}
    for _ in range(runs):
        _commit(url)
        for kind in ("cold", "warm"):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            done = subprocess.run(args, env=env, capture_output=True, check=True)
            wall = time.perf_counter() - start
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
            times[kind].append((wall, cpu))
            printed[kind] = done.stdout
    assert printed["cold"] == printed["warm"], "the kept text differs from the computed one"
    count = len(json.loads(printed["cold"]))
    return {
        kind: (
            statistics.median(w for w, _ in runs_),
            statistics.median(c for _, c in runs_),
            count,
        )
        for kind, runs_ in times.items()
    }


def _commit(url: str) -> None:
    """A commit that changes a row (an audit entry): the kept texts are emptied."""
    store = open_storage(url, upgrade=False)
    with store.writing() as session:
        audit(session, "benchmark@kpi.local", "benchmark.commit")
    cache = store.output_cache()
    assert cache is None or not list(cache.folder.glob("*.out")), "a commit left a kept text"
    store.dispose()


def _cpu() -> float:
    """CPU seconds of this process and its finished children (the readers, the fork)."""
    own, kids = (resource.getrusage(w) for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def timed(out: dict[str, tuple[float, float]], name: str, func: Callable[[], Any]) -> Any:
    start, cpu = time.perf_counter(), _cpu()
    value = func()
    out[name] = (time.perf_counter() - start, _cpu() - cpu)
    return value


def in_process(url: str, compare: bool) -> dict[str, tuple[float, float]]:
    """The steps of the command, one by one, on the same database."""
    store = open_storage(url, upgrade=False)
    catalogue, registry = load_catalogue(), unit_registry(store)
    rules = statuses.owed(store, catalogue)
    out: dict[str, tuple[float, float]] = {}
    frame = timed(
        out, "read", lambda: statuses.values_for(store, AS_OF, columns=statuses.STATUS_COLUMNS)
    )
    parents = [u.code for u in registry if statuses.is_rollup(registry, u)]
    parents.sort(key=lambda c: (c != registry.root.code, c))

    def one_pass() -> Any:
        series = rollup_many(frame, registry, parents, rules)
        owed = owed_by_root(rules, registry, parents)
        return rollup_statuses_many(series, catalogue, parents, as_of=AS_OF, owed=owed)

    rolled = timed(out, "parents (one pass)", one_pass)
    if compare:  # the former path: one roll-up per parent
        timed(out, "parents (one by one)", lambda: _one_by_one(frame, registry, parents, rules))
    leaves = frame[~frame["unit_code"].isin(parents)]
    leaf = timed(out, "leaf statuses", lambda: compute_statuses(leaves, catalogue, as_of=AS_OF))
    every = pd.concat([rolled, leaf], ignore_index=True)
    fast = timed(out, "json (columns)", lambda: status_json(every))
    slow = timed(
        out,
        "json (standard)",
        lambda: json.dumps(status_records(every), ensure_ascii=False, indent=2),
    )
    assert fast == slow, "the column-wise JSON differs from the standard encoder's"
    for name, fork in (("text, one core", False), ("text, both cores", True)):
        chunks = timed(out, name, lambda fork=fork: _chunks(store, catalogue, fork))
        assert b"".join(chunks).decode() == fast, f"{name}: not the JSON of the whole frame"
    store.dispose()
    return out


def _chunks(store: Any, catalogue: Any, fork: bool) -> list[bytes]:
    """What the command writes: read, roll-ups, leaves and JSON (`every_scope_chunks`)."""
    return every_scope_chunks(store, catalogue, as_of=AS_OF, fork=fork, cache=False)


def _one_by_one(frame: Any, registry: Any, parents: list[str], rules: Any) -> None:
    catalogue = load_catalogue()
    for code in parents:
        unit = registry.get(code)
        statuses.unit_statuses(frame, catalogue, registry, unit, as_of=AS_OF, obligations=rules)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--compare", action="store_true", help="time the per-parent loop too")
    args = parser.parse_args()
    units = reporting_units()[: 200 if args.quick else None]
    frame = national_frame(units, quarter_range(Quarter(2021, 1), Quarter(2026, 4)), counts=True)
    print(f"{len(frame):,} current values with counts, {len(units):,} reporting units")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "status.db"
        fill_database(path, frame)
        url = f"sqlite:///{path}"
        whole = whole_process(url, 1 if args.quick else 3)
        parts = in_process(url, args.compare)
    words = {"cold": "first call after a commit", "warm": "the text kept since"}
    for kind, (wall, cpu, printed) in whole.items():
        print(
            f"whole process    {wall:6.2f} s   {printed:,} objects   {kind} ({words[kind]}; "
            f"goal < {GOAL_S:.0f} s)  {verdict(wall < GOAL_S)}"
        )
        print(f"  of which CPU   {cpu:6.2f} s   (user + system)")
    for name, (wall_s, cpu_s) in parts.items():
        print(f"  {name:<21}{wall_s:6.2f} s   (in process, wall; CPU {cpu_s:5.2f} s)")
    print(f"load average     {os.getloadavg()[0]:6.2f}     (2 cores: above 2 means contention)")
    print(f"measured on      {dt.date.today().isoformat()}")


if __name__ == "__main__":
    main()
