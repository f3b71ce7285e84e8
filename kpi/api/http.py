"""HTTP plumbing of the read API: bearer tokens, call log, JSON errors, JSON or CSV
bodies with ETag and Last-Modified from the data version."""

from __future__ import annotations

import datetime as dt
import functools
import io
import json
import logging
from collections.abc import Awaitable, Callable, Sequence
from email.utils import format_datetime
from typing import Any

import pandas as pd
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from kpi.services.app import App
from kpi.services.open_data import DataStamp, data_stamp
from kpi.services.tokens import Client, authenticate, log_call

log = logging.getLogger(__name__)
Handler = Callable[[Request, App, Client], Any]


class ApiError(Exception):
    """A refusal with an HTTP status, a stable code and a message in vi and en."""

    def __init__(self, status: int, code: str, vi: str, en: str) -> None:
        super().__init__(en)
        self.status, self.code, self.vi, self.en = status, code, vi, en


def error_response(status: int, code: str, vi: str, en: str) -> JSONResponse:
    headers = {"WWW-Authenticate": 'Bearer realm="kpi"'} if status == 401 else None
    body = {"error": {"status": status, "code": code, "message": en, "message_vi": vi}}
    return JSONResponse(body, status_code=status, headers=headers)


def bad_request(vi: str, en: str) -> ApiError:
    return ApiError(400, "bad_request", vi, en)


def _bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, secret = header.partition(" ")
    return secret.strip() if scheme.lower() == "bearer" and secret.strip() else None


def _client(app: App, request: Request) -> Client:
    secret = _bearer(request)
    if secret is None:
        raise ApiError(401, "unauthorized", "Cần token (Authorization: Bearer …).",
                       "A bearer token is required (Authorization: Bearer …).")  # fmt: skip
    client = authenticate(app.storage, secret)
    if client is None:
        raise ApiError(401, "unauthorized", "Token không đúng hoặc đã bị thu hồi.",
                       "The token is unknown or revoked.")  # fmt: skip
    return client


def endpoint(
    app_of: Callable[[], App],
) -> Callable[[Handler], Callable[[Request], Awaitable[Response]]]:
    """Wrap a sync handler: token check, errors as JSON, one call-log row per request."""

    def wrap(handler: Handler) -> Callable[[Request], Awaitable[Response]]:
        @functools.wraps(handler)
        async def run(request: Request) -> Response:
            started = dt.datetime.now(dt.UTC)
            app = await run_in_threadpool(app_of)
            client: Client | None = None
            try:
                client = await run_in_threadpool(_client, app, request)
                response = await run_in_threadpool(handler, request, app, client)
            except ApiError as exc:
                response = error_response(exc.status, exc.code, exc.vi, exc.en)
            except Exception:
                log.exception("API call failed: %s", request.url.path)
                response = error_response(500, "internal_error", "Lỗi máy chủ.", "Server error.")
            await run_in_threadpool(
                log_call,
                app.storage,
                client=client,
                method=request.method,
                path=request.url.path,
                query=request.url.query,
                status=response.status_code,
                started=started,
                remote=request.client.host if request.client else None,
            )
            return response

        return run

    return wrap


def wants_csv(request: Request) -> bool:
    fmt = request.query_params.get("format", "json")
    if fmt not in ("json", "csv"):
        raise bad_request(f"format='{fmt}' không có; dùng json hoặc csv.",
                          f"format='{fmt}' is not known; use json or csv.")  # fmt: skip
    return fmt == "csv"


def _validators(stamp: DataStamp) -> dict[str, str]:
    headers = {"ETag": stamp.etag, "Cache-Control": "private, no-cache"}
    if stamp.last_modified is not None:
        headers["Last-Modified"] = format_datetime(stamp.last_modified.astimezone(dt.UTC), True)
    return headers


def not_modified(request: Request, stamp: DataStamp) -> bool:
    tags = request.headers.get("if-none-match")
    if tags is not None:
        return stamp.etag in {t.strip().removeprefix("W/") for t in tags.split(",")} or (
            tags.strip() == "*"
        )
    since = request.headers.get("if-modified-since")
    if since and stamp.last_modified is not None:
        try:
            when = pd.Timestamp(since).to_pydatetime()
        except ValueError:
            return False
        return stamp.last_modified.replace(microsecond=0) <= when
    return False


def data_response(
    request: Request,
    app: App,
    build: Callable[[], list[dict[str, Any]]],
    columns: Sequence[str],
    json_text: Callable[[], str] | None = None,
) -> Response:
    """The records as JSON (an array) or CSV, or 304 when the client's copy is current."""
    csv = wants_csv(request)
    stamp = data_stamp(app.storage)
    headers = _validators(stamp)
    if not_modified(request, stamp):
        return Response(status_code=304, headers=headers)
    if not csv and json_text is not None:  # the same text as the CLI, built column-wise
        body = json_text()
        return Response(body, media_type="application/json; charset=utf-8", headers=headers)
    records = build()
    if csv:
        buffer = io.StringIO()
        frame = pd.DataFrame(records, columns=list(columns))
        for column in frame.columns:  # coverage lists: unit codes joined by ';'
            frame[column] = [";".join(v) if isinstance(v, list) else v for v in frame[column]]
        frame.to_csv(buffer, index=False)
        return Response(buffer.getvalue(), media_type="text/csv; charset=utf-8", headers=headers)
    body = json.dumps(records, ensure_ascii=False, indent=2)
    return Response(body, media_type="application/json; charset=utf-8", headers=headers)
