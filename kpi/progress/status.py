"""Statuses of the progress method, each an Enum that carries its words and shape."""

from __future__ import annotations

from enum import StrEnum

from kpi.text import t


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
        return t(f"status.{self.value}", "vi")

    @property
    def en(self) -> str:
        return t(f"status.{self.value}", "en")

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

    def word(self, lang: str = "vi") -> str:
        return t(f"opensdg.{self.value}", lang)

    @property
    def is_off_target(self) -> bool:
        return self in (OpenSdgStatus.LIMITED_PROGRESS, OpenSdgStatus.DETERIORATION)


def opensdg_word(status: object, lang: str = "vi") -> str:
    """The words of an Open SDG status value; anything else as it is ('—' for none)."""
    try:
        return OpenSdgStatus(str(status)).word(lang)
    except ValueError:
        return str(status or "—")
