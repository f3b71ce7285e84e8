"""Chart builders: pure functions, checked through their Vega-Lite specs."""

from __future__ import annotations

import json
from typing import Any

import numpy as np
import pandas as pd
import pytest
import vl_convert as vlc

from kpi import palette
from kpi.catalogue import Catalogue
from kpi.periods import parse_quarter
from kpi.progress import Status
from reports import charts

PERIODS = [f"{y}-Q{q}" for y in (2024, 2025) for q in (1, 2, 3, 4)]
STATUS = {
    "baseline_period": "2024-Q1",
    "baseline_value": 42.0,
    "latest_period": "2025-Q4",
    "latest_value": 47.25,
    "observed_pace_pp_per_year": 3.0,
}


def _series() -> pd.DataFrame:
    wobble = np.array([0.0, 0.4, -0.3, 0.2, -0.4, 0.3, -0.2, 0.0])
    indexes = [parse_quarter(p).index for p in PERIODS]
    return pd.DataFrame({"period_index": indexes, "value": 42 + np.arange(8) * 0.75 + wobble})


def _layers(spec: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    for layer in spec.get("layer", []):
        out.append(layer)
        out.extend(_layers(layer))
    return out


def test_trajectory_data_has_every_part(catalogue: Catalogue) -> None:
    data = charts.trajectory_data(_series(), STATUS, catalogue["1.1"], "vi")
    assert list(data.columns) == charts.TRAJECTORY_COLUMNS
    kinds = data.groupby("kind").size().to_dict()
    assert kinds["actual"] == 8
    assert kinds["required"] == 2
    assert kinds["projection"] == 21  # 2025-Q4 .. 2030-Q4
    required = data[data["kind"] == "required"]
    assert required["value"].tolist() == [42.0, 80.0]
    assert required["period_label"].tolist() == ["Quý 1/2024", "Quý 4/2030"]
    end = data[data["kind"] == "projection"].iloc[-1]
    assert end["value"] == pytest.approx(47.25 + 3.0 * 5)
    assert end["low"] < end["value"] < end["high"]
    assert (
        data.loc[(data["kind"] == "actual") & (data["period"] == "2024-Q3"), "value_label"].iloc[0]
        == "43,2%"
    )


def test_projection_is_clipped_and_optional(catalogue: Catalogue) -> None:
    falling = dict(STATUS, observed_pace_pp_per_year=-30.0)
    data = charts.trajectory_data(_series(), falling, catalogue["1.1"])
    assert data["value"].min() >= 0
    bare = charts.trajectory_data(_series(), {}, catalogue["1.1"])
    assert set(bare["kind"]) == {"actual"}


def test_chart_spec_has_target_rule_and_trajectory_layers(catalogue: Catalogue) -> None:
    data = charts.trajectory_data(_series(), STATUS, catalogue["1.1"], "vi")
    spec = json.loads(charts.trajectory_chart(data, catalogue["1.1"], "vi").to_json())
    layers = {layer.get("name"): layer for layer in _layers(spec)}
    assert {"target_rule", "target_label", "required_path", "projection", "projection_band"} <= set(
        layers
    )
    assert layers["target_rule"]["mark"]["type"] == "rule"
    assert _dash_of(layers["required_path"], "Lộ trình cần thiết") == [7, 5]
    assert _dash_of(layers["projection"], "Dự báo theo tốc độ hiện nay") == [2, 3]
    assert layers["projection_band"]["mark"]["type"] == "area"
    text = json.dumps(spec, ensure_ascii=False)
    assert "Mục tiêu 2030: 80%" in text
    assert charts.PERCENT_EXPR in text
    x_axis = layers["required_path"]["encoding"]["x"]["axis"]
    assert x_axis["format"] == "d" and x_axis["values"][:2] == [2024.0, 2025.0]  # years
    assert "Lộ trình cần thiết" in text


def _dash_of(layer: dict[str, Any], series: str) -> list[int]:
    scale = layer["encoding"]["strokeDash"]["scale"]
    return list(scale["range"][scale["domain"].index(series)])


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_legend_draws_each_line_as_it_is_drawn(catalogue: Catalogue, lang: str) -> None:
    """One legend (colour and dash on one field), its symbols strokes with the lines' dashes,
    not dots: the dashed required path and the dotted projection look so in the legend."""
    data = charts.trajectory_data(_series(), STATUS, catalogue["1.1"], lang)
    spec = json.loads(charts.trajectory_chart(data, catalogue["1.1"], lang).to_json())
    lines = [layer for layer in _layers(spec) if layer.get("mark", {}).get("type") == "line"]
    assert len(lines) == 3
    for layer in lines:
        colour, dash = layer["encoding"]["color"], layer["encoding"]["strokeDash"]
        assert dash["field"] == colour["field"] and dash["legend"] == colour["legend"]
        assert dash["legend"]["symbolType"] == "stroke"
        assert dash["scale"]["domain"] == colour["scale"]["domain"]
    svg = vlc.vegalite_to_svg(json.dumps(spec))
    legend = svg[svg.index('class="mark-group role-legend"') :]
    assert legend.count("stroke-dasharray") >= 2  # the required path's and the projection's


def test_english_labels(catalogue: Catalogue) -> None:
    data = charts.trajectory_data(_series(), STATUS, catalogue["1.2"], "en")
    text = charts.trajectory_chart(data, catalogue["1.2"], "en").to_json()
    assert "2030 target: 90%" in text and "Required path" in text


def test_chart_renders_to_png_and_svg_without_a_browser(catalogue: Catalogue) -> None:
    data = charts.trajectory_data(_series(), STATUS, catalogue["1.1"], "vi")
    spec = charts.trajectory_chart(data, catalogue["1.1"], "vi").to_json()
    png = vlc.vegalite_to_png(spec)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    svg = vlc.vegalite_to_svg(spec)
    assert "<svg" in svg and "Quý 1/2025" in svg and "80%" in svg


def test_small_multiples_one_panel_per_unit(catalogue: Catalogue) -> None:
    frames = [
        _series().assign(unit_title=unit, status=status)
        for unit, status in (("VPB", "on_track"), ("CNCC", "deteriorating"))
    ]
    spec = json.loads(charts.small_multiples(pd.concat(frames), catalogue["1.1"]).to_json())
    assert spec["facet"]["field"] == "unit_title"
    data = next(iter(spec["datasets"].values()))
    assert {row["unit_title"] for row in data} == {"VPB", "CNCC"}


def test_small_multiples_draw_a_unit_of_every_status(catalogue: Catalogue) -> None:
    """A unit with no recent data (a status without a hue) still gets its grey line."""
    frames = [_series().assign(unit_title=s.value, status=s.value) for s in Status]
    chart = charts.small_multiples(pd.concat(frames), catalogue["1.1"], columns=4)
    spec = json.loads(chart.to_json())
    scale = spec["spec"]["layer"][0]["encoding"]["color"]["scale"]
    assert set(scale["domain"]) == {s.value for s in Status}
    grey = scale["range"][scale["domain"].index("no_recent_data")]
    assert grey == palette.OTHER_STATUS[0]
    assert spec["columns"] == 4
    # drawn: one blue unit and one without a hue, whose grey no other status shares here
    pair = [
        _series().assign(unit_title=u, status=s)
        for u, s in (("A", "on_track"), ("B", "no_recent_data"))
    ]
    svg = vlc.vegalite_to_svg(charts.small_multiples(pd.concat(pair), catalogue["1.1"]).to_json())
    assert f'stroke="{grey}"' in svg


def test_status_palette_contrast() -> None:
    def luminance(hex_colour: str) -> float:
        rgb = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    def contrast(a: str, b: str) -> float:
        hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
        return (hi + 0.05) / (lo + 0.05)

    for strong, tint in charts.STATUS_STYLE.values():
        assert contrast(strong, "#FFFFFF") >= 4.5  # marks and text on white
        assert contrast(charts.INK, tint) >= 4.5  # dark text on the tinted cell
    greys = sorted(round(luminance(s), 2) for s, _ in charts.STATUS_STYLE.values())
    assert len(greys) == len(charts.STATUS_STYLE)  # distinguishable in greyscale too
