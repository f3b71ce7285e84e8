"""One status palette for the dashboard and the reports, legible on white."""

from __future__ import annotations

import pytest

from kpi import palette
from kpi.progress import Status
from reports import charts
from reports.text import MOVEMENT_RGB, STATUS_RGB, status_rgb


def _luminance(colour: str) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = palette.rgb(colour)
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def _contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("status", [s for s in Status if s is not Status.NO_RECENT_DATA])
def test_every_assessed_status_has_a_legible_hue(status: Status) -> None:
    strong, tint = palette.status_colours(status)
    assert _contrast(strong, "#FFFFFF") >= 4.5  # words in the status colour on white
    assert _contrast(palette.INK, tint) >= 4.5  # dark text on the tinted cell


def test_a_status_without_a_hue_is_grey_on_white() -> None:
    assert palette.status_colours(Status.NO_RECENT_DATA) == palette.OTHER_STATUS
    assert palette.status_colours("anything") == ("#55606E", "#FFFFFF")


def test_dashboard_and_reports_share_the_palette() -> None:
    assert charts.STATUS_STYLE is palette.STATUS_COLOURS
    for status, (strong, _tint) in palette.STATUS_COLOURS.items():
        assert STATUS_RGB[status] == palette.rgb(strong)
    assert status_rgb(Status.NO_RECENT_DATA) == palette.rgb(palette.OTHER_STATUS[0])
    assert MOVEMENT_RGB["improved"] == palette.rgb(palette.STATUS_COLOURS["achieved"][0])
    assert all(_contrast(palette.MOVEMENT_COLOURS[m], "#FFFFFF") >= 4.5 for m in MOVEMENT_RGB)


@pytest.mark.parametrize(
    ("colour", "rgb"),
    [("#1B2430", (27, 36, 48)), ("#FFFFFF", (255, 255, 255)), ("000000", (0, 0, 0))],
)
def test_rgb(colour: str, rgb: tuple[int, int, int]) -> None:
    assert palette.rgb(colour) == rgb


def test_cell_style() -> None:
    assert palette.cell_style("#DDF2EA") == "background-color: #DDF2EA; color: #1B2430"
