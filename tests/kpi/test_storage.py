"""Storage integration tests: run on SQLite and, when configured, PostgreSQL."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import text

from kpi.canonical import content_hash
from kpi.catalogue import Catalogue
from kpi.services.commit import UploadMeta, commit_upload
from kpi.services.demo import demo_frame, load_demo
from kpi.storage import Storage
from kpi.storage.repository import (
    audit_frame,
    clear_demo,
    current_frame,
    export_frame,
    history_frame,
    unit_registry,
    upsert_units,
)
from kpi.units import Unit


def _frame(value: float, period: str = "2025-Q1", unit: str = "VPB") -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "indicator_code": "1.1",
                "unit_code": unit,
                "period": period,
                "value": value,
                "numerator": None,
                "denominator": None,
                "note": "ghi chú",
            }
        ]
    )


def _meta(frame: pd.DataFrame, name: str = "f.csv") -> UploadMeta:
    digest = content_hash(frame)
    return UploadMeta(file_name=name, sha256=digest, size_bytes=10, content_hash=digest)


def test_seeded_with_catalogue_and_units(storage: Storage) -> None:
    with storage.engine.connect() as conn:
        assert conn.execute(text("select count(*) from indicators")).scalar() == 16
    registry = unit_registry(storage)
    assert registry.root.code == "BNV"
    assert registry.resolve("văn phòng bộ") is not None


def test_revision_keeps_old_value(storage: Storage) -> None:
    first = commit_upload(storage, _frame(40.0), actor="a@x", meta=_meta(_frame(40.0)))
    assert (first.rows_new, first.rows_changed) == (1, 0)
    second = commit_upload(storage, _frame(41.5), actor="b@x", meta=_meta(_frame(41.5)))
    assert (second.rows_new, second.rows_changed) == (0, 1)
    history = history_frame(storage, "1.1", "VPB")
    assert list(history["value"]) == [40.0, 41.5]
    assert list(history["created_by"]) == ["a@x", "b@x"]
    current = current_frame(storage)
    assert current.loc[0, "value"] == 41.5 and current.loc[0, "revision"] == 2


def test_same_content_is_already_imported(storage: Storage) -> None:
    commit_upload(storage, _frame(40.0), actor="a@x", meta=_meta(_frame(40.0)))
    again = commit_upload(storage, _frame(40.0), actor="a@x", meta=_meta(_frame(40.0), "g.xlsx"))
    assert again.already_imported and again.upload_id is None
    assert len(history_frame(storage)) == 1


def test_file_stored_under_the_first_fingerprint_is_still_known(storage: Storage) -> None:
    """Uploads committed before the current fingerprint keep their first-form hash."""
    from kpi.fingerprint import legacy_content_hash

    frame = _frame(40.0)
    old = legacy_content_hash(frame)
    first = commit_upload(
        storage, frame, actor="a@x", meta=UploadMeta("f.csv", old, 10, content_hash=old)
    )
    again = commit_upload(storage, frame, actor="a@x", meta=_meta(frame, "g.xlsx"))
    assert again.already_imported and again.previous_upload_id == first.upload_id
    other = _frame(41.0, "2025-Q2")
    assert not commit_upload(storage, other, actor="a@x", meta=_meta(other)).already_imported


def test_unchanged_rows_write_nothing(storage: Storage) -> None:
    both = pd.concat([_frame(40.0), _frame(50.0, "2025-Q2")], ignore_index=True)
    commit_upload(storage, _frame(40.0), actor="a@x", meta=_meta(_frame(40.0)))
    result = commit_upload(storage, both, actor="a@x", meta=_meta(both))
    assert (result.rows_new, result.rows_changed, result.rows_unchanged) == (1, 0, 1)
    assert len(history_frame(storage)) == 2


def test_notes_and_missing_counts_survive_the_bulk_path(storage: Storage) -> None:
    """Staged rows (executemany on SQLite, COPY on PostgreSQL) keep every character."""
    notes = ["tab\there", "dòng một\ndòng hai", "back\\slash \\N", "", None, "=1+1", "'quoted'"]
    frame = pd.concat(
        [_frame(10.0 + n, f"{2021 + n}-Q1") for n in range(len(notes))], ignore_index=True
    )
    frame["note"] = notes
    frame.loc[0, ["numerator", "denominator"]] = [3.0, 30.0]
    commit_upload(storage, frame, actor="a@x", meta=_meta(frame))
    stored = history_frame(storage, "1.1", "VPB")
    assert stored["note"].tolist()[:4] == notes[:4]
    assert stored["note"].iloc[4] is None or pd.isna(stored["note"].iloc[4])
    assert stored["note"].tolist()[5:] == notes[5:]
    assert stored["numerator"].iloc[0] == 3.0 and pd.isna(stored["numerator"].iloc[1])
    current = current_frame(storage).sort_values("period_index")
    assert current["value"].tolist() == [10.0 + n for n in range(len(notes))]


def test_demo_load_export_and_clear(storage: Storage, catalogue: Catalogue) -> None:
    written = load_demo(storage, catalogue)
    assert written == len(demo_frame(catalogue))
    exported = export_frame(storage)
    per_indicator = exported.groupby("indicator_code")["period"].nunique()
    assert set(per_indicator.index) == set(catalogue.codes)
    assert (per_indicator >= 8).all()
    assert clear_demo(storage) == written
    assert current_frame(storage).empty
    assert "demo.clear" in set(audit_frame(storage)["action"])


def test_units_import_adds_children_with_their_new_parents_and_moves_units(
    storage: Storage,
) -> None:
    units = [
        Unit("XA1", "Xã Một", "TINH1"),  # child listed before its new parent
        Unit("TINH1", "Tỉnh Một", "BNV"),
        Unit("VPB", "Văn phòng Bộ", "TINH1"),  # an existing unit moved under a new one
    ]
    assert upsert_units(storage, units) == (2, 1)
    registry = unit_registry(storage)
    parents = {code: getattr(registry.get(code), "parent", None) for code in ("XA1", "VPB")}
    assert parents == {"XA1": "TINH1", "VPB": "TINH1"}
    assert upsert_units(storage, units) == (0, 0)
