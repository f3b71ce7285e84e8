"""Altair chart builders: DataFrames in, `alt.Chart` out. No Streamlit here.

The main chart is `trajectory_chart(data, indicator, lang)`; its input is the long frame
made by `trajectory_data(series, status, indicator)` (reports.trajectory, which also
writes the same chart as a plain Vega-Lite dict for the reports, without Altair).
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from kpi import palette
from kpi.catalogue import Indicator
from kpi.formatting import percent, quarter_label
from kpi.periods import TARGET_PERIOD, period_code
from kpi.progress import Status
from kpi.text import t
from reports.trajectory import (  # noqa: F401  (re-exported: the dashboard's names)
    ACTUAL,
    DASHES,
    FONT,
    INK,
    KINDS,
    LEGEND_SYMBOL,
    PERCENT_EXPR,
    PROJECTION,
    REQUIRED,
    TARGET,
    TRAJECTORY_COLUMNS,
    legend_scales,
    series_names,
    trajectory_data,
    x_domain,
    y_domain,
)

STATUS_STYLE = palette.STATUS_COLOURS  # (strong, tint) per status, shared with the reports


def _x_axis(data: pd.DataFrame, lang: str) -> alt.X:
    first, ticks = x_domain(data)
    return alt.X(
        "t:Q",
        title=None,
        scale=alt.Scale(domain=[first, TARGET_PERIOD.years + 0.1], nice=False),
        # a tick per year, labelled by the year: short enough for a phone, no language
        axis=alt.Axis(values=ticks, format="d", grid=False, labelAngle=0, labelOverlap=True),
    )


def _y_scale(data: pd.DataFrame, target: float) -> alt.Scale:
    return alt.Scale(domain=y_domain(data, target), nice=False, zero=False)


def _y_axis(data: pd.DataFrame, target: float) -> alt.Y:
    return alt.Y(
        "value:Q",
        title=None,
        scale=_y_scale(data, target),
        axis=alt.Axis(labelExpr=PERCENT_EXPR, tickCount=5, gridColor="#E6EAF0"),
    )


def _legend() -> alt.Legend:
    # one entry per line, drawn as a stroke: the legend fits a phone as well as a page
    return alt.Legend(
        orient="bottom", columns=1, labelFontSize=12, labelLimit=0, symbolType="stroke"
    )


def _legend_colour(data: pd.DataFrame, lang: str) -> alt.Color:
    names, colours, _dashes = legend_scales(data, lang)
    return alt.Color(
        "series:N", title=None, scale=alt.Scale(domain=names, range=colours), legend=_legend()
    )


def _legend_dash(data: pd.DataFrame, lang: str) -> alt.StrokeDash:
    """Each line's dash, on the same field and legend as the colour: the two legends merge
    into one whose entries are drawn as their lines are (solid, dashed, dotted)."""
    names, _colours, dashes = legend_scales(data, lang)
    return alt.StrokeDash(
        "series:N", title=None, scale=alt.Scale(domain=names, range=dashes), legend=_legend()
    )


def _tooltip(lang: str) -> list[alt.Tooltip]:
    return [
        alt.Tooltip("series:N", title=t("chart_series", lang)),
        alt.Tooltip("period_label:N", title=t("chart_quarter", lang)),
        alt.Tooltip("value_label:N", title=t("chart_value", lang)),
    ]


def trajectory_chart(
    data: pd.DataFrame,
    indicator: Indicator,
    lang: str = "vi",
    *,
    title: str | None = None,
    height: int = 340,
) -> alt.LayerChart:
    """Actuals (line + points), required path (dashed), projection (dotted) in its band,
    and the 2030 target (rule + label). `data` comes from `trajectory_data`."""
    data = data.assign(series=data["kind"].map(series_names(lang)))
    base = alt.Chart(data)
    x, y, colour = _x_axis(data, lang), _y_axis(data, indicator.target), _legend_colour(data, lang)
    dash = _legend_dash(data, lang)
    kind = alt.datum.kind
    band = (
        base.transform_filter(kind == "projection")
        .mark_area(opacity=0.16, color=PROJECTION)
        .encode(x=x, y=alt.Y("low:Q", scale=_y_scale(data, indicator.target)), y2="high:Q")
        .properties(name="projection_band")
    )
    required = (
        base.transform_filter(kind == "required")
        .mark_line(strokeWidth=2)
        .encode(x=x, y=y, color=colour, strokeDash=dash, tooltip=_tooltip(lang))
        .properties(name="required_path")
    )
    projection = (
        base.transform_filter(kind == "projection")
        .mark_line(strokeWidth=2)
        .encode(x=x, y=y, color=colour, strokeDash=dash, tooltip=_tooltip(lang))
        .properties(name="projection")
    )
    actual_base = base.transform_filter(kind == "actual").encode(x=x, y=y, color=colour)
    actual = alt.layer(
        actual_base.mark_line(strokeWidth=2.5)
        .encode(strokeDash=dash)
        .properties(name="actual_line"),
        actual_base.mark_point(filled=True, size=55, opacity=1)
        .encode(tooltip=_tooltip(lang))
        .properties(name="actual_points"),
    )
    label = t("chart_target", lang, value=percent(indicator.target, lang, 0))
    target_data = pd.DataFrame({"value": [indicator.target], "label": [label]})
    target_rule = (
        alt.Chart(target_data)
        .mark_rule(color=TARGET, strokeWidth=1.5)
        .encode(y="value:Q")
        .properties(name="target_rule")
    )
    target_text = (
        alt.Chart(target_data)
        .mark_text(
            align="left", dx=4, dy=-8, color=TARGET, fontWeight="bold", fontSize=12, font=FONT
        )
        .encode(y="value:Q", x=alt.value(0), text="label:N")
        .properties(name="target_label")
    )
    layers = alt.layer(band, required, projection, actual, target_rule, target_text)
    return _style(layers.properties(height=height, title=title or ""))  # type: ignore[arg-type]


def _style(chart: alt.LayerChart) -> alt.LayerChart:
    # one configure call: each configure_* copies the whole layered chart again
    return chart.configure(
        axis=alt.AxisConfig(
            labelFont=FONT, titleFont=FONT, labelColor=INK, labelFontSize=12, domainColor="#9AA5B1"
        ),
        # a stroke symbol's length is the square root of its size: 22 px shows a dash's rhythm
        legend=alt.LegendConfig(
            labelFont=FONT, labelColor=INK, symbolStrokeWidth=2.5, symbolSize=LEGEND_SYMBOL
        ),
        title=alt.TitleConfig(font=FONT, color=INK, fontSize=15, anchor="start"),
        view=alt.ViewConfig(strokeWidth=0),
    )


def small_multiples(
    frame: pd.DataFrame, indicator: Indicator, lang: str = "vi", columns: int = 2
) -> alt.FacetChart:
    """One small line per reporting unit. `frame` has `unit_title`, `period_index`, `value`
    and `status` (a kpi.progress status value, which sets the colour)."""
    periods = [period_code(int(i)) for i in frame["period_index"]]
    data = frame.drop(columns="period_index").assign(
        t=[int(i) / 4 for i in frame["period_index"]],
        period_label=[quarter_label(p, lang) for p in periods],
        value_label=[percent(v, lang) for v in frame["value"]],
        target=indicator.target,
    )
    # every status, the ones without a hue too: a value outside the domain draws no line
    statuses = [s.value for s in Status]
    colour = alt.Color(
        "status:N",
        scale=alt.Scale(domain=statuses, range=[palette.status_colours(s)[0] for s in statuses]),
        legend=None,
    )
    years = sorted({int(v) for v in data["t"]}) if len(data) else [2024]
    x = alt.X(
        "t:Q",
        title=None,
        scale=alt.Scale(nice=False),
        axis=alt.Axis(values=[float(y) for y in years], format="d", grid=False),
    )
    y = alt.Y(
        "value:Q",
        title=None,
        scale=alt.Scale(domain=[0, 100]),
        axis=alt.Axis(labelExpr=PERCENT_EXPR, tickCount=3),
    )
    base = alt.Chart()
    line = base.mark_line(point=True, strokeWidth=2).encode(
        x=x,
        y=y,
        color=colour,
        tooltip=[
            alt.Tooltip("period_label:N", title=t("chart_quarter", lang)),
            alt.Tooltip("value_label:N", title=t("chart_value", lang)),
        ],
    )
    rule = base.mark_rule(color=TARGET, strokeDash=[4, 3]).encode(y="mean(target):Q")
    return (
        alt.layer(line, rule, data=data)
        # two columns of 125 px with the shared axis and the last year's label: about
        # 320 px, inside the 358 px a 390 px phone leaves for the page
        .properties(width=125, height=100)
        .facet(
            facet=alt.Facet("unit_title:N", title=None, header=alt.Header(labelFontSize=12)),
            columns=columns,
        )
        .configure_view(strokeWidth=0)
    )
