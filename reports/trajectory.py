"""The trajectory chart without Altair: its input frame and its Vega-Lite spec as a dict.

`trajectory_data(series, status, indicator)` makes the long frame every chart of an
indicator draws:

| column | meaning |
|---|---|
| `kind` | `actual`, `required` (baseline → 2030 target) or `projection` |
| `t` | time in years, quarter starts: 2025-Q3 → 2025.5 |
| `period`, `period_label` | `2025-Q3`, `Quý 3/2025` (`Q3 2025` in English) |
| `value`, `value_label` | 85.5, `85,5%` |
| `low`, `high` | the projection's uncertainty band (projection rows only) |

`trajectory_spec` is the spec `reports.charts.trajectory_chart(...).to_dict()` gives
(a test holds them equal), written as plain dicts: a report draws 16 charts, and
building and validating 16 layered Altair charts cost more than rasterising them.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from kpi import palette
from kpi.catalogue import Indicator
from kpi.formatting import percent, quarter_label
from kpi.periods import TARGET_PERIOD, parse_quarter, period_code
from kpi.progress import trajectory_points
from kpi.progress.trajectory import FIT_FIELDS
from kpi.text import t

TRAJECTORY_COLUMNS = ["kind", "t", "period", "period_label", "value", "value_label", "low", "high"]
KINDS = ("actual", "required", "projection")
INK = palette.INK
ACTUAL = "#0B4F8A"
REQUIRED = "#5F6B7A"
PROJECTION = "#B35C00"
TARGET = "#1B6E3A"
# each series' line, in KINDS order: solid actuals, dashed required path, dotted projection
DASHES = ((1, 0), (7, 5), (2, 3))
LEGEND_SYMBOL = 484  # a stroke symbol 22 px long
FONT = "Source Sans Pro, Segoe UI, Arial, sans-serif"
PERCENT_EXPR = "format(datum.value, '.0f') + '%'"  # whole percents: no decimal mark to localise
SCHEMA = "https://vega.github.io/schema/vega-lite/v6.4.1.json"  # Altair 6.3's Vega-Lite


def _engine_row(status: Mapping[str, Any], indicator: Indicator) -> dict[str, Any] | None:
    """The fields kpi.progress.trajectory_points needs, from a status row (or a subset)."""
    needed = ("baseline_period", "baseline_value", "latest_period", "latest_value")
    if any(status.get(k) is None or _missing(status.get(k)) for k in needed):
        return None
    return {
        "baseline_index": parse_quarter(str(status["baseline_period"])).index,
        "latest_index": parse_quarter(str(status["latest_period"])).index,
        "baseline_value": float(status["baseline_value"]),
        "latest_value": float(status["latest_value"]),
        "target": float(indicator.target),
        "observed_pace_pp_per_year": status.get("observed_pace_pp_per_year"),
        **{k: status[k] for k in (*FIT_FIELDS, "status", "as_of_index") if k in status},
    }


def _missing(value: object) -> bool:
    try:
        return bool(pd.isna(value))  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return False


def trajectory_data(
    series: pd.DataFrame,
    status: Mapping[str, Any] | pd.Series,
    indicator: Indicator,
    lang: str = "vi",
) -> pd.DataFrame:
    """Chart input from one series (`period_index`, `value`) and its status row (kpi.progress).

    The required path, the projection and its 80% band come from
    kpi.progress.trajectory_points; without a baseline only the actuals are drawn.
    """
    status = dict(status)
    row = _engine_row(status, indicator)
    if row is None or series.empty:
        points = series.sort_values("period_index").assign(kind="actual")
    else:
        points = trajectory_points(series[["period_index", "value"]], row, indicator.target_period)
    for column in ("lower", "upper"):
        if column not in points:
            points[column] = np.nan
    periods = [period_code(int(i)) for i in points["period_index"]]
    return pd.DataFrame(
        {
            "kind": points["kind"].to_numpy(),
            "t": [int(i) / 4 for i in points["period_index"]],
            "period": periods,
            "period_label": [quarter_label(p, lang) for p in periods],
            "value": points["value"].astype(float).to_numpy(),
            "value_label": [percent(v, lang) for v in points["value"]],
            "low": points["lower"].astype(float).to_numpy(),
            "high": points["upper"].astype(float).to_numpy(),
        }
    )[TRAJECTORY_COLUMNS]


# -- the scales both builders share ---------------------------------------------------
def x_domain(data: pd.DataFrame) -> tuple[int, list[float]]:
    """(first year, a tick per year to 2030): labelled by the year, no language."""
    first = int(np.floor(data["t"].min())) if len(data) else 2024
    return first, [float(y) for y in range(first, TARGET_PERIOD.year + 1)]


def y_domain(data: pd.DataFrame, target: float) -> list[float]:
    values = pd.concat([data["value"], data["low"]]).dropna()
    lowest = min(float(values.min()) if len(values) else 0.0, target)
    return [float(max(0.0, np.floor((lowest - 10) / 10) * 10)), 100]


def series_names(lang: str) -> dict[str, str]:
    return {k: t(f"chart_{k}", lang) for k in KINDS}


def legend_scales(data: pd.DataFrame, lang: str) -> tuple[list[str], list[str], list[list[int]]]:
    """(names, colours, dashes) of the lines the chart draws: a series without a point (no
    projection for a series with no verdict) has no entry in the legend either."""
    drawn = set(data["kind"]) if "kind" in data.columns else set(KINDS)
    kinds = [k for k in KINDS if k in drawn] or list(KINDS)
    names = series_names(lang)
    colours = dict(zip(KINDS, (ACTUAL, REQUIRED, PROJECTION), strict=True))
    dashes = dict(zip(KINDS, DASHES, strict=True))
    return [names[k] for k in kinds], [colours[k] for k in kinds], [list(dashes[k]) for k in kinds]


# -- the spec as dicts ----------------------------------------------------------------
def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows as JSON-ready dicts, missing as None (what Altair's sanitiser writes)."""
    plain = frame.astype(object)
    records = plain.where(frame.notna(), None).to_dict(orient="records")
    return [{str(k): v for k, v in row.items()} for row in records]


def _dataset_name(values: list[dict[str, Any]]) -> str:
    """Altair's name for inline data: a hash of the values."""
    text = json.dumps(values, sort_keys=True, default=str)
    return "data-" + hashlib.sha256(text.encode()).hexdigest()[:32]


def _encodings(data: pd.DataFrame, indicator: Indicator, lang: str) -> dict[str, Any]:
    """The channels the layers share (each layer gets its own copy, as Altair writes)."""
    first, ticks = x_domain(data)
    axis = {"format": "d", "grid": False, "labelAngle": 0, "labelOverlap": True, "values": ticks}
    y_scale = {"domain": y_domain(data, indicator.target), "nice": False, "zero": False}
    legend = {
        "columns": 1,
        "labelFontSize": 12,
        "labelLimit": 0,
        "orient": "bottom",
        "symbolType": "stroke",
    }
    names, colours, dashes = legend_scales(data, lang)
    return {
        "x": {
            "axis": axis,
            "field": "t",
            "scale": {"domain": [first, TARGET_PERIOD.years + 0.1], "nice": False},
            "title": None,
            "type": "quantitative",
        },
        "y": {
            "axis": {"gridColor": "#E6EAF0", "labelExpr": PERCENT_EXPR, "tickCount": 5},
            "field": "value",
            "scale": y_scale,
            "title": None,
            "type": "quantitative",
        },
        "low": {"field": "low", "scale": y_scale, "type": "quantitative"},
        "color": {
            "field": "series",
            "legend": legend,
            "scale": {"domain": names, "range": colours},
            "title": None,
            "type": "nominal",
        },
        # the same field and legend as the colour: one legend, each entry drawn as its line
        "strokeDash": {
            "field": "series",
            "legend": legend,
            "scale": {"domain": names, "range": dashes},
            "title": None,
            "type": "nominal",
        },
        "tooltip": [
            {"field": "series", "title": t("chart_series", lang), "type": "nominal"},
            {"field": "period_label", "title": t("chart_quarter", lang), "type": "nominal"},
            {"field": "value_label", "title": t("chart_value", lang), "type": "nominal"},
        ],
    }


def _only(kind: str) -> list[dict[str, str]]:
    return [{"filter": f"(datum.kind === '{kind}')"}]


def _layers(enc: dict[str, Any], data: dict[str, str], target: dict[str, str]) -> list[Any]:
    """Band, required path, projection, actuals (line + points), target rule and label."""
    return [*_series_layers(enc, data), *_target_layers(target)]


def _series_layers(enc: dict[str, Any], data: dict[str, str]) -> list[Any]:
    line = {k: enc[k] for k in ("color", "strokeDash", "tooltip", "x", "y")}
    actual = {k: enc[k] for k in ("color", "strokeDash", "x", "y")}
    points = {k: enc[k] for k in ("color", "tooltip", "x", "y")}
    return [
        {
            "data": data,
            "mark": {"type": "area", "color": PROJECTION, "opacity": 0.16},
            "encoding": {"x": enc["x"], "y": enc["low"], "y2": {"field": "high"}},
            "name": "projection_band",
            "transform": _only("projection"),
        },
        {
            "data": data,
            "mark": {"type": "line", "strokeWidth": 2},
            "encoding": line,
            "name": "required_path",
            "transform": _only("required"),
        },
        {
            "data": data,
            "mark": {"type": "line", "strokeWidth": 2},
            "encoding": line,
            "name": "projection",
            "transform": _only("projection"),
        },
        {
            "layer": [
                {
                    "mark": {"type": "line", "strokeWidth": 2.5},
                    "encoding": actual,
                    "name": "actual_line_3",  # Altair names a nested layer by its place
                    "transform": _only("actual"),
                },
                {
                    "mark": {"type": "point", "filled": True, "opacity": 1, "size": 55},
                    "encoding": points,
                    "name": "actual_points_3",
                    "transform": _only("actual"),
                },
            ],
            "data": data,
        },
    ]


def _target_layers(target: dict[str, str]) -> list[Any]:
    return [
        {
            "data": target,
            "mark": {"type": "rule", "color": TARGET, "strokeWidth": 1.5},
            "encoding": {"y": {"field": "value", "type": "quantitative"}},
            "name": "target_rule",
        },
        {
            "data": target,
            "mark": {
                "type": "text",
                "align": "left",
                "color": TARGET,
                "dx": 4,
                "dy": -8,
                "font": FONT,
                "fontSize": 12,
                "fontWeight": "bold",
            },
            "encoding": {
                "text": {"field": "label", "type": "nominal"},
                "x": {"value": 0},
                "y": {"field": "value", "type": "quantitative"},
            },
            "name": "target_label",
        },
    ]


CONFIG = {
    "view": {"continuousWidth": 300, "continuousHeight": 300, "strokeWidth": 0},
    "axis": {
        "domainColor": "#9AA5B1",
        "labelColor": INK,
        "labelFont": FONT,
        "labelFontSize": 12,
        "titleFont": FONT,
    },
    "legend": {
        "labelColor": INK,
        "labelFont": FONT,
        "symbolSize": LEGEND_SYMBOL,
        "symbolStrokeWidth": 2.5,
    },
    "title": {"anchor": "start", "color": INK, "font": FONT, "fontSize": 15},
}


def trajectory_spec(
    data: pd.DataFrame,
    indicator: Indicator,
    lang: str = "vi",
    *,
    height: int = 340,
    width: int | None = None,
) -> dict[str, Any]:
    """The layered trajectory chart of `data` (from `trajectory_data`) as a Vega-Lite dict:
    fresh objects every call, so a caller may change it in place."""
    names = series_names(lang)
    values = _records(data.assign(series=data["kind"].map(names)))
    label = t("chart_target", lang, value=percent(indicator.target, lang, 0))
    target = _records(pd.DataFrame({"value": [indicator.target], "label": [label]}))
    data_name, target_name = _dataset_name(values), _dataset_name(target)
    layers = _layers(_encodings(data, indicator, lang), {"name": data_name}, {"name": target_name})
    spec: dict[str, Any] = {"config": CONFIG, "layer": layers, "height": height, "title": ""}
    if width is not None:
        spec["width"] = width
    spec["$schema"] = SCHEMA
    spec["datasets"] = {data_name: values, target_name: target}
    return json.loads(json.dumps(spec))  # no object shared between specs or calls
