"""Finished outputs beside a SQLite file: written whole, pruned, emptied."""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from kpi.storage.output_cache import OutputCache, cache_beside


def test_put_get_prune_clear(tmp_path: Path) -> None:
    cache = OutputCache(tmp_path / "kpi.db.outputs")
    assert cache.get("a") is None
    cache.put("a", [b"[\n", b"1", b"\n]"])
    assert cache.get("a") == b"[\n1\n]"
    assert not list(cache.folder.glob("*.part"))
    for n, key in enumerate(("b", "c")):
        cache.put(key, [key.encode()])
        os.utime(cache._path(key), (n + 10, n + 10))
    os.utime(cache._path("a"), (1, 1))  # the oldest
    cache.prune(keep=2)
    assert cache.get("a") is None and cache.get("b") == b"b" and cache.get("c") == b"c"
    (cache.folder / "note.txt").write_text("not an output")
    cache.clear()
    assert cache.get("b") is None and cache.get("c") is None
    assert (cache.folder / "note.txt").exists()


def test_writers_at_once_leave_one_whole_output(tmp_path: Path) -> None:
    cache = OutputCache(tmp_path / "kpi.db.outputs")
    texts = [bytes([65 + n]) * 200_000 for n in range(8)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(lambda text: cache.put("same", [text[:1000], text[1000:]]), texts))
    assert cache.get("same") in texts
    assert not list(cache.folder.glob("*.part"))


def test_a_cache_that_cannot_be_written_is_only_slower(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("a file, not a folder")
    cache = OutputCache(tmp_path / "file")
    cache.put("a", [b"x"])
    assert cache.get("a") is None
    cache.prune()
    cache.clear()


def test_beside_a_file_only(tmp_path: Path) -> None:
    beside = cache_beside(str(tmp_path / "kpi.db"))
    assert beside is not None and beside.folder == tmp_path / "kpi.db.outputs"
    assert cache_beside(":memory:") is None and cache_beside(None) is None
