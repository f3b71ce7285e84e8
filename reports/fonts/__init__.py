"""The fonts the reports embed, shipped in this folder so a report renders alike everywhere.

KPI Serif (Tinos cut to Latin and Vietnamese, with the status shapes of DejaVu Sans;
built by reports.fonts.build_serif) is the PDF's one family: the metrics of Times New
Roman, as Nghị định 30/2020/NĐ-CP asks. DejaVu Sans (regular and bold) draws the
chart images.
Licences in LICENSE (DejaVu) and LICENSE-OFL.txt (KPI Serif).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from kpi.text import t

FOLDER = Path(__file__).parent
SERIF_FAMILY = "KPI Serif"
SERIF_FILES = {  # fpdf2's style -> file
    "": "KPISerif-Regular.ttf",
    "B": "KPISerif-Bold.ttf",
    "I": "KPISerif-Italic.ttf",
    "BI": "KPISerif-BoldItalic.ttf",
}


class FontError(RuntimeError):
    """The bundled font files cannot be found."""


@dataclass(frozen=True)
class FontFiles:
    regular: Path
    bold: Path


def _present(path: Path) -> Path:
    if not path.is_file():
        raise FontError(t("error.font_missing", path=path))
    return path


@cache
def dejavu() -> FontFiles:
    """DejaVu Sans, the charts' font."""
    return FontFiles(
        regular=_present(FOLDER / "DejaVuSans.ttf"),
        bold=_present(FOLDER / "DejaVuSans-Bold.ttf"),
    )


@cache
def serif() -> dict[str, Path]:
    """KPI Serif's four faces by fpdf2 style: "", "B", "I", "BI"."""
    return {style: _present(FOLDER / name) for style, name in SERIF_FILES.items()}
