"""A national database built through the real commit path (revisions, uploads, audit):
3,400 units in 34 groups, 16 indicators, every value with counts, one upload per quarter.
Shared by the dashboard and report benchmarks; built once into artifacts/bench/ and reused.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kpi.canonical import content_hash  # noqa: E402
from kpi.catalogue import load_catalogue  # noqa: E402
from kpi.periods import Quarter, quarter_range  # noqa: E402
from kpi.services.commit import UploadMeta, commit_upload  # noqa: E402
from kpi.storage import open_storage  # noqa: E402
from kpi.storage.repository import ensure_seeded, has_measurements, upsert_units  # noqa: E402
from kpi.units import Unit, load_default_units  # noqa: E402

BENCH_DIR = ROOT / "artifacts" / "bench"


def database_path(units: int, quarters: int) -> Path:
    return BENCH_DIR / f"national-{units}x{quarters}.db"


def national_units(count: int) -> list[Unit]:
    groups = max(1, count // 100)
    units = [Unit(f"NH{g:02d}", f"Nhóm đơn vị {g:02d}", "BNV") for g in range(groups)]
    units += [Unit(f"DV{n:04d}", f"Đơn vị {n:04d}", f"NH{n % groups:02d}") for n in range(count)]
    return units


def quarter_frame(
    codes: list[str], units: list[str], period: Quarter, step: int, rng: np.random.Generator
) -> pd.DataFrame:
    n = len(codes) * len(units)
    start = rng.uniform(20, 70, n)
    pace = rng.normal(1.0, 0.8, n)
    denominator = rng.integers(200, 5000, n).astype(float)
    value = np.clip(start + pace * step, 0.5, 100)
    numerator = np.minimum(np.round(value / 100 * denominator), denominator)
    return pd.DataFrame(
        {
            "indicator_code": np.repeat(codes, len(units)),
            "unit_code": np.tile(units, len(codes)),
            "period": str(period),
            "value": (100 * numerator / denominator).round(2),
            "numerator": numerator,
            "denominator": denominator,
            "note": None,
        }
    )


def build_database(path: Path, unit_count: int, quarters: int) -> str:
    url = f"sqlite:///{path}"
    store = open_storage(url)
    catalogue = load_catalogue()
    ensure_seeded(store, catalogue, load_default_units())
    if has_measurements(store):
        store.dispose()
        return url
    units = national_units(unit_count)
    upsert_units(store, units)
    leaves = [u.code for u in units if u.code.startswith("DV")]
    last = Quarter.containing(pd.Timestamp.today().date()) + -1
    periods = quarter_range(last + -(quarters - 1), last)
    for step, period in enumerate(periods):
        rng = np.random.default_rng(71)  # same unit profiles every quarter
        frame = quarter_frame(list(catalogue.codes), leaves, period, step, rng)
        frame["value"] = np.clip(
            frame["value"] + np.random.default_rng(step).normal(0, 0.5, len(frame)), 0, 100
        )
        frame["numerator"] = np.minimum(
            np.round(frame["value"] / 100 * frame["denominator"]), frame["denominator"]
        )
        frame["value"] = (100 * frame["numerator"] / frame["denominator"]).round(2)
        digest = content_hash(frame)
        meta = UploadMeta(f"quoc-gia-{period}.csv", digest, 0, digest, note="benchmark")
        commit_upload(store, frame, actor="benchmark@kpi.local", meta=meta)
        print(f"  {period}: {len(frame):,} rows", flush=True)
    store.dispose()
    return url
