"""Finished outputs kept beside a SQLite database ('kpi.db' → 'kpi.db.outputs/'), each
named by a hash of everything it was made from (the caller's key text: data version,
arguments, code). A new figure makes a new key, so nothing is served for data it was
not made from; besides, every write transaction that changed a row empties the folder
(`engine.watch_writes`), so no output outlives a commit.

A cache that cannot be read or written is only slower, never an error. A database in
memory or on a server has no folder beside it, so no cache.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

SUFFIX = ".out"
KEEP = 4  # a national `--unit all` is 59 MB: the last few (as-of quarters, languages)


@dataclass(frozen=True)
class OutputCache:
    """A folder of finished outputs, one file per key."""

    folder: Path

    def _path(self, key: str) -> Path:
        name = hashlib.sha256(key.encode("utf-8")).hexdigest()
        return self.folder / f"{name}{SUFFIX}"

    def get(self, key: str) -> bytes | None:
        try:
            return self._path(key).read_bytes()
        except OSError:
            return None

    def put(self, key: str, chunks: Iterable[bytes]) -> None:
        """Write atomically: a reader never sees half a file (a part file of its own
        for each writer, a server's threads included)."""
        path = self._path(key)
        part: Path | None = None
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            handle, name = tempfile.mkstemp(dir=self.folder, prefix=path.name, suffix=".part")
            part = Path(name)
            os.fchmod(handle, 0o644)  # as a plain file would be (mkstemp makes it 0600)
            with os.fdopen(handle, "wb") as out:
                for chunk in chunks:
                    out.write(chunk)
            part.replace(path)
        except OSError as exc:
            log.debug("output cache not written (%s): %s", path, exc)
            if part is not None:
                with contextlib.suppress(OSError):
                    part.unlink(missing_ok=True)

    def prune(self, keep: int = KEEP) -> None:
        """Drop the least recently written outputs beyond `keep`."""
        try:
            files = sorted(self._outputs(), key=lambda p: p.stat().st_mtime)
            for old in files[: max(0, len(files) - keep)]:
                old.unlink(missing_ok=True)
        except OSError as exc:
            log.debug("output cache not pruned (%s): %s", self.folder, exc)

    def clear(self) -> None:
        """Remove every output (a commit changed the data they were made from)."""
        try:
            for old in self._outputs():
                old.unlink(missing_ok=True)
        except OSError as exc:
            log.debug("output cache not cleared (%s): %s", self.folder, exc)

    def _outputs(self) -> list[Path]:
        if not self.folder.is_dir():
            return []
        return [p for p in self.folder.iterdir() if p.suffix == SUFFIX]


def cache_beside(database: str | None) -> OutputCache | None:
    """The cache beside a SQLite file; None for a database in memory."""
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    path = Path(database)
    return OutputCache(path.with_name(f"{path.name}.outputs"))
