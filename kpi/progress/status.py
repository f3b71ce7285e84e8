"""Statuses of the progress method, each an Enum that carries its words and shape."""

from __future__ import annotations

from enum import StrEnum


class Status(StrEnum):
    """Primary status (projected progress P toward the 2030 target), see docs/methodology.md."""

    ACHIEVED = "achieved"
    NO_RECENT_DATA = "no_recent_data"
    INSUFFICIENT_DATA = "insufficient_data"
    ON_TRACK = "on_track"
    NEEDS_ACCELERATION = "needs_acceleration"
    LIMITED_PROGRESS = "limited_progress"
    DETERIORATING = "deteriorating"

    @property
    def vi(self) -> str:
        return _VI[self]

    @property
    def en(self) -> str:
        return _EN[self]

    def word(self, lang: str = "vi") -> str:
        return self.en if lang == "en" else self.vi

    @property
    def icon(self) -> str:
        """A distinct shape per status, so colour is never the only signal."""
        return _ICON[self]

    @property
    def rank(self) -> int:
        """Severity for sorting: 0 is the worst."""
        return _RANK[self]

    @property
    def is_off_target(self) -> bool:
        return self in (Status.LIMITED_PROGRESS, Status.DETERIORATING)

    @property
    def is_at_risk(self) -> bool:
        return self is Status.NEEDS_ACCELERATION


_VI = {
    Status.ACHIEVED: "Đã đạt mục tiêu",
    Status.NO_RECENT_DATA: "Không có số liệu mới",
    Status.INSUFFICIENT_DATA: "Chưa đủ dữ liệu",
    Status.ON_TRACK: "Đúng lộ trình",
    Status.NEEDS_ACCELERATION: "Cần tăng tốc",
    Status.LIMITED_PROGRESS: "Tiến độ chậm",
    Status.DETERIORATING: "Đang đi xuống",
}
_EN = {
    Status.ACHIEVED: "Achieved",
    Status.NO_RECENT_DATA: "No recent data",
    Status.INSUFFICIENT_DATA: "Insufficient data",
    Status.ON_TRACK: "On track",
    Status.NEEDS_ACCELERATION: "Needs acceleration",
    Status.LIMITED_PROGRESS: "Limited progress",
    Status.DETERIORATING: "Deteriorating",
}
_ICON = {
    Status.ACHIEVED: "★",
    Status.NO_RECENT_DATA: "◌",
    Status.INSUFFICIENT_DATA: "○",
    Status.ON_TRACK: "✔",
    Status.NEEDS_ACCELERATION: "▲",
    Status.LIMITED_PROGRESS: "◆",
    Status.DETERIORATING: "▼",
}
_RANK = {
    Status.DETERIORATING: 0,
    Status.LIMITED_PROGRESS: 1,
    Status.NEEDS_ACCELERATION: 2,
    Status.NO_RECENT_DATA: 3,
    Status.INSUFFICIENT_DATA: 4,
    Status.ON_TRACK: 5,
    Status.ACHIEVED: 6,
}


class OpenSdgStatus(StrEnum):
    """Open SDG's compound-growth statuses, on annual values."""

    TARGET_ACHIEVED = "target_achieved"
    SUBSTANTIAL_PROGRESS = "substantial_progress"
    MODERATE_PROGRESS = "moderate_progress"
    LIMITED_PROGRESS = "limited_progress"
    DETERIORATION = "deterioration"
    NOT_AVAILABLE = "not_available"

    @property
    def is_off_target(self) -> bool:
        return self in (OpenSdgStatus.LIMITED_PROGRESS, OpenSdgStatus.DETERIORATION)
