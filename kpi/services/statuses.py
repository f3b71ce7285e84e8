"""Statuses for a scope: the one rule every entry point and report follows.

The ministry, or any unit with units below it, gets the roll-up of its subtree (with
its coverage); a leaf unit gets its own series; `all` gives every leaf series with data
and every parent unit's roll-up. The as-of quarter defaults to the last ended quarter;
`known_on` reads only the revisions created on or before that date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pandas as pd

from kpi.catalogue import Catalogue
from kpi.messages import Explained, say
from kpi.obligations import Obligation, effective_obligations
from kpi.periods import Quarter, last_ended_quarter
from kpi.progress import compute_statuses, ministry_statuses
from kpi.progress.scope_lists import owed_by_root
from kpi.progress.scopes import rollup_many, rollup_statuses_many
from kpi.storage import Storage
from kpi.storage.columnar import current_columns
from kpi.storage.cycle import stored_obligations
from kpi.storage.known import known_on_frame
from kpi.storage.repository import current_frame, unit_registry
from kpi.units import Unit, UnitRegistry


class UnknownUnitError(Explained, LookupError):
    """A unit code or name that is not in the unit registry."""

    def __init__(self, ref: str) -> None:
        super().__init__(say("svc.no_unit", ref=ref))
        self.ref = ref


def scope_of(registry: UnitRegistry, unit: Unit) -> list[str]:
    """The unit and every unit below it: whose figures a roll-up reads."""
    return [unit.code, *registry.descendants(unit.code)]


def is_rollup(registry: UnitRegistry, unit: Unit) -> bool:
    """The root and every unit with units below it are judged on their roll-up."""
    return unit.code == registry.root.code or bool(registry.children(unit.code))


def owed(storage: Storage, catalogue: Catalogue) -> list[Obligation]:
    """Every reporting obligation in force: who is expected in a roll-up's coverage."""
    registry = unit_registry(storage)
    merged = effective_obligations(catalogue, stored_obligations(storage))
    return [o for o in merged if o.unit_code in registry]


def unit_statuses(
    frame: pd.DataFrame,
    catalogue: Catalogue,
    registry: UnitRegistry,
    unit: Unit,
    *,
    as_of: Quarter | None = None,
    today: dt.date | None = None,
    obligations: Sequence[Obligation] = (),
) -> pd.DataFrame:
    """One unit's statuses from a frame of current values (the unit's scope or more);
    a roll-up expects every unit that owes a figure (`obligations`) beside those that
    reported one."""
    if is_rollup(registry, unit):
        scoped = frame[frame["unit_code"].isin(scope_of(registry, unit))]
        return ministry_statuses(
            scoped,
            catalogue,
            registry,
            as_of=as_of,
            today=today,
            root=unit.code,
            obligations=obligations,
        )
    rows = compute_statuses(
        frame[frame["unit_code"] == unit.code], catalogue, as_of=as_of, today=today
    )
    return rows.reset_index(drop=True)


def rollup_parents(registry: UnitRegistry) -> list[str]:
    """The units judged on their roll-up, the root first (the order `--unit all` lists)."""
    parents = [u.code for u in registry if is_rollup(registry, u)]
    return sorted(parents, key=lambda code: (code != registry.root.code, code))


def parents_statuses(
    frame: pd.DataFrame,
    catalogue: Catalogue,
    registry: UnitRegistry,
    parents: list[str],
    *,
    as_of: Quarter | None = None,
    today: dt.date | None = None,
    obligations: Sequence[Obligation] = (),
) -> pd.DataFrame:
    """Every parent's roll-up statuses from one pass over the tree (`rollup_many`), the
    same figures as one `unit_statuses` per parent."""
    series = rollup_many(frame, registry, parents, obligations)
    owed_by = owed_by_root(obligations, registry, parents)
    return rollup_statuses_many(series, catalogue, parents, as_of=as_of, today=today, owed=owed_by)


def leaf_statuses(
    frame: pd.DataFrame,
    catalogue: Catalogue,
    parents: list[str],
    *,
    as_of: Quarter | None = None,
    today: dt.date | None = None,
) -> pd.DataFrame:
    """Every series of a unit with nothing below it."""
    leaves = frame[~frame["unit_code"].isin(parents)]
    return compute_statuses(leaves, catalogue, as_of=as_of, today=today)


def every_scope(
    frame: pd.DataFrame,
    catalogue: Catalogue,
    registry: UnitRegistry,
    *,
    as_of: Quarter | None = None,
    today: dt.date | None = None,
    obligations: Sequence[Obligation] = (),
) -> pd.DataFrame:
    """`--unit all`: every parent unit's roll-up (root first), then every leaf series."""
    parents = rollup_parents(registry)
    parts = [
        parents_statuses(
            frame, catalogue, registry, parents, as_of=as_of, today=today, obligations=obligations
        ),
        leaf_statuses(frame, catalogue, parents, as_of=as_of, today=today),
    ]
    filled = [p for p in parts if not p.empty]
    return pd.concat(filled, ignore_index=True) if filled else parts[1]


# What statuses and roll-ups read: fewer columns, a faster read at national scale.
STATUS_COLUMNS = [
    "indicator_code",
    "unit_code",
    "period_index",
    "value",
    "numerator",
    "denominator",
]


def values_for(
    storage: Storage,
    as_of: Quarter,
    *,
    known_on: dt.date | None = None,
    unit_codes: list[str] | None = None,
    columns: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Current values up to the as-of quarter, or as they were known on a date (every
    column, or only `columns` of the current values)."""
    if known_on is not None:
        return known_on_frame(storage, known_on, as_of_index=as_of.index, unit_codes=unit_codes)
    if columns is None:
        return current_frame(storage, as_of_index=as_of.index, unit_codes=unit_codes)
    return current_columns(storage, list(columns), as_of_index=as_of.index, unit_codes=unit_codes)


def statuses_for(
    storage: Storage,
    catalogue: Catalogue,
    unit_ref: str,
    *,
    as_of: Quarter | None = None,
    known_on: dt.date | None = None,
    today: dt.date | None = None,
) -> pd.DataFrame:
    """Statuses for the root, one unit (code or exact name), or `all`."""
    as_of = as_of or last_ended_quarter(today)
    registry = unit_registry(storage)
    current = values_for(storage, as_of, known_on=known_on, columns=STATUS_COLUMNS)
    rules = owed(storage, catalogue)
    if unit_ref.lower() == "all":
        return every_scope(
            current, catalogue, registry, as_of=as_of, today=today, obligations=rules
        )
    unit = registry.resolve(unit_ref)
    if unit is None:
        raise UnknownUnitError(unit_ref)
    return unit_statuses(
        current, catalogue, registry, unit, as_of=as_of, today=today, obligations=rules
    )
