"""Text rules shared by every format: NFC, header folding, legacy-font detection, numbers."""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass

MISSING_MARKERS = frozenset({"", "-", "–", "—", "na", "n/a", "null", "none", "nan", "#n/a"})
# Latin-1 letters and signs that Vietnamese never uses, but TCVN3 (.Vn fonts) and
# VNI fonts produce when their text is read as Unicode ("Tû lÖ", "Tyû leä").
LEGACY_FONT_CHARS = frozenset("äåæçëîïñöøûüþÿ¸µ¶·¹¨¾»¼½©ª¬®×ÆÇËÏÐÑÖØÛÜÞß¡¢£¤¥¦§«¯°±²³´º¿")
LEGACY_THRESHOLD = 3


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """Header key: lower case, no diacritics, punctuation as spaces: 'Giá trị (%)' -> 'gia tri'."""
    text = unicodedata.normalize("NFD", nfc(str(text)).strip().lower()).replace("đ", "d")
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn")
    text = re.sub(r"[^a-z0-9%]+", " ", text).replace("%", " ")
    return " ".join(text.split())


def legacy_font_chars(texts: list[str]) -> int:
    """How many characters look like TCVN3/VNI font text read as Unicode."""
    joined = "\n".join(texts)
    return sum(joined.count(ch) for ch in LEGACY_FONT_CHARS)


def is_missing(text: str) -> bool:
    return text.strip().lower() in MISSING_MARKERS


@dataclass(frozen=True)
class NumberProblem:
    """A cell that is not a number we can read without guessing."""

    code: str  # 'not_a_number' or 'ambiguous_number'


@dataclass(frozen=True)
class TwoReadings:
    """'15.421': a decimal (15.421) or a thousands separator (15421). The field decides:
    a number is ambiguous only when both readings are valid for it."""

    decimal: float
    thousands: float


CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def has_control_chars(text: str) -> bool:
    """NUL and other control characters (tab and line breaks are text)."""
    return CONTROL_CHARS.search(text) is not None


_PLAIN = re.compile(r"^[+-]?\d+$")
_ONE_SEP = re.compile(r"^([+-]?\d+)([.,])(\d+)$")
_GROUPED = re.compile(r"^[+-]?\d{1,3}([.,\s])\d{3}(?:\1\d{3})*(?:([.,])\d+)?$")


def parse_number(raw: object) -> float | NumberProblem | TwoReadings | None:
    """Read a cell as a number by the stated rule; None for a missing marker.

    - numbers from spreadsheet cells are taken as they are;
    - '85,5', '85.5', ' 85 ', '85,5%', '85.5 %' are 85.5;
    - one separator followed by exactly three digits ('1.234', '1,234') has two readings
      (thousands or decimals) unless the integer part is 0 ('0,855'); the field picks;
    - '1.234,5' / '1,234.5' use the last separator as the decimal point.
    """
    if raw is None:
        return None
    if isinstance(raw, bool):
        return NumberProblem("not_a_number")
    if isinstance(raw, int | float):
        return None if isinstance(raw, float) and math.isnan(raw) else float(raw)
    text = nfc(str(raw)).replace("\u00a0", " ").strip()
    if is_missing(text):
        return None
    text = text.removesuffix("%").strip()
    if _PLAIN.match(text):
        return float(text)
    one = _ONE_SEP.match(text)
    if one:
        whole, _sep, frac = one.groups()
        if len(frac) == 3 and whole.lstrip("+-") not in {"0", ""}:
            return TwoReadings(float(f"{whole}.{frac}"), float(f"{whole}{frac}"))
        return float(f"{whole}.{frac}")
    grouped = _GROUPED.match(text)
    if grouped and grouped.group(2) and grouped.group(2) != grouped.group(1):
        thousands, decimal = grouped.group(1), grouped.group(2)
        return float(text.replace(thousands, "").replace(decimal, "."))
    return NumberProblem("not_a_number")


def cell_text(raw: object) -> str:
    """A cell as text: codes stay text ('1.10'), whole floats lose '.0'."""
    if raw is None:
        return ""
    if isinstance(raw, float):
        if math.isnan(raw):
            return ""
        return str(int(raw)) if raw.is_integer() else repr(raw)
    return nfc(str(raw)).strip()
