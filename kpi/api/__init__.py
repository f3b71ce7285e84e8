"""The read API (`/api/v1/…`), a Starlette app mounted beside the dashboard by
dashboard/server.py. An entry point: it reaches storage only through kpi.services."""

from __future__ import annotations

import functools
from collections.abc import Callable

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from kpi.api.http import endpoint, error_response
from kpi.api.openapi import openapi_document
from kpi.api.routes import RESOURCES
from kpi.services.app import App, open_app
from kpi.text import both

PREFIX = "/api/v1"

__all__ = ["PREFIX", "create_api"]


async def _http_error(_request: Request, exc: Exception) -> Response:
    status = exc.status_code if isinstance(exc, HTTPException) else 500
    words = both({404: "api.not_found", 405: "api.read_only"}.get(status, "api.bad_request"))
    code = {404: "not_found", 405: "method_not_allowed"}.get(status, "http_error")
    return error_response(status, code, *words)


def create_api(app_factory: Callable[[], App] | None = None) -> Starlette:
    """The API app; the composition root is opened on the first request, not at import."""
    app_of = functools.cache(app_factory or open_app)
    wrap = endpoint(app_of)
    routes = [Route(path, wrap(handler), methods=["GET"]) for path, handler in RESOURCES.items()]

    async def openapi(_request: Request) -> Response:
        return JSONResponse(openapi_document())

    routes.append(Route("/openapi.json", openapi, methods=["GET"]))
    return Starlette(routes=routes, exception_handlers={404: _http_error, 405: _http_error})
