"""`kpi publish`: a Frictionless Data Package that the `frictionless` validator accepts,
without demo rows unless asked for, and then every row labelled."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from kpi.catalogue import Catalogue
from kpi.periods import parse_quarter
from kpi.services.demo import load_demo
from kpi.services.open_data import status_list
from kpi.services.publish import publish
from kpi.storage import Storage
from tests.kpi.services.helpers import rising, upload

FRICTIONLESS = Path(sys.executable).with_name("frictionless")


def validate(descriptor: Path) -> dict[str, object]:
    result = subprocess.run(
        [str(FRICTIONLESS), "validate", "--json", str(descriptor)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    report = json.loads(result.stdout)
    assert result.returncode == 0 and report["valid"], result.stdout[-3000:]
    return dict(report)


def read(out: Path, name: str) -> pd.DataFrame:
    return pd.read_csv(out / f"{name}.csv", dtype={"indicator_code": str, "code": str})


@pytest.mark.slow
def test_package_is_valid_and_holds_every_resource(
    storage: Storage, catalogue: Catalogue, tmp_path: Path
) -> None:
    upload(storage, catalogue, rising("1.1", "VPB", 40, 2) + rising("1.1", "TTCNTT", 50, 1))
    descriptor = publish(storage, catalogue, tmp_path / "pkg", as_of=parse_quarter("2026-Q3"))
    report = validate(descriptor)
    assert report["stats"]["tasks"] == 4  # type: ignore[index]
    package = json.loads(descriptor.read_text(encoding="utf-8"))
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    assert package["sources"] and {"VPB", "TTCNTT"} <= {c["title"] for c in package["contributors"]}
    assert [r["name"] for r in package["resources"]] == [
        "indicators",
        "ministry_series",
        "unit_series",
        "statuses",
    ]
    assert all(r["schema"]["fields"] for r in package["resources"])
    out = tmp_path / "pkg"
    assert len(read(out, "indicators")) == 16
    ministry = read(out, "ministry_series")
    assert ministry["units_with_counts"].eq(2).all() and len(ministry) == 8
    assert len(read(out, "unit_series")) == 16
    statuses = read(out, "statuses")
    ministry_rows = statuses[statuses["unit_code"] == "BNV"]
    expected = status_list(storage, catalogue, as_of=parse_quarter("2026-Q3"))
    assert list(ministry_rows["status"]) == [r["status"] for r in expected]
    assert "is_demo" not in statuses.columns


@pytest.mark.slow
def test_demo_rows_only_when_asked_and_labelled(
    sqlite_storage: Storage, catalogue: Catalogue, tmp_path: Path
) -> None:
    load_demo(sqlite_storage, catalogue)
    upload(sqlite_storage, catalogue, rising("1.5", "VPB", 20, 1))
    plain = publish(sqlite_storage, catalogue, tmp_path / "plain")
    validate(plain)
    units = read(tmp_path / "plain", "unit_series")
    assert set(units["indicator_code"]) == {"1.5"} and set(units["unit_code"]) == {"VPB"}
    assert "is_demo" not in units.columns
    labelled = publish(sqlite_storage, catalogue, tmp_path / "demo", include_demo=True)
    validate(labelled)
    package = json.loads(labelled.read_text(encoding="utf-8"))
    assert "MINH HỌA" in package["title"]
    for name in ("ministry_series", "unit_series", "statuses"):
        frame = read(tmp_path / "demo", name)
        assert frame["is_demo"].any() and frame["is_demo"].notna().all(), name
    units = read(tmp_path / "demo", "unit_series")
    mine = units[(units["indicator_code"] == "1.5") & (units["unit_code"] == "VPB")]
    mine = mine[mine["period"].between("2024-Q4", "2026-Q3")]
    assert len(mine) == 8 and not mine["is_demo"].any()
