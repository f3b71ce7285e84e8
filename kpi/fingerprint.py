"""Content fingerprints of canonical frames: the same figures in any order or file
format give the same fingerprint, so a file sent twice is recognised.

Current form ("v2…"): each distinct text cell is hashed once (BLAKE2b, 16 bytes,
split in two 64-bit lanes; missing is ""); numbers rounded to 6 places enter by
their IEEE bits; each lane mixes a row's cells in column order; SHA-256 digests
the sorted 128-bit row hashes. Uploads stored before it carry the first form
(`legacy_content_hash`), which the commit still recognises.
"""

from __future__ import annotations

import hashlib

import numpy as np
import pandas as pd

from kpi.codes import factorize

COLUMNS = ["indicator_code", "unit_code", "period", "value", "numerator", "denominator", "note"]
NUMERIC = ("value", "numerator", "denominator")
PREFIX = "v2"  # not a hex digit: never confused with a first-form hash
SEEDS = (np.uint64(0x6B70692D6D6F6E69), np.uint64(0x32303330646F6E65))
MISSING_NUMBER = np.uint64(0x7FF8DEADBEEF0001)  # a NaN bit pattern rounding never yields


def content_hash(frame: pd.DataFrame) -> str:
    """The fingerprint of `frame`'s COLUMNS (others are ignored). Pinned by a test."""
    lanes = [np.full(len(frame), seed, dtype=np.uint64) for seed in SEEDS]
    for column in COLUMNS:
        if column in frame.columns:
            series = frame[column]
            cells = _number_cells(series) if column in NUMERIC else _text_cells(series)
            for lane, cell in zip(lanes, cells, strict=True):
                np.bitwise_xor(lane, cell, out=lane)
                _mix(lane)
    order = _row_order(lanes[0], lanes[1])
    rows = np.empty((len(frame), 2), dtype="<u8")
    rows[:, 0], rows[:, 1] = lanes[0][order], lanes[1][order]
    return PREFIX + hashlib.sha256(rows.tobytes()).hexdigest()[: 64 - len(PREFIX)]


def _row_order(first: np.ndarray, second: np.ndarray) -> np.ndarray:
    """Rows as `np.lexsort((second, first))` orders them: by the first lane, ties by the
    second. The first lane alone almost always decides (64 random bits), and then the
    order is unique and one plain sort finds it; lexsort only on a tie."""
    order = np.argsort(first)
    ranked = first[order]
    if len(ranked) > 1 and bool((ranked[1:] == ranked[:-1]).any()):
        return np.lexsort((second, first))
    return order


def is_legacy(digest: str | None) -> bool:
    return digest is not None and not digest.startswith(PREFIX)


def legacy_content_hash(frame: pd.DataFrame) -> str:
    """The first form: sorted text lines of rounded cells. Slow; only for old uploads."""
    data = frame[[c for c in COLUMNS if c in frame.columns]].copy()
    for column in NUMERIC:
        if column in data:
            data[column] = pd.to_numeric(data[column], errors="coerce").round(6)
    data = data.astype(object).where(data.notna(), "")
    lines = sorted("\x1f".join(str(v) for v in row) for row in data.itertuples(index=False))
    return hashlib.sha256("".join(f"{line}\n" for line in lines).encode("utf-8")).hexdigest()


def _mix(h: np.ndarray) -> np.ndarray:
    """SplitMix64's finaliser, in place: every input bit reaches every output bit
    (wrapping)."""
    shifted = np.empty_like(h)
    for shift, factor in ((30, 0xBF58476D1CE4E5B9), (27, 0x94D049BB133111EB)):
        np.bitwise_xor(h, np.right_shift(h, np.uint64(shift), out=shifted), out=h)
        np.multiply(h, np.uint64(factor), out=h)
    np.bitwise_xor(h, np.right_shift(h, np.uint64(31), out=shifted), out=h)
    return h


def _text_cells(column: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    codes, uniques = factorize(column)  # missing cells get code -1: the last digest, ""
    texts = [*(str(u) for u in uniques), ""]
    digests = [hashlib.blake2b(t.encode("utf-8"), digest_size=16).digest() for t in texts]
    halves = np.frombuffer(b"".join(digests), dtype="<u8").reshape(-1, 2).astype(np.uint64)
    return halves[codes, 0], halves[codes, 1]


def _number_cells(column: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    numbers = pd.to_numeric(column, errors="coerce").round(6).to_numpy("float64", na_value=np.nan)
    numbers = numbers + 0.0  # -0.0 becomes 0.0
    bits = numbers.view(np.uint64).copy()
    bits[np.isnan(numbers)] = MISSING_NUMBER
    return bits, bits
