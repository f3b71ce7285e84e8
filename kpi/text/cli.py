"""Words the `kpi` command prints: errors, confirmations, table headers."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {}
