"""The coverage of a rolled-up figure in words, as every page, command and report shows it:
'4/6 đơn vị; 2 đơn vị chỉ báo tỷ lệ' (methodology v2: coverage is part of the figure)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kpi.text import t

NONE = "–"


def _units(value: Any) -> list[str] | None:
    return [str(v) for v in value] if isinstance(value, list | tuple) else None


def coverage_text(row: Mapping[Any, Any], lang: str = "vi") -> str:
    """Counted of expected units, and how many gave only a value (not summed); '–' when
    nothing is expected."""
    expected, counted = _units(row.get("units_expected")), _units(row.get("units_with_counts"))
    value_only = _units(row.get("units_value_only")) or []
    if not expected or counted is None:
        return NONE
    text = t("coverage", lang, counted=len(counted), expected=len(expected))
    if value_only:
        text += "; " + t("coverage_value_only", lang, n=len(value_only))
    return text
