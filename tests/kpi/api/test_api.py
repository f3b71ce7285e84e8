"""The read API in process, on SQLite and PostgreSQL: tokens, the status contract, CSV,
validators, errors, the call log, and no write path."""

from __future__ import annotations

import datetime as dt
import io
import json

import pandas as pd
import pytest
from starlette.testclient import TestClient

from kpi.api import create_api
from kpi.api.openapi import openapi_document
from kpi.catalogue import Catalogue
from kpi.periods import parse_quarter
from kpi.progress import CONTRACT_COLUMNS
from kpi.services.app import App
from kpi.services.figures import data_version, export_frame
from kpi.services.open_data import status_list
from kpi.services.tasks import LIST_KEYS, as_record, task_statuses
from kpi.services.tokens import add_token, calls, revoke_token
from kpi.settings import Settings
from kpi.storage import Storage
from tests.kpi.services.helpers import rising, upload


@pytest.fixture
def api(storage: Storage, catalogue: Catalogue) -> TestClient:
    upload(storage, catalogue, rising("1.1", "VPB", 40, 2) + rising("1.1", "TTCNTT", 50, 1))
    upload(storage, catalogue, rising("1.2", "VPB", 60, 3, counts=False))
    app = App(Settings(), storage, catalogue)
    return TestClient(create_api(lambda: app))


@pytest.fixture
def token(storage: Storage) -> dict[str, str]:
    return {"Authorization": f"Bearer {add_token(storage, 'ioc')}"}


def test_no_token_or_a_revoked_one_is_refused(api: TestClient, storage: Storage) -> None:
    response = api.get("/status")
    assert response.status_code == 401
    assert response.headers["www-authenticate"].startswith("Bearer")
    assert response.json()["error"]["code"] == "unauthorized"
    secret = add_token(storage, "portal")
    assert api.get("/status", headers={"Authorization": f"Bearer {secret}"}).status_code == 200
    revoke_token(storage, "portal")
    assert api.get("/status", headers={"Authorization": f"Bearer {secret}"}).status_code == 401
    assert api.get("/status", headers={"Authorization": "Bearer kpi_wrong"}).status_code == 401


def test_status_is_the_cli_contract(
    api: TestClient, token: dict[str, str], storage: Storage, catalogue: Catalogue
) -> None:
    response = api.get("/status", params={"as_of": "2026-Q3"}, headers=token)
    assert response.status_code == 200
    rows = response.json()
    assert rows == status_list(storage, catalogue, as_of=parse_quarter("2026-Q3"))
    assert [list(r) for r in rows] == [CONTRACT_COLUMNS] * len(rows)
    assert "1.1" in {r["indicator_code"] for r in rows}
    one = api.get("/status", params={"unit": "VPB", "format": "csv"}, headers=token)
    frame = pd.read_csv(io.StringIO(one.text), dtype={"indicator_code": str})
    assert list(frame.columns) == CONTRACT_COLUMNS
    assert set(frame["unit_code"]) == {"VPB"} and len(frame) == 2


def test_series_roll_up_carries_coverage(api: TestClient, token: dict[str, str]) -> None:
    rows = api.get("/series", params={"indicator": "1.1", "from": "2026-Q1"}, headers=token)
    points = rows.json()
    assert [p["period"] for p in points] == ["2026-Q1", "2026-Q2", "2026-Q3"]
    last = points[-1]
    # VPB 540 and TTCNTT 570 out of 1000 each: Σ numerators / Σ denominators
    assert (last["numerator"], last["denominator"]) == (1110, 2000)
    assert last["value"] == pytest.approx(55.5)
    assert last["source"] == "rollup"
    assert sorted(last["units_expected"]) == sorted(last["units_with_counts"]) == ["TTCNTT", "VPB"]
    assert (last["units_value_only"], last["units_missing"]) == ([], [])
    csv = api.get("/series", params={"indicator": "1.1", "format": "csv"}, headers=token).text
    assert "TTCNTT;VPB" in csv or "VPB;TTCNTT" in csv
    value_only = api.get("/series", params={"indicator": "1.2"}, headers=token).json()
    assert value_only == []  # no counts, nothing to sum
    own = api.get("/series", params={"indicator": "1.2", "unit": "VPB"}, headers=token).json()
    assert len(own) == 8 and own[0]["source"] == "reported" and own[0]["units_expected"] is None


def test_indicators_carry_metadata_and_empty_stays_empty(
    api: TestClient, token: dict[str, str]
) -> None:
    rows = {r["code"]: r for r in api.get("/indicators", headers=token).json()}
    assert len(rows) == 16
    assert rows["1.2"]["denominator_vi"] == "Tổng số thủ tục hành chính có đủ điều kiện"
    assert rows["1.1"]["definition_vi"] is None and rows["1.1"]["contact"] is None
    assert rows["1.1"]["last_updated"] is not None and rows["1.5"]["last_updated"] is None
    text = api.get("/indicators", params={"format": "csv"}, headers=token).text
    assert text.splitlines()[0].startswith("code,group,name_vi")


def test_submissions_of_one_quarter(api: TestClient, token: dict[str, str]) -> None:
    rows = api.get("/submissions", params={"period": "2026-Q3"}, headers=token).json()
    states = {r["unit_code"]: r["state"] for r in rows}
    assert states["VPB"] in {"submitted", "late"} and states["CNCC"] == "missing"
    assert {r["period"] for r in rows} == {"2026-Q3"}


def test_etag_and_last_modified_follow_the_data_version(
    api: TestClient, token: dict[str, str], storage: Storage, catalogue: Catalogue
) -> None:
    first = api.get("/status", headers=token)
    etag = first.headers["etag"]
    assert first.headers["last-modified"].endswith("GMT")
    again = api.get("/status", headers={**token, "If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    since = api.get(
        "/status", headers={**token, "If-Modified-Since": first.headers["last-modified"]}
    )
    assert since.status_code == 304
    upload(storage, catalogue, ["1.3,VPB,2026-Q3,10,100,1000"], name="late.csv")
    changed = api.get("/status", headers={**token, "If-None-Match": etag})
    assert changed.status_code == 200 and changed.headers["etag"] != etag


@pytest.mark.parametrize(
    ("path", "params", "status"),
    [
        ("/status", {"as_of": "2026-Q9"}, 400),
        ("/status", {"known_on": "yesterday"}, 400),
        ("/status", {"format": "xml"}, 400),
        ("/status", {"unit": "NOPE"}, 404),
        ("/series", {}, 400),
        ("/series", {"indicator": "9.9"}, 404),
        ("/nothing", {}, 404),
    ],
)
def test_errors_are_json_with_http_codes(
    api: TestClient, token: dict[str, str], path: str, params: dict[str, str], status: int
) -> None:
    response = api.get(path, params=params, headers=token)
    assert response.status_code == status
    error = response.json()["error"]
    assert error["status"] == status and error["message"] and error["message_vi"]


def test_read_only_and_every_call_logged(
    api: TestClient, token: dict[str, str], storage: Storage
) -> None:
    before_figures, before_version = export_frame(storage), data_version(storage)
    for method in ("post", "put", "delete", "patch"):
        response = getattr(api, method)("/status", headers=token)
        assert response.status_code == 405 and response.json()["error"]["code"]
    api.get("/status", headers=token)
    api.get("/status")
    pd.testing.assert_frame_equal(export_frame(storage), before_figures)
    assert data_version(storage) == before_version
    log = calls(storage)
    assert list(log["status"][:2]) == [401, 200]
    assert list(log["token_name"][:2].fillna("-")) == ["-", "ioc"]
    assert (log["path"][:2] == "/status").all()


def test_openapi_describes_every_route(api: TestClient) -> None:
    document = api.get("/openapi.json").json()
    assert document == json.loads(json.dumps(openapi_document()))
    routes = {f"/api/v1{r.path}" for r in api.app.routes}  # type: ignore[attr-defined]
    assert set(document["paths"]) == routes
    status = document["paths"]["/api/v1/status"]["get"]
    assert {p["name"] for p in status["parameters"]} == {"as_of", "unit", "known_on", "format"}
    props = document["components"]["schemas"]["Status"]["properties"]
    assert list(props) == CONTRACT_COLUMNS
    task = document["components"]["schemas"]["Task"]["properties"]
    assert list(task) == list(LIST_KEYS)
    assert set(status["responses"]) >= {"200", "304", "400", "401", "404"}


def test_tasks_are_the_cli_contract(
    api: TestClient, token: dict[str, str], storage: Storage
) -> None:
    day = dt.date(2026, 12, 1)
    rows = api.get("/tasks", params={"as_of": day.isoformat()}, headers=token).json()
    expected = [as_record(s) for s in task_statuses(storage, day)]
    assert rows == json.loads(json.dumps(expected)) and len(rows) == 55
    assert all(list(r) == list(LIST_KEYS) for r in rows)
    assert all(r["name_en"] and r["name_en"] != r["name"] for r in rows)
    overdue = api.get(
        "/tasks", params={"as_of": day.isoformat(), "overdue": "true"}, headers=token
    ).json()
    assert overdue and all(r["overdue"] for r in overdue)
    assert [r["code"] for r in overdue] == [r["code"] for r in rows if r["overdue"]]
    databases = api.get("/tasks", params={"kind": "database"}, headers=token).json()
    assert len(databases) == 11 and {r["kind"] for r in databases} == {"database"}
    led = api.get("/tasks", params={"unit": "VPC"}, headers=token).json()
    assert led and all("VPC" in r["lead_unit_codes"] for r in led)
    csv = api.get("/tasks", params={"format": "csv"}, headers=token).text
    assert csv.splitlines()[0] == ",".join(LIST_KEYS)
    for bad in ({"kind": "x"}, {"overdue": "maybe"}, {"as_of": "01/12/2026"}):
        assert api.get("/tasks", params=bad, headers=token).status_code == 400
    assert api.get("/tasks", params={"unit": "KHONGCO"}, headers=token).status_code == 404
