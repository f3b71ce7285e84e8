"""Statuses for a scope: the one rule every entry point and report follows.

The ministry, or any unit with units below it, gets the roll-up of its subtree;
a leaf unit gets its own series; `all` gives every series with data.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from kpi.catalogue import Catalogue
from kpi.periods import Quarter
from kpi.progress import compute_statuses, ministry_statuses
from kpi.storage import Storage
from kpi.storage.api import known_frame
from kpi.storage.repository import current_frame, unit_registry
from kpi.units import Unit, UnitRegistry


class UnknownUnitError(LookupError):
    """A unit code or name that is not in the unit registry."""

    def __init__(self, ref: str) -> None:
        super().__init__(f"không có đơn vị '{ref}'")
        self.ref = ref


def scope_of(registry: UnitRegistry, unit: Unit) -> list[str]:
    """The unit and every unit below it: whose figures a roll-up reads."""
    return [unit.code, *registry.descendants(unit.code)]


def is_rollup(registry: UnitRegistry, unit: Unit) -> bool:
    """The root and every unit with units below it are judged on their roll-up."""
    return unit.code == registry.root.code or bool(registry.children(unit.code))


def unit_statuses(
    frame: pd.DataFrame,
    catalogue: Catalogue,
    registry: UnitRegistry,
    unit: Unit,
    *,
    as_of: Quarter | None = None,
    today: dt.date | None = None,
) -> pd.DataFrame:
    """One unit's statuses from a frame of current values (the unit's scope or more)."""
    if is_rollup(registry, unit):
        scoped = frame[frame["unit_code"].isin(scope_of(registry, unit))]
        return ministry_statuses(
            scoped, catalogue, registry, as_of=as_of, today=today, root=unit.code
        )
    rows = compute_statuses(
        frame[frame["unit_code"] == unit.code], catalogue, as_of=as_of, today=today
    )
    return rows.reset_index(drop=True)


def statuses_for(
    storage: Storage,
    catalogue: Catalogue,
    unit_ref: str,
    *,
    as_of: Quarter | None = None,
    today: dt.date | None = None,
    known_on: dt.date | None = None,
) -> pd.DataFrame:
    """Statuses for the root, one unit (code or exact name), or `all` series with data;
    with `known_on`, from the figures as they stood at the end of that day."""
    registry = unit_registry(storage)
    as_of_index = as_of.index if as_of else None
    if known_on is None:
        current = current_frame(storage, as_of_index=as_of_index)
    else:
        current = known_frame(storage, known_on, as_of_index=as_of_index)
    if unit_ref.lower() == "all":
        return compute_statuses(current, catalogue, as_of=as_of, today=today)
    unit = registry.resolve(unit_ref)
    if unit is None:
        raise UnknownUnitError(unit_ref)
    return unit_statuses(current, catalogue, registry, unit, as_of=as_of, today=today)
