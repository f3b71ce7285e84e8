"""The upload page's binding to the upload service (kpi.services.ingest).

No Streamlit here: these functions call the service and turn its results into
the tables the page shows, in the viewer's language. Every cell stays plain
text; the page shows them with st.dataframe, which never renders markup.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pandas as pd

from dashboard import resources
from kpi.access import Viewer
from kpi.formatting import MISSING, percent, quarter_label
from kpi.problems import FileRejected, Problem, problems_table
from kpi.services import ingest
from kpi.text import t
from kpi.uploads import value_only_notice

STATE_ORDER = {"changed": 0, "new": 1, "unchanged": 2}


@dataclass
class Checked:
    """One chosen file after validation: refused whole, with problems, or ready."""

    file_name: str
    sha256: str
    prepared: ingest.Prepared | None = None
    rejected: Problem | None = None
    outside_scope: tuple[str, ...] = ()

    @property
    def has_errors(self) -> bool:
        return self.rejected is not None or self.prepared is None or not self.prepared.ok

    @property
    def counts(self) -> dict[str, int]:
        if self.prepared is None:
            return {}
        return {**self.prepared.counts(), "rows": len(self.prepared.frame)}

    @property
    def error_count(self) -> int:
        if self.rejected is not None:
            return 1
        return self.prepared.total_problems if self.prepared else 0


def check(file_name: str, content: bytes, viewer: Viewer) -> Checked:
    """Read, validate and preview a file; nothing is written."""
    digest = hashlib.sha256(content).hexdigest()
    try:
        prepared = ingest.prepare(
            resources.storage(),
            content,
            file_name,
            catalogue=resources.catalogue(),
            settings=resources.settings(),
        )
    except FileRejected as exc:
        _record(file_name, content, viewer, "unreadable", 1)
        return Checked(file_name, digest, rejected=exc.problem)
    if not prepared.ok:  # kept with the file, so an admin can see who struggles with what
        _record(file_name, content, viewer, "refused", prepared.total_problems)
    outside: tuple[str, ...] = ()
    if prepared.ok:  # refused whole before any write; still traced to the person
        outside = tuple(
            ingest.refuse_outside_scope(
                resources.storage(),
                prepared,
                actor=viewer.email,
                allowed_units=viewer.write_scope(),
            )
        )
    return Checked(file_name, digest, prepared=prepared, outside_scope=outside)


def _record(
    file_name: str,
    content: bytes,
    viewer: Viewer,
    outcome: str,
    total: int,
) -> None:
    ingest.record_refusal(
        resources.storage(),
        actor=viewer.email,
        file_name=file_name,
        data=content,
        outcome=outcome,
        problem_count=total,
    )


def commit(
    checked: Checked, viewer: Viewer, note: str | None, progress: Callable[[float], None]
) -> tuple[str, dict[str, Any]]:
    """Commit whole or nothing; returns (outcome, values for the summary message)."""
    assert checked.prepared is not None
    try:
        result = ingest.commit(
            resources.storage(),
            checked.prepared,
            actor=viewer.email,
            allowed_units=viewer.write_scope(),
            confirm_note=note,
            progress=progress,
            settings=resources.settings(),
            catalogue=resources.catalogue(),
        )
    except (ingest.ScopeError, ingest.UploadNotReady, ingest.QuarterLockedError) as exc:
        return "refused", {"message": str(exc), "error": exc}
    except ingest.UploadFailed as exc:
        return "refused", {"message": exc.problem.text("vi"), "problem": exc.problem}
    if result.already_imported:
        return "duplicate", {"id": result.previous_upload_id}
    return "committed", {
        "id": result.upload_id,
        "new": result.rows_new,
        "changed": result.rows_changed,
        "unchanged": result.rows_unchanged,
        "reimported_from": result.reimported_from,
    }


def not_reported_text(checked: Checked, lang: str) -> str | None:
    """How many rows had no figure and were skipped as not reported, or None."""
    prepared = checked.prepared
    if prepared is None or not prepared.not_reported:
        return None
    reported, expected = prepared.completeness
    return t("not_reported", lang, n=prepared.not_reported, reported=reported, expected=expected)


def value_only_text(checked: Checked, lang: str) -> str | None:
    """Before commit: rows with a value but no counts are not summed into parent figures."""
    prepared = checked.prepared
    return value_only_notice(prepared.value_only_rows, lang) if prepared else None


def error_table(checked: Checked, lang: str) -> pd.DataFrame:
    """Row (as in Excel), column, value and message of every problem."""
    problems = [checked.rejected] if checked.rejected else []
    if checked.prepared is not None:
        problems = problems or list(checked.prepared.problems)
    return _problem_frame(problems, lang)


def whole_file_only(checked: Checked) -> bool:
    """Every problem is of the file as a whole (no row): 'fix the rows below' would mislead."""
    problems = [checked.rejected] if checked.rejected else []
    if not problems and checked.prepared is not None:
        problems = list(checked.prepared.problems)
    return bool(problems) and all(p.row is None for p in problems)


def warning_table(checked: Checked, lang: str) -> pd.DataFrame:
    """The warnings a note must explain, headed 'Cảnh báo'/'Warning' (they are not errors)."""
    warnings = list(checked.prepared.warnings) if checked.prepared else []
    return _problem_frame(warnings, lang, "warn_message") if warnings else pd.DataFrame()


def _problem_frame(
    problems: list[Problem], lang: str, message: str = "err_message"
) -> pd.DataFrame:
    rows = problems_table(problems, lang)
    keys = [t("err_row", lang), t("err_column", lang), t("err_value", lang), t("err_message", lang)]
    frame = pd.DataFrame(rows, columns=keys).rename(columns={keys[3]: t(message, lang)})
    keys[3] = t(message, lang)
    # A problem of the whole file has no row: "—", as the grid would say "None" in English.
    frame[keys[0]] = [MISSING if pd.isna(row) else str(int(row)) for row in frame[keys[0]]]
    for key in keys[1:]:
        frame[key] = frame[key].astype(str)
    return frame


def preview_table(checked: Checked, lang: str) -> pd.DataFrame:
    """What a commit would do: changed rows first, then new, then unchanged."""
    assert checked.prepared is not None
    rows = checked.prepared.preview
    if rows.empty:
        return pd.DataFrame()
    rows = rows.assign(_order=rows["state"].map(STATE_ORDER)).sort_values(
        ["_order", "indicator_code", "unit_code", "period"], kind="stable"
    )
    catalogue = resources.catalogue()
    return pd.DataFrame(
        {
            t("col_state", lang): [t(f"state_{s}", lang) for s in rows["state"]],
            t("col_code", lang): rows["indicator_code"].astype(str).to_numpy(),
            t("col_name", lang): [
                catalogue[c].short_name(lang) if c in catalogue else str(c)
                for c in rows["indicator_code"]
            ],
            t("col_unit", lang): rows["unit_code"].astype(str).to_numpy(),
            t("col_quarter", lang): [quarter_label(str(p), lang) for p in rows["period"]],
            t("col_old_value", lang): [percent(_number(v), lang) for v in rows["old_value"]],
            t("col_new_value", lang): [percent(_number(v), lang) for v in rows["value"]],
        }
    )


def _number(value: object) -> float | None:
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return None if pd.isna(number) else number
