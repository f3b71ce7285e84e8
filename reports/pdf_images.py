"""Chart PNGs as the PDF embeds them, prepared where they are drawn.

fpdf2 decodes each PNG and compresses its pixels again (a few hundredths of a second a
chart, half of a unit report's PDF). A chart worker does it beside drawing and the
chart cache keeps it beside the PNG; the PDF then takes the prepared image into its
image cache under the name fpdf2 gives that PNG, so it writes the same bytes.
"""

from __future__ import annotations

import hashlib
import json
import zlib
from io import BytesIO
from typing import Any, Final, Protocol, runtime_checkable

import PIL
from fpdf import FPDF, FPDF_VERSION
from fpdf.image_datastructures import RasterImageInfo
from fpdf.image_parsing import get_img_info

BLOBS = ("data", "smask")  # the compressed pixels (and transparency) of the image
FIELDS = {"w", "h", "cs", "iccp", "bpc", "dpn", "f", "inverted", "dp", *BLOBS}
FILTER: Final = "AUTO"  # ReportPDF keeps fpdf2's image filter
# What makes the prepared image besides the PNG: part of its name in the chart cache.
PREPARER = f"fpdf2 {FPDF_VERSION}|Pillow {PIL.__version__}|zlib {zlib.ZLIB_RUNTIME_VERSION}"


@runtime_checkable
class PreparedImages(Protocol):
    """Charts that may hold their PDF images ready (reports.chart_images.Charts)."""

    def pdf_image(self, code: str) -> bytes | None: ...


def prepare(png: bytes) -> bytes | None:
    """The image fpdf2 would make of `png`, as bytes (a JSON head, then the blobs);
    None for an image this cannot carry (a palette or an ICC profile)."""
    info = get_img_info("chart", BytesIO(png), FILTER)
    if set(info) - FIELDS or info.get("iccp") is not None:
        return None
    head: dict[str, Any] = {k: v for k, v in info.items() if k not in BLOBS}
    blobs: dict[str, bytes] = {k: info[k] for k in BLOBS if k in info}  # type: ignore[misc]
    head["blobs"] = {k: len(b) for k, b in blobs.items()}
    return json.dumps(head).encode() + b"\n" + b"".join(blobs.values())


def _info(prepared: bytes) -> RasterImageInfo:
    line, _, rest = prepared.partition(b"\n")
    head = json.loads(line)
    info = RasterImageInfo({k: v for k, v in head.items() if k != "blobs"})
    start = 0
    for key, size in head["blobs"].items():
        info[key] = rest[start : start + size]
        start += size
    return info


def preload(pdf: FPDF, png: bytes, prepared: bytes | None) -> None:
    """Put the prepared image where `pdf.image(BytesIO(png))` looks first: it then takes
    it as if it had made it (numbered as the next image, used once)."""
    if prepared is None:
        return
    name = hashlib.md5(png.strip(), usedforsecurity=False).hexdigest()  # fpdf2's name
    images = pdf.image_cache.images
    if name in images:
        return
    info = _info(prepared)
    info.update(i=len(images) + 1, usages=0, iccp_i=None)
    images[name] = info
