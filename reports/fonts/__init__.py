"""The Vietnamese-capable font embedded in PDFs and chart images: DejaVu Sans.

The three files ship in this folder (licence in LICENSE), so a report renders
the same on every machine.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from kpi.text import t

FOLDER = Path(__file__).parent


class FontError(RuntimeError):
    """The bundled font files cannot be found."""


@dataclass(frozen=True)
class FontFiles:
    regular: Path
    bold: Path
    italic: Path


@cache
def dejavu() -> FontFiles:
    files = FontFiles(
        regular=FOLDER / "DejaVuSans.ttf",
        bold=FOLDER / "DejaVuSans-Bold.ttf",
        italic=FOLDER / "DejaVuSans-Oblique.ttf",
    )
    for path in (files.regular, files.bold, files.italic):
        if not path.is_file():
            raise FontError(t("error.font_missing", path=path))
    return files
