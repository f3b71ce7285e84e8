"""The Vietnamese-capable font embedded in PDFs: DejaVu Sans, shipped inside matplotlib.

Found through the package's location so that pyplot is never imported.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from functools import cache
from pathlib import Path


class FontError(RuntimeError):
    """The bundled font files cannot be found."""


@dataclass(frozen=True)
class FontFiles:
    regular: Path
    bold: Path
    italic: Path


@cache
def dejavu() -> FontFiles:
    spec = importlib.util.find_spec("matplotlib")
    if spec is None or spec.origin is None:
        raise FontError("không tìm thấy gói matplotlib (chứa phông DejaVu Sans)")
    folder = Path(spec.origin).parent / "mpl-data" / "fonts" / "ttf"
    files = FontFiles(
        regular=folder / "DejaVuSans.ttf",
        bold=folder / "DejaVuSans-Bold.ttf",
        italic=folder / "DejaVuSans-Oblique.ttf",
    )
    for path in (files.regular, files.bold, files.italic):
        if not path.is_file():
            raise FontError(f"không tìm thấy phông {path}")
    return files
