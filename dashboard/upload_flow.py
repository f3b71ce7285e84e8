"""The upload page's binding to the upload service (kpi.ingest) and the template (kpi.templates).

No Streamlit here: these functions turn the service's results into the tables
the page shows, in the viewer's language.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from dashboard import resources
from dashboard.i18n import percent, quarter_label, t
from kpi.access import Viewer

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass
class Prepared:
    """A validated (or refused) file, waiting for the officer's confirmation."""

    file_name: str
    sha256: str
    service: Any  # what kpi.ingest returned
    errors: pd.DataFrame = field(default_factory=pd.DataFrame)
    preview: pd.DataFrame = field(default_factory=pd.DataFrame)
    warnings: pd.DataFrame = field(default_factory=pd.DataFrame)
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def has_errors(self) -> bool:
        return not self.errors.empty


def template_file(unit: str, period: str, fmt: str) -> tuple[str, bytes, str]:
    raise NotImplementedError


def prepare(file_name: str, content: bytes, viewer: Viewer) -> Prepared:
    raise NotImplementedError


def commit(
    prepared: Prepared, viewer: Viewer, note: str | None, progress: Callable[[float], None]
) -> tuple[str, dict[str, Any]]:
    raise NotImplementedError


def error_table(prepared: Prepared, lang: str) -> pd.DataFrame:
    errors = prepared.errors
    return pd.DataFrame(
        {
            t("err_row", lang): errors["row"].to_numpy(),
            t("err_column", lang): errors["column"].astype(str).to_numpy(),
            t("err_value", lang): errors["value"].astype(str).to_numpy(),
            t("err_message", lang): errors["message"].astype(str).to_numpy(),
        }
    )


def preview_table(prepared: Prepared, lang: str) -> pd.DataFrame:
    rows = prepared.preview
    catalogue = resources.catalogue()
    return pd.DataFrame(
        {
            t("col_state", lang): [t(f"state_{s}", lang) for s in rows["state"]],
            t("col_code", lang): rows["indicator_code"].astype(str).to_numpy(),
            t("col_name", lang): [
                catalogue[c].short_name(lang) if c in catalogue else c
                for c in rows["indicator_code"]
            ],
            t("col_unit", lang): rows["unit_code"].astype(str).to_numpy(),
            t("col_quarter", lang): [quarter_label(str(p)) for p in rows["period"]],
            t("col_old_value", lang): [percent(v, lang) for v in rows["old_value"]],
            t("col_new_value", lang): [percent(v, lang) for v in rows["value"]],
        }
    )


def warning_table(prepared: Prepared, lang: str) -> pd.DataFrame:
    if prepared.warnings.empty:
        return pd.DataFrame()
    return error_table(Prepared(prepared.file_name, "", None, errors=prepared.warnings), lang)
