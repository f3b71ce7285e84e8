"""The OpenAPI 3.1 document of `/api/v1`: every route, its parameters, bodies and errors."""

from __future__ import annotations

from typing import Any

from kpi.progress import CONTRACT_COLUMNS

QUARTER = {"type": "string", "pattern": r"^\d{4}-Q[1-4]$", "examples": ["2026-Q3"]}
NUMBER = {"type": ["number", "null"]}
TEXT = {"type": ["string", "null"]}


def _param(name: str, schema: dict[str, Any], text: str, required: bool = False) -> dict[str, Any]:
    return {
        "name": name,
        "in": "query",
        "required": required,
        "schema": schema,
        "description": text,
    }


FORMAT = _param(
    "format", {"type": "string", "enum": ["json", "csv"], "default": "json"}, "Body format."
)
UNIT = _param(
    "unit", {"type": "string", "default": "BNV"}, "Unit code or exact name; BNV is the ministry."
)


def _table(ref: str) -> dict[str, Any]:
    return {"type": "array", "items": {"$ref": f"#/components/schemas/{ref}"}}


def _get(summary: str, schema: str, params: list[dict[str, Any]]) -> dict[str, Any]:
    errors = {
        "400": {"$ref": "#/components/responses/BadRequest"},
        "401": {"$ref": "#/components/responses/Unauthorized"},
        "404": {"$ref": "#/components/responses/NotFound"},
    }
    return {
        "get": {
            "summary": summary,
            "security": [{"bearer": []}],
            "parameters": [*params, FORMAT],
            "responses": {
                "200": {
                    "description": "OK. ETag and Last-Modified carry the data version.",
                    "headers": {
                        "ETag": {"schema": {"type": "string"}},
                        "Last-Modified": {"schema": {"type": "string"}},
                    },
                    "content": {
                        "application/json": {"schema": _table(schema)},
                        "text/csv": {"schema": {"type": "string"}},
                    },
                },
                "304": {"description": "Not modified (If-None-Match or If-Modified-Since)."},
                **errors,
            },
        }
    }


def _object(props: dict[str, Any]) -> dict[str, Any]:
    return {"type": "object", "properties": props, "required": list(props)}


STATUS_TYPES: dict[str, dict[str, Any]] = {
    "stale": {"type": "boolean"},
    "methods_disagree": {"type": ["boolean", "null"]},
    "indicator_code": {"type": "string"},
    "unit_code": {"type": "string"},
    "status": {"type": "string"},
}


def _status_schema() -> dict[str, Any]:
    props = {
        c: STATUS_TYPES.get(c, {"type": ["number", "string", "null"]}) for c in CONTRACT_COLUMNS
    }
    return _object(props) | {"description": "Exactly one object of `kpi status --format json`."}


def _schemas() -> dict[str, Any]:
    indicator_text = [
        "name_vi", "name_en", "short_name_vi", "short_name_en", "lead_units",
        "coordinating_units", "definition_vi", "definition_en", "numerator_vi", "numerator_en",
        "denominator_vi", "denominator_en", "unit_of_measure", "periodicity_vi",
        "periodicity_en", "data_source_vi", "data_source_en", "method_vi", "method_en",
        "responsible_unit", "contact", "plan_reference", "baseline_period",
    ]  # fmt: skip
    indicator = {
        "code": {"type": "string"},
        "group": {"type": "string"},
        "unit": {"type": "string"},
        "comparator": {"type": "string", "enum": [">=", "="]},
        "target": {"type": "number"},
        "target_period": QUARTER,
        **{name: TEXT for name in indicator_text},
        "last_updated": {"type": ["string", "null"], "format": "date-time"},
    }
    counts = ["units_expected", "units_with_counts", "units_value_only", "units_missing"]
    series = {
        "indicator_code": {"type": "string"},
        "unit_code": {"type": "string"},
        "period": QUARTER,
        "value": {"type": "number"},
        "numerator": NUMBER,
        "denominator": NUMBER,
        "source": {"type": "string", "enum": ["reported", "rollup"]},
        **{
            name: {
                "type": ["array", "null"],
                "items": {"type": "string"},
                "description": "unit codes (CSV: joined by ';')",
            }
            for name in counts
        },
        "is_demo": {"type": "boolean"},
    }
    submission = {
        "unit_code": {"type": "string"},
        "period": QUARTER,
        "deadline": {"type": "string", "format": "date"},
        "submitted_at": {"type": ["string", "null"], "format": "date"},
        "state": {"type": "string", "enum": ["submitted", "late", "missing", "pending"]},
    }
    task = {
        "code": {"type": "string"},
        "kind": {"type": "string", "enum": ["task", "database"]},
        "group": TEXT,
        "name": {"type": "string", "description": "As the plan writes it, in Vietnamese."},
        "name_en": {
            "type": "string",
            "description": "In English; a task added by import keeps its own words.",
        },
        "lead_unit_codes": {"type": "array", "items": {"type": "string"}},
        "coordinating_unit_codes": {"type": "array", "items": {"type": "string"}},
        "deadline_text": TEXT,
        "deadline": {"type": ["string", "null"], "format": "date"},
        "recurring": {"type": "boolean"},
        "state": {"type": "string"},
        "percent": NUMBER,
        "updated_at": {"type": ["string", "null"], "format": "date-time"},
        "overdue": {"type": "boolean"},
    }
    error = _object(
        {
            "error": _object(
                {
                    "status": {"type": "integer"},
                    "code": {"type": "string"},
                    "message": {"type": "string"},
                    "message_vi": {"type": "string"},
                }
            )
        }
    )
    return {
        "Indicator": _object(indicator),
        "Status": _status_schema(),
        "SeriesPoint": _object(series),
        "Submission": _object(submission),
        "Task": _object(task) | {"description": "One object of `kpi tasks list --format json`."},
        "Error": error,
    }


def _error(text: str) -> dict[str, Any]:
    body = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
    return {"description": text, "content": body}


def openapi_document() -> dict[str, Any]:
    paths = {
        "/api/v1/indicators": _get(
            "The catalogue with each indicator's metadata.", "Indicator", []
        ),
        "/api/v1/status": _get(
            "Progress toward 2030, as `kpi status --format json`.",
            "Status",
            [
                _param("as_of", QUARTER, "Use figures up to this quarter."),
                UNIT,
                _param(
                    "known_on",
                    {"type": "string", "format": "date"},
                    "Figures as stored at the end of this day (earlier revisions).",
                ),
            ],
        ),
        "/api/v1/series": _get(
            "One indicator's figures for a unit; roll-ups carry their coverage.",
            "SeriesPoint",
            [
                _param("indicator", {"type": "string"}, "Indicator code, e.g. 1.1.", True),
                UNIT,
                _param("from", QUARTER, "First quarter."),
                _param("to", QUARTER, "Last quarter."),
            ],
        ),
        "/api/v1/submissions": _get(
            "Who reported which quarter: on time, late, missing or not yet due.",
            "Submission",
            [_param("period", QUARTER, "One quarter; default the last four ended quarters.")],
        ),
        "/api/v1/tasks": _get(
            "The plan's tasks (Phụ lục II) and databases (Phụ lục III), overdue first, "
            "as `kpi tasks list --format json`.",
            "Task",
            [
                _param("kind", {"type": "string", "enum": ["task", "database"]}, "One kind."),
                _param("unit", {"type": "string"}, "Only tasks this unit leads (code or name)."),
                _param("overdue", {"type": "boolean", "default": False}, "Only overdue ones."),
                _param(
                    "as_of",
                    {"type": "string", "format": "date"},
                    "Judge deadlines on this day (default: today, Asia/Ho_Chi_Minh).",
                ),
            ],
        ),
        "/api/v1/openapi.json": {
            "get": {
                "summary": "This document.",
                "security": [],
                "responses": {"200": {"description": "OpenAPI 3.1 document."}},
            }
        },
    }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "KPI Monitor read API",
            "version": "1.0.0",
            "description": "Read-only access to the Phụ lục I indicators of Bộ Nội vụ.",
        },
        "paths": paths,
        "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
            "schemas": _schemas(),
            "responses": {
                "BadRequest": _error("A parameter is malformed."),
                "Unauthorized": _error("No token, or an unknown or revoked one."),
                "NotFound": _error("No such indicator, unit or resource."),
            },
        },
    }
