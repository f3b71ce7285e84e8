"""Content fingerprints: order-free, format-free, and stable across releases."""

from __future__ import annotations

import hashlib

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kpi.fingerprint import (
    COLUMNS,
    MISSING_NUMBER,
    PREFIX,
    SEEDS,
    _row_order,
    content_hash,
    is_legacy,
    legacy_content_hash,
)

NUMBERS = st.one_of(
    st.none(),
    st.just(float("nan")),
    st.floats(min_value=-1e12, max_value=1e12),
)
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)
ROW = st.tuples(TEXT, TEXT, TEXT, NUMBERS, NUMBERS, NUMBERS, st.one_of(st.none(), TEXT))
ROWS = st.lists(ROW, max_size=30)
PINNED_ROWS = [
    ("1.1", "VPB", "2025-Q4", 85.5, 171.0, 200.0, None),
    ("2.3", "Sở Nội vụ", "2026-Q1", 0.0, None, None, "ghi chú"),
]


def frame_of(rows: list[tuple[object, ...]]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=COLUMNS)
    for column in ("value", "numerator", "denominator"):
        frame[column] = frame[column].astype("float64")
    return frame


def test_content_hash_is_pinned() -> None:
    """Stored fingerprints are compared with new ones: a change here breaks re-import
    detection."""
    assert content_hash(frame_of(PINNED_ROWS)) == (
        "v293376bdebaef7778c8389fe73a0490cb5d4a8a9429b1dfa6fb9039ff64b418"
    )
    assert not is_legacy(content_hash(frame_of(PINNED_ROWS)))


def test_first_form_is_pinned_and_recognised() -> None:
    digest = legacy_content_hash(frame_of(PINNED_ROWS))
    assert digest == "334d1ec1ff91ac73e3ed01b8123b3652e59c6027458e3cccbfad6a49f14decc3"
    assert is_legacy(digest)


def test_content_hash_of_nothing() -> None:
    assert content_hash(frame_of([])) == (
        "v2e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b8"
    )


@settings(max_examples=60, deadline=None)
@given(ROWS, st.integers(0, 2**31))
def test_content_hash_ignores_row_order(rows: list[tuple[object, ...]], seed: int) -> None:
    frame = frame_of(rows)
    shuffled = frame.sample(frac=1.0, random_state=seed).reset_index(drop=True)
    assert content_hash(shuffled) == content_hash(frame)


@settings(max_examples=60, deadline=None)
@given(ROWS)
def test_content_hash_ignores_column_dtypes(rows: list[tuple[object, ...]]) -> None:
    frame = frame_of(rows)
    arrow = frame.astype({c: "str" for c in ("indicator_code", "unit_code", "period")})
    assert content_hash(arrow) == content_hash(frame)


@settings(max_examples=100, deadline=None)
@given(ROW, st.integers(0, len(COLUMNS) - 1), st.data())
def test_any_changed_cell_changes_the_hash(
    row: tuple[object, ...], position: int, data: st.DataObject
) -> None:
    cells = list(row)
    before = content_hash(frame_of([tuple(cells)]))
    is_number = COLUMNS[position] in ("value", "numerator", "denominator")
    other = data.draw(NUMBERS if is_number else TEXT)
    same = (
        (pd.isna(other) and pd.isna(cells[position]))
        or (
            is_number
            and not pd.isna(other)
            and not pd.isna(cells[position])
            and round(float(other), 6) == round(float(cells[position]), 6)
        )  # type: ignore[arg-type]
        or (not is_number and (other or None) == (cells[position] or None))
    )
    cells[position] = other
    assert (content_hash(frame_of([tuple(cells)])) == before) == same


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ((85.5,), (85.5000001,)),  # below the 6-place rounding
        ((-0.0,), (0.0,)),
        ((None,), (float("nan"),)),
    ],
)
def test_equal_after_normalising(left: tuple[object, ...], right: tuple[object, ...]) -> None:
    base = ("1.1", "VPB", "2025-Q4")
    a = frame_of([(*base, *left, None, None, None)])
    b = frame_of([(*base, *right, None, None, None)])
    assert content_hash(a) == content_hash(b)


# The v2 fingerprint as first written (before it mixed in place and sorted by one
# lane): stored uploads carry its digests, so today's must equal it for every frame.
def _first_v2_hash(frame: pd.DataFrame) -> str:
    def mix(h: np.ndarray) -> np.ndarray:
        h = (h ^ (h >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        h = (h ^ (h >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        return h ^ (h >> np.uint64(31))

    def text_cells(column: pd.Series) -> tuple[np.ndarray, np.ndarray]:
        codes, uniques = pd.factorize(column)
        texts = [*(str(u) for u in uniques), ""]
        digests = [hashlib.blake2b(t.encode("utf-8"), digest_size=16).digest() for t in texts]
        halves = np.frombuffer(b"".join(digests), dtype="<u8").reshape(-1, 2).astype(np.uint64)
        return halves[codes, 0], halves[codes, 1]

    def number_cells(column: pd.Series) -> tuple[np.ndarray, np.ndarray]:
        numbers = (
            pd.to_numeric(column, errors="coerce").round(6).to_numpy("float64", na_value=np.nan)
        )
        numbers = numbers + 0.0
        bits = numbers.view(np.uint64).copy()
        bits[np.isnan(numbers)] = MISSING_NUMBER
        return bits, bits

    lanes = [np.full(len(frame), seed, dtype=np.uint64) for seed in SEEDS]
    for column in COLUMNS:
        if column in frame.columns:
            numeric = column in ("value", "numerator", "denominator")
            cells = number_cells(frame[column]) if numeric else text_cells(frame[column])
            lanes = [mix(lane ^ cell) for lane, cell in zip(lanes, cells, strict=True)]
    order = np.lexsort((lanes[1], lanes[0]))
    rows = np.column_stack([lanes[0][order], lanes[1][order]]).astype("<u8")
    return PREFIX + hashlib.sha256(rows.tobytes()).hexdigest()[: 64 - len(PREFIX)]


@settings(max_examples=80, deadline=None)
@given(ROWS)
def test_content_hash_is_the_first_v2_digest(rows: list[tuple[object, ...]]) -> None:
    frame = frame_of(rows)
    arrow = frame.astype({c: "str" for c in ("indicator_code", "unit_code", "period", "note")})
    assert content_hash(frame) == _first_v2_hash(frame)
    assert content_hash(arrow) == _first_v2_hash(arrow)


def test_content_hash_is_the_first_v2_digest_at_scale() -> None:
    """A national-shaped file (codes repeat, rows duplicate): the same digest as before."""
    rng = np.random.default_rng(5)
    size = 60_000
    frame = pd.DataFrame(
        {
            "indicator_code": pd.Series(rng.choice(["1.1", "1.2", "2"], size), dtype="str"),
            "unit_code": pd.Series([f"T{i % 700:03d}" for i in range(size)], dtype="str"),
            "period": pd.Series(rng.choice(["2025-Q3", "2025-Q4"], size), dtype="str"),
            "value": rng.integers(0, 5, size).astype(float),  # many rows alike: ties
            "numerator": np.where(rng.random(size) < 0.2, np.nan, 1.0),
            "denominator": 2.0,
            "note": pd.Series([None] * size, dtype="str"),
        }
    )
    assert content_hash(frame) == _first_v2_hash(frame)


def test_rows_are_ordered_as_lexsort_orders_them_even_on_a_tie() -> None:
    first = np.array([5, 3, 5, 1, 3, 5], dtype=np.uint64)
    second = np.array([2, 9, 1, 7, 0, 2], dtype=np.uint64)
    assert _row_order(first, second).tolist() == np.lexsort((second, first)).tolist()
    distinct = np.array([9, 2, 7], dtype=np.uint64)
    assert _row_order(distinct, second[:3]).tolist() == [1, 2, 0]
