"""A Frictionless Data Package: one CSV per resource, each described by a Table Schema,
under a `datapackage.json` with licence, sources and contributors. Renders built
frames; never opens storage."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

PROFILE = "tabular-data-resource"


@dataclass(frozen=True)
class Field:
    name: str
    type: str  # Table Schema type: string, number, integer, boolean, date, datetime
    description: str
    required: bool = False
    pattern: str | None = None

    def descriptor(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name, "type": self.type}
        out["description"] = self.description
        constraints: dict[str, Any] = {}
        if self.required:
            constraints["required"] = True
        if self.pattern:
            constraints["pattern"] = self.pattern
        if constraints:
            out["constraints"] = constraints
        return out


@dataclass(frozen=True)
class Table:
    name: str
    title: str
    description: str
    frame: pd.DataFrame
    fields: Sequence[Field]
    primary_key: Sequence[str] = field(default_factory=list)


def _cell(value: Any, kind: str) -> Any:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    if kind == "datetime":
        stamp = pd.Timestamp(value)
        stamp = stamp.tz_localize("UTC") if stamp.tzinfo is None else stamp.tz_convert("UTC")
        return stamp.strftime("%Y-%m-%dT%H:%M:%SZ")
    if kind == "date":
        return pd.Timestamp(value).date().isoformat()
    if kind == "boolean":
        return "true" if bool(value) else "false"
    if kind == "integer":
        return int(value)
    return value


def _csv(table: Table, path: Path) -> None:
    names = [f.name for f in table.fields]
    out = pd.DataFrame(
        {f.name: [_cell(v, f.type) for v in table.frame[f.name]] for f in table.fields}
    )
    out[names].to_csv(path, index=False, encoding="utf-8", lineterminator="\n")


def _resource(table: Table) -> dict[str, Any]:
    schema: dict[str, Any] = {"fields": [f.descriptor() for f in table.fields]}
    if table.primary_key:
        schema["primaryKey"] = list(table.primary_key)
    return {
        "name": table.name,
        "title": table.title,
        "description": table.description,
        "path": f"{table.name}.csv",
        "profile": PROFILE,
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": schema,
    }


def write_package(out: Path, about: dict[str, Any], tables: Sequence[Table]) -> Path:
    """Write every table and the descriptor into `out`; returns the descriptor's path."""
    out.mkdir(parents=True, exist_ok=True)
    for table in tables:
        _csv(table, out / f"{table.name}.csv")
    descriptor = {
        "profile": "tabular-data-package",
        **about,
        "created": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "resources": [_resource(t) for t in tables],
    }
    path = out / "datapackage.json"
    path.write_text(json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path
