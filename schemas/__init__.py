"""pandera schemas built at runtime from the catalogue and the unit registry."""

from schemas.upload import ValidationReport, build_schema, validate

__all__ = ["ValidationReport", "build_schema", "validate"]
