"""Pure parts of the report: status movement and number words."""

from __future__ import annotations

import pytest

from kpi.progress import Status
from reports.model import movement
from reports.text import figure, status_mark

S = Status


@pytest.mark.parametrize(
    ("before", "now", "expected"),
    [
        (None, S.ON_TRACK, None),
        (S.ON_TRACK, S.INSUFFICIENT_DATA, None),
        (S.INSUFFICIENT_DATA, S.ON_TRACK, "new"),
        (S.ON_TRACK, S.ON_TRACK, "unchanged"),
        (S.LIMITED_PROGRESS, S.NEEDS_ACCELERATION, "improved"),
        (S.NEEDS_ACCELERATION, S.ACHIEVED, "improved"),
        (S.ON_TRACK, S.DETERIORATING, "worsened"),
        (S.ACHIEVED, S.ON_TRACK, "worsened"),
    ],
)
def test_movement(before: Status | None, now: Status, expected: str | None) -> None:
    assert movement(before, now) == expected


@pytest.mark.parametrize(
    ("value", "lang", "kwargs", "text"),
    [
        (85.5, "vi", {}, "85,50"),
        (85.5, "en", {}, "85.50"),
        (-3.333, "vi", {"signed": True}, "-3,33"),
        (2.0, "vi", {"signed": True}, "+2,00"),
        (1234.5, "vi", {"digits": 1}, "1.234,5"),
        (None, "vi", {}, "-"),
        (float("nan"), "vi", {}, "-"),
        (80.0, "vi", {"digits": 0}, "80"),
    ],
)
def test_number_words(value: float | None, lang: str, kwargs: dict[str, object], text: str) -> None:
    assert figure(value, lang, **kwargs) == text  # type: ignore[arg-type]


def test_status_mark_has_icon_and_word() -> None:
    assert status_mark(S.LIMITED_PROGRESS) == "◆ Tiến độ chậm"
    assert status_mark(S.ON_TRACK, "en") == "✔ On track"
