"""`kpi publish`: the open-data package of the catalogue, the series and the statuses.

Demo rows are left out unless asked for; then every row carries `is_demo` and the
package says so in its title.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from kpi.canonical import with_period
from kpi.catalogue import Catalogue
from kpi.periods import Quarter, local_today
from kpi.progress import CONTRACT_COLUMNS, compute_statuses, status_records
from kpi.services.open_data import SERIES_COLUMNS, indicator_records, series_frame
from kpi.services.statuses import owed, unit_statuses
from kpi.storage import Storage
from kpi.storage.repository import current_frame, unit_registry
from kpi.text import t
from reports.datapackage import Field, Table, write_package

QUARTER = r"^\d{4}-Q[1-4]$"
LICENCE = {
    "name": "CC-BY-4.0",
    "title": "Creative Commons Attribution 4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
}
SOURCES = [
    {
        "title": t("publish.source_plan"),
        "description": t("publish.source_plan_about"),
    },
    {
        "title": t("publish.source_figures"),
        "description": t("publish.source_figures_about"),
    },
]
UNIT_COLUMNS = ["indicator_code", "unit_code", "period", "value", "numerator", "denominator"]


def _indicator_fields(records: list[dict[str, Any]]) -> list[Field]:
    kinds = {"target": "number", "last_updated": "datetime"}
    return [
        Field(name, kinds.get(name, "string"), f"Catalogue field {name}", name == "code")
        for name in records[0]
    ]


def _series_fields(columns: list[str]) -> list[Field]:
    words = {
        "value": ("number", "Value in percent"),
        "numerator": ("number", "Numerator (count)"),
        "denominator": ("number", "Denominator (count)"),
        "source": ("string", "reported (own figure) or rollup (sum of units' counts)"),
        "units_expected": ("string", "Direct units that reported the indicator (codes, ';')"),
        "units_with_counts": ("string", "Units whose counts were summed (codes, ';')"),
        "units_value_only": (
            "string",
            "Units that gave only a percentage, not summed (codes, ';')",
        ),
        "units_missing": ("string", "Expected units with no figure for the quarter (codes, ';')"),
        "is_demo": ("boolean", "Demo (illustrative) row, not a real figure"),
    }
    out = []
    for name in columns:
        kind, text = words.get(name, ("string", name.replace("_", " ")))
        required = name in ("indicator_code", "unit_code", "period")
        out.append(Field(name, kind, text, required, QUARTER if name == "period" else None))
    return out


def _kind(values: pd.Series) -> str:
    present = [v for v in values if v is not None]
    if present and all(isinstance(v, bool) for v in present):
        return "boolean"
    if present and all(isinstance(v, int | float) and not isinstance(v, bool) for v in present):
        return "number"
    return "string"


def _status_table(frame: pd.DataFrame) -> Table:
    """Fields follow the status contract as it stands (docs/methodology.md)."""
    columns = list(frame.columns)
    fields = [
        Field(c, _kind(frame[c]), f"Status field {c} (docs/methodology.md)", c == "indicator_code")
        for c in columns
    ]
    return Table(
        "statuses",
        t("publish.statuses"),
        t("publish.statuses_about"),
        frame,
        fields,
        ["unit_code", "indicator_code"],
    )


def _statuses(
    frame: pd.DataFrame,
    storage: Storage,
    catalogue: Catalogue,
    as_of: Quarter | None,
    include_demo: bool,
) -> pd.DataFrame:
    """The ministry's roll-up and every unit's own series, as `kpi status` computes them."""
    registry = unit_registry(storage)
    rules = owed(storage, catalogue)
    root = unit_statuses(frame, catalogue, registry, registry.root, as_of=as_of, obligations=rules)
    own = compute_statuses(frame[frame["unit_code"] != registry.root.code], catalogue, as_of=as_of)
    rows = status_records(root) + status_records(own)
    out = pd.DataFrame(rows, columns=CONTRACT_COLUMNS).astype(object)
    if include_demo:  # a status computed from any demo figure is a demo row
        demo = frame[frame["is_demo"]]
        pairs = set(zip(demo["unit_code"], demo["indicator_code"], strict=True))
        codes = set(demo["indicator_code"])
        out["is_demo"] = [
            (i in codes) if u == registry.root.code else ((u, i) in pairs)
            for u, i in zip(out["unit_code"], out["indicator_code"], strict=True)
        ]
    return out.where(out.notna(), None)


def publish(
    storage: Storage,
    catalogue: Catalogue,
    out: Path,
    *,
    as_of: Quarter | None = None,
    include_demo: bool = False,
) -> Path:
    """Write the package into `out`; returns the path of datapackage.json."""
    frame = current_frame(storage, as_of_index=as_of.index if as_of else None)
    if not include_demo:
        frame = frame[~frame["is_demo"]]
    registry = unit_registry(storage)
    root = registry.root.code
    parts = [
        series_frame(storage, catalogue, i.code, root, last=as_of, include_demo=include_demo)
        for i in catalogue
    ]
    ministry = with_period(pd.concat(parts, ignore_index=True))
    units = with_period(frame[frame["unit_code"] != root])[[*UNIT_COLUMNS, "is_demo"]]
    series_cols = SERIES_COLUMNS if include_demo else [c for c in SERIES_COLUMNS if c != "is_demo"]
    unit_cols = [*UNIT_COLUMNS, "is_demo"] if include_demo else UNIT_COLUMNS
    statuses = _statuses(frame, storage, catalogue, as_of, include_demo)
    indicators = indicator_records(storage, catalogue)
    tables = [
        Table(
            "indicators",
            t("publish.indicators"),
            t("publish.indicators_about"),
            pd.DataFrame(indicators),
            _indicator_fields(indicators),
            ["code"],
        ),
        Table(
            "ministry_series",
            t("publish.ministry"),
            t("publish.ministry_about"),
            ministry[series_cols],
            _series_fields(series_cols),
            ["indicator_code", "period"],
        ),
        Table(
            "unit_series",
            t("publish.units"),
            t("publish.units_about"),
            units.sort_values(["indicator_code", "unit_code", "period"])[unit_cols],
            _series_fields(unit_cols),
            ["indicator_code", "unit_code", "period"],
        ),
        _status_table(statuses),
    ]
    return write_package(out, _about(frame, registry.root.name, as_of, include_demo), tables)


def _about(
    frame: pd.DataFrame, publisher: str, as_of: Quarter | None, include_demo: bool
) -> dict[str, Any]:
    title = t("publish.title")
    if include_demo:
        title += t("publish.title_demo")
    reporting = sorted(set(frame["unit_code"].astype(str)))
    return {
        "name": "kpi-monitor-bnv",
        "title": title,
        "description": (
            t("publish.description")
            + (t("publish.description_as_of", as_of=as_of) if as_of else "")
            + t("publish.description_made", day=local_today().isoformat())
        ),
        "version": "1.0.0",
        "licenses": [LICENCE],
        "sources": SOURCES,
        "contributors": [
            {"title": publisher, "role": "publisher"},
            *({"title": code, "role": "contributor"} for code in reporting),
        ],
        "keywords": ["chuyển đổi số", "Nghị quyết 57-NQ/TW", "Nghị quyết 71/NQ-CP", "Open SDG"],
    }
