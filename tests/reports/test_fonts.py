"""The fonts shipped in reports/fonts: KPI Serif's four faces and what they can draw."""

from __future__ import annotations

import unicodedata
from functools import cache
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from kpi.completeness import ReportState
from kpi.progress.status import Status
from kpi.submissions import SubmissionState
from kpi.text import STRINGS
from reports.fonts import FOLDER, SERIF_FAMILY, dejavu, serif

STYLES = ("", "B", "I", "BI")
VOWELS = "aăâeêioôơuưy"
TONES = ("", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323")  # huyền sắc ngã hỏi nặng
# Times New Roman's advance widths (of 2048 units): a Times-metric font has the same
TIMES_WIDTHS = {" ": 512, "a": 909, "H": 1479, "W": 1933, "m": 1593, "0": 1024, ".": 512}


@cache
def _font(style: str) -> TTFont:
    return TTFont(serif()[style])


def vietnamese_letters() -> str:
    """Every letter of Vietnamese, both cases: each vowel with each tone, and đ."""
    lower = [unicodedata.normalize("NFC", v + tone) for v in VOWELS for tone in TONES]
    letters = "".join(lower) + "bcdđghklmnpqrstvx"
    return letters + letters.upper()


def catalogue_characters() -> str:
    """Every character of every catalogue string (both languages) and status shape."""
    chars = {c for vi, en in STRINGS.values() for c in vi + en if c not in "\n\t"}
    for states in (Status, SubmissionState, ReportState):
        chars |= {state.icon for state in states}
    return "".join(sorted(chars))


def test_the_four_faces_are_one_family_with_the_right_weight_and_slant() -> None:
    assert set(serif()) == set(STYLES)
    for style in STYLES:
        font = _font(style)
        assert font["name"].getDebugName(1) == SERIF_FAMILY
        bold, italic = "B" in style, "I" in style
        assert font["head"].macStyle & 0b11 == (bold | italic << 1), style
        assert (font["OS/2"].usWeightClass >= 700) is bold, style
        assert (font["post"].italicAngle < 0) is italic, style


def test_the_serif_has_times_new_roman_widths() -> None:
    font = _font("")
    cmap, hmtx = font.getBestCmap(), font["hmtx"]
    assert font["head"].unitsPerEm == 2048
    assert {c: hmtx[cmap[ord(c)]][0] for c in TIMES_WIDTHS} == TIMES_WIDTHS


@pytest.mark.parametrize("style", STYLES)
def test_every_letter_and_catalogue_character_has_a_drawn_glyph(style: str) -> None:
    font = _font(style)
    cmap, glyf = font.getBestCmap(), font["glyf"]
    wanted = vietnamese_letters() + catalogue_characters()
    missing = sorted({c for c in wanted if ord(c) not in cmap})
    assert not missing, missing
    blank = sorted(
        {c for c in wanted if not c.isspace() and glyf[cmap[ord(c)]].numberOfContours == 0}
    )
    assert not blank, blank


def test_the_alphabet_is_complete() -> None:
    letters = vietnamese_letters()
    assert len(letters) == 2 * (12 * 6 + 17)
    assert {"Ệ", "ữ", "Ợ", "ỵ", "Đ", "ẵ"} <= set(letters)


def test_added_shapes_stand_on_the_baseline_no_taller_than_capitals() -> None:
    font = _font("")
    cmap, glyf = font.getBestCmap(), font["glyf"]
    cap = font["OS/2"].sCapHeight
    for char in "★◆✔◌◐✖⚠✓↻":
        glyph = glyf[cmap[ord(char)]]
        assert -cap * 0.2 <= glyph.yMin and glyph.yMax <= cap * 1.15, char


def test_the_folder_ships_the_licences_and_stays_small() -> None:
    text = (FOLDER / "LICENSE-OFL.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE" in text and "Tinos" in text and "DejaVu Sans" in text
    assert "Bitstream" in (FOLDER / "LICENSE").read_text(encoding="utf-8")
    sizes = [Path(p).stat().st_size for p in serif().values()]
    assert sum(sizes) < 600_000, sizes  # Latin and Vietnamese only
    assert dejavu().regular.is_file()  # the charts keep DejaVu Sans
