"""The dashboard's trajectory chart, rendered to PNG for the report with vl-convert.

Same builder as the dashboard (reports.charts); only the fonts change, to the
DejaVu Sans the PDF embeds, so every Vietnamese glyph renders.
"""

from __future__ import annotations

import json
from concurrent.futures import Future, ThreadPoolExecutor
from functools import cache
from typing import Any

import pandas as pd
import vl_convert as vlc

from kpi.catalogue import Catalogue
from reports.charts import trajectory_chart, trajectory_data
from reports.fonts import dejavu
from reports.model import IndicatorRow, Report

CHART_FONT = "DejaVu Sans"
WIDTH, HEIGHT, SCALE = 760, 220, 1.6


@cache
def _register_fonts() -> None:
    vlc.register_font_directory(str(dejavu().regular.parent))


FONT_KEYS = {"font", "labelFont", "titleFont"}


def _swap_fonts(node: Any) -> None:
    """Replace every font named anywhere in the spec (marks may set their own)."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in FONT_KEYS and isinstance(value, str):
                node[key] = CHART_FONT
            else:
                _swap_fonts(value)
    elif isinstance(node, list):
        for item in node:
            _swap_fonts(item)


def _with_report_fonts(spec: dict[str, Any]) -> dict[str, Any]:
    """Every text of the chart in DejaVu Sans, and legend labels never cut short."""
    _swap_fonts(spec)
    config = spec.setdefault("config", {})
    config["font"] = CHART_FONT
    for part in ("axis", "legend", "header"):
        config.setdefault(part, {}).update(labelFont=CHART_FONT, titleFont=CHART_FONT)
    for part in ("title", "text", "mark"):
        config.setdefault(part, {})["font"] = CHART_FONT
    config["legend"]["labelLimit"] = 0
    return spec


def _status_dict(row: IndicatorRow) -> dict[str, Any]:
    """What the chart needs, the status' own fit included (so it ends on the printed figures)."""
    return {
        "status": row.status.value,
        "baseline_period": row.baseline_period,
        "baseline_value": row.baseline_value,
        "observed_pace_pp_per_year": row.observed_pace_pp_per_year,
        "latest_period": row.end_period,
        "latest_value": row.end_value,
        **dict(row.fit),
    }


def chart_spec(
    series: pd.DataFrame, row: IndicatorRow, catalogue: Catalogue, lang: str
) -> str | None:
    """One indicator's Vega-Lite spec (JSON); None when there is nothing to draw."""
    if series.empty:
        return None
    indicator = catalogue[row.code]
    data = trajectory_data(series, _status_dict(row), indicator, lang)
    chart = trajectory_chart(data, indicator, lang, height=HEIGHT).properties(width=WIDTH)
    # the dashboard draws the same builder validated; here the spec is only rasterised
    return json.dumps(_with_report_fonts(chart.to_dict(validate=False)))


def spec_to_png(spec: str) -> bytes:
    _register_fonts()
    return bytes(vlc.vegalite_to_png(spec, scale=SCALE))


def render_charts(report: Report, series: pd.DataFrame, catalogue: Catalogue) -> dict[str, bytes]:
    """{indicator code: PNG} for every indicator of the report that has figures.

    `series` holds the report unit's quarterly values (indicator_code, period_index, value).
    Specs are built here while vl-convert (native code) rasterises earlier ones.
    """
    _register_fonts()
    pending: dict[str, Future[bytes]] = {}
    with ThreadPoolExecutor(max_workers=2) as pool:
        for row in report.rows:
            part = series[series["indicator_code"] == row.code][["period_index", "value"]]
            spec = chart_spec(part.reset_index(drop=True), row, catalogue, report.lang)
            if spec is not None:
                pending[row.code] = pool.submit(spec_to_png, spec)
        return {code: future.result() for code, future in pending.items()}
