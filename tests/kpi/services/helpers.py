"""Figures committed through the upload service, as officers commit them."""

from __future__ import annotations

from kpi.catalogue import Catalogue
from kpi.services import ingest
from kpi.settings import Settings
from kpi.storage import Storage

HEADER = "indicator_code,unit_code,period,value,numerator,denominator\n"


def upload(
    storage: Storage,
    catalogue: Catalogue,
    rows: list[str],
    *,
    settings: Settings | None = None,
    name: str = "q.csv",
) -> ingest.CommitResult:
    data = (HEADER + "\n".join(rows) + "\n").encode()
    prepared = ingest.prepare(storage, data, name, catalogue=catalogue, settings=Settings())
    assert prepared.ok, [p.text("en") for p in prepared.problems]
    return ingest.commit(
        storage,
        prepared,
        actor="officer@bnv.gov.vn",
        confirm_note="xác nhận" if prepared.warnings else None,
        settings=settings,
        catalogue=catalogue,
    )


def rising(indicator: str, unit: str, start: float, step: float, counts: bool = True) -> list[str]:
    """Eight quarters 2024-Q4 … 2026-Q3 rising by `step` points, with counts out of 1000."""
    quarters = ["2024-Q4", *[f"{y}-Q{q}" for y in (2025, 2026) for q in (1, 2, 3, 4)][:7]]
    out = []
    for n, period in enumerate(quarters):
        value = start + step * n
        tail = f",{value * 10:.0f},1000" if counts else ",,"
        out.append(f"{indicator},{unit},{period},{value:.1f}{tail}")
    return out
