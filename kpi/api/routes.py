"""The read API's resources. Each handler reads through kpi.services and never writes
figures: the only writes of the API are its call log and token last-use stamps."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from kpi.api.http import ApiError, bad_request, data_response
from kpi.canonical import with_period
from kpi.periods import PeriodError, Quarter, local_today, parse_quarter
from kpi.progress import CONTRACT_COLUMNS
from kpi.services import tasks as task_service
from kpi.services.app import App
from kpi.services.open_data import (
    SERIES_COLUMNS,
    SUBMISSION_COLUMNS,
    frame_records,
    indicator_records,
    recent_quarters,
    series_frame,
    status_list,
    status_text,
    submissions_frame,
)
from kpi.services.statuses import UnknownUnitError
from kpi.services.tokens import Client
from kpi.text import both

INDICATOR_COLUMNS = [
    "code", "group", "name_vi", "name_en", "short_name_vi", "short_name_en", "unit",
    "comparator", "target", "target_period", "baseline_period", "lead_units",
    "coordinating_units", "definition_vi", "definition_en", "numerator_vi", "numerator_en",
    "denominator_vi", "denominator_en", "unit_of_measure", "periodicity_vi", "periodicity_en",
    "data_source_vi", "data_source_en", "method_vi", "method_en", "responsible_unit", "contact",
    "plan_reference", "last_updated",
]  # fmt: skip


def _quarter(request: Request, name: str) -> Quarter | None:
    raw = request.query_params.get(name)
    if not raw:
        return None
    try:
        return parse_quarter(raw)
    except PeriodError as exc:
        raise bad_request(
            f"{name}: {exc}", f"{name}='{raw}' is not a quarter such as 2026-Q3."
        ) from exc


def _date(request: Request, name: str) -> dt.date | None:
    raw = request.query_params.get(name)
    if not raw:
        return None
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        raise bad_request(*both("api.bad_date", name=name, raw=raw)) from None


def _not_found(exc: Exception) -> ApiError:
    return ApiError(404, "not_found", str(exc), str(exc))


def indicators(request: Request, app: App, _client: Client) -> Response:
    return data_response(
        request, app, lambda: indicator_records(app.storage, app.catalogue), INDICATOR_COLUMNS
    )


def status(request: Request, app: App, _client: Client) -> Response:
    as_of, known_on = _quarter(request, "as_of"), _date(request, "known_on")
    unit = request.query_params.get("unit") or "BNV"

    def build() -> list[dict[str, Any]]:
        try:
            return status_list(app.storage, app.catalogue, unit, as_of=as_of, known_on=known_on)
        except UnknownUnitError as exc:
            raise _not_found(exc) from exc

    def text() -> str:
        try:
            return status_text(app.storage, app.catalogue, unit, as_of=as_of, known_on=known_on)
        except UnknownUnitError as exc:
            raise _not_found(exc) from exc

    return data_response(request, app, build, CONTRACT_COLUMNS, json_text=text)


def series(request: Request, app: App, _client: Client) -> Response:
    indicator = request.query_params.get("indicator")
    if not indicator:
        raise bad_request(*both("api.needs_indicator"))
    unit = request.query_params.get("unit") or "BNV"
    first, last = _quarter(request, "from"), _quarter(request, "to")

    def build() -> list[dict[str, Any]]:
        try:
            frame = series_frame(
                app.storage, app.catalogue, indicator, unit, first=first, last=last
            )
        except LookupError as exc:
            raise _not_found(exc) from exc
        return frame_records(with_period(frame)[SERIES_COLUMNS])

    return data_response(request, app, build, SERIES_COLUMNS)


def submissions(request: Request, app: App, _client: Client) -> Response:
    period = _quarter(request, "period")
    periods = [period] if period else recent_quarters(4)

    def build() -> list[dict[str, Any]]:
        frame = submissions_frame(app.storage, app.catalogue, app.settings, periods)
        return frame_records(with_period(frame)[SUBMISSION_COLUMNS])

    return data_response(request, app, build, SUBMISSION_COLUMNS)


TRUE, FALSE = ("true", "1", "yes"), ("false", "0", "no", "")
KINDS = ("task", "database")


def _flag(request: Request, name: str) -> bool:
    raw = request.query_params.get(name, "").strip().lower()
    if raw not in TRUE + FALSE:
        raise bad_request(f"{name}='{raw}' phải là true hoặc false.",
                          f"{name}='{raw}' must be true or false.")  # fmt: skip
    return raw in TRUE


def tasks(request: Request, app: App, _client: Client) -> Response:
    """Exactly the objects of `kpi tasks list --format json`, overdue first."""
    kind = request.query_params.get("kind") or None
    if kind is not None and kind not in KINDS:
        raise bad_request(f"kind='{kind}' phải là task hoặc database.",
                          f"kind='{kind}' must be task or database.")  # fmt: skip
    overdue, as_of = _flag(request, "overdue"), _date(request, "as_of") or local_today()
    unit_text = request.query_params.get("unit") or None

    def build() -> list[dict[str, Any]]:
        unit = None
        if unit_text is not None:
            found = task_service.units(app.storage).resolve(unit_text)
            if found is None:
                raise _not_found(LookupError(f"unit '{unit_text}'"))
            unit = found.code
        rows = task_service.task_statuses(
            app.storage, as_of, kind=kind, unit=unit, overdue_only=overdue
        )
        return [task_service.as_record(s) for s in rows]

    return data_response(request, app, build, task_service.LIST_KEYS)


RESOURCES: dict[str, Callable[[Request, App, Client], Response]] = {
    "/indicators": indicators,
    "/status": status,
    "/series": series,
    "/submissions": submissions,
    "/tasks": tasks,
}
