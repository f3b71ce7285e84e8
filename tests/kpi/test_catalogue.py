"""The catalogue matches the plan's Phụ lục I figure for figure."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from kpi.catalogue import CatalogueError, Comparator, load_catalogue, parse_catalogue
from kpi.periods import Quarter

REFERENCE = (
    Path(__file__).resolve().parents[3] / "shared" / "reference" / "phu-luc-i-indicators.csv"
)

# The plan's own numbers (Phụ lục I), pinned here so a typo in the data file fails a test.
PLAN_TARGETS = {
    "1.1": (">=", 80),
    "1.2": ("=", 90),
    "1.3": ("=", 100),
    "1.4": ("=", 100),
    "1.5": ("=", 80),
    "1.6": ("=", 80),
    "1.7": ("=", 70),
    "1.8": (">=", 30),
    "1.9": ("=", 100),
    "1.10": ("=", 100),
    "1.11": ("=", 100),
    "1.12": ("=", 80),
    "1.13": ("=", 70),
    "1.14": ("=", 70),
    "1.15": (">=", 70),
    "2": ("=", 100),
}


def test_all_sixteen_indicators_with_plan_targets() -> None:
    catalogue = load_catalogue()
    assert catalogue.codes == tuple(PLAN_TARGETS)
    for indicator in catalogue:
        comparator, target = PLAN_TARGETS[indicator.code]
        assert indicator.comparator is Comparator(comparator)
        assert indicator.target == target
        assert indicator.unit == "%"
        assert indicator.target_period == Quarter(2030, 4)
        assert indicator.period_type == "quarter"
        assert indicator.name_vi and indicator.name_en and indicator.lead_units


def test_codes_stay_text() -> None:
    catalogue = load_catalogue()
    assert "1.10" in catalogue and "1.1" in catalogue
    assert catalogue["1.10"].code != catalogue["1.1"].code


@pytest.mark.skipif(not REFERENCE.is_file(), reason="shared reference file not present")
def test_matches_reference_transcription() -> None:
    catalogue = load_catalogue()
    with REFERENCE.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            indicator = catalogue[row["code"]]
            assert indicator.name_vi == row["name_vi"]
            assert indicator.target == float(row["target"])
            assert indicator.comparator.value == row["comparator"]
            assert indicator.lead_units == row["lead_units"]
            assert indicator.coordinating_units == row["coordinating_units"]
            assert indicator.group == row["group"]


def _text_with(column: str, value: str) -> str:
    lines = (
        (Path(__file__).resolve().parents[2] / "kpi" / "data" / "indicators.csv")
        .read_text(encoding="utf-8")
        .splitlines()
    )
    header = lines[0].split(",")
    rows = list(csv.DictReader(lines))
    rows[0][column] = value
    out = [",".join(header)]
    for row in rows:
        out.append(",".join(f'"{row[h]}"' for h in header))
    return "\n".join(out)


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("target", "abc", "không phải là số"),
        ("target", "120", "ngoài 0–100"),
        ("unit", "người", "%"),
        ("comparator", "<", "comparator"),
        ("code", "1.2", "mã trùng"),
        ("name_vi", " ", "trống"),
    ],
)
def test_invalid_catalogue_is_refused(column: str, value: str, message: str) -> None:
    with pytest.raises(CatalogueError, match=message):
        parse_catalogue(_text_with(column, value))
