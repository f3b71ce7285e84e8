"""Put the chart's font inside the SVG, so it reads the same on a machine without it.

Only the glyphs the image uses are kept (fontTools' subsetter, as fpdf2 does for the
PDF), so the file stays small: DejaVu Sans regular and bold, as data URIs in @font-face.
"""

from __future__ import annotations

import base64
import html
import io
import re
from functools import lru_cache

from fontTools import subset
from fontTools.ttLib import TTFont

from reports.chart_frame import FONT
from reports.fonts import dejavu

_TEXT = re.compile(r"<text\b[^>]*>(.*?)</text>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")  # a multi-line title puts each line in a <tspan>
_SVG_OPEN = re.compile(r"<svg\b[^>]*>")


def used_characters(svg: str) -> str:
    """Every character drawn as text in the SVG, sorted (an lru_cache key)."""
    runs = (_TAG.sub("", run) for run in _TEXT.findall(svg))
    chars = {c for run in runs for c in html.unescape(run)}
    return "".join(sorted(chars | {" "}))


@lru_cache(maxsize=64)
def _subset(path: str, chars: str) -> str:
    """The font cut to `chars`, as base64 TrueType."""
    font = TTFont(path)
    options = subset.Options()
    options.hinting = False
    options.desubroutinize = True
    options.drop_tables = [*options.drop_tables, "FFTM"]  # FontForge's own timestamps
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=chars)
    subsetter.subset(font)
    buffer = io.BytesIO()
    font.save(buffer)
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def font_style(chars: str) -> str:
    files = dejavu()
    faces = []
    for weight, path in (("normal", files.regular), ("bold", files.bold)):
        data = _subset(str(path), chars)
        faces.append(
            f"@font-face{{font-family:'{FONT}';font-weight:{weight};"
            f"src:url(data:font/ttf;base64,{data}) format('truetype');}}"
        )
    return "<defs><style>" + "".join(faces) + "</style></defs>"


def embed_font(svg: str) -> str:
    """The SVG with its font inside, right after the opening <svg> tag."""
    match = _SVG_OPEN.search(svg)
    if match is None:
        return svg
    end = match.end()
    return svg[:end] + font_style(used_characters(svg)) + svg[end:]
