"""Shared helpers for the benchmarks: national-scale units and timing."""

from __future__ import annotations

import compileall
import resource
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from kpi.units import Unit

T = TypeVar("T")
PROVINCES = 34
UNITS_TOTAL = 3_400


def national_units() -> list[Unit]:
    """BNV → 34 provinces → communes: 3,400 reporting units in all."""
    units = [Unit("BNV", "Bộ Nội vụ", None)]
    per_province = (UNITS_TOTAL - PROVINCES) // PROVINCES
    extra = UNITS_TOTAL - PROVINCES - per_province * PROVINCES
    for p in range(PROVINCES):
        province = f"T{p:02d}"
        units.append(Unit(province, f"Tỉnh {p:02d}", "BNV"))
        count = per_province + (1 if p < extra else 0)
        units.extend(
            Unit(f"{province}-X{c:03d}", f"Xã {c:03d} tỉnh {p:02d}", province) for c in range(count)
        )
    return units


def reporting_units() -> list[str]:
    return [u.code for u in national_units() if u.parent is not None]


def timed(label: str, func: Callable[[], T], results: dict[str, float]) -> T:
    start = time.perf_counter()
    value = func()
    results[label] = time.perf_counter() - start
    return value


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@contextmanager
def section(title: str) -> Iterator[None]:
    print(f"\n== {title}")
    yield


def compile_checkout(root: Path) -> None:
    """Bytecode for the checkout's packages, as `pip install` writes it for an installed
    kpi. Under PYTHONDONTWRITEBYTECODE (set on the shared machine) a timed `kpi` process
    would otherwise compile every module it imports, every run (0.4 s of CPU a load)."""
    for package in ("kpi", "loaders", "schemas", "reports"):
        compileall.compile_dir(root / package, quiet=1)
