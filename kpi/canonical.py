"""The canonical long table every loader returns and every commit takes."""

from __future__ import annotations

import hashlib

import numpy as np
import pandas as pd

from kpi.periods import parse_quarter

COLUMNS = ["indicator_code", "unit_code", "period", "value", "numerator", "denominator", "note"]
ROW_COLUMN = "source_row"  # the row number as the officer sees it in Excel
KEY = ["indicator_code", "unit_code", "period"]
NUMERIC = ("value", "numerator", "denominator")


def empty_frame() -> pd.DataFrame:
    frame = pd.DataFrame({c: pd.Series(dtype="object") for c in COLUMNS})
    frame[ROW_COLUMN] = pd.Series(dtype="int64")
    return frame


def content_hash(frame: pd.DataFrame) -> str:
    """Digest of the normalised content: same figures in any order or format -> same hash.

    Each distinct text cell is hashed once (BLAKE2b, 8 bytes; missing is ""), numbers
    rounded to 6 places are taken by their IEEE bits, a row mixes its cells in column
    order, and SHA-256 digests the sorted row hashes. Pinned by a test: stored hashes
    must stay comparable across releases.
    """
    rows = np.full(len(frame), SEED, dtype=np.uint64)
    for column in COLUMNS:
        if column in frame.columns:
            cells = (
                _number_hashes(frame[column]) if column in NUMERIC else _text_hashes(frame[column])
            )
            rows = _mix(rows ^ cells)
    return hashlib.sha256(np.sort(rows).astype("<u8").tobytes()).hexdigest()


SEED = np.uint64(0x6B70692D6D6F6E69)  # "kpi-moni"
MISSING_NUMBER = np.uint64(0x7FF8DEADBEEF0001)  # a NaN bit pattern rounding never yields


def _mix(h: np.ndarray) -> np.ndarray:
    """SplitMix64's finaliser: every input bit reaches every output bit (wrapping)."""
    h = (h ^ (h >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    h = (h ^ (h >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return h ^ (h >> np.uint64(31))


def _text_hashes(column: pd.Series) -> np.ndarray:
    codes, uniques = pd.factorize(column)  # missing cells get code -1: the last digest, ""
    texts = [*(str(u) for u in uniques), ""]
    digests = [
        int.from_bytes(hashlib.blake2b(t.encode("utf-8"), digest_size=8).digest(), "little")
        for t in texts
    ]
    return np.array(digests, dtype=np.uint64)[codes]


def _number_hashes(column: pd.Series) -> np.ndarray:
    numbers = pd.to_numeric(column, errors="coerce").round(6).to_numpy("float64", na_value=np.nan)
    numbers = numbers + 0.0  # -0.0 becomes 0.0
    bits = numbers.view(np.uint64).copy()
    bits[np.isnan(numbers)] = MISSING_NUMBER
    return bits


def period_indexes(periods: pd.Series) -> pd.Series:
    """Quarter index per row of canonical periods, parsing each distinct one once."""
    codes, uniques = pd.factorize(periods)
    indexes = np.array([parse_quarter(str(p)).index for p in uniques], dtype="int64")
    return pd.Series(indexes[codes], index=periods.index, dtype="int64")
