"""The dashboard's trajectory chart, rendered to PNG for the report with vl-convert.

Same builder as the dashboard (dashboard.charts); only the fonts change, to the
DejaVu Sans the PDF embeds, so every Vietnamese glyph renders.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import pandas as pd
import vl_convert as vlc

from dashboard.charts import trajectory_chart, trajectory_data
from kpi.catalogue import Catalogue
from kpi.storage import Storage
from kpi.storage.repository import current_frame, unit_registry
from reports.build import scope_of
from reports.fonts import dejavu
from reports.model import IndicatorRow, Report
from reports.sources import unit_series

CHART_FONT = "DejaVu Sans"
WIDTH, HEIGHT, SCALE = 760, 220, 1.6


@cache
def _register_fonts() -> None:
    vlc.register_font_directory(str(dejavu().regular.parent))


def _with_report_fonts(spec: dict[str, Any]) -> dict[str, Any]:
    config = spec.setdefault("config", {})
    for part in ("axis", "legend", "title", "text", "mark"):
        section = config.setdefault(part, {})
        for key in ("font", "labelFont", "titleFont"):
            if key in section or part in ("axis", "legend"):
                section[key] = CHART_FONT
    config["font"] = CHART_FONT
    config.setdefault("legend", {})["labelLimit"] = 0
    return spec


def _status_dict(row: IndicatorRow) -> dict[str, Any]:
    return {
        "baseline_period": row.baseline_period,
        "baseline_value": row.baseline_value,
        "observed_pace_pp_per_year": row.observed_pace_pp_per_year,
        "latest_period": row.end_period,
        "latest_value": row.end_value,
    }


def chart_png(
    series: pd.DataFrame, row: IndicatorRow, catalogue: Catalogue, lang: str
) -> bytes | None:
    """One indicator's chart as PNG bytes; None when there is nothing to draw."""
    if series.empty:
        return None
    indicator = catalogue[row.code]
    data = trajectory_data(series, _status_dict(row), indicator, lang)
    chart = trajectory_chart(data, indicator, lang, height=HEIGHT).properties(width=WIDTH)
    spec = _with_report_fonts(chart.to_dict())
    _register_fonts()
    return bytes(vlc.vegalite_to_png(json.dumps(spec), scale=SCALE))


def render_charts(report: Report, storage: Storage, catalogue: Catalogue) -> dict[str, bytes]:
    """{indicator code: PNG} for every indicator of the report that has figures."""
    registry = unit_registry(storage)
    unit = registry.get(report.unit_code) or registry.root
    frame = current_frame(
        storage, as_of_index=report.as_of.index, unit_codes=scope_of(registry, unit)
    )
    series = unit_series(frame, unit, registry)
    out: dict[str, bytes] = {}
    for row in report.rows:
        part = series[series["indicator_code"] == row.code][["period", "value"]]
        png = chart_png(part.reset_index(drop=True), row, catalogue, report.lang)
        if png is not None:
            out[row.code] = png
    return out
