"""The reports' Altair-free trajectory spec is the dashboard's Altair chart, dict for dict."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

from kpi.catalogue import Catalogue
from kpi.periods import parse_quarter
from reports import charts
from reports.trajectory import trajectory_data, trajectory_spec

FALLING = {
    "baseline_period": "2023-Q2",
    "baseline_value": 71.0,
    "latest_period": "2025-Q4",
    "latest_value": 52.5,
    "observed_pace_pp_per_year": -7.4,
}
RISING = {
    "baseline_period": "2023-Q2",
    "baseline_value": 30.0,
    "latest_period": "2025-Q4",
    "latest_value": 44.0,
    "observed_pace_pp_per_year": 5.6,
}


def _series(values: list[float]) -> pd.DataFrame:
    start = parse_quarter("2023-Q2").index
    return pd.DataFrame({"period_index": range(start, start + len(values)), "value": values})


CASES = {
    "rising": (_series(list(np.linspace(30, 44, 11))), RISING),
    "falling, band below the floor": (_series(list(np.linspace(71, 52.5, 11))), FALLING),
    "no baseline: actuals only": (_series([12.0, 15.5, np.nan, 18.25]), {}),
    "one quarter": (_series([88.0]), {}),
}


@pytest.mark.parametrize("case", list(CASES))
@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("code", ["1.1", "1.10", "2"])
def test_spec_equals_the_altair_chart(
    catalogue: Catalogue, case: str, lang: str, code: str
) -> None:
    series, status = CASES[case]
    indicator = catalogue[code]
    data = trajectory_data(series, status, indicator, lang)
    altair = charts.trajectory_chart(data, indicator, lang, height=220)
    assert trajectory_spec(data, indicator, lang, height=220) == altair.to_dict()
    wide = altair.properties(width=600).to_dict()
    assert trajectory_spec(data, indicator, lang, height=220, width=600) == wide


def test_each_spec_is_its_own(catalogue: Catalogue) -> None:
    series, status = CASES["rising"]
    data = trajectory_data(series, status, catalogue["1.1"])
    first = trajectory_spec(data, catalogue["1.1"])
    first["config"]["axis"]["labelFont"] = "changed"
    first["layer"][1]["encoding"]["x"]["axis"]["values"].clear()
    again = trajectory_spec(data, catalogue["1.1"])
    assert again["config"]["axis"]["labelFont"] == charts.FONT
    assert again["layer"][1]["encoding"]["x"]["axis"]["values"]


def test_the_report_charts_do_not_import_altair() -> None:
    code = (
        "import sys; import kpi.services.report_output, reports.chart_images; "
        "print('altair' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize("case", list(CASES))
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_legend_names_only_the_lines_drawn(catalogue: Catalogue, case: str, lang: str) -> None:
    series, status = CASES[case]
    indicator = catalogue["1.1"]
    data = trajectory_data(series, status, indicator, lang)
    spec = trajectory_spec(data, indicator, lang, height=220)
    drawn = set(data["kind"])
    names = {k: v for k, v in charts.series_names(lang).items() if k in drawn}
    for layer in spec["layer"]:
        for channel in ("color", "strokeDash"):
            scale = layer.get("encoding", {}).get(channel, {}).get("scale")
            if scale and "domain" in scale:
                assert scale["domain"] == [names[k] for k in charts.KINDS if k in drawn]
                assert len(scale["range"]) == len(scale["domain"])
