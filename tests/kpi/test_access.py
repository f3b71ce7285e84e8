"""Users, roles and write scopes in storage (SQLite and PostgreSQL), and `kpi users`."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from kpi.access import LOCAL_ADMIN, Role
from kpi.canonical import COLUMNS, content_hash
from kpi.catalogue import load_catalogue
from kpi.cli.main import app
from kpi.cli.shell import storage as cli_storage
from kpi.services.commit import ScopeError, UploadMeta, commit_upload
from kpi.services.users import (
    AccessError,
    add_user,
    audit_entries,
    changes_frame,
    remove_user,
    users_frame,
    viewer_for_email,
)
from kpi.storage import Storage
from kpi.storage.repository import audit_frame, export_frame
from reports.tables import safe_frame, to_csv_bytes

HOSTILE = ["<script>alert(1)</script>", "[x](javascript:alert(1))", '=HYPERLINK("http://x","y")']


def rows(unit: str, values: list[float], notes: list[str | None] | None = None) -> pd.DataFrame:
    code = load_catalogue().codes[0]
    notes = notes or [None] * len(values)
    data = [
        {
            "indicator_code": code,
            "unit_code": unit,
            "period": f"2025-Q{i + 1}",
            "value": v,
            "numerator": None,
            "denominator": None,
            "note": n,
        }
        for i, (v, n) in enumerate(zip(values, notes, strict=True))
    ]
    return pd.DataFrame(data, columns=COLUMNS)


def meta(frame: pd.DataFrame, name: str = "f.csv") -> UploadMeta:
    digest = content_hash(frame)
    return UploadMeta(file_name=name, sha256=digest, size_bytes=1, content_hash=digest)


def commit_as(storage: Storage, email: str, frame: pd.DataFrame) -> None:
    viewer = viewer_for_email(storage, email)
    assert viewer is not None
    commit_upload(
        storage, frame, actor=viewer.email, meta=meta(frame), allowed_units=viewer.write_scope()
    )


def test_users_by_email_sub_code_and_name(storage: Storage) -> None:
    add_user(storage, "Can-Bo@BNV.gov.vn", Role.OFFICER, ["VPB", "Cục Người có công"], actor="a")
    viewer = viewer_for_email(storage, " can-bo@bnv.gov.vn ")
    assert viewer is not None and viewer.role is Role.OFFICER
    assert viewer.unit_codes == {"VPB", "CNCC"}
    add_user(storage, "ld@bnv.gov.vn", Role.LEADER, actor="a", sub="oidc-123")
    by_sub = viewer_for_email(storage, "oidc-123")
    assert by_sub is not None and by_sub.email == "ld@bnv.gov.vn" and by_sub.write_scope() == set()
    assert viewer_for_email(storage, "nobody@bnv.gov.vn") is None


def test_bad_references_are_refused_and_nothing_is_stored(storage: Storage) -> None:
    with pytest.raises(AccessError, match="không có đơn vị 'XYZ'"):
        add_user(storage, "o@bnv.gov.vn", Role.OFFICER, ["XYZ"], actor="a")
    with pytest.raises(AccessError, match="ít nhất một đơn vị"):
        add_user(storage, "o@bnv.gov.vn", Role.OFFICER, [], actor="a")
    with pytest.raises(AccessError, match="e-mail"):
        add_user(storage, "not-an-email", Role.LEADER, actor="a")
    assert users_frame(storage).empty


def test_every_change_is_audited_with_before_values(storage: Storage) -> None:
    add_user(storage, "u@bnv.gov.vn", Role.OFFICER, ["VPB"], actor="admin@bnv.gov.vn")
    add_user(storage, "u@bnv.gov.vn", Role.LEADER, actor="admin@bnv.gov.vn")
    assert remove_user(storage, "u@bnv.gov.vn", actor="admin@bnv.gov.vn")
    assert not remove_user(storage, "u@bnv.gov.vn", actor="admin@bnv.gov.vn")
    log = audit_entries(storage, actor="ADMIN@bnv.gov.vn")
    assert list(log["action"]) == ["users.remove", "users.add", "users.add"]
    assert log.iloc[1]["detail"]["before_role"] == "officer"
    assert viewer_for_email(storage, "u@bnv.gov.vn") is None


def test_officer_writes_only_for_own_units(storage: Storage) -> None:
    add_user(storage, "o@bnv.gov.vn", Role.OFFICER, ["VPB"], actor=LOCAL_ADMIN)
    commit_as(storage, "o@bnv.gov.vn", rows("VPB", [10.0, 20.0]))
    mixed = pd.concat([rows("VPB", [30.0]), rows("CNCC", [40.0])], ignore_index=True)
    with pytest.raises(ScopeError, match="CNCC"):
        commit_as(storage, "o@bnv.gov.vn", mixed)
    current = export_frame(storage)
    assert sorted(current["value"]) == [10.0, 20.0]  # nothing of the refused file
    refused = audit_entries(storage, unit_code="CNCC")
    assert list(refused["action"]) == ["upload.refused"]
    assert refused.iloc[0]["actor"] == "o@bnv.gov.vn"


def test_leader_writes_nothing_and_admin_writes_anywhere(storage: Storage) -> None:
    add_user(storage, "ld@bnv.gov.vn", Role.LEADER, actor=LOCAL_ADMIN)
    add_user(storage, "ad@bnv.gov.vn", Role.ADMIN, actor=LOCAL_ADMIN)
    with pytest.raises(ScopeError):
        commit_as(storage, "ld@bnv.gov.vn", rows("VPB", [1.0]))
    commit_as(storage, "ad@bnv.gov.vn", rows("CNCC", [5.0]))
    assert list(export_frame(storage)["unit_code"]) == ["CNCC"]
    assert (audit_frame(storage)["action"] == "upload.refused").sum() == 1


def test_changes_show_before_and_after(storage: Storage) -> None:
    add_user(storage, "o@bnv.gov.vn", Role.OFFICER, ["VPB"], actor=LOCAL_ADMIN)
    commit_as(storage, "o@bnv.gov.vn", rows("VPB", [10.0]))
    commit_as(storage, "o@bnv.gov.vn", rows("VPB", [12.5]))
    changes = changes_frame(storage, unit_code="VPB", actor="o@bnv.gov.vn", period="2025-Q1")
    assert list(zip(changes["before"].fillna(-1), changes["after"], strict=True)) == [
        (10.0, 12.5),
        (-1, 10.0),
    ]
    assert changes_frame(storage, period="2030-Q1").empty


def test_hostile_notes_are_stored_literally_and_prefixed_in_exports(storage: Storage) -> None:
    commit_upload(
        storage, frame := rows("VPB", [1.0, 2.0, 3.0], HOSTILE), actor="a", meta=meta(frame)
    )
    notes = list(changes_frame(storage).sort_values("period")["note"])
    assert notes == HOSTILE
    exported = to_csv_bytes(export_frame(storage)).decode("utf-8-sig")
    assert "'=HYPERLINK" in exported and "\n=HYPERLINK" not in exported
    assert safe_frame(pd.DataFrame({"unit": ["=cmd|' /C calc'!A0"]}))["unit"][0].startswith("'")


runner = CliRunner()


def test_cli_users_add_list_remove(cli_db: str) -> None:
    added = runner.invoke(app, ["users", "add", "ad@bnv.gov.vn", "--role", "admin"])
    assert added.exit_code == 0, added.output
    officer = ["users", "add", "o@bnv.gov.vn", "--role", "officer", "--unit", "VPB"]
    assert runner.invoke(app, [*officer, "--unit", "Cục Người có công"]).exit_code == 0
    listed = runner.invoke(app, ["users", "list"])
    assert "o@bnv.gov.vn" in listed.output and "CNCC, VPB" in listed.output
    assert "Quản trị" in listed.output
    by_sub = ["users", "add", "ld@bnv.gov.vn", "--role", "leader", "--sub", "sso-42"]
    assert runner.invoke(app, by_sub).exit_code == 0
    found = viewer_for_email(cli_storage(), "sso-42")
    assert found is not None and found.email == "ld@bnv.gov.vn"
    removed = runner.invoke(app, ["users", "remove", "o@bnv.gov.vn"])
    assert removed.exit_code == 0 and "Đã xóa" in removed.output
    assert "o@bnv.gov.vn" not in runner.invoke(app, ["users", "list"]).output


def test_cli_users_errors_are_one_line(cli_db: str) -> None:
    bad_unit = runner.invoke(app, ["users", "add", "o@x.vn", "--role", "officer", "--unit", "NOPE"])
    assert bad_unit.exit_code == 1 and "không có đơn vị 'NOPE'" in bad_unit.output
    bad_role = runner.invoke(app, ["users", "add", "o@x.vn", "--role", "boss"])
    assert bad_role.exit_code == 2
    missing = runner.invoke(app, ["users", "remove", "ghost@x.vn"])
    assert missing.exit_code == 1 and "ghost@x.vn" in missing.output


def test_serve_refuses_production_without_auth(
    cli_db: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("KPI_ENV", "production")
    monkeypatch.setenv("HOME", str(tmp_path))  # no secrets.toml anywhere
    result = runner.invoke(app, ["serve", "--demo"])
    assert result.exit_code == 1 and "KPI_ENV=production" in result.output
