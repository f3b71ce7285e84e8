"""Every hostile file class (upload-hardening notes 22–30), from tests/data/uploads/hostile.py.

For each file: refused with the right message and row, or read exactly; bounded in
memory and time (measured in a child process); nothing written on refusal; the
attempt recorded with its file; never a traceback. Service tests run on SQLite and
PostgreSQL (KPI_TEST_POSTGRES_URL).
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kpi.catalogue import Catalogue
from kpi.cli.main import app
from kpi.problems import FileRejected
from kpi.services import ingest
from kpi.services.figures import export_frame, upload_file, upload_list
from kpi.settings import Settings
from kpi.storage import Storage
from tests.data.uploads.hostile import Hostile, hostile_files

ROOT = Path(__file__).resolve().parents[2]
TODAY = dt.date(2026, 11, 22)
FILES = {h.name: h for h in hostile_files()}
MEMORY_MB = 1024
SECONDS = 30
MEASURE = """
import resource, sys, time
from pathlib import Path
import loaders
from kpi.problems import FileRejected
from kpi.units import UnitRegistry, load_default_units
units = UnitRegistry(load_default_units())
start = time.perf_counter()
try:
    loaders.read(Path(sys.argv[1]).read_bytes(), sys.argv[1], units)
except FileRejected:
    pass
who = (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
peak = max(resource.getrusage(w).ru_maxrss for w in who)
print(time.perf_counter() - start, peak // 1024)
"""


@pytest.mark.slow
@pytest.mark.parametrize("name", list(FILES))
def test_reading_is_bounded_in_memory_and_time(name: str, tmp_path: Path) -> None:
    path = tmp_path / name
    path.write_bytes(FILES[name].data)
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=SECONDS + 30,
        check=True,
    )
    seconds, peak_mb = done.stdout.split()
    assert float(seconds) < SECONDS and int(peak_mb) < MEMORY_MB, done.stdout
    assert "Traceback" not in done.stderr


def _prepare(storage: Storage, catalogue: Catalogue, hostile: Hostile) -> ingest.Prepared:
    return ingest.prepare(
        storage, hostile.data, hostile.name, catalogue=catalogue, settings=Settings(), today=TODAY
    )


@pytest.mark.parametrize("name", [n for n, h in FILES.items() if h.code])
def test_refused_with_the_right_message_and_nothing_written(
    name: str, storage: Storage, catalogue: Catalogue
) -> None:
    hostile = FILES[name]
    if hostile.unreadable:
        with pytest.raises(FileRejected) as caught:
            _prepare(storage, catalogue, hostile)
        problems = [caught.value.problem]
    else:
        prepared = _prepare(storage, catalogue, hostile)
        assert not prepared.ok
        problems = prepared.problems
    found = [(p.code, p.row) for p in problems]
    assert (hostile.code, hostile.row) in found or (
        hostile.row is None and hostile.code in [c for c, _ in found]
    ), found
    for problem in problems:  # a message in both languages, no exception text
        for lang in ("vi", "en"):
            text = problem.text(lang)
            assert text and "Error" not in text and "Traceback" not in text
    upload_id = ingest.record_refusal(
        storage,
        actor="o@x",
        file_name=hostile.name,
        data=hostile.data,
        outcome="unreadable" if hostile.unreadable else "refused",
        problem_count=len(problems),
    )
    assert export_frame(storage).empty
    attempt = upload_list(storage).set_index("id").loc[upload_id]
    assert attempt["outcome"] in {"unreadable", "refused"}
    assert attempt["problem_count"] == len(problems)
    assert upload_file(storage, upload_id) == (hostile.name, hostile.data)


@pytest.mark.parametrize("name", [n for n, h in FILES.items() if not h.code])
def test_read_exactly_and_traced_to_file_and_row(
    name: str, storage: Storage, catalogue: Catalogue
) -> None:
    hostile = FILES[name]
    prepared = _prepare(storage, catalogue, hostile)
    assert prepared.ok, prepared.problems
    assert prepared.not_reported == hostile.not_reported
    assert [w.code for w in prepared.warnings] == ([hostile.warning] if hostile.warning else [])
    result = ingest.commit(storage, prepared, actor="o@x", confirm_note="đã kiểm tra")
    exported = export_frame(storage)
    for code, value in hostile.values.items():
        assert value in exported[exported["indicator_code"] == code]["value"].tolist(), exported
    assert set(exported["file_name"]) == {hostile.name}
    assert exported["source_row"].tolist() == prepared.frame["source_row"].tolist()
    assert upload_file(storage, int(str(result.upload_id))) == (hostile.name, hostile.data)


runner = CliRunner()


@pytest.mark.parametrize("name", list(FILES))
def test_cli_exit_codes_and_no_traceback(name: str, cli_db: str, tmp_path: Path) -> None:
    hostile = FILES[name]
    path = tmp_path / name
    path.write_bytes(hostile.data)
    result = runner.invoke(app, ["load", str(path), "--lang", "en"])
    expected = 2 if hostile.unreadable else 1 if hostile.code else 3 if hostile.warning else 0
    assert result.exit_code == expected, result.output
    assert "Traceback" not in result.output and "Exception" not in result.output
    listed = runner.invoke(app, ["uploads", "list", "--format", "json"])
    attempts = json.loads(listed.output)
    outcome = {2: "unreadable", 1: "refused", 3: "unconfirmed", 0: "committed"}[expected]
    assert [(a["file_name"], a["outcome"]) for a in attempts] == [(name, outcome)]
    assert (attempts[0]["problem_count"] > 0) == (expected != 0)
