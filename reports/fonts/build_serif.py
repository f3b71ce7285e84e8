"""Build the report's serif (KPI Serif) from Tinos, with the status shapes Tinos lacks.

Tinos (Google, SIL OFL 1.1) has the metrics of Times New Roman, the face that
Nghị định 30/2020/NĐ-CP prescribes. It is cut to the Latin and Vietnamese letters,
punctuation and signs (hinting and layout tables dropped: fpdf2 uses neither), and the
few shapes it lacks (★ ◆ ✔ ◌ ◐ ✖ ⚠ ✓ ↻) are copied from the DejaVu Sans of this folder,
so a PDF embeds one family. Renamed, as the OFL asks of a modified font.

Run once by a developer, from the repository root, with Debian's fonts-croscore files:
    python -m reports.fonts.build_serif /usr/share/fonts/truetype/croscore
"""

from __future__ import annotations

import copy
import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

from reports.fonts import FOLDER, SERIF_FAMILY, SERIF_FILES

# Latin and Vietnamese letters, combining marks, punctuation, currency, arrows, maths, shapes
RANGES = (
    (0x0020, 0x007E),
    (0x00A0, 0x024F),
    (0x02B0, 0x036F),
    (0x1E00, 0x1EFF),
    (0x2000, 0x218F),
    (0x2190, 0x22FF),
    (0x2500, 0x25FF),
)
SYMBOLS = "★◆✔◌◐✖⚠✓↻"  # status and mark shapes of kpi.progress, kpi.submissions, kpi.text
STYLES = {  # fpdf2's style: (Tinos file, DejaVu file the shapes come from, subfamily)
    "": ("Tinos-Regular.ttf", "DejaVuSans.ttf", "Regular"),
    "B": ("Tinos-Bold.ttf", "DejaVuSans-Bold.ttf", "Bold"),
    "I": ("Tinos-Italic.ttf", "DejaVuSans.ttf", "Italic"),
    "BI": ("Tinos-BoldItalic.ttf", "DejaVuSans-Bold.ttf", "Bold Italic"),
}


def _cut(font: TTFont) -> None:
    options = subset.Options()
    options.hinting = False
    options.layout_features = []
    options.drop_tables = [*options.drop_tables, "DSIG", "GSUB", "GPOS", "GDEF"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[c for low, high in RANGES for c in range(low, high + 1)])
    subsetter.subset(font)


def _add_shapes(font: TTFont, donor: TTFont) -> None:
    """Copy SYMBOLS the font lacks from `donor`, scaled so they stand as tall as its capitals."""
    have, theirs = font.getBestCmap(), donor.getBestCmap()
    scale = font["OS/2"].sCapHeight / donor["glyf"]["H"].yMax
    glyf, hmtx, order = font["glyf"], font["hmtx"], list(font.getGlyphOrder())
    for char in SYMBOLS:
        code = ord(char)
        if code in have:
            continue
        glyph = copy.deepcopy(donor["glyf"][theirs[code]])
        if glyph.isComposite():
            raise ValueError(f"{char!r} is a composite glyph in the donor font")
        glyph.removeHinting()
        glyph.coordinates.scale((scale, scale))
        glyph.coordinates.toInt()
        name = f"uni{code:04X}"
        glyf[name] = glyph
        glyph.recalcBounds(glyf)
        advance = round(donor["hmtx"][theirs[code]][0] * scale)
        hmtx[name] = (advance, getattr(glyph, "xMin", 0))
        order.append(name)
        for table in font["cmap"].tables:
            if table.isUnicode():
                table.cmap[code] = name
    font.setGlyphOrder(order)


def _rename(font: TTFont, sub: str) -> None:
    ps = f"{SERIF_FAMILY.replace(' ', '')}-{sub.replace(' ', '')}"
    names = font["name"]
    version = (names.getDebugName(5) or "").split(";")[0]  # hinting is gone
    for record_id in (1, 2, 3, 4, 5, 6, 16, 17):
        names.removeNames(nameID=record_id)
    for record_id, text in (
        (1, SERIF_FAMILY),
        (2, sub),
        (3, f"{ps}; based on Tinos {version}"),
        (4, f"{SERIF_FAMILY} {sub}"),
        (5, f"{version}; KPI Serif: Tinos subset with shapes from DejaVu Sans"),
        (6, ps),
    ):
        names.setName(text, record_id, 3, 1, 0x409)
    notice = names.getDebugName(0) or ""
    names.removeNames(nameID=0)
    shapes = "Shapes from DejaVu Sans: Copyright (c) 2003 by Bitstream, Inc."
    names.setName(f"{notice}\n{shapes}", 0, 3, 1, 0x409)


def build(source: Path, target: Path = FOLDER) -> list[Path]:
    written = []
    for style, (tinos, dejavu, sub) in STYLES.items():
        font = TTFont(source / tinos, recalcTimestamp=False)  # the same bytes on every run
        _cut(font)
        _add_shapes(font, TTFont(FOLDER / dejavu))
        _rename(font, sub)
        path = target / SERIF_FILES[style]
        font.save(path)
        written.append(path)
    return written


if __name__ == "__main__":
    for path in build(Path(sys.argv[1])):
        print(path, path.stat().st_size)
