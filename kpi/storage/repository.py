"""Reads and small writes: seeding, units, current values, history, audit."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import pandas as pd
from sqlalchemy import Select, delete, func, insert, select, update
from sqlalchemy.orm import Session

from kpi.catalogue import Catalogue, Indicator
from kpi.periods import Quarter
from kpi.storage.engine import Storage
from kpi.storage.frames import read_frame
from kpi.storage.models import (
    AuditEntry,
    CurrentValue,
    IndicatorRecord,
    Measurement,
    UnitRecord,
    Upload,
)
from kpi.tasks import load_plan_tasks
from kpi.units import Unit, UnitRegistry, check_tree, check_unique_names, fold_name

SYSTEM_ACTOR = "system"
FEW_UNITS = 200  # a scope this small reads its values by the key
CURRENT_DTYPES = {
    "indicator_code": "str",
    "unit_code": "str",
    "period": "str",
    "period_index": "int64",
    "value": "float64",
    "numerator": "float64",
    "denominator": "float64",
    "revision": "int64",
    "is_demo": "bool",
}
CURRENT_COLUMNS = list(CURRENT_DTYPES)
# What reads return: inside, the quarter travels as period_index; '2025-Q3' only if asked.
READ_COLUMNS = [c for c in CURRENT_DTYPES if c != "period"]


def audit(
    session: Session,
    actor: str,
    action: str,
    outcome: str = "ok",
    *,
    upload_id: int | None = None,
    unit_code: str | None = None,
    detail: dict[str, Any] | None = None,
) -> None:
    session.add(
        AuditEntry(
            actor=actor,
            action=action,
            outcome=outcome,
            upload_id=upload_id,
            unit_code=unit_code,
            detail=detail,
        )
    )


class SqlAuditLog:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(
        self,
        actor: str,
        action: str,
        outcome: str = "ok",
        *,
        upload_id: int | None = None,
        unit_code: str | None = None,
        detail: dict[str, Any] | None = None,
    ) -> None:
        audit(
            self.session,
            actor,
            action,
            outcome,
            upload_id=upload_id,
            unit_code=unit_code,
            detail=detail,
        )


def _registry(session: Session) -> UnitRegistry:
    query = select(UnitRecord.code, UnitRecord.name, UnitRecord.parent_code)
    return UnitRegistry(Unit(code, name, parent) for code, name, parent in session.execute(query))


class SqlUnits:
    def __init__(self, session: Session) -> None:
        self.session = session

    def registry(self) -> UnitRegistry:
        return _registry(self.session)


def _indicator_record(position: int, ind: Indicator) -> dict[str, Any]:
    return {
        "code": ind.code,
        "group": ind.group,
        "name_vi": ind.name_vi,
        "name_en": ind.name_en,
        "short_name_vi": ind.short_name_vi,
        "short_name_en": ind.short_name_en,
        "unit": ind.unit,
        "comparator": ind.comparator.value,
        "target": ind.target,
        "target_period": str(ind.target_period),
        "period_type": ind.period_type,
        "baseline_period": str(ind.baseline_period) if ind.baseline_period else None,
        "lead_units": ind.lead_units,
        "lead_unit_codes": ";".join(ind.lead_unit_codes),
        "coordinating_units": ind.coordinating_units,
        "coordinating_unit_codes": ";".join(ind.coordinating_unit_codes),
        "position": position,
    }


def sync_catalogue(storage: Storage, catalogue: Catalogue, actor: str = SYSTEM_ACTOR) -> int:
    """Insert or update every catalogue indicator; returns how many changed."""
    changed = 0
    with storage.writing() as session:
        for position, ind in enumerate(catalogue):
            wanted = _indicator_record(position, ind)
            record = session.get(IndicatorRecord, ind.code)
            if record is None:
                session.add(IndicatorRecord(**wanted))
                changed += 1
            elif any(getattr(record, k) != v for k, v in wanted.items()):
                for key, value in wanted.items():
                    setattr(record, key, value)
                changed += 1
        if changed:
            audit(session, actor, "catalogue.sync", detail={"changed": changed})
    return changed


def upsert_units(
    storage: Storage, units: Sequence[Unit], actor: str = SYSTEM_ACTOR, *, is_demo: bool = False
) -> tuple[int, int]:
    """Add or update units (code, name, parent). Returns (added, updated)."""
    added = updated = 0
    with storage.writing() as session:
        existing = {u.code: u for u in session.scalars(select(UnitRecord))}
        merged = {c: Unit(r.code, r.name, r.parent_code) for c, r in existing.items()}
        merged.update({u.code: u for u in units})
        check_tree(merged.values())
        check_unique_names(merged.values())
        ordered = _parents_first(units, existing.keys())
        new_rows = [
            {
                "code": unit.code,
                "name": unit.name,
                "name_key": fold_name(unit.name),
                "parent_code": unit.parent,
                "is_demo": is_demo,
            }
            for unit in ordered
            if unit.code not in existing
        ]
        if new_rows:  # one bulk statement, parents before their children, before moves
            session.execute(insert(UnitRecord), new_rows)
        for unit in ordered:
            record = existing.get(unit.code)
            if record is not None and (record.name, record.parent_code) != (unit.name, unit.parent):
                record.name, record.parent_code = unit.name, unit.parent
                record.name_key = fold_name(unit.name)
                updated += 1
        added = len(new_rows)
        if added or updated:
            audit(session, actor, "units.import", detail={"added": added, "updated": updated})
    return added, updated


def _parents_first(units: Sequence[Unit], known: Iterable[str]) -> list[Unit]:
    placed, ordered, pending = set(known), [], list(units)
    while pending:
        ready = [u for u in pending if u.parent is None or u.parent in placed]
        if not ready:  # parents already validated by check_tree
            ready = pending
        for unit in ready:
            placed.add(unit.code)
            ordered.append(unit)
        pending = [u for u in pending if u not in ready]
    return ordered


def ensure_seeded(storage: Storage, catalogue: Catalogue, units: Sequence[Unit]) -> None:
    """A new database gets the catalogue, the unit tree and the plan's tasks."""
    sync_catalogue(storage, catalogue)
    with storage.reading() as session:
        have = session.scalar(select(func.count()).select_from(UnitRecord)) or 0
    if not have:
        upsert_units(storage, units)
    # The plan's tasks (Phụ lục II, III) are seeded with the catalogue; imported here
    # because kpi.storage.tasks uses this module's audit().
    from kpi.storage.tasks import save_tasks

    save_tasks(storage, load_plan_tasks(), source="plan")


def unit_registry(storage: Storage) -> UnitRegistry:
    with storage.reading() as session:
        return _registry(session)


def current_query(
    columns: Sequence[str] = CURRENT_COLUMNS,
    *,
    as_of_index: int | None = None,
    unit_codes: Sequence[str] | None = None,
    indicator_codes: Sequence[str] | None = None,
    periods: Sequence[str] | None = None,
) -> Select[Any]:
    """The one read of current values (the latest revision of each figure)."""
    query = select(*[getattr(CurrentValue, c) for c in columns])
    if as_of_index is not None:
        query = query.where(CurrentValue.period_index <= as_of_index)
    if periods is not None:
        query = query.where(CurrentValue.period.in_(list(periods)))  # a range of the key each
    if unit_codes is not None:
        query = query.where(CurrentValue.unit_code.in_(list(unit_codes)))
        if len(unit_codes) <= FEW_UNITS and periods is None and indicator_codes is None:
            query = _by_the_key(query)
    if indicator_codes is not None:
        query = query.where(CurrentValue.indicator_code.in_(list(indicator_codes)))
    return query


def _by_the_key(query: Select[Any]) -> Select[Any]:
    """A few units' values found by the key (period, indicator, unit), not by reading
    every value: every quarter held (one seek each) and every indicator (all the values'
    indicators are in that table), so the rows are the same."""
    held = select(func.min(CurrentValue.period).label("period")).cte("held", recursive=True)
    later = select(func.min(CurrentValue.period)).where(CurrentValue.period > held.c.period)
    held = held.union_all(select(later.scalar_subquery()).where(held.c.period.is_not(None)))
    quarters = select(held.c.period).where(held.c.period.is_not(None))
    return query.where(
        CurrentValue.period.in_(quarters),
        CurrentValue.indicator_code.in_(select(IndicatorRecord.code)),
    )


def current_frame(
    storage: Storage,
    *,
    as_of_index: int | None = None,
    unit_codes: Sequence[str] | None = None,
    indicator_codes: Sequence[str] | None = None,
    period_indexes: Sequence[int] | None = None,
    columns: Sequence[str] = READ_COLUMNS,
    series_order: bool = False,
) -> pd.DataFrame:
    """Current values (latest revision) as a long frame; `columns` narrows the read. In
    `series_order` (indicator, unit, quarter) the database sorts: one series is then one
    run of rows, and no sorted copy of a large frame is ever held beside the read."""
    periods = None
    if period_indexes is not None:
        periods = [str(Quarter.from_index(int(i))) for i in period_indexes]
    query = current_query(
        columns,
        as_of_index=as_of_index,
        unit_codes=unit_codes,
        indicator_codes=indicator_codes,
        periods=periods,
    )
    if series_order:  # codes in code-point order on every engine, as pandas sorts them
        codes = [CurrentValue.indicator_code, CurrentValue.unit_code]
        if storage.engine.dialect.name == "postgresql":
            codes = [c.collate("C") for c in codes]  # type: ignore[misc]
        query = query.order_by(*codes, CurrentValue.period_index)
    return read_frame(storage, query, {c: CURRENT_DTYPES[c] for c in columns})


def history_frame(
    storage: Storage,
    indicator_code: str | None = None,
    unit_code: str | None = None,
    *,
    newest_first: bool = False,
    limit: int | None = None,
    period_indexes: Sequence[int] | None = None,
) -> pd.DataFrame:
    """Revisions with their upload (who, when, which file): in series order, or the
    newest first (optionally only the latest `limit`, or only some quarters)."""
    query = select(
        Measurement.indicator_code,
        Measurement.unit_code,
        Measurement.period,
        Measurement.period_index,
        Measurement.revision,
        Measurement.value,
        Measurement.numerator,
        Measurement.denominator,
        Measurement.note,
        Measurement.created_by,
        Measurement.created_at,
        Measurement.upload_id,
        Upload.file_name,
    ).outerjoin(Upload, Upload.id == Measurement.upload_id)
    if newest_first:
        query = query.order_by(Measurement.id.desc())
    else:
        query = query.order_by(
            Measurement.indicator_code,
            Measurement.unit_code,
            Measurement.period_index,
            Measurement.revision,
        )
    if indicator_code is not None:
        query = query.where(Measurement.indicator_code == indicator_code)
    if unit_code is not None:
        query = query.where(Measurement.unit_code == unit_code)
    if period_indexes is not None:
        query = query.where(Measurement.period_index.in_([int(i) for i in period_indexes]))
    with storage.engine.connect() as conn:
        result = conn.execute(query.limit(limit))
        return pd.DataFrame(result.all(), columns=list(result.keys()))


EXPORT_COLUMNS = [
    "indicator_code",
    "unit_code",
    "period",
    "value",
    "numerator",
    "denominator",
    "note",
    "revision",
    "uploaded_by",
    "uploaded_at",
    "file_name",
    "source_row",
]


def export_frame(storage: Storage) -> pd.DataFrame:
    """Current measurements with their provenance, in the export column order."""
    query = (
        select(
            Measurement.indicator_code,
            Measurement.unit_code,
            Measurement.period,
            Measurement.value,
            Measurement.numerator,
            Measurement.denominator,
            Measurement.note,
            Measurement.revision,
            Measurement.created_by.label("uploaded_by"),
            Measurement.created_at.label("uploaded_at"),
            Upload.file_name,
            Measurement.source_row,
        )
        .outerjoin(Upload, Upload.id == Measurement.upload_id)
        .join(
            CurrentValue,
            (CurrentValue.indicator_code == Measurement.indicator_code)
            & (CurrentValue.unit_code == Measurement.unit_code)
            & (CurrentValue.period_index == Measurement.period_index)  # the revisions' key
            & (CurrentValue.revision == Measurement.revision),
        )
        .join(IndicatorRecord, IndicatorRecord.code == Measurement.indicator_code)
        .order_by(IndicatorRecord.position, Measurement.unit_code, Measurement.period_index)
    )
    with storage.engine.connect() as conn:
        frame = pd.DataFrame(conn.execute(query).all(), columns=EXPORT_COLUMNS)
    frame["source_row"] = frame["source_row"].astype("Int64")
    return frame


def audit_frame(storage: Storage) -> pd.DataFrame:
    with storage.engine.connect() as conn:
        rows = [
            dict(r._mapping)
            for r in conn.execute(select(*AuditEntry.__table__.columns).order_by(AuditEntry.id))
        ]
    return pd.DataFrame(rows)


def has_demo_data(storage: Storage) -> bool:
    with storage.reading() as session:
        found = session.scalar(select(CurrentValue.period).where(CurrentValue.is_demo).limit(1))
    return found is not None


def has_measurements(storage: Storage) -> bool:
    with storage.reading() as session:
        return session.scalar(select(CurrentValue.period).limit(1)) is not None


def data_version(storage: Storage) -> tuple[int, int]:
    """Changes whenever a commit lands: cache key for the dashboard."""
    with storage.reading() as session:
        last_measure = session.scalar(select(func.max(Measurement.id))) or 0
        last_audit = session.scalar(select(func.max(AuditEntry.id))) or 0
    return int(last_measure), int(last_audit)


def clear_demo(storage: Storage, actor: str = SYSTEM_ACTOR) -> int:
    """Remove every demo row (values, revisions, uploads, demo units)."""
    with storage.writing() as session:
        session.execute(delete(CurrentValue).where(CurrentValue.is_demo))
        removed = len(session.scalars(select(Measurement.id).where(Measurement.is_demo)).all())
        session.execute(delete(Measurement).where(Measurement.is_demo))
        demo_uploads = select(Upload.id).where(Upload.is_demo)
        # The audit trail stays; it only loses the link to the removed demo upload.
        session.execute(
            update(AuditEntry).where(AuditEntry.upload_id.in_(demo_uploads)).values(upload_id=None)
        )
        session.execute(delete(Upload).where(Upload.is_demo))
        session.execute(delete(UnitRecord).where(UnitRecord.is_demo))
        audit(session, actor, "demo.clear", detail={"measurements": int(removed or 0)})
    return int(removed or 0)
