"""Chart images kept on disk, named by what they draw: a second report of the same figures
(the same day) takes its charts from here instead of rasterising them again.

The name is a hash of the whole framed spec (its data, scope, as-of quarter, language and
the day made, all written in it), the image format and what draws it (vl-convert's
version, the size, the font files). New figures make a new spec and so a new name:
nothing is ever served for data it was not drawn from. The oldest files go when the
folder holds more than `KEEP`.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

KEEP = 800  # 16 charts × 2 languages × a dozen scopes and periods; a PNG and its PDF image


@dataclass(frozen=True)
class ChartCache:
    """A folder of images; `drawer` names what turns a spec into one (versions, size)."""

    folder: Path
    drawer: str

    def key(self, spec: str, fmt: str) -> str:
        digest = hashlib.sha256(f"{self.drawer}|{fmt}|".encode())
        digest.update(spec.encode("utf-8"))
        return digest.hexdigest()

    def _path(self, spec: str, fmt: str) -> Path:
        return self.folder / f"{self.key(spec, fmt)}.{fmt}"

    def get(self, spec: str, fmt: str) -> bytes | None:
        try:
            return self._path(spec, fmt).read_bytes()
        except OSError:
            return None

    def put(self, spec: str, fmt: str, image: bytes) -> None:
        """Write atomically (a reader never sees half a file); a cache that cannot be
        written is only slower, never an error."""
        path = self._path(spec, fmt)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            part = path.with_suffix(f".{os.getpid()}.part")
            part.write_bytes(image)
            part.replace(path)
        except OSError as exc:
            log.debug("chart cache not written (%s): %s", path, exc)

    def prune(self, keep: int = KEEP) -> None:
        """Drop the least recently written images beyond `keep`."""
        try:
            files = sorted(_images(self.folder.iterdir()), key=lambda p: p.stat().st_mtime)
            for old in files[: max(0, len(files) - keep)]:
                old.unlink(missing_ok=True)
        except OSError as exc:
            log.debug("chart cache not pruned (%s): %s", self.folder, exc)


def _images(paths: Iterable[Path]) -> list[Path]:
    return [p for p in paths if p.suffix in (".png", ".svg", ".pdfimage") and p.is_file()]


def cache_beside(database: str | None) -> Path | None:
    """The cache folder beside a database file ('kpi.db' → 'kpi.db.charts'); None for a
    database in memory or on a server."""
    if not database or database == ":memory:":
        return None
    path = Path(database)
    return path.with_name(f"{path.name}.charts")
